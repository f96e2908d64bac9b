// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/FetchResult.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>
#include <unordered_map>

Q_DECLARE_LOGGING_CATEGORY(lcNet)

class QNetworkAccessManager;
class QNetworkReply;
class QThreadPool;
class QTimer;

namespace folio {

/// Downloads and parses feeds over one injected QNetworkAccessManager, fully asynchronously:
/// conditional GET, redirects (301/308 reported so the caller can store the new URL), transfer
/// timeout and overall deadline, a body size limit, at most maxPerHost() requests per host at a
/// time. Parsing runs on a thread pool, never on the fetcher's thread. Storing is the caller's job
/// (feedFetched hands over value results). Lives on the thread of the manager it is given.
class FeedFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTransferTimeoutMs = 30'000;
    static constexpr int kDefaultDeadlineMs = 120'000;
    static constexpr int kDefaultMaxRedirects = 5;
    static constexpr int kDefaultMaxPerHost = 2;

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
    /// Where parsing runs; QThreadPool::globalInstance() unless set.
    void setThreadPool(QThreadPool* pool);

    /// Queues requests. Every request produces exactly one feedFetched, always later from the
    /// event loop; finished() follows the last one.
    void fetch(const QList<FetchRequest>& requests);

    /// Aborts what runs and drops what waits; each of them reports Status::Cancelled.
    void cancel();

    bool isBusy() const { return m_total > 0; }

Q_SIGNALS:
    void feedFetched(const folio::FetchResult& result);
    /// done of total requests since the fetcher was last idle.
    void progress(int done, int total);
    /// Every queued request has reported.
    void finished();

private:
    struct Job;
    struct ParseOutcome;

    void pump();
    void start(quint64 jobId, const FetchRequest& request);
    void sendRequest(Job& job);
    void onReadyRead(quint64 jobId);
    void onMetaData(quint64 jobId);
    void onReplyFinished(quint64 jobId);
    void abortJob(Job& job, int reason);
    void startParse(Job& job, const QByteArray& contentType);
    void onParsed(quint64 jobId, const ParseOutcome& outcome);
    void fail(quint64 jobId, Error error);
    void complete(quint64 jobId);
    void report(const FetchResult& result);
    Job* job(quint64 jobId);

    QPointer<QNetworkAccessManager> m_manager;
    QThreadPool* m_pool = nullptr;
    int m_transferTimeoutMs = kDefaultTransferTimeoutMs;
    int m_deadlineMs = kDefaultDeadlineMs;
    qint64 m_maxBodyBytes;
    int m_maxRedirects = kDefaultMaxRedirects;
    int m_maxPerHost = kDefaultMaxPerHost;

    std::deque<std::pair<quint64, FetchRequest>> m_pending;
    std::unordered_map<quint64, std::unique_ptr<Job>> m_jobs;
    QHash<QString, int> m_activePerHost;
    quint64 m_nextJobId = 1;
    int m_done = 0;
    int m_total = 0;
};

} // namespace folio
