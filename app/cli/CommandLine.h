// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace folio {

/// folio-cli: finds the command in the dispatch table (CommandLine.cpp, one line per command
/// group), parses the global options and that command's own, opens the library when the command
/// needs it and runs it. `--help` after a command prints that command's help. Lives in folio_cli
/// so tests can drive it in-process; app/cli/main.cpp only builds the application object.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine(QTextStream& out, QTextStream& err);

    /// Runs the command in arguments (arguments[0] is the program name); returns the exit status:
    /// 0 success, 1 the command failed, 2 the command line was wrong.
    int run(const QStringList& arguments);

    /// Every command of every registered group, in the order of the table.
    static QList<cli::Command> commands();

private:
    int usage(const QString& message, const QString& command = {});
    QString overallHelp() const;

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace folio
