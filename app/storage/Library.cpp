// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Library.h"

#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/Importer.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"

#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>

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
    , m_readPool(this) // children, so moveToThread() takes them along (the window opens off its thread)
    , m_writePool(this)
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

Result<QSqlDatabase> Library::connection(const QString& path)
{
    return Database::connection(path);
}

Result<void> Library::checkWritable(const QString& path)
{
    return Database::checkWritable(path);
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

QFuture<Result<std::vector<ArticleRow>>> Library::page(const ArticleQuery& query,
                                                       const std::optional<ArticleCursor>& after, int limit)
{
    return read<std::vector<ArticleRow>>([query, after, limit](QSqlDatabase db) {
        return ArticleStore(db).page(query, after, limit);
    });
}

QFuture<Result<int>> Library::count(const ArticleQuery& query)
{
    return read<int>([query](QSqlDatabase db) { return ArticleStore(db).count(query); });
}

QFuture<Result<Article>> Library::article(qint64 id)
{
    return read<Article>([id](QSqlDatabase db) { return ArticleStore(db).article(id); });
}

QFuture<Result<QList<TagCount>>> Library::tagCounts()
{
    return read<QList<TagCount>>([](QSqlDatabase db) { return TagStore(db).tagCounts(); });
}

QFuture<Result<LibraryStats>> Library::stats()
{
    return read<LibraryStats>([](QSqlDatabase db) { return ArticleStore(db).stats(); });
}

QFuture<Result<qint64>> Library::externalDataVersion()
{
    return write<qint64>([](QSqlDatabase db) -> Result<qint64> {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA data_version"_s) || !q.next()) {
            return Database::sqlError(q, u"read data_version"_s);
        }
        return q.value(0).toLongLong();
    });
}

QFuture<Result<void>> Library::setRead(const QList<qint64>& ids, bool read)
{
    return write<void>([this, ids, read](QSqlDatabase db) {
        auto r = StateStore(db).setRead(ids, read);
        if (r) {
            Q_EMIT stateChanged(ids);
        }
        return r;
    });
}

QFuture<Result<void>> Library::setBookmarked(const QList<qint64>& ids, bool bookmarked)
{
    return write<void>([this, ids, bookmarked](QSqlDatabase db) {
        auto r = StateStore(db).setBookmarked(ids, bookmarked);
        if (r) {
            Q_EMIT stateChanged(ids);
        }
        return r;
    });
}

QFuture<Result<ImportReport>> Library::importFile(const QString& path)
{
    return write<ImportReport>([this, path](QSqlDatabase db) {
        qint64 shown = -1;
        auto r = Importer(db).importFile(path, [this, &path, &shown](qint64 stored, qint64 total) {
            const qint64 permille = total > 0 ? stored * 1000 / total : 0;
            if (permille != shown) {
                shown = permille;
                Q_EMIT importProgress(path, stored, total);
            }
        });
        if (r && (r->added > 0 || r->updated > 0)) {
            Q_EMIT contentChanged();
        }
        return r;
    });
}

QFuture<Result<int>> Library::importSeedsIfNew()
{
    return write<int>([this](QSqlDatabase db) {
        auto r = Importer(db).importSeedsIfNew();
        if (r && r.value() > 0) {
            Q_EMIT contentChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::declineSeeds()
{
    return write<void>([](QSqlDatabase db) { return Importer(db).declineSeeds(); });
}

QFuture<Result<QString>> Library::backupIfDue()
{
    return write<QString>([path = m_databasePath](QSqlDatabase) { return DatabaseBackup::backupIfDue(path); });
}

// --- Feeds (reads; subscribing and fetching are app/feeds/FeedService) ---------------------------

QFuture<Result<QList<Feed>>> Library::feeds()
{
    return read<QList<Feed>>([](QSqlDatabase db) { return FeedStore(db).feeds(); });
}

QFuture<Result<QList<FeedCount>>> Library::feedCounts()
{
    return read<QList<FeedCount>>([](QSqlDatabase db) { return FeedStore(db).feedCounts(); });
}

} // namespace folio
