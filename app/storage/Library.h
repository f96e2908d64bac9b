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
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <optional>
#include <vector>

namespace folio {

/// The library as the GUI sees it: every call runs off the calling thread and answers through
/// a QFuture. Reads run on a pool of two threads, in no particular order among themselves; writes
/// run one at a time, in the order they were asked for, on a single writer thread. Each pool
/// thread has its own SQLite connection (WAL lets reads go on during a write).
///
/// Contract of every asynchronous call below, unless it says otherwise:
///  - The future always finishes, with a value or an Error (never an exception), on a pool
///    thread; receive it with folio::whenReady(context, future, …) or future.then(context, …)
///    to come back to the context's thread.
///  - A write is committed before its future finishes, and its change signal (contentChanged,
///    stateChanged, feedsChanged, annotationsChanged, savedSearchesChanged) is emitted after the
///    commit — from the writer thread, so connect with a context object (queued to its thread).
///    A failed write emits nothing and leaves the library as it was (one transaction per call).
///  - A read sees every write whose future had finished when the read was asked for.
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

    /// Up to limit rows matching query in its sort order (ArticleQuery::sort; ties broken by id),
    /// starting strictly after the row `after` points at (ArticleStore::cursorAfter of the last
    /// row of the previous page), or from the first row when it is empty. Fewer than limit rows
    /// means the end. Keyset paging: rows inserted meanwhile before the cursor do not shift pages.
    QFuture<Result<std::vector<ArticleRow>>> page(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                                  int limit);
    /// How many articles match query (all pages together), counted in SQL.
    QFuture<Result<int>> count(const ArticleQuery& query);
    /// One whole article with its sanitised content, stored plain text and state; NotFound for
    /// an unknown id.
    QFuture<Result<Article>> article(qint64 id);
    /// Every tag with its article and unread counts, by name.
    QFuture<Result<QList<TagCount>>> tagCounts();
    QFuture<Result<LibraryStats>> stats();

    /// Sets the flag on every id, in one transaction: an unknown id fails the whole call and
    /// nothing changes. Emits stateChanged(ids) after the commit.
    QFuture<Result<void>> setRead(const QList<qint64>& ids, bool read);
    QFuture<Result<void>> setBookmarked(const QList<qint64>& ids, bool bookmarked);
    /// Parses and imports one file, all or nothing; contentChanged when it added or changed articles.
    QFuture<Result<ImportReport>> importFile(const QString& path);
    /// Imports the bundled tag pages into an empty library, once; answers how many were added.
    QFuture<Result<int>> importSeedsIfNew();
    /// Remembers that this library is to stay without the seed (--no-seed on a new library).
    QFuture<Result<void>> declineSeeds();
    /// The daily backup (see DatabaseBackup::backupIfDue), on the writer thread: the new file,
    /// or an empty string when none was due.
    QFuture<Result<QString>> backupIfDue();

    /// SQLite's data_version on the writer's connection: it changes exactly when another
    /// process (folio-cli, a second window) committed to the library since the last call.
    QFuture<Result<qint64>> externalDataVersion();

    /// Blocks until every queued job has finished (tests, shutdown). Not for the GUI otherwise.
    void waitForIdle();

    /// Every subscribed feed, by title then id. (Subscribing and fetching: app/feeds/FeedService.)
    QFuture<Result<QList<Feed>>> feeds();
    /// Every feed with its total and unread article counts (the sidebar's Feeds section).
    QFuture<Result<QList<FeedCount>>> feedCounts();

    /// Runs fn(QSqlDatabase) -> Result<T> on the writer thread, after the writes asked for before
    /// it: for services above storage (app/feeds) that write through the stores. fn must emit
    /// nothing and may not block on the GUI; the caller announces what changed (feedsChanged,
    /// contentChanged) once the future has finished.
    template<typename T, typename Fn>
    QFuture<Result<T>> write(Fn fn)
    {
        return runOn<T>(&m_writePool, std::move(fn));
    }
    /// Runs fn(QSqlDatabase) -> Result<T> on the read pool (no writes there).
    template<typename T, typename Fn>
    QFuture<Result<T>> read(Fn fn)
    {
        return runOn<T>(&m_readPool, std::move(fn));
    }

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
    /// Feeds were added, removed or their status (title, error, last fetch) changed (emitted by
    /// the feed service, which writes them through write()).
    void feedsChanged();
    /// An annotation of this article was added, changed or removed.
    void annotationsChanged(qint64 articleId);
    /// How far importFile(path) is: bytes of the file stored so far, and its size. Emitted from
    /// the writer's thread, at most once per thousandth of the file.
    void importProgress(const QString& path, qint64 bytesStored, qint64 bytesTotal);

private:
    Library(QString profileDir, QString databasePath);

    // The one helper that runs a job on a pool thread with that thread's connection.
    template<typename T, typename Fn>
    QFuture<Result<T>> runOn(QThreadPool* pool, Fn fn)
    {
        const bool writes = pool == &m_writePool;
        return QtConcurrent::run(pool, [path = m_databasePath, writes, fn = std::move(fn)]() -> Result<T> {
            if (writes) {
                // Read-only, full or damaged: refuse before any work, with the reason.
                if (auto w = checkWritable(path); !w) {
                    return w.error();
                }
            }
            auto db = connection(path);
            if (!db) {
                return db.error();
            }
            return fn(db.value());
        });
    }
    static Result<QSqlDatabase> connection(const QString& path);
    static Result<void> checkWritable(const QString& path);

    QString m_profileDir;
    QString m_databasePath;
    QThreadPool m_readPool;
    QThreadPool m_writePool;
};

} // namespace folio
