// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/OfflineStore.h"
#include "storage/ResourceStore.h"

#include <QHash>
#include <QMetaType>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <deque>
#include <memory>

class QNetworkReply;
class QThreadPool;

namespace folio {

class FeedFetcher;

/// What one run of the OfflineDownloader did.
struct OfflineReport
{
    int articles = 0;     ///< articles worked on
    int complete = 0;     ///< of those, complete offline afterwards
    int images = 0;       ///< images stored in this run
    int imagesFailed = 0;
    int fullArticles = 0; ///< full articles fetched and stored
    int fullFailed = 0;
    bool cancelled = false;
    QStringList errors; ///< "URL: reason", at most 50
};

/// Makes articles readable offline: downloads the images their HTML references into the resource
/// store and, where asked, the full article from the linked page (extracted with
/// html::extractArticle, then its images too). Network limits are the feed fetcher's (same manager,
/// so the same proxy; same User-Agent, transfer timeout, deadline, per-host connections).
/// Verification, extraction and writes run on thread pools, never on the downloader's thread.
class OfflineDownloader : public QObject
{
    Q_OBJECT

public:
    OfflineDownloader(QNetworkAccessManager* manager, QString databasePath, QString storeDir,
                      QObject* parent = nullptr);
    ~OfflineDownloader() override;

    /// Takes over the fetcher's User-Agent, timeouts and per-host limit.
    void useLimitsOf(const FeedFetcher& fetcher);
    void setMaxPerHost(int count) { m_maxPerHost = qMax(1, count); }
    void setTransferTimeout(int ms) { m_transferTimeoutMs = ms; }
    void setDeadline(int ms) { m_deadlineMs = ms; }
    void setLimits(const ResourceLimits& limits) { m_limits = limits; }
    /// Where image checks and page extraction run (default: the global pool).
    void setThreadPool(QThreadPool* pool) { m_pool = pool; }

    /// Starts (or extends) a run for these articles; forceFull fetches the full article even where
    /// no feed policy asks for it. finished() follows when everything has reported.
    void start(const QList<qint64>& articleIds, bool forceFull = false);
    /// Starts a run for every article that should be offline and is not (OfflineStore::pending).
    void startPending(const QList<qint64>& feedIds = {});
    /// Aborts what runs and drops what waits; finished() reports cancelled.
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// done of total downloads (images and pages) of the current run.
    void progress(int done, int total);
    void articleReady(qint64 articleId, bool complete);
    void finished(const folio::OfflineReport& report);

private:
    enum class Kind { Image, Page };
    struct Download
    {
        Kind kind = Kind::Image;
        qint64 articleId = 0;
        QUrl url;
        QString key; ///< images: the URL exactly as the article's HTML has it
    };
    struct Active;

    void onWork(const Result<QList<OfflineWork>>& work, const QHash<qint64, QSet<QString>>& stored);
    void queueImages(qint64 articleId, const QStringList& urls, const QSet<QString>& stored);
    void pump();
    void begin(const Download& download);
    void onFinished(QNetworkReply* reply);
    void onImage(const Download& download, const QByteArray& bytes, const QString& error);
    /// Stores url (or its failure) for every article waiting for it; first counts it in the report.
    void writeImage(const QString& url, const Result<VerifiedResource>& verified, bool first);
    void onPage(const Download& download, const QByteArray& bytes, const QUrl& finalUrl, const QString& error);
    void settle(qint64 articleId);
    void addError(const QUrl& url, const QString& error);
    void maybeFinish();
    void reportProgress();

    QPointer<QNetworkAccessManager> m_manager;
    QString m_databasePath;
    QString m_storeDir;
    QThreadPool* m_pool = nullptr;
    std::unique_ptr<QThreadPool> m_writer; // one thread: the single writer of this downloader
    ResourceLimits m_limits;
    QByteArray m_userAgent;
    int m_maxPerHost = 2;
    int m_transferTimeoutMs = 30'000;
    int m_deadlineMs = 120'000;
    qint64 m_maxPageBytes = 8 * 1024 * 1024;

    bool m_busy = false;
    bool m_cancelled = false;
    int m_preparing = 0;  // work lookups still running
    int m_background = 0; // checks and writes still running
    std::deque<Download> m_queue;
    QHash<QNetworkReply*, Download> m_active;
    QHash<QString, int> m_perHost;
    QHash<qint64, int> m_openPerArticle; // downloads and writes not yet done, per article
    QHash<QString, QList<qint64>> m_waiters; // image URL -> articles waiting for it
    QHash<qint64, QSet<QString>> m_stored;   // image URLs each article already has in the store
    QHash<QString, Result<VerifiedResource>> m_outcomes; // image URL -> what this run got for it (no bytes)
    int m_done = 0;
    int m_total = 0;
    OfflineReport m_report;
};

} // namespace folio

Q_DECLARE_METATYPE(folio::OfflineReport)
