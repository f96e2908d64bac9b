// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"
#include "ingest/Opml.h"
#include "net/FetchResult.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace folio {

/// A subscribed feed as the library keeps it.
struct Feed
{
    qint64 id = 0;
    qint64 sourceId = 0; ///< its row in sources (0 before the first store)
    QString url;
    QString title;
    QString siteUrl;
    QStringList tags; ///< tags every article of the feed gets
    QString etag;
    QString lastModified;
    std::optional<qint64> lastFetched; ///< UTC seconds of the last successful fetch (200 or 304)
    QString lastError;                 ///< the last fetch's error; empty after a success
    qint64 created = 0;
};

/// A feed with the numbers the sidebar shows.
struct FeedCount
{
    Feed feed;
    int count = 0;  ///< articles linked to the feed's source
    int unread = 0; ///< of those, not marked read
};

/// What subscribing did.
struct SubscribeReport
{
    Feed feed;
    bool alreadySubscribed = false; ///< the feed was there before: nothing changed
    ImportReport import;            ///< articles stored from the first fetch
};

/// What unsubscribing did.
struct UnsubscribeReport
{
    Feed feed;
    int articlesRemoved = 0;
    int articlesKept = 0; ///< articles of the feed that stay (other sources, or user state)
};

/// What storing one fetch did.
struct FeedUpdate
{
    qint64 feedId = 0;
    FetchResult::Status status = FetchResult::Status::Failed;
    ImportReport import; ///< empty unless status is Ok
    QString error;       ///< set when the fetch (or storing it) failed
    QString newUrl;      ///< set when a permanent redirect moved the feed
};

/// What importing a subscription list did.
struct SubscriptionImportReport
{
    int outlines = 0; ///< feeds in the list (a feed listed in several folders counts once)
    int added = 0;    ///< new feeds (not fetched yet)
    int existing = 0; ///< feeds subscribed already; they gain the list's folders as tags
};

/// Feed subscriptions: the feeds and feed_tags tables and the feed's own sources row.
/// Synchronous; use it on the thread that owns db (the writer, for writes).
class FeedStore
{
public:
    explicit FeedStore(QSqlDatabase db);

    /// A URL as the feeds table keeps it (host lower-case, no fragment), for comparisons.
    static QString normalizedUrl(const QUrl& url);

    /// Every feed, by title then id.
    Result<QList<Feed>> feeds();
    /// The feeds with these ids, in that order; NotFound names the first unknown id.
    Result<QList<Feed>> feeds(const QList<qint64>& ids);
    /// One feed, or NotFound.
    Result<Feed> feed(qint64 id);
    /// Every feed (by title then id) with its total and unread article counts.
    Result<QList<FeedCount>> feedCounts();
    /// The feed with this URL, if any.
    Result<std::optional<Feed>> findByUrl(const QUrl& url);

    /// Adds a feed (and its sources row) without fetching it; an existing URL is Error::Invalid.
    Result<Feed> add(const QUrl& url, const QString& title, const QString& siteUrl, const QStringList& tags);

    /// Replaces the feed's tags (applied to articles fetched from now on).
    Result<void> setTags(qint64 id, const QStringList& tags);

    /// Subscribes to the feed a successful fetch (feedId 0) found: adds it under fetched.feedUrl
    /// with these tags and stores its articles. When that URL is subscribed already nothing changes.
    Result<SubscribeReport> subscribe(const FetchResult& fetched, const QStringList& tags);

    /// Stores a fetch of a subscribed feed: articles (through Importer, one transaction, with the
    /// feed's tags), validators, last_fetched, a new URL after a permanent redirect; or the error,
    /// leaving earlier articles as they were. Cancelled fetches change nothing.
    Result<FeedUpdate> recordFetch(const FetchResult& fetched);

    /// Removes the feed, its tags and its source. Its articles go too, except those that another
    /// source also delivered, that are bookmarked or read, or that carry a tag the user gave.
    Result<UnsubscribeReport> remove(qint64 id);

    /// Adds the feeds of a subscription list in one transaction (all or nothing), without fetching
    /// them. Folders and categories become feed tags (each name of a folder path is a tag); a feed
    /// listed in several folders gets each of their tags.
    Result<SubscriptionImportReport> importSubscriptions(const QList<OpmlOutline>& outlines);

    /// Every feed as a subscription list: a feed without tags at the top level, a feed with tags
    /// once in the folder of each tag (importSubscriptions reads that back as the same tags).
    Result<QList<OpmlOutline>> exportSubscriptions();

    /// The sources.key of a feed's source: "feed:<id>", stable when the URL changes.
    static QString sourceKey(qint64 feedId);

private:
    Result<qint64> insertFeed(const QString& url, const QString& title, const QString& siteUrl,
                              const QStringList& tags);
    Result<void> recordError(qint64 id, const QString& error);
    Result<void> writeTags(qint64 id, const QStringList& tags);

    QSqlDatabase m_db;
};

} // namespace folio

Q_DECLARE_METATYPE(folio::Feed)
Q_DECLARE_METATYPE(folio::FeedUpdate)
