// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CommandLine.h"

#include <QCoreApplication>

namespace folio {

/// folio-cli team init|join|sync|status|leave|tag|search|feed: the team library from the
/// command line, over TeamService (the same service the window uses).
class TeamCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// The command group CommandLine::addGroup takes (main() and tests register it).
    static CommandLine::CommandGroup group();

    TeamCommands(QTextStream& out, QTextStream& err, const QCommandLineParser& parser);
    int run(const QStringList& args);

private:
    int init(const QStringList& args, bool create);
    int sync();
    int status();
    int leave();
    int mark(const QString& what, const QStringList& args);
    int fail(const QString& message);
    int usage(const QString& message);
    QString databasePath(bool* ok);

    QTextStream& m_out;
    QTextStream& m_err;
    const QCommandLineParser& m_parser;
    bool m_json = false;
};

} // namespace folio
