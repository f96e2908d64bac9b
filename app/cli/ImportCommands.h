// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli import and parse: files into the library, or a file as parsed.
class ImportCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit ImportCommands(Context& context)
        : m_c(context)
    {
    }
    int importFiles(QSqlDatabase db, const QStringList& files);
    int parse(const QStringList& args);

    Context& m_c;
};

} // namespace folio::cli
