// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli team init|join|sync|status|leave|tag|search|feed: the team library from the
/// command line, over TeamService (the same service the window uses).
class TeamCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit TeamCommands(Context& context)
        : m_c(context)
    {
    }
    int run(const QStringList& args);
    int init(const QStringList& args, bool create);
    int sync();
    int status();
    int leave();
    int mark(const QString& what, const QStringList& args);
    QString databasePath(bool* ok);

    Context& m_c;
};

} // namespace folio::cli
