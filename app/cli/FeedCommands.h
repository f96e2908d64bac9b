// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli subscribe, feeds, unsubscribe, fetch and opml: subscriptions.
class FeedCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit FeedCommands(Context& context)
        : m_c(context)
    {
    }
    Result<QList<qint64>> feedIds(const QStringList& args, const QString& command);
    int subscribe(QSqlDatabase db, const QStringList& args);
    int feeds(QSqlDatabase db);
    int unsubscribe(QSqlDatabase db, const QStringList& args);
    int fetch(QSqlDatabase db, const QStringList& args);
    int opml(QSqlDatabase db, const QStringList& args);
    int opmlImport(QSqlDatabase db, const QString& path);
    int opmlExport(QSqlDatabase db);

    Context& m_c;
};

} // namespace folio::cli
