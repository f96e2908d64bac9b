// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"
#include "ingest/Opml.h"
#include "storage/Importer.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

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
    /// A 429/503 answer asked not to fetch the feed before this UTC second (Retry-After);
    /// refreshes leave the feed alone until then. Cleared by the next successful fetch.
    std::optional<qint64> retryAfter;
};

/// What one fetch of a feed brought, in the form storage keeps it. The feed service fills it in
/// from the network's answer, with the document already prepared (Importer::prepare) off the writer.
struct FeedFetch
{
    enum class Status {
        Ok,          ///< a document (in document)
        NotModified, ///< 304: only the validators and last_fetched move
        Failed,      ///< error says why; stored on the feed
        Cancelled,   ///< nothing is stored
        Deferred,    ///< not asked: the server's Retry-After has not passed; nothing is stored
    };

    qint64 feedId = 0; ///< 0 while subscribing
    Status status = Status::Failed;
    QUrl requestedUrl; ///< the URL that was asked for
    QUrl feedUrl;      ///< the URL to keep (a discovered feed, or after permanent redirects)
    QString etag;      ///< validators of the answer, verbatim
    QString lastModified;
    QString title;   ///< the document's title (Ok)
    QString siteUrl; ///< the document's link (Ok)
    PreparedImport document; ///< the articles, ready for the writer (Ok)
    Error error;             ///< Failed, Cancelled, Deferred
    std::optional<qint64> retryAfter; ///< Failed with a Retry-After: not before this UTC second

    bool ok() const { return status == Status::Ok || status == Status::NotModified; }
    bool urlChanged() const { return feedUrl.isValid() && feedUrl != requestedUrl; }
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
    FeedFetch::Status status = FeedFetch::Status::Failed;
    ImportReport import; ///< empty unless status is Ok
    QString error;       ///< set when the fetch (or storing it) failed, or why it was deferred
    QString newUrl;      ///< set when a permanent redirect moved the feed
    std::optional<qint64> retryAfter; ///< the server asked not to be asked again before this UTC second
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
    /// with these tags and stores its articles, all in one transaction: when any step fails
    /// nothing is written (no feed is left behind). When that URL is subscribed already nothing
    /// changes. The document's items should carry the tags already (prepared with extraTags).
    Result<SubscribeReport> subscribe(const FeedFetch& fetched, const QStringList& tags);

    /// Stores a fetch of a subscribed feed in one transaction: articles (Importer::store),
    /// validators, last_fetched, a new URL after a permanent redirect — all or nothing. When storing
    /// the articles fails, or the fetch failed, only the error (and a Retry-After) is recorded and
    /// earlier articles stay as they were. Cancelled and deferred fetches change nothing.
    Result<FeedUpdate> recordFetch(const FeedFetch& fetched);

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
    Result<void> recordError(qint64 id, const QString& error, const std::optional<qint64>& retryAfter);
    Result<void> storeFetch(const Feed& feed, const FeedFetch& fetched, FeedUpdate& update);
    Result<void> writeTags(qint64 id, const QStringList& tags);

    QSqlDatabase m_db;
};

} // namespace folio

Q_DECLARE_METATYPE(folio::Feed)
Q_DECLARE_METATYPE(folio::FeedUpdate)
