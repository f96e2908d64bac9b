// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli tags, tag and searches: tags with their counts, the reader's own tags, tag edits and
/// saved searches.
class TagCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit TagCommands(Context& context)
        : m_c(context)
    {
    }
    int tags(QSqlDatabase db);
    int editTags(QSqlDatabase db, const QStringList& args);
    int tagArticles(QSqlDatabase db, const QStringList& args);
    int searches(QSqlDatabase db, const QStringList& args);

    Context& m_c;
};

} // namespace folio::cli
