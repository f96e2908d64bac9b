// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace folio {

/// folio-cli: every command of the headless front end. Lives in folio_core so tests can drive
/// it in-process; app/cli/main.cpp only builds the application object and calls run().
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine(QTextStream& out, QTextStream& err);

    /// Runs the command in arguments (arguments[0] is the program name); returns the exit status:
    /// 0 success, 1 the command failed, 2 the command line was wrong.
    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace folio
