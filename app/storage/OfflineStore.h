// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/ResourceStore.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace folio {

/// What a feed keeps for offline reading beyond its text.
enum class OfflinePolicy { None, Images, Full };

QString offlinePolicyName(OfflinePolicy policy);
/// "none", "images", "full" (case-insensitive); nullopt for anything else.
std::optional<OfflinePolicy> parseOfflinePolicy(const QString& name);

/// The full article fetched from the publisher's page, beside the feed's version.
struct FullArticle
{
    QString url;
    QString html; ///< sanitised
    QString text;
    qint64 fetched = 0;
};

/// What the offline downloader needs to know about one article.
struct OfflineWork
{
    qint64 articleId = 0;
    QString link;
    QString contentHtml;
    QString fullHtml;  ///< empty when no full article is stored
    bool wantFull = false;
};

/// What an article has offline (folio-cli show --json "offline", "resources").
struct OfflineStatus
{
    bool offline = false; ///< every image stored, and the full article when its policy asks for it
    std::optional<FullArticle> full;
    QList<ArticleResource> resources; ///< only those in the store
};

struct PruneReport
{
    int articles = 0; ///< articles whose images or full text went
    int files = 0;
    qint64 bytes = 0;
};

/// Offline policy per feed, full articles and whether an article is complete offline. Thread rules
/// as for every store: one instance per thread and connection.
class OfflineStore
{
public:
    OfflineStore(QSqlDatabase db, QString storeDir);

    /// SQL that is 1 when article `a` is readable offline: complete as the downloader recorded it,
    /// or (never looked at) it shows no image and no feed of it asks for the full article. The
    /// article list's mark and `offline:yes|no` both use it, so they always agree.
    static QString isOfflineSql();

    Result<void> setPolicy(qint64 feedId, OfflinePolicy policy);
    Result<OfflinePolicy> policy(qint64 feedId);

    /// Work for articleIds (all of them); wantFull when force or a feed of the article asks for it.
    Result<QList<OfflineWork>> work(const QList<qint64>& articleIds, bool forceFull);
    /// Articles that should be offline and are not yet: those of feeds with a policy (of feedIds,
    /// or of every feed when empty), and every bookmarked or annotated article.
    Result<QList<qint64>> pending(const QList<qint64>& feedIds);

    Result<void> setFullArticle(qint64 articleId, const FullArticle& full);
    Result<std::optional<FullArticle>> fullArticle(qint64 articleId);

    /// Works out whether articleId is complete offline and records it (article_offline).
    Result<bool> updateCompleteness(qint64 articleId);
    Result<OfflineStatus> status(qint64 articleId);

    /// Frees images and full text of articles that are neither bookmarked nor annotated: those added
    /// before olderThan (seconds since the epoch; 0 = no age rule), then the oldest until the store
    /// holds at most maxStoreBytes (0 = no budget). Their files go when no other article uses them.
    Result<PruneReport> prune(qint64 maxStoreBytes, qint64 olderThan);

    /// After articles or feeds were deleted: removes files nothing references any more.
    Result<StoreCleanup> collectGarbage();

private:
    Result<bool> wantsFull(qint64 articleId);
    Result<void> forget(qint64 articleId);

    QSqlDatabase m_db;
    ResourceStore m_resources;
};

} // namespace folio
