// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace folio {

/// folio-cli: every command of the headless front end. Lives in folio_core so tests can drive
/// it in-process; app/cli/main.cpp only builds the application object and calls run().
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine(QTextStream& out, QTextStream& err);

    /// Commands of a layer above folio_core (the team commands), registered by main() and tests
    /// before run(). run gets the parsed command line (profile, json and the group's options).
    struct CommandGroup
    {
        QStringList commands;
        QString summary;
        QList<QCommandLineOption> options;
        std::function<int(QTextStream& out, QTextStream& err, const QCommandLineParser& parser, const QString& command,
                          const QStringList& args)>
            run;
    };
    static void addGroup(const CommandGroup& group);

    /// Runs the command in arguments (arguments[0] is the program name); returns the exit status:
    /// 0 success, 1 the command failed, 2 the command line was wrong.
    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace folio
