// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/FeedFetcher.h"

#include "ingest/DateParser.h"
#include "ingest/DocumentParser.h"
#include "ingest/TextDecoding.h"
#include "net/FeedDiscovery.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcNet, "folio.net", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace folio {

namespace {

enum AbortReason { NotAborted, AbortedTooLarge, AbortedDeadline, AbortedBatchDeadline };

const QString kBatchDeadlineMessage = u"the refresh ran out of time (its overall deadline passed)"_s;

constexpr char kAccept[] = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
                           "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1";

bool isHttp(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() && (scheme == "http"_L1 || scheme == "https"_L1);
}

Error netError(const QUrl& url, const QString& message)
{
    return makeError(Error::Code::Network, message, url.toString(QUrl::RemoveUserInfo));
}

QString networkMessage(const QNetworkReply& reply, int transferTimeoutMs)
{
    const QString host = reply.url().host();
    const QByteArray encoding = reply.rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity"
        && (reply.error() == QNetworkReply::ProtocolFailure || reply.error() == QNetworkReply::UnknownContentError)) {
        // Qt's own text ("Data corrupted", "Decompression failed: …") does not say what it was.
        return u"could not decompress the response from %1 (Content-Encoding: %2): %3"_s.arg(
            host, QString::fromLatin1(encoding), reply.errorString());
    }
    switch (reply.error()) {
    case QNetworkReply::HostNotFoundError:
        return u"host not found: %1"_s.arg(host);
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused by %1"_s.arg(host);
    case QNetworkReply::TimeoutError:
        return u"timed out connecting to %1"_s.arg(host);
    case QNetworkReply::OperationCanceledError:
        // We abort for cancel, size and deadline ourselves; an abort we did not ask for is
        // QNetworkRequest's transfer timeout.
        return u"timed out: no data for %1 s"_s.arg(transferTimeoutMs / 1000.0);
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS handshake with %1 failed: %2"_s.arg(host, reply.errorString());
    case QNetworkReply::RemoteHostClosedError:
        return u"%1 closed the connection before the feed was complete"_s.arg(host);
    default:
        return reply.errorString();
    }
}

} // namespace

struct FeedFetcher::Job
{
    quint64 id = 0;
    FetchRequest request;
    FetchResult result;
    QString host; ///< the per-host slot this job holds
    QUrl url;     ///< the URL being requested now
    int redirects = 0;
    bool permanentSoFar = true;
    bool discovered = false; ///< already followed a web page's feed link
    bool conditional = true; ///< send the request's validators
    std::shared_ptr<QPromise<FetchResult>> promise;
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> deadline;
    QByteArray body;
    int abortReason = NotAborted;
    bool batchLimited = false; ///< the deadline timer runs to the batch's deadline, not the request's
};

namespace {

Result<ParsedFeed> parseLarge(const QByteArray& bytes, const QString& name, const QUrl& url)
{
    QTemporaryFile file;
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
        return makeError(Error::Code::Io, u"cannot buffer the response: %1"_s.arg(file.errorString()), name);
    }
    QList<FeedItem> items;
    auto head = DocumentParser::streamFile(
        file.fileName(),
        [&items](const ParsedFeed&, FeedItem&& item) {
            items.append(std::move(item));
            return true;
        },
        url, name);
    if (head) {
        head->items = std::move(items);
    }
    return head;
}

} // namespace

struct FeedFetcher::ParseOutcome
{
    bool ok = false;
    ParsedFeed feed;
    Error error;
    QList<QUrl> alternates;
};

FeedFetcher::FeedFetcher(QNetworkAccessManager* manager, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_pool(QThreadPool::globalInstance())
    , m_maxBodyBytes(text::kMaxDocumentBytes)
{
    Q_ASSERT(manager);
}

FeedFetcher::~FeedFetcher()
{
    for (auto& [id, job] : m_jobs) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
            job->reply->deleteLater();
        }
    }
}

QNetworkAccessManager* FeedFetcher::networkAccessManager() const
{
    return m_manager;
}

QByteArray FeedFetcher::userAgent()
{
    return QByteArrayLiteral("Folio/" FOLIO_VERSION " (+" FOLIO_HOMEPAGE ")");
}

