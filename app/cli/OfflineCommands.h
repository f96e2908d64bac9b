// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"
#include "feeds/OfflineDownloader.h"

#include <QJsonObject>

namespace folio::cli {

/// folio-cli offline and prune, and the offline parts of show, stats, subscribe, unsubscribe and
/// fetch (those commands call the static helpers here).
class OfflineCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

    /// show --json: "offline", "full_html", "resources".
    static Result<void> addToArticleJson(Context& c, qint64 articleId, QJsonObject& object);
    /// stats --json: "library_bytes", "store_bytes".
    static Result<void> addToStatsJson(Context& c, QJsonObject& object);
    /// Downloads what the policies of feedIds ask for (every feed when empty), and for bookmarked
    /// or annotated articles; waits on an event loop (CLI only).
    static OfflineReport downloadPending(const QString& databasePath, const QList<qint64>& feedIds);
    /// Downloads for these articles now (full: the full articles too); waits on an event loop.
    static OfflineReport download(const QString& databasePath, const QList<qint64>& articleIds, bool full);
    /// After feeds or articles were removed: deletes the store files nothing references any more.
    static Result<StoreCleanup> collectGarbage(Context& c);
    /// The "--offline POLICY" option of subscribe.
    static QCommandLineOption policyOption();

    /// Library settings (meta table) for the storage budget, read by prune and the window.
    static constexpr auto kMaxStoreBytesKey = "offline.max_store_bytes";
    static constexpr auto kPruneDaysKey = "offline.prune_days";

private:
    explicit OfflineCommands(Context& context)
        : m_c(context)
    {
    }
    int offline(const QStringList& args);
    int prune(QSqlDatabase db);
    void printReport(const OfflineReport& report);

    Context& m_c;
};

} // namespace folio::cli
