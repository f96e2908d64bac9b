// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StoryMerge.h"

#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QChar foldQuote(QChar c)
{
    switch (c.unicode()) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
        return u'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
        return u'"';
    default:
        return c;
    }
}

Result<void> run(QSqlDatabase db, const QString& sql, qint64 from, qint64 into, const char* what)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.bindValue(u":from"_s, from);
    q.bindValue(u":into"_s, into);
    if (!q.exec()) {
        return Database::sqlError(q, QString::fromLatin1(what));
    }
    return {};
}

} // namespace

StoryMerge::StoryMerge(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString StoryMerge::titleKey(const QString& title)
{
    const QString decomposed = title.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing) {
            continue;
        }
        out.append(foldQuote(c));
    }
    const QString key = out.toCaseFolded().simplified();
    return key.isNull() ? QStringLiteral("") : key; // bound as '', never NULL (NULL: not keyed yet, schema 15)
}

Result<qint64> StoryMerge::findLinked(const QString& key)
{
    if (key.isEmpty()) {
        return qint64(0);
    }
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM articles WHERE title_key = :key AND coalesce(link, '') <> '' ORDER BY id LIMIT 1"_s);
    q.bindValue(u":key"_s, key);
    if (!q.exec()) {
        return Database::sqlError(q, u"find story"_s);
    }
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QList<qint64>> StoryMerge::findLinkless(const QString& key)
{
    QList<qint64> ids;
    if (key.isEmpty()) {
        return ids;
    }
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM articles WHERE title_key = :key AND coalesce(link, '') = '' ORDER BY id"_s);
    q.bindValue(u":key"_s, key);
    if (!q.exec()) {
        return Database::sqlError(q, u"find story"_s);
    }
    while (q.next()) {
        ids.append(q.value(0).toLongLong());
    }
    return ids;
}

Result<void> StoryMerge::mergeInto(qint64 from, qint64 into)
{
    if (from == into || from == 0 || into == 0) {
        return {};
    }
    const struct
    {
        const char* what;
        QString sql;
    } steps[] = {
        {"merge sources", u"INSERT OR IGNORE INTO article_sources(article_id, source_id, first_seen) "
                          u"SELECT :into, source_id, first_seen FROM article_sources WHERE article_id = :from"_s},
        {"merge tags", u"UPDATE article_tags SET origin = 'user' WHERE article_id = :into AND tag_id IN "
                       u"(SELECT tag_id FROM article_tags WHERE article_id = :from AND origin = 'user')"_s},
        {"merge tags", u"INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) "
                       u"SELECT :into, tag_id, origin FROM article_tags WHERE article_id = :from"_s},
        {"merge state", u"INSERT INTO article_state(article_id, read, bookmarked, read_at, bookmarked_at) "
                        u"SELECT :into, read, bookmarked, read_at, bookmarked_at FROM article_state WHERE article_id = :from "
                        u"ON CONFLICT(article_id) DO UPDATE SET read = max(read, excluded.read), "
                        u"bookmarked = max(bookmarked, excluded.bookmarked), read_at = coalesce(read_at, excluded.read_at), "
                        u"bookmarked_at = coalesce(bookmarked_at, excluded.bookmarked_at)"_s},
        {"merge content", u"UPDATE articles SET "
                          u"content_html = coalesce(content_html, (SELECT content_html FROM articles WHERE id = :from)), "
                          u"content_text = coalesce(content_text, (SELECT content_text FROM articles WHERE id = :from)), "
                          u"summary = CASE WHEN coalesce(summary, '') = '' THEN "
                          u"(SELECT summary FROM articles WHERE id = :from) ELSE summary END, "
                          u"author = coalesce(author, (SELECT author FROM articles WHERE id = :from)), "
                          u"published = coalesce(published, (SELECT published FROM articles WHERE id = :from)), "
                          u"added = min(added, (SELECT added FROM articles WHERE id = :from)) WHERE id = :into"_s},
        {"merge annotations", u"UPDATE annotations SET article_id = :into WHERE article_id = :from"_s},
        // Explicitly, not by cascade: an import may run with foreign keys off.
        {"remove merged article", u"DELETE FROM article_sources WHERE article_id = :from"_s},
        {"remove merged article", u"DELETE FROM article_tags WHERE article_id = :from"_s},
        {"remove merged article", u"DELETE FROM article_state WHERE article_id = :from"_s},
        {"remove merged article", u"DELETE FROM articles WHERE id = :from"_s},
    };
    for (const auto& step : steps) {
        if (auto r = run(m_db, step.sql, from, into, step.what); !r) {
            return r;
        }
    }
    // Tables of other areas that hang off an article (offline copies): whatever the merged-away
    // row had goes with it, when the table exists in this schema.
    QSqlQuery tables(m_db);
    if (!tables.exec(u"SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT IN "
                     u"('articles', 'article_sources', 'article_tags', 'article_state', 'annotations') AND EXISTS "
                     u"(SELECT 1 FROM pragma_foreign_key_list(m.name) f WHERE f.\"table\" = 'articles')"_s)) {
        return Database::sqlError(tables, u"find article tables"_s);
    }
    QStringList names;
    while (tables.next()) {
        names.append(tables.value(0).toString());
    }
    tables.finish();
    for (const QString& name : std::as_const(names)) {
        if (auto r = run(m_db, u"DELETE FROM \"%1\" WHERE article_id = :from"_s.arg(name), from, into, "remove merged article");
            !r) {
            return r;
        }
    }
    // The quotes were anchored in the other copy's text.
    if (auto moved = AnnotationStore(m_db).reanchor(into); !moved) {
        return moved.error();
    }
    return {};
}

Result<int> StoryMerge::backfill()
{
    QSqlQuery pending(m_db);
    if (!pending.exec(u"SELECT 1 FROM articles WHERE title_key IS NULL LIMIT 1"_s)) {
        return Database::sqlError(pending, u"look for unkeyed articles"_s);
    }
    if (!pending.next()) {
        return 0;
    }
    pending.finish();
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    QSqlQuery read(m_db);
    if (!read.exec(u"SELECT id, title FROM articles WHERE title_key IS NULL"_s)) {
        return Database::sqlError(read, u"read titles"_s);
    }
    QHash<qint64, QString> keys;
    while (read.next()) {
        keys.insert(read.value(0).toLongLong(), titleKey(read.value(1).toString()));
    }
    read.finish();
    QSqlQuery write(m_db);
    write.prepare(u"UPDATE articles SET title_key = :key WHERE id = :id"_s);
    QSet<QString> touched;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        write.bindValue(u":key"_s, it.value());
        write.bindValue(u":id"_s, it.key());
        if (!write.exec()) {
            return Database::sqlError(write, u"store title key"_s);
        }
        if (!it.value().isEmpty()) {
            touched.insert(it.value());
        }
    }
    auto merged = mergeStories(touched);
    if (!merged) {
        return merged.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return merged.value();
}

Result<int> StoryMerge::mergeStories(const QSet<QString>& keys)
{
    int merged = 0;
    for (const QString& key : keys) {
        if (key.isEmpty()) {
            continue;
        }
        auto into = findLinked(key);
        if (!into) {
            return into.error();
        }
        if (into.value() == 0) {
            continue;
        }
        auto others = findLinkless(key);
        if (!others) {
            return others.error();
        }
        for (const qint64 from : others.value()) {
            if (auto r = mergeInto(from, into.value()); !r) {
                return r.error();
            }
            ++merged;
        }
    }
    return merged;
}

} // namespace folio
