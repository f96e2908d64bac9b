// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Library.h"

#include "storage/ArticleStore.h"
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"
#include "ingest/TextDecoding.h"
#include "net/FeedFetcher.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/Importer.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace folio {

QString Library::resolveProfileDir(const QString& option)
{
    if (!option.isEmpty()) {
        return QDir(option).absolutePath();
    }
    const QString env = qEnvironmentVariable("FOLIO_PROFILE");
    if (!env.isEmpty()) {
        return QDir(env).absolutePath();
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<Library>> Library::open(const QString& profileDir, OpenOptions options)
{
    const QString path = QDir(profileDir).filePath(Database::fileName());
    if (auto r = Database::prepare(path, options); !r) {
        return r.error();
    }
    return std::unique_ptr<Library>(new Library(profileDir, path));
}

Library::Library(QString profileDir, QString databasePath)
    : m_profileDir(std::move(profileDir))
    , m_databasePath(std::move(databasePath))
{
    // Threads keep their connection for the life of the library.
    m_readPool.setMaxThreadCount(2);
    m_readPool.setExpiryTimeout(-1);
    m_writePool.setMaxThreadCount(1);
    m_writePool.setExpiryTimeout(-1);
}

Library::~Library()
{
    m_readPool.clear();
    waitForIdle();
}

void Library::waitForIdle()
{
    // Work can hop between the pools (an OPML file parsed on the read pool is stored on the
    // writer): wait until both are still.
    do {
        m_readPool.waitForDone();
        m_writePool.waitForDone();
    } while (m_readPool.activeThreadCount() > 0 || m_writePool.activeThreadCount() > 0);
}

bool Library::isReadOnly() const
{
    return !Database::checkWritable(m_databasePath).hasValue();
}

QString Library::writeRefusal() const
{
    const auto writable = Database::checkWritable(m_databasePath);
    return writable ? QString() : writable.error().toString();
}

template<typename T, typename Fn>
QFuture<Result<T>> Library::run(QThreadPool* pool, Fn fn)
{
    const bool writes = pool == &m_writePool;
    return QtConcurrent::run(pool, [path = m_databasePath, writes, fn = std::move(fn)]() -> Result<T> {
        if (writes) {
            // Read-only, full or damaged: refuse before any work, with the reason.
            if (auto w = Database::checkWritable(path); !w) {
                return w.error();
            }
        }
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return fn(db.value());
    });
}

QFuture<Result<std::vector<ArticleRow>>> Library::page(const ArticleQuery& query,
                                                       const std::optional<ArticleCursor>& after, int limit)
{
    return run<std::vector<ArticleRow>>(&m_readPool, [query, after, limit](QSqlDatabase db) {
        return ArticleStore(db).page(query, after, limit);
    });
}

QFuture<Result<int>> Library::count(const ArticleQuery& query)
{
    return run<int>(&m_readPool, [query](QSqlDatabase db) { return ArticleStore(db).count(query); });
}

QFuture<Result<Article>> Library::article(qint64 id)
{
    return run<Article>(&m_readPool, [id](QSqlDatabase db) { return ArticleStore(db).article(id); });
}

QFuture<Result<QList<TagCount>>> Library::tagCounts()
{
    return run<QList<TagCount>>(&m_readPool, [](QSqlDatabase db) { return TagStore(db).tagCounts(); });
}

QFuture<Result<LibraryStats>> Library::stats()
{
    return run<LibraryStats>(&m_readPool, [](QSqlDatabase db) { return ArticleStore(db).stats(); });
}

QFuture<Result<void>> Library::setRead(const QList<qint64>& ids, bool read)
{
    return run<void>(&m_writePool, [this, ids, read](QSqlDatabase db) {
        auto r = StateStore(db).setRead(ids, read);
        if (r) {
            Q_EMIT stateChanged(ids);
        }
        return r;
    });
}

QFuture<Result<void>> Library::setBookmarked(const QList<qint64>& ids, bool bookmarked)
{
    return run<void>(&m_writePool, [this, ids, bookmarked](QSqlDatabase db) {
        auto r = StateStore(db).setBookmarked(ids, bookmarked);
        if (r) {
            Q_EMIT stateChanged(ids);
        }
        return r;
    });
}

QFuture<Result<ImportReport>> Library::importFile(const QString& path)
{
    return run<ImportReport>(&m_writePool, [this, path](QSqlDatabase db) {
        auto r = Importer(db).importFile(path);
        if (r && (r->added > 0 || r->updated > 0)) {
            Q_EMIT contentChanged();
        }
        return r;
    });
}

QFuture<Result<int>> Library::importSeedsIfNew()
{
    return run<int>(&m_writePool, [this](QSqlDatabase db) {
        auto r = Importer(db).importSeedsIfNew();
        if (r && r.value() > 0) {
            Q_EMIT contentChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::declineSeeds()
{
    return run<void>(&m_writePool, [](QSqlDatabase db) { return Importer(db).declineSeeds(); });
}

QFuture<Result<QString>> Library::backupIfDue()
{
    return run<QString>(&m_writePool, [path = m_databasePath](QSqlDatabase) { return DatabaseBackup::backupIfDue(path); });
}

// --- Feeds -------------------------------------------------------------------------------------

namespace {

template<typename T>
QFuture<Result<T>> readyFuture(Result<T> value)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

template<typename T>
void settle(const std::shared_ptr<QPromise<Result<T>>>& promise, Result<T> value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

Error noNetwork()
{
    return makeError(Error::Code::Network, u"no network access: the library has no network manager"_s);
}

} // namespace

struct Library::RefreshBatch
{
    std::shared_ptr<QPromise<Result<RefreshReport>>> promise;
    RefreshReport report;
    int done = 0;
};

void Library::setNetworkAccessManager(QNetworkAccessManager* manager)
{
    if (m_fetcher) {
        m_fetcher->cancel();
        delete m_fetcher;
        m_fetcher = nullptr;
    }
    m_fetchHandlers.clear();
    if (!manager) {
        return;
    }
    m_fetcher = new FeedFetcher(manager, this);
    m_fetcher->setThreadPool(QThreadPool::globalInstance());
    connect(m_fetcher, &FeedFetcher::feedFetched, this, &Library::onFeedFetched);
}

void Library::onFeedFetched(const FetchResult& result)
{
    const auto handler = m_fetchHandlers.take(result.token);
    if (handler) {
        handler(result);
    }
}

QFuture<Result<QList<Feed>>> Library::feeds()
{
    return run<QList<Feed>>(&m_readPool, [](QSqlDatabase db) { return FeedStore(db).feeds(); });
}

QFuture<Result<QList<FeedCount>>> Library::feedCounts()
{
    return run<QList<FeedCount>>(&m_readPool, [](QSqlDatabase db) { return FeedStore(db).feedCounts(); });
}

QFuture<Result<SubscribeReport>> Library::subscribe(const QUrl& url, const QStringList& tags)
{
    if (!m_fetcher) {
        return readyFuture<SubscribeReport>(noNetwork());
    }
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
        return readyFuture<SubscribeReport>(
            makeError(Error::Code::Invalid, u"not an http or https URL: %1"_s.arg(url.toString())));
    }
    auto promise = std::make_shared<QPromise<Result<SubscribeReport>>>();
    promise->start();
    QFuture<Result<SubscribeReport>> future = promise->future();
    run<std::optional<Feed>>(&m_readPool, [url](QSqlDatabase db) { return FeedStore(db).findByUrl(url); })
        .then(this, [this, promise, url, tags](const Result<std::optional<Feed>>& found) {
            if (!found) {
                settle<SubscribeReport>(promise, found.error());
                return;
            }
            if (found.value()) {
                SubscribeReport report;
                report.feed = *found.value();
                report.alreadySubscribed = true;
                settle<SubscribeReport>(promise, report);
                return;
            }
            if (!m_fetcher) {
                settle<SubscribeReport>(promise, noNetwork());
                return;
            }
            const quint64 token = m_nextFetchToken++;
            m_fetchHandlers.insert(token, [this, promise, tags](const FetchResult& fetched) {
                if (!fetched.ok()) {
                    settle<SubscribeReport>(promise, fetched.error);
                    return;
                }
                run<SubscribeReport>(&m_writePool, [fetched, tags](QSqlDatabase db) {
                    return FeedStore(db).subscribe(fetched, tags);
                }).then(this, [this, promise](const Result<SubscribeReport>& report) {
                    if (report && !report->alreadySubscribed) {
                        Q_EMIT feedsChanged();
                        if (report->import.added > 0 || report->import.updated > 0) {
                            Q_EMIT contentChanged();
                        }
                    }
                    settle<SubscribeReport>(promise, report);
                });
            });
            FetchRequest request;
            request.token = token;
            request.url = url;
            request.discover = true;
            m_fetcher->fetch({request});
        });
    return future;
}

QFuture<Result<UnsubscribeReport>> Library::unsubscribe(qint64 feedId)
{
    auto future = run<UnsubscribeReport>(&m_writePool, [feedId](QSqlDatabase db) { return FeedStore(db).remove(feedId); });
    future.then(this, [this](const Result<UnsubscribeReport>& report) {
        if (report) {
            Q_EMIT feedsChanged();
            if (report->articlesRemoved > 0) {
                Q_EMIT contentChanged();
            }
        }
    });
    return future;
}

QFuture<Result<RefreshReport>> Library::refreshFeeds(const QList<qint64>& ids)
{
    if (!m_fetcher) {
        return readyFuture<RefreshReport>(noNetwork());
    }
    auto batch = std::make_shared<RefreshBatch>();
    batch->promise = std::make_shared<QPromise<Result<RefreshReport>>>();
    batch->promise->start();
    QFuture<Result<RefreshReport>> future = batch->promise->future();
    run<QList<Feed>>(&m_readPool, [ids](QSqlDatabase db) {
        return ids.isEmpty() ? FeedStore(db).feeds() : FeedStore(db).feeds(ids);
    }).then(this, [this, batch](const Result<QList<Feed>>& feeds) {
        if (!feeds) {
            settle<RefreshReport>(batch->promise, feeds.error());
            return;
        }
        startRefresh(batch, feeds.value());
    });
    return future;
}

void Library::startRefresh(const std::shared_ptr<RefreshBatch>& batch, const QList<Feed>& feeds)
{
    batch->report.feeds = static_cast<int>(feeds.size());
    if (feeds.isEmpty() || !m_fetcher) {
        Q_EMIT refreshProgress(0, 0);
        settle<RefreshReport>(batch->promise, m_fetcher ? Result<RefreshReport>(batch->report) : noNetwork());
        return;
    }
    QList<FetchRequest> requests;
    for (const Feed& feed : feeds) {
        FetchRequest request;
        request.feedId = feed.id;
        request.token = m_nextFetchToken++;
        request.url = QUrl(feed.url);
        request.etag = feed.etag;
        request.lastModified = feed.lastModified;
        m_fetchHandlers.insert(request.token,
                               [this, batch](const FetchResult& fetched) { storeRefreshed(batch, fetched); });
        requests.append(request);
    }
    Q_EMIT refreshProgress(0, batch->report.feeds);
    m_fetcher->fetch(requests);
}

void Library::storeRefreshed(const std::shared_ptr<RefreshBatch>& batch, const FetchResult& fetched)
{
    // Storing runs on the writer; the result comes back to this thread to be counted.
    run<FeedUpdate>(&m_writePool, [fetched](QSqlDatabase db) {
        return FeedStore(db).recordFetch(fetched);
    }).then(this, [this, batch, fetched](const Result<FeedUpdate>& stored) {
        FeedUpdate update;
        if (stored) {
            update = stored.value();
        } else {
            update.feedId = fetched.feedId;
            update.status = FetchResult::Status::Failed;
            update.error = stored.error().message;
        }
        RefreshReport& report = batch->report;
        switch (update.status) {
        case FetchResult::Status::Ok:
            ++report.fetched;
            break;
        case FetchResult::Status::NotModified:
            ++report.notModified;
            break;
        case FetchResult::Status::Failed:
            ++report.failed;
            break;
        case FetchResult::Status::Cancelled:
            ++report.cancelled;
            break;
        }
        report.added += update.import.added;
        report.updated += update.import.updated;
        report.updates.append(update);
        ++batch->done;
        Q_EMIT feedRefreshed(update);
        Q_EMIT refreshProgress(batch->done, report.feeds);
        if (batch->done < report.feeds) {
            return;
        }
        Q_EMIT feedsChanged();
        if (report.added > 0 || report.updated > 0) {
            Q_EMIT contentChanged();
        }
        settle<RefreshReport>(batch->promise, report);
    });
}

void Library::cancelRefresh()
{
    if (m_fetcher) {
        m_fetcher->cancel();
    }
}

QFuture<Result<SubscriptionImportReport>> Library::importSubscriptions(const QString& path)
{
    // The writer only writes: the file is read and parsed on the read pool, then stored.
    auto future = QtConcurrent::run(&m_readPool, [path]() -> Result<OpmlDocument> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), path);
        }
        const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
        if (bytes.size() > text::kMaxDocumentBytes) {
            return makeError(Error::Code::Parse,
                             u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)), path);
        }
        return OpmlParser::parse(bytes, path);
    }).then(&m_writePool, [dbPath = m_databasePath](const Result<OpmlDocument>& document)
                              -> Result<SubscriptionImportReport> {
        if (!document) {
            return document.error();
        }
        auto db = Database::connection(dbPath);
        if (!db) {
            return db.error();
        }
        return FeedStore(db.value()).importSubscriptions(document->outlines);
    });
    future.then(this, [this](const Result<SubscriptionImportReport>& report) {
        if (report && report->outlines > 0) {
            Q_EMIT feedsChanged();
        }
    });
    return future;
}

QFuture<Result<void>> Library::exportSubscriptions(const QString& path)
{
    return run<void>(&m_readPool, [path](QSqlDatabase db) -> Result<void> {
        auto outlines = FeedStore(db).exportSubscriptions();
        if (!outlines) {
            return outlines.error();
        }
        const QByteArray bytes = OpmlWriter::write(outlines.value(), Library::tr("Folio subscriptions"),
                                                   QDateTime::currentDateTimeUtc());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            return makeError(Error::Code::Io, u"cannot write: %1"_s.arg(file.errorString()), path);
        }
        return {};
    });
}

} // namespace folio
