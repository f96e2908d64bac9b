// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/TagStore.h"

#include "storage/Database.h"
#include "storage/QueryBuilder.h"
#include "storage/Transaction.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

TagStore::TagStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<TagCount>> TagStore::tagCounts()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The counts are kept by triggers as links and read states change (0011_counts.sql): a row
    // per tag, whatever the size of the library.
    if (!q.exec(u"SELECT t.id, t.name, coalesce(c.articles, 0), coalesce(c.unread, 0), t.color "
                u"FROM tags t LEFT JOIN tag_counts c ON c.tag_id = t.id ORDER BY t.name COLLATE NOCASE, t.id"_s)) {
        return Database::sqlError(q, u"read tag counts"_s);
    }
    QList<TagCount> out;
    while (q.next()) {
        out.append(TagCount{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(),
                            q.value(4).toString()});
    }
    return out;
}

Result<qint64> TagStore::tagId(const QString& name)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT id FROM tags WHERE key = :key"_s)) {
        return Database::sqlError(q, u"prepare find tag"_s);
    }
    q.bindValue(u":key"_s, QueryBuilder::tagKey(name));
    if (!q.exec()) {
        return Database::sqlError(q, u"find tag"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no tag named \"%1\""_s.arg(name.simplified()));
    }
    return q.value(0).toLongLong();
}

Result<qint64> TagStore::ensureTag(const QString& name)
{
    const QString clean = name.simplified();
    if (clean.isEmpty()) {
        return makeError(Error::Code::Invalid, u"a tag needs a name"_s);
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"INSERT INTO tags(name, key) VALUES(:name, :key) ON CONFLICT(key) DO NOTHING"_s)) {
        return Database::sqlError(q, u"prepare store tag"_s);
    }
    q.bindValue(u":name"_s, clean);
    q.bindValue(u":key"_s, QueryBuilder::tagKey(clean));
    if (!q.exec()) {
        return Database::sqlError(q, u"store tag"_s);
    }
    return tagId(clean);
}

Result<void> TagStore::addTag(const QList<qint64>& articleIds, const QString& name)
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    auto id = ensureTag(name);
    if (!id) {
        return id.error();
    }
    QSqlQuery q(m_db);
    // A tag the source gave already becomes the reader's too, so it outlives the source.
    if (!q.prepare(u"INSERT INTO article_tags(article_id, tag_id, origin) VALUES(:a, :t, 'user') "
                   u"ON CONFLICT(article_id, tag_id) DO UPDATE SET origin = 'user'"_s)) {
        return Database::sqlError(q, u"prepare tag article"_s);
    }
    for (const qint64 articleId : articleIds) {
        q.bindValue(u":a"_s, articleId);
        q.bindValue(u":t"_s, id.value());
        if (!q.exec()) {
            return Database::sqlError(q, u"tag article"_s);
        }
    }
    return tx.commit();
}

Result<void> TagStore::removeTag(const QList<qint64>& articleIds, const QString& name)
{
    auto id = tagId(name);
    if (!id) {
        return id.error();
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"DELETE FROM article_tags WHERE article_id = :a AND tag_id = :t"_s)) {
        return Database::sqlError(q, u"prepare untag article"_s);
    }
    for (const qint64 articleId : articleIds) {
        q.bindValue(u":a"_s, articleId);
        q.bindValue(u":t"_s, id.value());
        if (!q.exec()) {
            return Database::sqlError(q, u"untag article"_s);
        }
    }
    return tx.commit();
}

Result<void> TagStore::rename(const QString& from, const QString& to)
{
    const QString clean = to.simplified();
    if (clean.isEmpty()) {
        return makeError(Error::Code::Invalid, u"a tag needs a name"_s);
    }
    auto id = tagId(from);
    if (!id) {
        return id.error();
    }
    if (auto other = tagId(clean); other && other.value() != id.value()) {
        return makeError(Error::Code::Invalid,
                         u"a tag named \"%1\" exists already; merge the tags instead"_s.arg(clean));
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"UPDATE tags SET name = :name, key = :key WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare rename tag"_s);
    }
    q.bindValue(u":name"_s, clean);
    q.bindValue(u":key"_s, QueryBuilder::tagKey(clean));
    q.bindValue(u":id"_s, id.value());
    if (!q.exec()) {
        return Database::sqlError(q, u"rename tag"_s);
    }
    return {};
}

Result<void> TagStore::merge(const QString& from, const QString& into)
{
    auto fromId = tagId(from);
    if (!fromId) {
        return fromId.error();
    }
    auto intoId = tagId(into);
    if (!intoId) {
        return intoId.error();
    }
    if (fromId.value() == intoId.value()) {
        return {};
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"INSERT INTO article_tags(article_id, tag_id, origin) "
                   u"SELECT article_id, :into, origin FROM article_tags WHERE tag_id = :from "
                   u"ON CONFLICT(article_id, tag_id) DO UPDATE SET "
                   u"origin = CASE WHEN excluded.origin = 'user' THEN 'user' ELSE article_tags.origin END"_s)) {
        return Database::sqlError(q, u"prepare merge tags"_s);
    }
    q.bindValue(u":into"_s, intoId.value());
    q.bindValue(u":from"_s, fromId.value());
    if (!q.exec()) {
        return Database::sqlError(q, u"merge tags"_s);
    }
    if (!q.prepare(u"UPDATE tags SET color = (SELECT color FROM tags WHERE id = :from) "
                   u"WHERE id = :into AND color IS NULL"_s)) {
        return Database::sqlError(q, u"prepare merge colour"_s);
    }
    q.bindValue(u":from"_s, fromId.value());
    q.bindValue(u":into"_s, intoId.value());
    if (!q.exec()) {
        return Database::sqlError(q, u"merge colour"_s);
    }
    if (!q.prepare(u"DELETE FROM tags WHERE id = :from"_s)) {
        return Database::sqlError(q, u"prepare delete merged tag"_s);
    }
    q.bindValue(u":from"_s, fromId.value());
    if (!q.exec()) {
        return Database::sqlError(q, u"delete merged tag"_s);
    }
    return tx.commit();
}

Result<void> TagStore::remove(const QString& name)
{
    auto id = tagId(name);
    if (!id) {
        return id.error();
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery q(m_db);
    // Explicit, so it does not depend on the connection's foreign_keys setting.
    const QStringList statements = {u"DELETE FROM article_tags WHERE tag_id = :id"_s,
                                    u"DELETE FROM tags WHERE id = :id"_s};
    for (const QString& sql : statements) {
        if (!q.prepare(sql)) {
            return Database::sqlError(q, u"prepare delete tag"_s);
        }
        q.bindValue(u":id"_s, id.value());
        if (!q.exec()) {
            return Database::sqlError(q, u"delete tag"_s);
        }
    }
    return tx.commit();
}

Result<void> TagStore::setColor(const QString& name, const QString& color)
{
    static const QRegularExpression hex(u"^#[0-9a-fA-F]{6}$"_s);
    const QString c = color.trimmed();
    if (!c.isEmpty() && !hex.match(c).hasMatch()) {
        return makeError(Error::Code::Invalid, u"a colour is #rrggbb, not \"%1\""_s.arg(c));
    }
    auto id = tagId(name);
    if (!id) {
        return id.error();
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"UPDATE tags SET color = :color WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare tag colour"_s);
    }
    q.bindValue(u":color"_s, c.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(c.toLower()));
    q.bindValue(u":id"_s, id.value());
    if (!q.exec()) {
        return Database::sqlError(q, u"set tag colour"_s);
    }
    return {};
}

} // namespace folio
