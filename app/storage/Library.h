// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AnnotatedArticle.h"
#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/ArticleQuery.h"
#include "domain/Result.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/TimelineStore.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace folio {

class FeedFetcher;

/// What one refreshFeeds() did.
struct RefreshReport
{
    int feeds = 0;       ///< feeds asked for
    int fetched = 0;     ///< feeds that delivered a document (stored)
    int notModified = 0; ///< feeds that answered 304
    int failed = 0;      ///< feeds whose fetch or store failed (the error is on the feed)
    int cancelled = 0;
    int added = 0;   ///< new articles, all feeds together
    int updated = 0; ///< changed articles, all feeds together
    QList<FeedUpdate> updates;
};

/// The library as the GUI sees it: every call runs off the calling thread and answers through
/// a QFuture. Reads run on a small pool; writes run one at a time on a single writer thread.
/// Each pool thread has its own SQLite connection (WAL lets reads go on during a write).
class Library : public QObject
{
    Q_OBJECT

public:
    /// Resolves the profile folder: the explicit option, else $FOLIO_PROFILE, else the
    /// platform's app-data location.
    static QString resolveProfileDir(const QString& option);

    /// Opens (creating and migrating) the library in profileDir. A library that cannot be
    /// written opens read-only; then isReadOnly() is true and every write fails with the reason.
    static Result<std::unique_ptr<Library>> open(const QString& profileDir, OpenOptions options = {});

    ~Library() override;

    QString profileDir() const { return m_profileDir; }
    QString databasePath() const { return m_databasePath; }

    /// True when writes are refused: read-only file, folder or media, a full disk, or a library
    /// that failed its integrity check. writeRefusal() says why, as the message writes get.
    bool isReadOnly() const;
    QString writeRefusal() const;

    QFuture<Result<std::vector<ArticleRow>>> page(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                                  int limit);
    QFuture<Result<int>> count(const ArticleQuery& query);
    QFuture<Result<Article>> article(qint64 id);
    QFuture<Result<QList<TagCount>>> tagCounts();
    QFuture<Result<LibraryStats>> stats();

    QFuture<Result<void>> setRead(const QList<qint64>& ids, bool read);
    QFuture<Result<void>> setBookmarked(const QList<qint64>& ids, bool bookmarked);
    QFuture<Result<ImportReport>> importFile(const QString& path);
    QFuture<Result<int>> importSeedsIfNew();
    /// Remembers that this library is to stay without the seed (--no-seed on a new library).
    QFuture<Result<void>> declineSeeds();
    /// The daily backup (see DatabaseBackup::backupIfDue), on the writer thread: the new file,
    /// or an empty string when none was due.
    QFuture<Result<QString>> backupIfDue();

    /// Waits for every queued job (tests, shutdown).
    void waitForIdle();

    /// The network for feeds. The composition root owns the manager (and enables the system
    /// proxy); it must live on this object's thread. Until it is set, feed calls fail.
    void setNetworkAccessManager(QNetworkAccessManager* manager);
    /// The fetcher feeds go through (null before setNetworkAccessManager): limits and timeouts.
    FeedFetcher* feedFetcher() const { return m_fetcher; }

    QFuture<Result<QList<Feed>>> feeds();
    /// Every feed with its total and unread article counts (the sidebar's Feeds section).
    QFuture<Result<QList<FeedCount>>> feedCounts();
    /// Fetches url (a feed, or a web page naming one), then stores the feed and its articles
    /// with these tags. A feed that is subscribed already is reported, not changed.
    QFuture<Result<SubscribeReport>> subscribe(const QUrl& url, const QStringList& tags = {});
    QFuture<Result<UnsubscribeReport>> unsubscribe(qint64 feedId);
    /// Fetches these feeds (all when ids is empty) and stores what changed, feed by feed; one
    /// failing feed never stops the others. Progress: refreshProgress and feedRefreshed.
    QFuture<Result<RefreshReport>> refreshFeeds(const QList<qint64>& ids = {});
    /// Aborts every running fetch; refreshes finish with the feeds reported cancelled.
    void cancelRefresh();
    /// Adds the feeds of an OPML file in one transaction, without fetching them (folders become tags).
    QFuture<Result<SubscriptionImportReport>> importSubscriptions(const QString& path);
    /// Writes every feed to an OPML file (tags become folders).
    QFuture<Result<void>> exportSubscriptions(const QString& path);

