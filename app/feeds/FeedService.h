// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/FeedStore.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace folio {

class FeedFetcher;
class Library;
struct FetchResult;

/// What one FeedService::refresh() did.
struct RefreshReport
{
    int feeds = 0;       ///< feeds asked for
    int fetched = 0;     ///< feeds that delivered a document (stored)
    int notModified = 0; ///< feeds that answered 304
    int failed = 0;      ///< feeds whose fetch or store failed (the error is on the feed)
    int cancelled = 0;   ///< cancelled, or not reached before the refresh's deadline
    int deferred = 0;    ///< not asked: their server's Retry-After has not passed yet
    int added = 0;       ///< new articles, all feeds together
    int updated = 0;     ///< changed articles, all feeds together
    QList<FeedUpdate> updates; ///< one per feed, in the order they were stored
};

/// The feed service: subscribe, refresh, unsubscribe and OPML import/export, for the window and
/// folio-cli alike. It is the one place that joins the network (FeedFetcher: discovery,
/// conditional GET, limits) and storage (Library, FeedStore); neither of those knows the other.
///
/// Where the work runs: downloads and parsing on the fetcher (parsing on its pool); sanitising
/// and text extraction (Importer::prepare) on the global thread pool; only the store stage on the
/// library's writer, one transaction per feed (all or nothing). At most 2 × maxConcurrent() feeds
/// of a refresh are between "asked for" and "stored" at a time, at most maxPerHost() of them per
/// host, so memory stays bounded when the writer is busy and one slow host cannot hold the others.
///
/// Lives on the thread of the network manager (the GUI thread; the CLI's main thread). Every
/// future finishes on that thread with a value or an Error; the library's change signals
/// (feedsChanged, contentChanged) are emitted before it finishes. The service must outlive
/// nothing: destroying it cancels what runs.
class FeedService : public QObject
{
    Q_OBJECT

public:
    /// The longest a whole refresh may take; what is not done by then is reported cancelled.
    static constexpr int kDefaultRefreshDeadlineMs = 10 * 60 * 1000;

    /// library must outlive the service. network may be null: then subscribe and refresh fail
    /// with "no network access", everything else works. The composition root owns the manager
    /// and enables the system proxy (QNetworkProxyFactory::setUseSystemConfiguration).
    FeedService(Library* library, QNetworkAccessManager* network, QObject* parent = nullptr);
    ~FeedService() override;

    /// Limits and time-outs of the downloads (null without a network).
    FeedFetcher* fetcher() const { return m_fetcher; }
    void setRefreshDeadline(int ms) { m_refreshDeadlineMs = ms; }

    /// Fetches url (a feed, or a web page naming one with <link rel="alternate">), then adds the
    /// feed with these tags and stores its articles, in one transaction: a failure anywhere leaves
    /// nothing behind. A feed that is subscribed already is reported, not changed.
    QFuture<Result<SubscribeReport>> subscribe(const QUrl& url, const QStringList& tags = {});
    /// Removes the feed; its articles go too, except those kept for the user (FeedStore::remove).
    QFuture<Result<UnsubscribeReport>> unsubscribe(qint64 feedId);
    /// Fetches these feeds (all when ids is empty; an unknown id fails the call) and stores what
    /// changed, each feed in its own transaction; one failing feed never stops the others. A feed
    /// whose server answered 429/503 with Retry-After is left alone until then (deferred).
    /// Progress: refreshProgress, and feedRefreshed for each feed as it is stored.
    QFuture<Result<RefreshReport>> refresh(const QList<qint64>& ids = {});
    /// Stops every running refresh and subscribe: what is not stored yet is reported cancelled.
    void cancelRefresh();
    /// Reads an OPML file (off the writer) and adds its feeds in one transaction, without
    /// fetching them; folders and categories become feed tags.
    QFuture<Result<SubscriptionImportReport>> importSubscriptions(const QString& path);
    /// Every feed as an OPML 2.0 document (tags become folders).
    QFuture<Result<QByteArray>> subscriptionList();
    /// subscriptionList() written to path (atomically: the old file stays until the new one is whole).
    QFuture<Result<void>> exportSubscriptions(const QString& path);

Q_SIGNALS:
    /// done of total feeds of the running refresh are stored (total 0: it ended without feeds).
    void refreshProgress(int done, int total);
    /// One feed of a refresh was stored, failed, was deferred or cancelled.
    void feedRefreshed(const folio::FeedUpdate& update);

private:
    struct Refresh;
    void startRefresh(const std::shared_ptr<Refresh>& refresh, const QList<Feed>& feeds);
    void releaseMore(const std::shared_ptr<Refresh>& refresh);
    void onFetched(const std::shared_ptr<Refresh>& refresh, const Feed& feed, const FetchResult& fetched);
    void store(const std::shared_ptr<Refresh>& refresh, const QString& host, const FeedFetch& fetch);
    void finishFeed(const std::shared_ptr<Refresh>& refresh, const QString& host, const FeedUpdate& update);

    QPointer<Library> m_library;
    FeedFetcher* m_fetcher = nullptr; // child of this
    int m_refreshDeadlineMs = kDefaultRefreshDeadlineMs;
    QList<std::weak_ptr<Refresh>> m_refreshes;
};

/// The network's answer in storage's form, with the document prepared for the writer
/// (Importer::prepare: sanitising, text extraction). CPU work: call it off the writer.
FeedFetch prepareFetch(const FetchResult& fetched, const QStringList& extraTags);

} // namespace folio
