// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeds/OfflineDownloader.h"

#include "html/ArticleExtractor.h"
#include "html/ImageSources.h"
#include "net/FeedFetcher.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringDecoder>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr auto kTooLarge = "folioTooLarge";

struct Prepared
{
    Result<QList<OfflineWork>> work = QList<OfflineWork>();
    QHash<qint64, QSet<QString>> stored;
};

bool isWeb(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

QString decodePage(const QByteArray& bytes, const QByteArray& contentType)
{
    const qsizetype at = contentType.toLower().indexOf("charset=");
    if (at >= 0) {
        QByteArray name = contentType.mid(at + 8).trimmed();
        name = name.left(name.indexOf(';') < 0 ? name.size() : name.indexOf(';')).replace('"', "");
        QStringDecoder decoder(name.constData());
        if (decoder.isValid()) {
            return decoder.decode(bytes);
        }
    }
    const auto encoding = QStringConverter::encodingForHtml(bytes);
    QStringDecoder decoder(encoding.value_or(QStringConverter::Utf8));
    return decoder.decode(bytes);
}

} // namespace

OfflineDownloader::OfflineDownloader(QNetworkAccessManager* manager, QString databasePath, QString storeDir,
                                     QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_databasePath(std::move(databasePath))
    , m_storeDir(std::move(storeDir))
    , m_pool(QThreadPool::globalInstance())
    , m_writer(std::make_unique<QThreadPool>())
    , m_userAgent(FeedFetcher::userAgent())
{
    qRegisterMetaType<folio::OfflineReport>();
    m_writer->setMaxThreadCount(1);
}

OfflineDownloader::~OfflineDownloader()
{
    cancel();
    m_writer->waitForDone();
}

void OfflineDownloader::useLimitsOf(const FeedFetcher& fetcher)
{
    m_userAgent = FeedFetcher::userAgent();
    m_maxPerHost = fetcher.maxPerHost();
    m_transferTimeoutMs = fetcher.transferTimeout();
    m_deadlineMs = fetcher.deadline();
}

void OfflineDownloader::startPending(const QList<qint64>& feedIds)
{
    m_busy = true;
    ++m_preparing;
    const QString path = m_databasePath;
    const QString dir = m_storeDir;
    QtConcurrent::run(m_writer.get(), [path, dir, feedIds]() -> Result<QList<qint64>> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return OfflineStore(db.value(), dir).pending(feedIds);
    }).then(this, [this](const Result<QList<qint64>>& ids) {
        --m_preparing;
        if (!ids) {
            m_report.errors.append(ids.error().toString());
            maybeFinish();
            return;
        }
        if (ids->isEmpty()) {
            maybeFinish();
            return;
        }
        start(ids.value());
    });
}

void OfflineDownloader::start(const QList<qint64>& articleIds, bool forceFull)
{
    m_busy = true;
    ++m_preparing;
    const QString path = m_databasePath;
    const QString dir = m_storeDir;
    QtConcurrent::run(m_writer.get(), [path, dir, articleIds, forceFull]() {
        Prepared prepared;
        auto db = Database::connection(path);
        if (!db) {
            prepared.work = db.error();
            return prepared;
        }
        prepared.work = OfflineStore(db.value(), dir).work(articleIds, forceFull);
        ResourceStore resources(db.value(), dir);
        for (const qint64 id : articleIds) {
            auto list = resources.resourcesOf(id);
            if (!list) {
                prepared.work = list.error();
                return prepared;
            }
            for (const ArticleResource& r : std::as_const(*list)) {
                // A stored file that went missing counts as not stored: it is fetched again.
                if (!r.hash.isEmpty() && QFile::exists(resources.pathOf(r.hash))) {
                    prepared.stored[id].insert(r.url);
                }
            }
        }
        return prepared;
    }).then(this, [this](const Prepared& prepared) { onWork(prepared.work, prepared.stored); });
}

void OfflineDownloader::onWork(const Result<QList<OfflineWork>>& work, const QHash<qint64, QSet<QString>>& stored)
{
    --m_preparing;
    if (!work || m_cancelled) {
        if (!work) {
            m_report.errors.append(work.error().toString());
        }
        maybeFinish();
        return;
    }
    for (const OfflineWork& w : std::as_const(*work)) {
        ++m_report.articles;
        m_openPerArticle.insert(w.articleId, m_openPerArticle.value(w.articleId));
        const QSet<QString> done = stored.value(w.articleId);
        m_stored[w.articleId] = done;
        queueImages(w.articleId, html::imageSources(w.contentHtml) + html::imageSources(w.fullHtml), done);
        if (w.wantFull && w.fullHtml.isEmpty() && isWeb(QUrl(w.link))) {
            m_queue.push_back(Download{Kind::Page, w.articleId, QUrl(w.link), {}});
            ++m_openPerArticle[w.articleId];
            ++m_total;
        }
        if (m_openPerArticle.value(w.articleId) == 0) {
            m_openPerArticle.remove(w.articleId);
            settle(w.articleId);
        }
    }
    reportProgress();
    pump();
    maybeFinish();
}