void FeedFetcher::setThreadPool(QThreadPool* pool)
{
    m_pool = pool ? pool : QThreadPool::globalInstance();
}

QFuture<FetchResult> FeedFetcher::fetch(const FetchRequest& request)
{
    Waiting waiting{m_nextJobId++, request, std::make_shared<QPromise<FetchResult>>()};
    waiting.promise->start();
    QFuture<FetchResult> future = waiting.promise->future();
    m_pending.push_back(std::move(waiting));
    ++m_total;
    Q_EMIT progress(m_done, m_total);
    // From the event loop: a caller can attach its continuation before anything is answered.
    QTimer::singleShot(0, this, &FeedFetcher::pump);
    return future;
}

QList<QFuture<FetchResult>> FeedFetcher::fetch(const QList<FetchRequest>& requests)
{
    QList<QFuture<FetchResult>> futures;
    for (const FetchRequest& request : requests) {
        futures.append(fetch(request));
    }
    if (requests.isEmpty() && m_total == 0) {
        // Still answer from the event loop, so a caller can always wait for finished().
        QTimer::singleShot(0, this, [this] {
            if (m_total == 0) {
                Q_EMIT finished();
            }
        });
    }
    return futures;
}

void FeedFetcher::pump()
{
    // Requests whose batch is out of time go without being sent.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!it->request.batchDeadline.hasExpired()) {
            ++it;
            continue;
        }
        Waiting expired = std::move(*it);
        it = m_pending.erase(it);
        FetchResult r;
        r.feedId = expired.request.feedId;
        r.requestedUrl = expired.request.url;
        r.feedUrl = expired.request.url;
        r.status = FetchResult::Status::Failed;
        r.error = netError(expired.request.url, kBatchDeadlineMessage + u"; not fetched"_s);
        report(*expired.promise, r);
    }
    // Fair across hosts: each free slot goes to the first waiting request of the host with the
    // fewest requests running (below maxPerHost), so a host with many feeds, or a slow one,
    // takes its turns with the others instead of before them.
    while (static_cast<int>(m_jobs.size()) < m_maxConcurrent) {
        auto best = m_pending.end();
        int bestActive = m_maxPerHost;
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            const int active = m_activePerHost.value(it->request.url.host().toLower());
            if (active < bestActive) {
                best = it;
                bestActive = active;
                if (active == 0) {
                    break;
                }
            }
        }
        if (best == m_pending.end()) {
            return;
        }
        Waiting next = std::move(*best);
        m_pending.erase(best);
        start(std::move(next));
    }
}

void FeedFetcher::start(Waiting waiting)
{
    const quint64 jobId = waiting.id;
    const FetchRequest& request = waiting.request;
    auto created = std::make_unique<Job>();
    created->id = jobId;
    created->request = request;
    created->promise = std::move(waiting.promise);
    created->host = request.url.host().toLower();
    created->url = request.url;
    created->result.feedId = request.feedId;
    created->result.requestedUrl = request.url;
    created->result.feedUrl = request.url;
    ++m_activePerHost[created->host];
    Job& ref = *created;
    m_jobs.emplace(jobId, std::move(created));

    if (!isHttp(request.url)) {
        const Error error = netError(request.url, u"not an http or https URL"_s);
        QTimer::singleShot(0, this, [this, jobId, error] { fail(jobId, error); });
        return;
    }
    if (!m_manager) {
        const Error error = netError(request.url, u"no network access"_s);
        QTimer::singleShot(0, this, [this, jobId, error] { fail(jobId, error); });
        return;
    }
    ref.deadline = new QTimer(this);
    ref.deadline->setSingleShot(true);
    connect(ref.deadline, &QTimer::timeout, this, [this, jobId] {
        if (Job* j = job(jobId); j && j->reply) {
            abortJob(*j, j->batchLimited ? AbortedBatchDeadline : AbortedDeadline);
        }
    });
    startDeadline(ref);
    sendRequest(ref);
}

