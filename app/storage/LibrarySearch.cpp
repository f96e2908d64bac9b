// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The search, tag-editing and saved-search part of Library: same threads and connections as Library.cpp.
#include "storage/Library.h"

#include "storage/Database.h"
#include "storage/SavedSearchStore.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"

namespace folio {

QFuture<Result<Timeline>> Library::timeline(const ArticleQuery& query)
{
    return read<Timeline>([query](QSqlDatabase db) { return TimelineStore(db).timeline(query); });
}

namespace {

// Tag edits change what lists and counts show: announced as content changes.
template<typename Fn>
QFuture<Result<void>> tagWrite(Library* library, Fn fn)
{
    return library->write<void>([library, fn = std::move(fn)](QSqlDatabase db) {
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
    return tagWrite(this, [articleIds, name](TagStore& store) { return store.addTag(articleIds, name); });
}

QFuture<Result<void>> Library::removeTag(const QList<qint64>& articleIds, const QString& name)
{
    return tagWrite(this, [articleIds, name](TagStore& store) { return store.removeTag(articleIds, name); });
}

QFuture<Result<void>> Library::renameTag(const QString& from, const QString& to)
{
    return tagWrite(this, [from, to](TagStore& store) { return store.rename(from, to); });
}

QFuture<Result<void>> Library::mergeTags(const QString& from, const QString& into)
{
    return tagWrite(this, [from, into](TagStore& store) { return store.merge(from, into); });
}

QFuture<Result<void>> Library::deleteTag(const QString& name)
{
    return tagWrite(this, [name](TagStore& store) { return store.remove(name); });
}

QFuture<Result<void>> Library::setTagColor(const QString& name, const QString& color)
{
    return tagWrite(this, [name, color](TagStore& store) { return store.setColor(name, color); });
}

QFuture<Result<QList<SavedSearch>>> Library::savedSearches()
{
    return read<QList<SavedSearch>>([](QSqlDatabase db) { return SavedSearchStore(db).list(true); });
}

QFuture<Result<SavedSearch>> Library::saveSearch(const QString& name, const QString& query)
{
    return write<SavedSearch>([this, name, query](QSqlDatabase db) {
        auto r = SavedSearchStore(db).add(name, query);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::updateSavedSearch(qint64 id, const QString& name, const QString& query)
{
    return write<void>([this, id, name, query](QSqlDatabase db) {
        auto r = SavedSearchStore(db).update(id, name, query);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

QFuture<Result<void>> Library::removeSavedSearch(qint64 id)
{
    return write<void>([this, id](QSqlDatabase db) {
        auto r = SavedSearchStore(db).remove(id);
        if (r) {
            Q_EMIT savedSearchesChanged();
        }
        return r;
    });
}

} // namespace folio
