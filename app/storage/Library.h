// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ArticleQuery.h"
#include "domain/Result.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

namespace folio {

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

    /// Opens (creating and migrating) the library in profileDir.
    static Result<std::unique_ptr<Library>> open(const QString& profileDir);

    ~Library() override;

    QString profileDir() const { return m_profileDir; }
    QString databasePath() const { return m_databasePath; }

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

    /// Waits for every queued job (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    /// Articles were added or changed (imports, refreshes).
    void contentChanged();
    /// Read or bookmark state of these articles changed.
    void stateChanged(const QList<qint64>& ids);

private:
    Library(QString profileDir, QString databasePath);

    template<typename T, typename Fn>
    QFuture<Result<T>> run(QThreadPool* pool, Fn fn);

    QString m_profileDir;
    QString m_databasePath;
    QThreadPool m_readPool;
    QThreadPool m_writePool;
};

} // namespace folio