    // Annotations (LibraryAnnotations.cpp). Each write is committed on the writer before the
    // future finishes, then annotationsChanged is emitted.
    QFuture<Result<QList<Annotation>>> annotations(qint64 articleId);
    QFuture<Result<Annotation>> addAnnotation(const Annotation& annotation);
    QFuture<Result<Annotation>> updateAnnotation(qint64 id, const QString& note, const QString& color);
    QFuture<Result<void>> removeAnnotation(const Annotation& annotation);
    /// Puts back a removed annotation with its id and anchor (undo).
    QFuture<Result<Annotation>> restoreAnnotation(const Annotation& annotation);
    QFuture<Result<QList<AnnotatedArticle>>> annotatedArticles(const AnnotationFilter& filter);
    /// Articles with their content, for the HTML and PDF exports.
    QFuture<Result<QList<Article>>> articles(const QList<qint64>& ids);

    // Search, tags and saved searches (LibrarySearch.cpp).
    /// Articles matching per day/week/month for the timeline strip.
    QFuture<Result<Timeline>> timeline(const ArticleQuery& query);
    QFuture<Result<void>> addTag(const QList<qint64>& articleIds, const QString& name);
    QFuture<Result<void>> removeTag(const QList<qint64>& articleIds, const QString& name);
    QFuture<Result<void>> renameTag(const QString& from, const QString& to);
    QFuture<Result<void>> mergeTags(const QString& from, const QString& into);
    QFuture<Result<void>> deleteTag(const QString& name);
    QFuture<Result<void>> setTagColor(const QString& name, const QString& color);
    /// Saved searches with their live counts.
    QFuture<Result<QList<SavedSearch>>> savedSearches();
    QFuture<Result<SavedSearch>> saveSearch(const QString& name, const QString& query);
    QFuture<Result<void>> updateSavedSearch(qint64 id, const QString& name, const QString& query);
    QFuture<Result<void>> removeSavedSearch(qint64 id);

Q_SIGNALS:
    /// Saved searches were added, changed or removed.
    void savedSearchesChanged();
    /// Articles were added or changed (imports, refreshes).
    void contentChanged();
    /// Read or bookmark state of these articles changed.
    void stateChanged(const QList<qint64>& ids);
    /// Feeds were added, removed or their status (title, error, last fetch) changed.
    void feedsChanged();
    /// done of total feeds of a refreshFeeds() call are stored.
    void refreshProgress(int done, int total);
    /// One feed of a refresh was stored (or failed).
    void feedRefreshed(const folio::FeedUpdate& update);
    /// An annotation of this article was added, changed or removed.
    void annotationsChanged(qint64 articleId);

private:
    struct RefreshBatch;
    void onFeedFetched(const FetchResult& result);
    void startRefresh(const std::shared_ptr<RefreshBatch>& batch, const QList<Feed>& feeds);
    void storeRefreshed(const std::shared_ptr<RefreshBatch>& batch, const FetchResult& result);

    Library(QString profileDir, QString databasePath);

    template<typename T, typename Fn>
    QFuture<Result<T>> run(QThreadPool* pool, Fn fn);

    QString m_profileDir;
    QString m_databasePath;
    QThreadPool m_readPool;
    QThreadPool m_writePool;
    FeedFetcher* m_fetcher = nullptr; // child of this
    QHash<quint64, std::function<void(const FetchResult&)>> m_fetchHandlers;
    quint64 m_nextFetchToken = 1;
};

} // namespace folio
