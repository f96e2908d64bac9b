// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SavedSearchStore.h"

#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/QueryParser.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

Result<void> checkInput(const QString& name, const QString& query)
{
    if (name.trimmed().isEmpty()) {
        return makeError(Error::Code::Invalid, u"a saved search needs a name"_s);
    }
    if (auto parsed = QueryParser::parse(query); !parsed) {
        return parsed.error();
    }
    return {};
}

} // namespace

SavedSearchStore::SavedSearchStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<SavedSearch>> SavedSearchStore::list(bool withCounts)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, query, created FROM saved_searches ORDER BY name COLLATE NOCASE, id"_s)) {
        return Database::sqlError(q, u"read saved searches"_s);
    }
    QList<SavedSearch> out;
    while (q.next()) {
        out.append(SavedSearch{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toLongLong(), -1});
    }
    if (withCounts) {
        ArticleStore store(m_db);
        for (SavedSearch& s : out) {
            if (auto parsed = QueryParser::parse(s.query)) {
                auto count = store.count(parsed.value());
                if (!count) {
                    return count.error();
                }
                s.count = count.value();
            }
        }
    }
    return out;
}

Result<SavedSearch> SavedSearchStore::find(const QString& name)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT id, name, query, created FROM saved_searches WHERE name = :name"_s)) {
        return Database::sqlError(q, u"prepare saved search"_s);
    }
    q.bindValue(u":name"_s, name.trimmed());
    if (!q.exec()) {
        return Database::sqlError(q, u"read saved search"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no saved search named \"%1\""_s.arg(name));
    }
    return SavedSearch{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                       -1};
}

Result<SavedSearch> SavedSearchStore::add(const QString& name, const QString& query)
{
    if (auto ok = checkInput(name, query); !ok) {
        return ok.error();
    }
    if (find(name)) {
        return makeError(Error::Code::Invalid, u"a saved search named \"%1\" exists already"_s.arg(name.trimmed()));
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"INSERT INTO saved_searches(name, query, created) VALUES(:name, :query, :now)"_s)) {
        return Database::sqlError(q, u"prepare save search"_s);
    }
    q.bindValue(u":name"_s, name.trimmed());
    q.bindValue(u":query"_s, query.trimmed());
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        return Database::sqlError(q, u"save search"_s);
    }
    return find(name);
}

Result<void> SavedSearchStore::update(qint64 id, const QString& name, const QString& query)
{
    if (auto ok = checkInput(name, query); !ok) {
        return ok;
    }
    if (auto other = find(name); other && other->id != id) {
        return makeError(Error::Code::Invalid, u"a saved search named \"%1\" exists already"_s.arg(name.trimmed()));
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"UPDATE saved_searches SET name = :name, query = :query WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare update saved search"_s);
    }
    q.bindValue(u":name"_s, name.trimmed());
    q.bindValue(u":query"_s, query.trimmed());
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"update saved search"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no saved search with id %1"_s.arg(id));
    }
    return {};
}

Result<void> SavedSearchStore::remove(qint64 id)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"DELETE FROM saved_searches WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare delete saved search"_s);
    }
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"delete saved search"_s);
    }
    return {};
}

} // namespace folio