void OfflineDownloader::queueImages(qint64 articleId, const QStringList& urls, const QSet<QString>& stored)
{
    QSet<QString> seen;
    for (const QString& url : urls) {
        if (stored.contains(url) || seen.contains(url)) {
            continue;
        }
        seen.insert(url);
        ++m_openPerArticle[articleId];
        auto& waiters = m_waiters[url];
        waiters.append(articleId);
        if (waiters.size() > 1) {
            continue; // a download or write of this URL is under way: it takes this article along
        }
        if (const auto known = m_outcomes.constFind(url); known != m_outcomes.cend()) {
            writeImage(url, known.value(), false); // already fetched in this run: no second download
        } else {
            m_queue.push_back(Download{Kind::Image, articleId, QUrl(url), url});
            ++m_total;
        }
    }
}

void OfflineDownloader::pump()
{
    if (!m_manager) {
        return;
    }
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        const QString host = it->url.host().toLower();
        if (m_perHost.value(host) < m_maxPerHost) {
            const Download d = *it;
            it = m_queue.erase(it);
            begin(d);
        } else {
            ++it;
        }
    }
}

void OfflineDownloader::begin(const Download& download)
{
    QNetworkRequest request(download.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setRawHeader("Accept", download.kind == Kind::Image ? "image/avif,image/webp,image/png,image/*;q=0.8"
                                                                : "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
    QNetworkReply* reply = m_manager->get(request);
    m_active.insert(reply, download);
    ++m_perHost[download.url.host().toLower()];
    const qint64 cap = download.kind == Kind::Image ? m_limits.maxBytes : m_maxPageBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, cap](qint64 received, qint64 total) {
        if (received > cap || total > cap) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    });
    QTimer::singleShot(m_deadlineMs, reply, [reply]() { reply->abort(); });
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onFinished(reply); });
}

void OfflineDownloader::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    const auto it = m_active.find(reply);
    if (it == m_active.end()) {
        return;
    }
    const Download d = it.value();
    m_active.erase(it);
    --m_perHost[d.url.host().toLower()];
    ++m_done;
    reportProgress();
    if (m_cancelled) {
        maybeFinish();
        return;
    }
    QString error;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->property(kTooLarge).toBool()) {
        error = tr("larger than allowed");
    } else if (reply->error() != QNetworkReply::NoError) {
        error = reply->errorString();
    } else if (status >= 400) {
        error = tr("HTTP status %1").arg(status);
    }
    const QByteArray bytes = error.isEmpty() ? reply->readAll() : QByteArray();
    if (d.kind == Kind::Image) {
        onImage(d, bytes, error);
    } else {
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        onPage(d, bytes, reply->url(), error.isEmpty() && !type.isEmpty() && !type.toLower().contains("html")
                                           ? tr("not a web page (%1)").arg(QString::fromLatin1(type))
                                           : error);
        Q_UNUSED(type);
    }
    pump();
}

void OfflineDownloader::onImage(const Download& d, const QByteArray& bytes, const QString& error)
{
    if (!error.isEmpty()) {
        writeImage(d.key, makeError(Error::Code::Network, error), true);
        return;
    }
    ++m_background;
    const ResourceLimits limits = m_limits;
    QtConcurrent::run(m_pool, [bytes, limits]() { return ResourceStore::verify(bytes, limits); })
        .then(this, [this, url = d.key](const Result<VerifiedResource>& verified) {
            --m_background;
            writeImage(url, verified, true);
        });
}

void OfflineDownloader::writeImage(const QString& url, const Result<VerifiedResource>& verified, bool first)
{
    // The URL stays in m_waiters until its write is done, so an article that asks for it meanwhile
    // (the full page of an article whose feed version has the same image) joins instead of
    // downloading it again; it is written in a second pass below.
    const QList<qint64> waiters = m_waiters.value(url);
    const QString path = m_databasePath;
    const QString dir = m_storeDir;
    ++m_background;
    QtConcurrent::run(m_writer.get(), [path, dir, url, waiters, verified]() -> Result<void> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        ResourceStore store(db.value(), dir);
        for (const qint64 id : waiters) {
            auto r = !verified               ? store.recordFailure(id, url, verified.error().message)
                     : verified->bytes.isEmpty() ? store.link(id, url, verified->hash)
                                                 : store.put(id, url, verified.value());
            if (!r) {
                return r;
            }
        }
        return {};
    }).then(this, [this, url, waiters, verified, first](const Result<void>& written) {
        --m_background;
        if (first) {
            if (verified && written) {
                ++m_report.images;
            } else {
                ++m_report.imagesFailed;
                addError(QUrl(url), written ? verified.error().message : written.error().message);
            }
        }
        if (written) {
            Result<VerifiedResource> outcome = verified;
            if (outcome) {
                outcome->bytes.clear(); // later articles link to the stored file
            }
            m_outcomes.insert(url, outcome);
        }
        for (const qint64 id : waiters) {
            if (verified && written) {
                m_stored[id].insert(url);
            }
            if (--m_openPerArticle[id] <= 0) {
                m_openPerArticle.remove(id);
                settle(id);
            }
        }
        const QList<qint64> late = m_waiters.take(url).mid(waiters.size());
        if (!late.isEmpty() && !m_cancelled) {
            m_waiters.insert(url, late);
            writeImage(url, verified, false);
        }
        maybeFinish();
    });
}