void FeedFetcher::sendRequest(Job& job)
{
    QNetworkRequest request(job.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", kAccept);
    // No Accept-Encoding of our own: QNetworkAccessManager then asks for gzip/deflate itself and
    // decompresses transparently.
    if (job.conditional && !job.request.etag.isEmpty()) {
        request.setRawHeader("If-None-Match", job.request.etag.toUtf8());
    }
    if (job.conditional && !job.request.lastModified.isEmpty()) {
        request.setRawHeader("If-Modified-Since", job.request.lastModified.toUtf8());
    }
    // Redirects are followed here, hop by hop, to tell permanent ones (301/308) from the rest.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_transferTimeoutMs);

    job.body.clear();
    QNetworkReply* reply = m_manager->get(request);
    job.reply = reply;
    const quint64 jobId = job.id;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, jobId] { onMetaData(jobId); });
    connect(reply, &QNetworkReply::readyRead, this, [this, jobId] { onReadyRead(jobId); });
    connect(reply, &QNetworkReply::finished, this, [this, jobId] { onReplyFinished(jobId); });
    qCDebug(lcNet) << "GET" << job.url.toString(QUrl::RemoveUserInfo);
}

FeedFetcher::Job* FeedFetcher::job(quint64 jobId)
{
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

void FeedFetcher::abortJob(Job& job, int reason)
{
    job.abortReason = reason;
    // abort() may emit finished() right here, which completes (and destroys) the job: callers
    // must not touch it afterwards.
    QPointer<QNetworkReply> reply = job.reply;
    if (reply) {
        reply->abort();
    }
}

void FeedFetcher::onMetaData(quint64 jobId)
{
    Job* j = job(jobId);
    if (!j || !j->reply) {
        return;
    }
    const int status = j->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        return;
    }
    const QVariant length = j->reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_maxBodyBytes) {
        abortJob(*j, AbortedTooLarge);
    }
}

void FeedFetcher::onReadyRead(quint64 jobId)
{
    Job* j = job(jobId);
    if (!j || !j->reply) {
        return;
    }
    j->body += j->reply->readAll();
    if (j->body.size() > m_maxBodyBytes) {
        abortJob(*j, AbortedTooLarge);
    }
}

