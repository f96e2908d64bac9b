// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/FeedFetcher.h"

#include "ingest/DocumentParser.h"
#include "ingest/TextDecoding.h"
#include "net/FeedDiscovery.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadPool>
#include <QTimer>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcNet, "folio.net", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace folio {

namespace {

enum AbortReason { NotAborted, AbortedTooLarge, AbortedDeadline };

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
    QPointer<QNetworkReply> reply;
    QPointer<QTimer> deadline;
    QByteArray body;
    int abortReason = NotAborted;
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

void FeedFetcher::fetch(const QList<FetchRequest>& requests)
{
    if (requests.isEmpty()) {
        if (m_total == 0) {
            // Still answer from the event loop, so a caller can always wait for finished().
            QTimer::singleShot(0, this, [this] {
                if (m_total == 0) {
                    Q_EMIT finished();
                }
            });
        }
        return;
    }
    for (const FetchRequest& request : requests) {
        m_pending.emplace_back(m_nextJobId++, request);
    }
    m_total += static_cast<int>(requests.size());
    Q_EMIT progress(m_done, m_total);
    pump();
}

void FeedFetcher::pump()
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const QString host = it->second.url.host().toLower();
        if (m_activePerHost.value(host) >= m_maxPerHost) {
            ++it;
            continue;
        }
        const auto [jobId, request] = *it;
        it = m_pending.erase(it);
        start(jobId, request);
    }
}

void FeedFetcher::start(quint64 jobId, const FetchRequest& request)
{
    auto created = std::make_unique<Job>();
    created->id = jobId;
    created->request = request;
    created->host = request.url.host().toLower();
    created->url = request.url;
    created->result.feedId = request.feedId;
    created->result.token = request.token;
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
            abortJob(*j, AbortedDeadline);
        }
    });
    ref.deadline->start(m_deadlineMs);
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
        fail(jobId, netError(url, u"HTTP %1 %2"_s.arg(status).arg(phrase).trimmed()));
        return;
    }
    j->body += reply->readAll();
    if (j->body.size() > m_maxBodyBytes) {
        fail(jobId, netError(url, u"the response is larger than %1 bytes; refused"_s.arg(m_maxBodyBytes)));
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
            j->deadline->start(m_deadlineMs);
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
    report(j->result);
}

void FeedFetcher::report(const FetchResult& result)
{
    ++m_done;
    Q_EMIT feedFetched(result);
    Q_EMIT progress(m_done, m_total);
    if (m_done >= m_total) {
        m_done = 0;
        m_total = 0;
        Q_EMIT finished();
    }
}

void FeedFetcher::cancel()
{
    QList<FetchResult> cancelled;
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
        cancelled.append(job->result);
    }
    for (const auto& [id, request] : m_pending) {
        FetchResult r;
        r.feedId = request.feedId;
        r.token = request.token;
        r.requestedUrl = request.url;
        r.feedUrl = request.url;
        r.status = FetchResult::Status::Cancelled;
        r.error = error;
        cancelled.append(r);
    }
    m_jobs.clear();
    m_pending.clear();
    m_activePerHost.clear();
    for (const FetchResult& r : std::as_const(cancelled)) {
        report(r);
    }
}

} // namespace folio