void OfflineDownloader::onPage(const Download& d, const QByteArray& bytes, const QUrl& finalUrl, const QString& error)
{
    const qint64 id = d.articleId;
    const auto release = [this, id]() {
        if (--m_openPerArticle[id] <= 0) {
            m_openPerArticle.remove(id);
            settle(id);
        }
        maybeFinish();
    };
    if (!error.isEmpty()) {
        ++m_report.fullFailed;
        addError(d.url, error);
        release();
        return;
    }
    ++m_background;
    const QByteArray type; // the charset comes from the page's own <meta> when the header gave none
    QtConcurrent::run(m_pool, [bytes, finalUrl]() {
        return html::extractArticle(decodePage(bytes, QByteArray()), finalUrl);
    }).then(this, [this, id, d, finalUrl, release](const html::ExtractedArticle& article) {
        --m_background;
        if (m_cancelled) {
            maybeFinish();
            return;
        }
        if (article.html.isEmpty()) {
            ++m_report.fullFailed;
            addError(d.url, tr("no article text found on the page"));
            release();
            return;
        }
        ++m_background;
        const FullArticle full{finalUrl.toString(QUrl::FullyEncoded), article.html, article.text,
                               QDateTime::currentSecsSinceEpoch()};
        const QString path = m_databasePath;
        const QString dir = m_storeDir;
        QtConcurrent::run(m_writer.get(), [path, dir, id, full]() -> Result<void> {
            auto db = Database::connection(path);
            if (!db) {
                return db.error();
            }
            return OfflineStore(db.value(), dir).setFullArticle(id, full);
        }).then(this, [this, id, d, full, release](const Result<void>& written) {
            --m_background;
            if (!written) {
                ++m_report.fullFailed;
                addError(d.url, written.error().message);
            } else {
                ++m_report.fullArticles;
                queueImages(id, html::imageSources(full.html), m_stored.value(id));
                reportProgress();
                pump();
            }
            release();
        });
    });
}

void OfflineDownloader::settle(qint64 articleId)
{
    if (m_cancelled) {
        return;
    }
    ++m_background;
    const QString path = m_databasePath;
    const QString dir = m_storeDir;
    QtConcurrent::run(m_writer.get(), [path, dir, articleId]() -> Result<bool> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return OfflineStore(db.value(), dir).updateCompleteness(articleId);
    }).then(this, [this, articleId](const Result<bool>& complete) {
        --m_background;
        if (!complete) {
            m_report.errors.append(complete.error().toString());
        } else {
            if (*complete) {
                ++m_report.complete;
            }
            Q_EMIT articleReady(articleId, *complete);
        }
        maybeFinish();
    });
}

void OfflineDownloader::addError(const QUrl& url, const QString& error)
{
    if (m_report.errors.size() < 50) {
        m_report.errors.append(url.toDisplayString() + u": "_s + error);
    }
}

void OfflineDownloader::cancel()
{
    if (!m_busy) {
        return;
    }
    m_cancelled = true;
    m_report.cancelled = true;
    m_queue.clear();
    m_waiters.clear();
    m_outcomes.clear();
    m_openPerArticle.clear();
    const QList<QNetworkReply*> replies = m_active.keys();
    for (QNetworkReply* reply : replies) {
        reply->abort();
    }
    maybeFinish();
}

void OfflineDownloader::reportProgress()
{
    Q_EMIT progress(m_done, m_total);
}

void OfflineDownloader::maybeFinish()
{
    if (!m_busy || m_preparing > 0 || m_background > 0 || !m_queue.empty() || !m_active.isEmpty()
        || !m_openPerArticle.isEmpty()) {
        return;
    }
    m_busy = false;
    m_cancelled = false;
    const OfflineReport report = m_report;
    m_report = {};
    m_done = 0;
    m_total = 0;
    m_waiters.clear();
    m_outcomes.clear();
    m_stored.clear();
    Q_EMIT finished(report);
}

} // namespace folio
