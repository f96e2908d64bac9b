// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "feeds/OfflineDownloader.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace folio {

/// What the offline commands read from the command line.
struct OfflineCommandOptions
{
    bool json = false;
    bool full = false;                 ///< offline: also the full articles
    std::optional<QString> maxStoreMb; ///< prune: budget in MiB (else the library's setting)
    std::optional<QString> olderThanDays;
};

/// folio-cli offline and prune, and the offline parts of show, stats, subscribe, unsubscribe, fetch.
class OfflineCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    OfflineCommands(QTextStream& out, QTextStream& err, QString databasePath, OfflineCommandOptions options);

    static QStringList commands();
    static QString summary();

    int run(QSqlDatabase db, const QString& command, const QStringList& args);

    /// show --json: "offline", "full_html", "resources".
    static Result<void> addToArticleJson(QSqlDatabase db, const QString& databasePath, qint64 articleId,
                                         QJsonObject& object);
    /// stats --json: "library_bytes", "store_bytes".
    static Result<void> addToStatsJson(QSqlDatabase db, const QString& databasePath, QJsonObject& object);
    /// Downloads what feedIds' policies ask for (every feed when empty) and bookmarked/annotated articles.
    static OfflineReport downloadPending(const QString& databasePath, const QList<qint64>& feedIds);
    /// Downloads for these articles now, waiting on an event loop (CLI only).
    static OfflineReport download(const QString& databasePath, const QList<qint64>& articleIds, bool full);
    /// After feeds or articles were removed: deletes the files nothing references.
    static Result<StoreCleanup> collectGarbage(QSqlDatabase db, const QString& databasePath);

    /// Library settings (meta table) for the storage budget.
    static constexpr auto kMaxStoreBytesKey = "offline.max_store_bytes";
    static constexpr auto kPruneDaysKey = "offline.prune_days";

private:
    int offline(const QStringList& args);
    int prune(QSqlDatabase db);
    void printReport(const OfflineReport& report);
    int fail(const QString& message);
    int usage(const QString& message);

    QTextStream& m_out;
    QTextStream& m_err;
    QString m_databasePath;
    OfflineCommandOptions m_options;
};

} // namespace folio
