// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The search, tag-editing and saved-search part of Library: same threads and connections as Library.cpp.
#include "storage/Library.h"

#include "storage/Database.h"
#include "storage/SavedSearchStore.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace folio {

namespace {

template<typename T, typename Fn>
QFuture<Result<T>> runOn(QThreadPool* pool, const QString& path, Fn fn)
{
    return QtConcurrent::run(pool, [path, fn = std::move(fn)]() -> Result<T> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return fn(db.value());
    });
}

} // namespace

QFuture<Result<Timeline>> Library::timeline(const ArticleQuery& query)
{
    return runOn<Timeline>(&m_readPool, m_databasePath,
                           [query](QSqlDatabase db) { return TimelineStore(db).timeline(query); });
}

namespace {

// Tag edits change what lists and counts show: announced as content changes.
template<typename Fn>
QFuture<Result<void>> tagWrite(Library* library, QThreadPool* pool, const QString& path, Fn fn)
{
    return runOn<void>(pool, path, [library, fn = std::move(fn)](QSqlDatabase db) {
        TagStore store(db);
        auto r = fn(store);
        if (r) {
            Q_EMIT library->contentChanged();
        }
        return r;
    });
}

} // namespace

QFuture<Result<void>> Library::addTag(const QList<qint64>& articleIds, const QString& name)
{
    return tagWrite(this, &m_writePool, m_databasePath,
                    [articleIds, name](TagStore& store) { return store.addTag(articleIds, name); });
}

QFuture<Result<void>> Library::removeTag(const QList<qint64>& articleIds, const QString& name)
{
    return tagWrite(this, &m_writePool, m_databasePath,
                    [articleIds, name](TagStore& store) { return store.removeTag(articleIds, name); });
}

QFuture<Result<void>> Library::renameTag(const QString& from, const QString& to)
{
    return tagWrite(this, &m_writePool, m_databasePath,
                    [from, to](TagStore& store) { return store.rename(from, to); });
}

QFuture<Result<void>> Library::mergeTags(const QString& from, const QString& into)
{
    return tagWrite(this, &m_writePool, m_databasePath,
                    [from, into](TagStore& store) { return store.merge(from, into); });
}

QFuture<Result<void>> Library::deleteTag(const QString& name)
{
    return tagWrite(this, &m_writePool, m_databasePath, [name](TagStore& store) { return store.remove(name); });
}

QFuture<Result<void>> Library::setTagColor(const QString& name, const QString& color)
{
    return tagWrite(this, &m_writePool, m_databasePath,
                    [name, color](TagStore& store) { return store.setColor(name, color); });
}

QFuture<Result<QList<SavedSearch>>> Library::savedSearches()
{
    return runOn<QList<SavedSearch>>(&m_readPool, m_databasePath,
                                     [](QSqlDatabase db) { return SavedSearchStore(db).list(true); });
}

QFuture<Result<SavedSearch>> Library::saveSearch(const QString& name, const QString& query)
{
    return runOn<SavedSearch>(&m_writePool, m_databasePath, [this, name, query](QSqlDatabase db) {
        auto r = SavedSearchStore(db).add(name, query);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::updateSavedSearch(qint64 id, const QString& name, const QString& query)
{
    return runOn<void>(&m_writePool, m_databasePath, [this, id, name, query](QSqlDatabase db) {
        auto r = SavedSearchStore(db).update(id, name, query);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::removeSavedSearch(qint64 id)
{
    return runOn<void>(&m_writePool, m_databasePath, [this, id](QSqlDatabase db) {
        auto r = SavedSearchStore(db).remove(id);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

} // namespace folio