void FeedFetcher::onReplyFinished(quint64 jobId)
{
    Job* j = job(jobId);
    if (!j || !j->reply) {
        return;
    }
    QNetworkReply* reply = j->reply;
    j->reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);
    const QUrl url = j->url;

    if (j->abortReason == AbortedTooLarge) {
        fail(jobId, netError(url, u"the response is larger than %1 bytes; refused"_s.arg(m_maxBodyBytes)));
        return;
    }
    if (j->abortReason == AbortedDeadline) {
        fail(jobId, netError(url, u"timed out after %1 s"_s.arg(m_deadlineMs / 1000.0)));
        return;
    }
    if (j->abortReason == AbortedBatchDeadline) {
        fail(jobId, netError(url, kBatchDeadlineMessage));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    j->result.httpStatus = status;
    if (status >= 300 && status < 400 && status != 304) {
        QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (target.isEmpty()) {
            target = QUrl(QString::fromUtf8(reply->rawHeader("Location")));
        }
        if (target.isEmpty()) {
            fail(jobId, netError(url, u"HTTP %1 redirect without a Location"_s.arg(status)));
            return;
        }
        const QUrl next = url.resolved(target);
        if (++j->redirects > m_maxRedirects) {
            fail(jobId, netError(url, u"too many redirects (more than %1)"_s.arg(m_maxRedirects)));
            return;
        }
        if (!isHttp(next)) {
            fail(jobId, netError(url, u"redirect to an unsupported URL: %1"_s.arg(next.toString())));
            return;
        }
        if (url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0
            && next.scheme().compare(u"http"_s, Qt::CaseInsensitive) == 0) {
            fail(jobId, netError(url, u"refused a redirect from https to http: %1"_s.arg(next.toString())));
            return;
        }
        const bool permanent = status == 301 || status == 308;
        j->permanentSoFar = j->permanentSoFar && permanent;
        if (j->permanentSoFar) {
            j->result.feedUrl = next;
        }
        qCDebug(lcNet) << status << "redirect" << url.toString(QUrl::RemoveUserInfo) << "->"
                       << next.toString(QUrl::RemoveUserInfo);
        j->url = next;
        sendRequest(*j);
        return;
    }
    if (status == 0 || (reply->error() != QNetworkReply::NoError && status >= 200 && status < 300)) {
        fail(jobId, netError(url, networkMessage(*reply, m_transferTimeoutMs)));
        return;
    }
    j->result.finalUrl = url;
    j->result.etag = QString::fromUtf8(reply->rawHeader("ETag"));
    j->result.lastModified = QString::fromUtf8(reply->rawHeader("Last-Modified"));
    if (status == 304) {
        // A 304 need not repeat the validators; keep the ones we sent.
        if (j->result.etag.isEmpty()) {
            j->result.etag = j->request.etag;
        }
        if (j->result.lastModified.isEmpty()) {
            j->result.lastModified = j->request.lastModified;
        }
        j->result.status = FetchResult::Status::NotModified;
        complete(jobId);
        return;
    }
    if (status < 200 || status >= 300) {
        const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString message = u"HTTP %1 %2"_s.arg(status).arg(phrase).trimmed();
        if (status == 429 || status == 503) {
            j->result.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentSecsSinceEpoch());
            if (j->result.retryAfter) {
                message += u"; the server asks not to be asked again before %1"_s.arg(
                    QDateTime::fromSecsSinceEpoch(*j->result.retryAfter, QTimeZone::utc()).toString(Qt::ISODate));
            }
        }
        fail(jobId, netError(url, message));
        return;
    }
    j->body += reply->readAll();
    if (j->body.size() > m_maxBodyBytes) {
        fail(jobId, netError(url, u"the response is larger than %1 bytes; refused"_s.arg(m_maxBodyBytes)));
        return;
    }
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (j->body.isEmpty() && !encoding.isEmpty() && encoding != "identity") {
        // Qt gives up on a damaged stream silently: nothing comes out, and no error is set.
        fail(jobId, netError(url, u"could not decompress the response from %1 (Content-Encoding: %2): the "
                                  u"compressed data is damaged or truncated, nothing came out of it"_s
                                      .arg(url.host(), QString::fromLatin1(encoding))));
        return;
    }
    startParse(*j, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
}

void FeedFetcher::startParse(Job& job, const QByteArray& contentType)
{
    if (job.deadline) {
        job.deadline->stop();
    }
    job.result.bytes = job.body.size();
    const QByteArray bytes = std::move(job.body);
    job.body.clear();
    const QUrl url = job.url;
    const bool discover = job.request.discover && !job.discovered;
    const quint64 jobId = job.id;
    // Parsing grows with the document: run it on the pool, come back here with the value.
    QtConcurrent::run(m_pool, [bytes, url, contentType, discover]() -> ParseOutcome {
        ParseOutcome out;
        if (FeedDiscovery::looksLikeHtml(bytes, contentType)) {
            if (discover) {
                out.alternates = FeedDiscovery::alternateLinks(bytes, url);
                if (!out.alternates.isEmpty()) {
                    return out;
                }
                out.error = makeError(Error::Code::Parse, u"this web page does not name a feed"_s, url.toString());
                return out;
            }
            out.error = makeError(Error::Code::Parse, u"a web page, not a feed"_s, url.toString());
            return out;
        }
        const QString name = url.toString(QUrl::RemoveUserInfo);
        Result<ParsedFeed> parsed = makeError(Error::Code::Generic, QString());
        if (bytes.size() <= text::kMaxDocumentBytes) {
            parsed = DocumentParser::parse(bytes, name, url);
        } else {
            // Larger than a document in memory may be (the cap in Preferences allows it): stream it.
            parsed = parseLarge(bytes, name, url);
        }
        if (!parsed) {
            out.error = parsed.error();
            return out;
        }
        out.ok = true;
        out.feed = std::move(parsed).value();
        return out;
    }).then(this, [this, jobId](const ParseOutcome& outcome) { onParsed(jobId, outcome); });
}

