// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The refresh part of FeedService: many feeds, fairly across hosts, within a deadline.
#include "feeds/FeedService.h"

#include "domain/WhenReady.h"
#include "feeds/Promises.h"
#include "net/FeedFetcher.h"
#include "storage/Library.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QTimeZone>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>

using namespace Qt::StringLiterals;

namespace folio {

using feeds::readyFuture;
using feeds::settle;
using feeds::startedPromise;

namespace {

QString hostOf(const Feed& feed)
{
    return QUrl(feed.url).host().toLower();
}

// Feeds in turns by host (a, b, c, a, b, a, …), each host's feeds in their own order.
std::deque<Feed> byHostInTurn(const QList<Feed>& feeds)
{
    QList<QString> hosts;
    QHash<QString, std::deque<Feed>> perHost;
    for (const Feed& feed : feeds) {
        const QString host = hostOf(feed);
        if (!perHost.contains(host)) {
            hosts.append(host);
        }
        perHost[host].push_back(feed);
    }
    std::deque<Feed> out;
    while (out.size() < static_cast<size_t>(feeds.size())) {
        for (const QString& host : std::as_const(hosts)) {
            std::deque<Feed>& queue = perHost[host];
            if (!queue.empty()) {
                out.push_back(queue.front());
                queue.pop_front();
            }
        }
    }
    return out;
}

FeedUpdate updateFor(const Feed& feed, FeedFetch::Status status, const QString& message)
{
    FeedUpdate update;
    update.feedId = feed.id;
    update.status = status;
    update.error = message;
    update.retryAfter = feed.retryAfter;
    return update;
}

} // namespace

struct FeedService::Refresh
{
    std::shared_ptr<QPromise<Result<RefreshReport>>> promise;
    RefreshReport report;
    QDeadlineTimer deadline;
    std::deque<Feed> waiting; ///< not asked for yet, in turns by host
    QHash<QString, int> inFlightPerHost;
    int inFlight = 0; ///< asked for and not stored yet
    int done = 0;
    bool cancelled = false;
    bool finished = false;
};

QFuture<Result<RefreshReport>> FeedService::refresh(const QList<qint64>& ids)
{
    if (!m_fetcher) {
        return readyFuture<RefreshReport>(feeds::noNetwork());
    }
    if (!m_library) {
        return readyFuture<RefreshReport>(feeds::libraryClosed());
    }
    m_refreshes.removeIf([](const std::weak_ptr<Refresh>& weak) { return weak.expired(); });
    auto refresh = std::make_shared<Refresh>();
    refresh->promise = startedPromise<RefreshReport>();
    refresh->deadline = QDeadlineTimer(m_refreshDeadlineMs);
    m_refreshes.append(refresh);
    auto feeds = m_library->read<QList<Feed>>(
        [ids](QSqlDatabase db) { return ids.isEmpty() ? FeedStore(db).feeds() : FeedStore(db).feeds(ids); });
    whenReady(this, feeds, [this, refresh](const Result<QList<Feed>>& list) {
        if (!list) {
            refresh->finished = true;
            settle<RefreshReport>(refresh->promise, list.error());
            return;
        }
        startRefresh(refresh, list.value());
    });
    return refresh->promise->future();
}

void FeedService::startRefresh(const std::shared_ptr<Refresh>& refresh, const QList<Feed>& feeds)
{
    refresh->report.feeds = static_cast<int>(feeds.size());
    Q_EMIT refreshProgress(0, refresh->report.feeds);
    if (feeds.isEmpty() || refresh->cancelled) {
        refresh->finished = true;
        refresh->report.cancelled = refresh->report.feeds;
        settle<RefreshReport>(refresh->promise, refresh->report);
        return;
    }
    // A feed whose server asked for a pause (Retry-After) is not asked again before then.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<Feed> due;
    QList<Feed> deferred;
    for (const Feed& feed : feeds) {
        (feed.retryAfter && *feed.retryAfter > now ? deferred : due).append(feed);
    }
    refresh->waiting = byHostInTurn(due);
    for (const Feed& feed : std::as_const(deferred)) {
        const QString until = QDateTime::fromSecsSinceEpoch(*feed.retryAfter, QTimeZone::utc()).toString(Qt::ISODate);
        finishFeed(refresh, {}, updateFor(feed, FeedFetch::Status::Deferred,
                                          u"not fetched: the server asked not to be asked again before %1"_s.arg(until)));
    }
    // What has not started when the deadline passes is reported then (the fetcher aborts the rest).
    QTimer::singleShot(qMax<qint64>(0, refresh->deadline.remainingTime()), this,
                       [this, weak = std::weak_ptr<Refresh>(refresh)] {
                           if (auto r = weak.lock()) {
                               releaseMore(r);
                           }
                       });
    releaseMore(refresh);
}

void FeedService::releaseMore(const std::shared_ptr<Refresh>& refresh)
{
    if (refresh->finished) {
        return;
    }
    if (refresh->cancelled || refresh->deadline.hasExpired() || !m_fetcher) {
        const QString message = refresh->cancelled ? u"cancelled"_s
                                                   : u"not fetched: the refresh ran out of time (its overall deadline passed)"_s;
        std::deque<Feed> left;
        left.swap(refresh->waiting);
        for (const Feed& feed : left) {
            finishFeed(refresh, {}, updateFor(feed, FeedFetch::Status::Cancelled, message));
        }
        return;
    }
    // Back-pressure and fairness: at most a window of feeds between "asked" and "stored", and at
    // most maxPerHost of them per host, so a slow host or a busy writer holds only its share.
    const int window = 2 * m_fetcher->maxConcurrent();
    const int perHost = m_fetcher->maxPerHost();
    for (auto it = refresh->waiting.begin(); it != refresh->waiting.end() && refresh->inFlight < window;) {
        const QString host = hostOf(*it);
        if (refresh->inFlightPerHost.value(host) >= perHost) {
            ++it;
            continue;
        }
        const Feed feed = *it;
        it = refresh->waiting.erase(it);
        ++refresh->inFlight;
        ++refresh->inFlightPerHost[host];
        FetchRequest request;
        request.feedId = feed.id;
        request.url = QUrl(feed.url);
        request.etag = feed.etag;
        request.lastModified = feed.lastModified;
        request.batchDeadline = refresh->deadline;
        whenReady(this, m_fetcher->fetch(request),
                  [this, refresh, feed](const FetchResult& fetched) { onFetched(refresh, feed, fetched); });
    }
}

void FeedService::onFetched(const std::shared_ptr<Refresh>& refresh, const Feed& feed, const FetchResult& fetched)
{
    const QString host = hostOf(feed);
    if (fetched.status == FetchResult::Status::Cancelled) {
        finishFeed(refresh, host, updateFor(feed, FeedFetch::Status::Cancelled, fetched.error.message));
        return;
    }
    if (fetched.status != FetchResult::Status::Ok) {
        store(refresh, host, prepareFetch(fetched, {}));
        return;
    }
    // Sanitising and text extraction grow with the feed: on the pool, not on the writer.
    auto prepared = QtConcurrent::run([fetched, tags = feed.tags] { return prepareFetch(fetched, tags); });
    whenReady(this, prepared, [this, refresh, host](const FeedFetch& fetch) { store(refresh, host, fetch); });
}

void FeedService::store(const std::shared_ptr<Refresh>& refresh, const QString& host, const FeedFetch& fetch)
{
    if (!m_library) {
        FeedUpdate update;
        update.feedId = fetch.feedId;
        update.error = feeds::libraryClosed().message;
        finishFeed(refresh, host, update);
        return;
    }
    auto stored = m_library->write<FeedUpdate>([fetch](QSqlDatabase db) { return FeedStore(db).recordFetch(fetch); });
    whenReady(this, stored, [this, refresh, host, feedId = fetch.feedId](const Result<FeedUpdate>& result) {
        FeedUpdate update;
        if (result) {
            update = result.value();
        } else {
            update.feedId = feedId;
            update.status = FeedFetch::Status::Failed;
            update.error = result.error().message;
        }
        finishFeed(refresh, host, update);
    });
}

void FeedService::finishFeed(const std::shared_ptr<Refresh>& refresh, const QString& host, const FeedUpdate& update)
{
    if (refresh->finished) {
        return;
    }
    if (!host.isEmpty()) {
        --refresh->inFlight;
        --refresh->inFlightPerHost[host];
    }
    RefreshReport& report = refresh->report;
    switch (update.status) {
    case FeedFetch::Status::Ok:
        ++report.fetched;
        break;
    case FeedFetch::Status::NotModified:
        ++report.notModified;
        break;
    case FeedFetch::Status::Failed:
        ++report.failed;
        break;
    case FeedFetch::Status::Cancelled:
        ++report.cancelled;
        break;
    case FeedFetch::Status::Deferred:
        ++report.deferred;
        break;
    }
    report.added += update.import.added;
    report.updated += update.import.updated;
    report.updates.append(update);
    ++refresh->done;
    Q_EMIT feedRefreshed(update);
    Q_EMIT refreshProgress(refresh->done, report.feeds);
    if (refresh->done < report.feeds) {
        releaseMore(refresh);
        return;
    }
    refresh->finished = true;
    if (m_library) {
        Q_EMIT m_library->feedsChanged();
        if (report.added > 0 || report.updated > 0) {
            Q_EMIT m_library->contentChanged();
        }
    }
    settle<RefreshReport>(refresh->promise, report);
}

void FeedService::cancelRefresh()
{
    const auto refreshes = std::exchange(m_refreshes, {});
    for (const std::weak_ptr<Refresh>& weak : refreshes) {
        if (auto refresh = weak.lock(); refresh && !refresh->finished) {
            refresh->cancelled = true;
            m_refreshes.append(refresh);
        }
    }
    if (m_fetcher) {
        m_fetcher->cancel(); // every running fetch answers Cancelled
    }
    for (const std::weak_ptr<Refresh>& weak : std::as_const(m_refreshes)) {
        if (auto refresh = weak.lock()) {
            releaseMore(refresh); // reports what was not asked for yet
        }
    }
}

} // namespace folio
