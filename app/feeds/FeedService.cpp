// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeds/FeedService.h"

#include "domain/WhenReady.h"
#include "feeds/Promises.h"
#include "net/FeedFetcher.h"
#include "storage/Library.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace folio {

using feeds::readyFuture;
using feeds::settle;
using feeds::startedPromise;

namespace {

bool isHttp(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == "http"_L1 || scheme == "https"_L1);
}

FeedFetch::Status statusOf(FetchResult::Status status)
{
    switch (status) {
    case FetchResult::Status::Ok:
        return FeedFetch::Status::Ok;
    case FetchResult::Status::NotModified:
        return FeedFetch::Status::NotModified;
    case FetchResult::Status::Failed:
        return FeedFetch::Status::Failed;
    case FetchResult::Status::Cancelled:
        return FeedFetch::Status::Cancelled;
    }
    return FeedFetch::Status::Failed;
}

QStringList cleanTags(const QStringList& tags)
{
    QStringList out;
    for (const QString& tag : tags) {
        const QString name = tag.simplified();
        if (!name.isEmpty() && !out.contains(name, Qt::CaseInsensitive)) {
            out.append(name);
        }
    }
    return out;
}

} // namespace

FeedFetch prepareFetch(const FetchResult& fetched, const QStringList& extraTags)
{
    FeedFetch fetch;
    fetch.feedId = fetched.feedId;
    fetch.status = statusOf(fetched.status);
    fetch.requestedUrl = fetched.requestedUrl;
    fetch.feedUrl = fetched.feedUrl;
    fetch.etag = fetched.etag;
    fetch.lastModified = fetched.lastModified;
    fetch.error = fetched.error;
    fetch.retryAfter = fetched.retryAfter;
    if (fetched.status == FetchResult::Status::Ok) {
        // Stored under the feed's own source; FeedStore fills in the final key and URL.
        const QUrl url = fetched.urlChanged() ? fetched.feedUrl : fetched.requestedUrl;
        ImportOptions options;
        options.sourceKey = FeedStore::sourceKey(fetched.feedId);
        options.extraTags = extraTags;
        fetch.title = fetched.feed.title;
        fetch.siteUrl = fetched.feed.link;
        fetch.document = Importer::prepare(fetched.feed, url.toString(), url, options);
    }
    return fetch;
}

FeedService::FeedService(Library* library, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_library(library)
{
    if (network) {
        m_fetcher = new FeedFetcher(network, this);
    }
}

FeedService::~FeedService()
{
    cancelRefresh();
}

QFuture<Result<SubscribeReport>> FeedService::subscribe(const QUrl& url, const QStringList& tags)
{
    if (!m_fetcher) {
        return readyFuture<SubscribeReport>(feeds::noNetwork());
    }
    if (!isHttp(url)) {
        return readyFuture<SubscribeReport>(
            makeError(Error::Code::Invalid, u"not an http or https URL: %1"_s.arg(url.toString())));
    }
    if (!m_library) {
        return readyFuture<SubscribeReport>(feeds::libraryClosed());
    }
    auto promise = startedPromise<SubscribeReport>();
    const QStringList feedTags = cleanTags(tags);
    auto found = m_library->read<std::optional<Feed>>([url](QSqlDatabase db) { return FeedStore(db).findByUrl(url); });
    whenReady(this, found, [this, promise, url, feedTags](const Result<std::optional<Feed>>& existing) {
        if (!existing || existing.value()) {
            settle<SubscribeReport>(promise, existing ? Result<SubscribeReport>(SubscribeReport{*existing.value(), true, {}})
                                                      : Result<SubscribeReport>(existing.error()));
            return;
        }
        if (!m_fetcher) {
            settle<SubscribeReport>(promise, feeds::noNetwork());
            return;
        }
        FetchRequest request;
        request.url = url;
        request.discover = true;
        whenReady(this, m_fetcher->fetch(request), [this, promise, feedTags](const FetchResult& fetched) {
            if (!fetched.ok()) {
                settle<SubscribeReport>(promise, fetched.error);
                return;
            }
            auto prepared = QtConcurrent::run([fetched, feedTags] { return prepareFetch(fetched, feedTags); });
            whenReady(this, prepared, [this, promise, feedTags](const FeedFetch& fetch) {
                if (!m_library) {
                    settle<SubscribeReport>(promise, feeds::libraryClosed());
                    return;
                }
                auto stored = m_library->write<SubscribeReport>(
                    [fetch, feedTags](QSqlDatabase db) { return FeedStore(db).subscribe(fetch, feedTags); });
                whenReady(this, stored, [this, promise](const Result<SubscribeReport>& report) {
                    if (report && !report->alreadySubscribed && m_library) {
                        Q_EMIT m_library->feedsChanged();
                        if (report->import.added > 0 || report->import.updated > 0) {
                            Q_EMIT m_library->contentChanged();
                        }
                    }
                    settle<SubscribeReport>(promise, report);
                });
            });
        });
    });
    return promise->future();
}

QFuture<Result<UnsubscribeReport>> FeedService::unsubscribe(qint64 feedId)
{
    if (!m_library) {
        return readyFuture<UnsubscribeReport>(feeds::libraryClosed());
    }
    auto promise = startedPromise<UnsubscribeReport>();
    auto removed = m_library->write<UnsubscribeReport>([feedId](QSqlDatabase db) { return FeedStore(db).remove(feedId); });
    whenReady(this, removed, [this, promise](const Result<UnsubscribeReport>& report) {
        if (report && m_library) {
            Q_EMIT m_library->feedsChanged();
            if (report->articlesRemoved > 0) {
                Q_EMIT m_library->contentChanged();
            }
        }
        settle<UnsubscribeReport>(promise, report);
    });
    return promise->future();
}

} // namespace folio
