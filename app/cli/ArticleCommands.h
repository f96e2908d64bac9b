// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"
#include "domain/ArticleQuery.h"

namespace folio::cli {

/// folio-cli list, show, bookmark, read and stats: reading the library and the reader's state.
class ArticleCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit ArticleCommands(Context& context)
        : m_c(context)
    {
    }
    int list(QSqlDatabase db);
    /// --query first, then every other list option narrows it (the same search as the window).
    Result<ArticleQuery> listQuery();
    Result<qint64> articleId(const QStringList& args, const QString& command);
    int show(QSqlDatabase db, const QStringList& args);
    int stats(QSqlDatabase db);
    int setFlag(QSqlDatabase db, const QString& command, const QStringList& args);

    Context& m_c;
};

} // namespace folio::cli