void FeedFetcher::onParsed(quint64 jobId, const ParseOutcome& outcome)
{
    Job* j = job(jobId);
    if (!j) {
        return; // cancelled meanwhile
    }
    if (!outcome.ok && !outcome.alternates.isEmpty()) {
        // A web page naming its feed: fetch the feed instead (once), as a new resource.
        j->discovered = true;
        j->conditional = false;
        j->permanentSoFar = true;
        j->redirects = 0;
        j->url = outcome.alternates.first();
        j->result.feedUrl = j->url;
        qCDebug(lcNet) << "discovered feed" << j->url.toString(QUrl::RemoveUserInfo);
        if (j->deadline) {
            startDeadline(*j);
        }
        sendRequest(*j);
        return;
    }
    if (!outcome.ok) {
        fail(jobId, outcome.error);
        return;
    }
    j->result.feed = outcome.feed;
    j->result.status = FetchResult::Status::Ok;
    complete(jobId);
}

void FeedFetcher::fail(quint64 jobId, Error error)
{
    Job* j = job(jobId);
    if (!j) {
        return;
    }
    qCDebug(lcNet).noquote() << "fetch failed:" << error.toString();
    j->result.status = FetchResult::Status::Failed;
    j->result.error = std::move(error);
    complete(jobId);
}

void FeedFetcher::complete(quint64 jobId)
{
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) {
        return;
    }
    const std::unique_ptr<Job> j = std::move(it->second);
    m_jobs.erase(it);
    if (j->deadline) {
        j->deadline->stop();
        j->deadline->deleteLater();
    }
    if (j->reply) {
        j->reply->disconnect(this);
        j->reply->abort();
        j->reply->deleteLater();
    }
    if (--m_activePerHost[j->host] <= 0) {
        m_activePerHost.remove(j->host);
    }
    pump();
    report(*j->promise, j->result);
}

void FeedFetcher::report(QPromise<FetchResult>& promise, const FetchResult& result)
{
    ++m_done;
    promise.addResult(result);
    promise.finish();
    Q_EMIT progress(m_done, m_total);
    if (m_done >= m_total) {
        m_done = 0;
        m_total = 0;
        Q_EMIT finished();
    }
}

void FeedFetcher::cancel()
{
    std::vector<std::pair<std::shared_ptr<QPromise<FetchResult>>, FetchResult>> cancelled;
    const Error error = makeError(Error::Code::Cancelled, u"cancelled"_s);
    for (auto& [id, job] : m_jobs) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
            job->reply->deleteLater();
        }
        if (job->deadline) {
            job->deadline->stop();
            job->deadline->deleteLater();
        }
        job->result.status = FetchResult::Status::Cancelled;
        job->result.error = error;
        cancelled.emplace_back(job->promise, job->result);
    }
    for (const Waiting& waiting : m_pending) {
        FetchResult r;
        r.feedId = waiting.request.feedId;
        r.requestedUrl = waiting.request.url;
        r.feedUrl = waiting.request.url;
        r.status = FetchResult::Status::Cancelled;
        r.error = error;
        cancelled.emplace_back(waiting.promise, r);
    }
    m_jobs.clear();
    m_pending.clear();
    m_activePerHost.clear();
    for (auto& [promise, result] : cancelled) {
        report(*promise, result);
    }
}

void FeedFetcher::startDeadline(Job& job)
{
    // The request's own deadline, or what is left of its batch's when that comes first.
    const qint64 batch = job.request.batchDeadline.remainingTime(); // -1: forever
    job.batchLimited = batch >= 0 && batch < m_deadlineMs;
    job.deadline->start(job.batchLimited ? static_cast<int>(qMax<qint64>(batch, 1)) : m_deadlineMs);
}

std::optional<qint64> FeedFetcher::parseRetryAfter(const QByteArray& value, qint64 now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 delay = text.toLongLong(&ok);
    qint64 at = 0;
    if (ok) {
        if (delay < 0) {
            return std::nullopt;
        }
        at = now + qMin(delay, kMaxRetryAfterSecs);
    } else {
        const QDateTime date = DateParser::parseRfc822(QString::fromLatin1(text));
        if (!date.isValid()) {
            return std::nullopt;
        }
        at = qBound(now, date.toSecsSinceEpoch(), now + kMaxRetryAfterSecs);
    }
    return at;
}

} // namespace folio
