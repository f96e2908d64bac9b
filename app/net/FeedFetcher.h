// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/FetchResult.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QPromise>

#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>

Q_DECLARE_LOGGING_CATEGORY(lcNet)

class QNetworkAccessManager;
class QNetworkReply;
class QThreadPool;
class QTimer;

namespace folio {

/// Downloads and parses feeds over one injected QNetworkAccessManager, fully asynchronously:
/// conditional GET, redirects (301/308 reported so the caller can store the new URL), transfer
/// timeout and per-request deadline (plus the deadline of a batch, FetchRequest::batchDeadline),
/// a body size limit, Retry-After of 429/503 answers reported, at most maxConcurrent() requests at
/// a time and maxPerHost() per host, with waiting requests taken host by host (the host with the
/// fewest requests running goes first) so that one slow host cannot keep the others waiting.
/// Parsing runs on a thread pool, never on the fetcher's thread. Each request is answered by its
/// own future; storing is the caller's job. Lives on the thread of the manager it is given.
class FeedFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTransferTimeoutMs = 30'000;
    static constexpr int kDefaultDeadlineMs = 120'000;
    static constexpr int kDefaultMaxRedirects = 5;
    static constexpr int kDefaultMaxPerHost = 2;
    static constexpr int kDefaultMaxConcurrent = 8;
    /// The longest Retry-After that is honoured (a week); a longer one is cut to this.
    static constexpr qint64 kMaxRetryAfterSecs = 7 * 24 * 3600;

    explicit FeedFetcher(QNetworkAccessManager* manager, QObject* parent = nullptr);
    ~FeedFetcher() override;

    /// "Folio/<version> (+<homepage>)".
    static QByteArray userAgent();

    /// No bytes for this long aborts a request (QNetworkRequest::setTransferTimeout).
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }
    /// A request (with its redirects) that takes longer than this in total is aborted.
    void setDeadline(int ms) { m_deadlineMs = ms; }
    /// A body larger than this (announced or received, after decompression) is refused.
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    void setMaxRedirects(int count) { m_maxRedirects = count; }
    void setMaxPerHost(int count) { m_maxPerHost = qMax(1, count); }
    int transferTimeout() const { return m_transferTimeoutMs; }
    int deadline() const { return m_deadlineMs; }
    int maxRedirects() const { return m_maxRedirects; }
    /// The manager this fetcher downloads through (other downloads share it, and so its proxy).
    QNetworkAccessManager* networkAccessManager() const;
    int maxPerHost() const { return m_maxPerHost; }
    /// Requests running at once, all hosts together.
    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    int maxConcurrent() const { return m_maxConcurrent; }
    /// Where parsing runs; QThreadPool::globalInstance() unless set.
    void setThreadPool(QThreadPool* pool);

    /// Queues a request. Its future always finishes with exactly one FetchResult (errors are
    /// values, never exceptions), later, from this object's thread, in the order the answers
    /// come; finished() follows when nothing is left.
    QFuture<FetchResult> fetch(const FetchRequest& request);
    /// fetch() for each request, in order.
    QList<QFuture<FetchResult>> fetch(const QList<FetchRequest>& requests);

    /// Aborts what runs and drops what waits; each of their futures finishes Status::Cancelled.
    void cancel();

    /// Parses a Retry-After value (delay seconds or an HTTP date) into a UTC second, at most
    /// kMaxRetryAfterSecs after now; nullopt when it is neither.
    static std::optional<qint64> parseRetryAfter(const QByteArray& value, qint64 now);

    bool isBusy() const { return m_total > 0; }

Q_SIGNALS:
    /// done of total requests since the fetcher was last idle.
    void progress(int done, int total);
    /// Every queued request has reported.
    void finished();

private:
    struct Job;
    struct ParseOutcome;
    struct Waiting
    {
        quint64 id = 0;
        FetchRequest request;
        std::shared_ptr<QPromise<FetchResult>> promise;
    };

    void pump();
    void start(Waiting waiting);
    void sendRequest(Job& job);
    void onReadyRead(quint64 jobId);
    void onMetaData(quint64 jobId);
    void onReplyFinished(quint64 jobId);
    void abortJob(Job& job, int reason);
    void startParse(Job& job, const QByteArray& contentType);
    void onParsed(quint64 jobId, const ParseOutcome& outcome);
    void fail(quint64 jobId, Error error);
    void complete(quint64 jobId);
    void report(QPromise<FetchResult>& promise, const FetchResult& result);
    Job* job(quint64 jobId);
    /// Starts the job's deadline timer: its own deadline, or what is left of its batch's.
    void startDeadline(Job& job);

    QPointer<QNetworkAccessManager> m_manager;
    QThreadPool* m_pool = nullptr;
    int m_transferTimeoutMs = kDefaultTransferTimeoutMs;
    int m_deadlineMs = kDefaultDeadlineMs;
    qint64 m_maxBodyBytes;
    int m_maxRedirects = kDefaultMaxRedirects;
    int m_maxPerHost = kDefaultMaxPerHost;
    int m_maxConcurrent = kDefaultMaxConcurrent;

    std::deque<Waiting> m_pending;
    std::unordered_map<quint64, std::unique_ptr<Job>> m_jobs;
    QHash<QString, int> m_activePerHost;
    quint64 m_nextJobId = 1;
    int m_done = 0;
    int m_total = 0;
};

} // namespace folio
