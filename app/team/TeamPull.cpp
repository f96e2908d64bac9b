// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamPull.h"

#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/QueryBuilder.h"
#include "storage/StoryMerge.h"
#include "storage/Transaction.h"
#include "team/TeamServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Kinds (the server tables) in the order they are applied: articles before what refers to them.
const QStringList& kinds()
{
    static const QStringList list = {u"team_articles"_s,    u"team_tags"_s,           u"team_article_tags"_s,
                                     u"team_annotations"_s, u"team_annotation_history"_s, u"team_saved_searches"_s,
                                     u"team_feeds"_s,       u"team_states"_s};
    return list;
}

const auto kArticleColumns = u"x.identity, x.guid, x.link, x.title, x.author, x.summary, x.content_html, "
                             u"x.content_text, x.published, x.updated, x.added, x.tags"_s;

// The rows of one kind changed in (from, to], by others: one range scan of team_changes_seq.
QString selectFor(const QString& kind)
{
    const QString range = u" WHERE c.seq > ? AND c.seq <= ? AND c.library IS DISTINCT FROM ? ORDER BY c.seq"_s;
    if (kind == "team_annotations"_L1) {
        return u"SELECT x.uuid::text, x.article, x.author, x.quote, x.prefix, x.suffix, x.start, x.\"end\", x.note, "
               u"x.color, x.created, x.updated, x.deleted FROM team_changes c JOIN team_annotations x "
               u"ON c.kind = 'team_annotations' AND x.uuid = CAST(c.key AS uuid)"_s
            + range;
    }
    if (kind == "team_annotation_history"_L1) {
        return u"SELECT x.id, x.uuid::text, x.author, x.note, x.color, x.updated, x.replaced FROM team_changes c "
               u"JOIN team_annotation_history x ON c.kind = 'team_annotation_history' AND x.id = CAST(c.key AS bigint)"_s
            + range;
    }
    if (kind == "team_tags"_L1) {
        return u"SELECT x.key, x.uuid::text, x.name, x.color, x.deleted FROM team_changes c JOIN team_tags x "
               u"ON c.kind = 'team_tags' AND x.key = c.key"_s
            + range;
    }
    if (kind == "team_article_tags"_L1) {
        return u"SELECT x.article, x.tag, x.deleted FROM team_changes c JOIN team_article_tags x "
               u"ON c.kind = 'team_article_tags' AND x.article = split_part(c.key, chr(31), 1) "
               u"AND x.tag = split_part(c.key, chr(31), 2)"_s
            + range;
    }
    if (kind == "team_saved_searches"_L1) {
        return u"SELECT x.uuid::text, x.name, x.query, x.owner, x.updated, x.deleted FROM team_changes c "
               u"JOIN team_saved_searches x ON c.kind = 'team_saved_searches' AND x.uuid = CAST(c.key AS uuid)"_s
            + range;
    }
    if (kind == "team_feeds"_L1) {
        return u"SELECT x.url, x.title, x.tags, x.deleted FROM team_changes c JOIN team_feeds x "
               u"ON c.kind = 'team_feeds' AND x.url = c.key"_s
            + range;
    }
    return u"SELECT x.article, x.read, x.bookmarked, x.updated FROM team_changes c JOIN team_states x "
           u"ON c.kind = 'team_states' AND x.analyst = split_part(c.key, chr(31), 1) "
           u"AND x.article = split_part(c.key, chr(31), 2)"_s
        + range;
}

QStringList jsonStrings(const QString& text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto& v : array) {
        out.append(v.toString());
    }
    return out;
}

QVariant nullableText(const QVariant& v)
{
    return v.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.toString());
}

} // namespace

struct TeamPull::Page
{
    qint64 from = 0;
    qint64 to = 0;
};

TeamPull::TeamPull(QSqlDatabase local, TeamServer& server, TeamConfig config)
    : m_local(std::move(local))
    , m_server(server)
    , m_config(std::move(config))
{
}

TeamPull::~TeamPull() = default;

QSqlQuery* TeamPull::local(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_shared<QSqlQuery>(m_local);
        if (!q->prepare(sql)) {
            qCWarning(lcTeam).noquote() << "prepare failed:" << q->lastError().text() << sql;
        }
        it = m_statements.insert(sql, q);
    }
    return it.value().get();
}

Result<qint64> TeamPull::tagId(const QString& key, const QString& name)
{
    const auto cached = m_tagIds.constFind(key);
    if (cached != m_tagIds.cend()) {
        return cached.value();
    }
    QSqlQuery* find = local(u"SELECT id FROM tags WHERE key = ?"_s);
    find->addBindValue(key);
    if (!find->exec()) {
        return Database::sqlError(*find, u"find tag"_s);
    }
    qint64 id = 0;
    if (find->next()) {
        id = find->value(0).toLongLong();
    } else {
        QSqlQuery* add = local(u"INSERT INTO tags(name, key) VALUES(?, ?)"_s);
        add->addBindValue(name.simplified().isEmpty() ? key : name.simplified());
        add->addBindValue(key);
        if (!add->exec()) {
            return Database::sqlError(*add, u"add tag"_s);
        }
        id = add->lastInsertId().toLongLong();
    }
    find->finish();
    m_tagIds.insert(key, id);
    return id;
}

Result<qint64> TeamPull::storeArticle(const QSqlQuery& row, int o)
{
    QSqlQuery* q = local(
        u"INSERT INTO articles(identity, guid, link, title, author, summary, content_html, content_text, published, "
        u"updated, added, title_key) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(identity) DO UPDATE SET "
        u"guid = excluded.guid, link = excluded.link, title = excluded.title, author = excluded.author, "
        u"summary = excluded.summary, content_html = excluded.content_html, content_text = excluded.content_text, "
        u"published = excluded.published, updated = excluded.updated, title_key = excluded.title_key "
        u"WHERE (articles.guid, articles.link, articles.title, articles.author, articles.summary, articles.content_html, "
        u"articles.content_text, articles.published, articles.updated) IS NOT (excluded.guid, excluded.link, "
        u"excluded.title, excluded.author, excluded.summary, excluded.content_html, excluded.content_text, "
        u"excluded.published, excluded.updated)"_s);
    const QString identity = row.value(o).toString();
    q->addBindValue(identity);
    for (int i = 1; i <= 7; ++i) {
        q->addBindValue(nullableText(row.value(o + i)));
    }
    for (int i = 8; i <= 10; ++i) {
        const QVariant v = row.value(o + i);
        q->addBindValue(v.isNull() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v.toLongLong()));
    }
    const QString key = StoryMerge::titleKey(row.value(o + 3).toString());
    q->addBindValue(key);
    m_storyKeys.insert(key);
    if (!q->exec()) {
        return Database::sqlError(*q, u"store team article"_s);
    }
    const QStringList tags = jsonStrings(row.value(o + 11).toString());
    if (tags.isEmpty()) {
        return 0;
    }
    auto id = articleId(identity);
    if (!id) {
        return id.error();
    }
    for (const QString& name : tags) {
        auto tag = tagId(QueryBuilder::tagKey(name.simplified()), name);
        if (!tag) {
            return tag.error();
        }
        QSqlQuery* link = local(u"INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) VALUES(?, ?, 'source')"_s);
        link->addBindValue(id.value());
        link->addBindValue(tag.value());
        if (!link->exec()) {
            return Database::sqlError(*link, u"tag team article"_s);
        }
    }
    return id;
}

// The local id of an article, fetched from the team when this library does not have it yet.
Result<qint64> TeamPull::articleId(const QString& identity)
{
    QSqlQuery* q = local(u"SELECT id FROM articles WHERE identity = ?"_s);
    q->addBindValue(identity);
    if (!q->exec()) {
        return Database::sqlError(*q, u"find article"_s);
    }
    if (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        q->finish();
        return id;
    }
    q->finish();
    QSqlQuery remote(m_server.db());
    remote.prepare(u"SELECT "_s + kArticleColumns + u" FROM team_articles x WHERE x.identity = ?"_s);
    remote.addBindValue(identity);
    if (!remote.exec()) {
        return TeamServer::sqlError(remote, u"fetch article"_s);
    }
    if (!remote.next()) {
        return qint64(0);
    }
    if (auto stored = storeArticle(remote, 0); !stored) {
        return stored.error();
    }
    q->addBindValue(identity);
    if (!q->exec() || !q->next()) {
        return Database::sqlError(*q, u"find article"_s);
    }
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

Result<PullReport> TeamPull::run()
{
    PullReport report;
    for (;;) {
        auto more = pullPage(&report);
        if (!more) {
            return more.error();
        }
        if (m_progress) {
            m_progress(report.changes);
        }
        if (!more.value()) {
            break;
        }
    }
    return report;
}

Result<bool> TeamPull::pullPage(PullReport* report)
{
    // Server results stay buffered (not forward-only): articles are fetched mid-iteration.
    QSqlQuery log(m_server.db());
    log.prepare(u"SELECT seq, kind, library IS NOT DISTINCT FROM ? FROM team_changes WHERE seq > ? "
                u"ORDER BY seq LIMIT ?"_s);
    log.addBindValue(m_config.library);
    log.addBindValue(m_config.cursor);
    log.addBindValue(m_pageSize);
    if (!log.exec()) {
        return TeamServer::sqlError(log, u"read the team's changes"_s);
    }
    Page page;
    page.from = m_config.cursor;
    page.to = m_config.cursor;
    QSet<QString> present;
    int rows = 0;
    while (log.next()) {
        ++rows;
        page.to = log.value(0).toLongLong();
        if (!log.value(2).toBool()) {
            present.insert(log.value(1).toString());
            ++report->changes;
        }
    }
    if (rows == 0) {
        return false;
    }
    Transaction tx(m_local);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    m_storyKeys.clear(); // of a page that failed before
    // Applied changes are not sent back: the outbox triggers are off inside this transaction.
    if (auto r = Database::setMetaValue(m_local, u"team.outbox"_s, u"0"_s); !r) {
        return r.error();
    }
    for (const QString& kind : kinds()) {
        if (present.contains(kind)) {
            if (auto r = applyKind(kind, page, report); !r) {
                return r.error();
            }
        }
    }
    if (auto r = Database::setMetaValue(m_local, u"team.cursor"_s, QString::number(page.to)); !r) {
        return r.error();
    }
    if (auto r = Database::setMetaValue(m_local, u"team.outbox"_s, u"1"_s); !r) {
        return r.error();
    }
    // The stories the page's articles complete (a link-less copy of one in this library), merged
    // as an import merges them, with the outbox on again: what moves goes to the team.
    if (auto merged = StoryMerge(m_local).mergeStories(std::exchange(m_storyKeys, {})); !merged) {
        return merged.error();
    }
    for (auto it = m_statements.begin(); it != m_statements.end(); ++it) {
        it.value()->finish();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    m_config.cursor = page.to;
    // Team feeds this library does not follow yet (FeedStore writes in its own transaction).
    const auto feeds = std::exchange(m_newFeeds, {});
    const QStringList titles = std::exchange(m_feedTitles, {});
    for (qsizetype i = 0; i < feeds.size(); ++i) {
        FeedStore store(m_local);
        auto added = store.add(QUrl(feeds.at(i).first), titles.value(i), QString(), feeds.at(i).second);
        if (added) {
            QSqlQuery mark(m_local);
            mark.prepare(u"UPDATE feeds SET team = 1 WHERE id = ?"_s);
            mark.addBindValue(added->id);
            if (!mark.exec()) {
                return Database::sqlError(mark, u"mark team feed"_s);
            }
            ++report->feedsAdded;
        } else {
            qCWarning(lcTeam).noquote() << "team feed" << feeds.at(i).first << added.error().toString();
        }
    }
    return rows == m_pageSize;
}

// Articles come as one JSON array per page (built by the server) and go into the library in one
// statement: no per-row work in Qt on either side, which is what a join of 100k articles needs.
Result<void> TeamPull::applyArticles(const Page& page, PullReport* report)
{
    QSqlQuery q(m_server.db());
    if (!q.prepare(u"SELECT count(*), coalesce(json_agg(json_build_object('identity', x.identity, 'guid', x.guid, "
                   u"'link', x.link, 'title', x.title, 'author', x.author, 'summary', x.summary, 'content_html', "
                   u"x.content_html, 'content_text', x.content_text, 'published', x.published, 'updated', x.updated, "
                   u"'added', x.added)), '[]'), coalesce(json_agg(json_build_array(x.identity, CAST(x.tags AS json))) "
                   u"FILTER (WHERE x.tags <> '[]'), '[]'), coalesce(json_agg(json_build_array(x.identity, x.title)), '[]') FROM team_changes c JOIN team_articles x ON c.kind = 'team_articles' AND x.identity = c.key "
                   u"WHERE c.seq > ? AND c.seq <= ? AND c.library IS DISTINCT FROM ?"_s)) {
        return TeamServer::sqlError(q, u"prepare pull articles"_s);
    }
    q.addBindValue(page.from);
    q.addBindValue(page.to);
    q.addBindValue(m_config.library);
    if (!q.exec() || !q.next()) {
        return TeamServer::sqlError(q, u"pull articles"_s);
    }
    report->articles += q.value(0).toInt();
    const QString rows = q.value(1).toString();
    const QString tagged = q.value(2).toString(); // [[identity, [tag names]], …]
    const QByteArray titled = q.value(3).toString().toUtf8(); // [[identity, title], …]
    q.finish();
    QSqlQuery* store = local(
        u"INSERT INTO articles(identity, guid, link, title, author, summary, content_html, content_text, published, "
        u"updated, added) SELECT json_extract(value, '$.identity'), json_extract(value, '$.guid'), "
        u"json_extract(value, '$.link'), json_extract(value, '$.title'), json_extract(value, '$.author'), "
        u"json_extract(value, '$.summary'), json_extract(value, '$.content_html'), json_extract(value, '$.content_text'), "
        u"json_extract(value, '$.published'), json_extract(value, '$.updated'), json_extract(value, '$.added') "
        u"FROM json_each(:rows) WHERE true ON CONFLICT(identity) DO UPDATE SET "
        u"guid = excluded.guid, link = excluded.link, title = excluded.title, author = excluded.author, "
        u"summary = excluded.summary, content_html = excluded.content_html, content_text = excluded.content_text, "
        u"published = excluded.published, updated = excluded.updated, "
        u"title_key = CASE WHEN articles.title IS excluded.title THEN articles.title_key END "
        u"WHERE (articles.guid, articles.link, articles.title, articles.author, articles.summary, articles.content_html, "
        u"articles.content_text, articles.published, articles.updated) IS NOT (excluded.guid, excluded.link, "
        u"excluded.title, excluded.author, excluded.summary, excluded.content_html, excluded.content_text, "
        u"excluded.published, excluded.updated)"_s);
    store->bindValue(u":rows"_s, rows);
    if (!store->exec()) {
        return Database::sqlError(*store, u"store team articles"_s);
    }
    if (auto keyed = keyTitles(titled); !keyed) {
        return keyed;
    }
    // Their source tags: the few distinct names get their local ids, then one statement links them.
    QSqlQuery* names = local(u"SELECT DISTINCT t.value FROM json_each(:tagged) p, json_each(p.value, '$[1]') t"_s);
    names->bindValue(u":tagged"_s, tagged);
    if (!names->exec()) {
        return Database::sqlError(*names, u"read team article tags"_s);
    }
    QStringList tagNames;
    while (names->next()) {
        tagNames.append(names->value(0).toString());
    }
    names->finish();
    if (tagNames.isEmpty()) {
        return {};
    }
    QJsonArray map;
    for (const QString& name : std::as_const(tagNames)) {
        auto id = tagId(QueryBuilder::tagKey(name), name);
        if (!id) {
            return id.error();
        }
        map.append(QJsonArray{name, id.value()});
    }
    QSqlQuery* link = local(
        u"INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) SELECT a.id, json_extract(m.value, '$[1]'), "
        u"'source' FROM json_each(:tagged) p, json_each(p.value, '$[1]') t JOIN json_each(:map) m "
        u"ON json_extract(m.value, '$[0]') = t.value JOIN articles a ON a.identity = json_extract(p.value, '$[0]')"_s);
    link->bindValue(u":tagged"_s, tagged);
    link->bindValue(u":map"_s, QString::fromUtf8(QJsonDocument(map).toJson(QJsonDocument::Compact)));
    if (!link->exec()) {
        return Database::sqlError(*link, u"tag team articles"_s);
    }
    return {};
}

Result<void> TeamPull::keyTitles(const QByteArray& titled)
{
    // The title keys (StoryMerge::titleKey, which SQL cannot compute) of the articles the page
    // added or retitled: NULL until now. The list sorts by them (schema 15), stories merge by
    // them. One short statement an article: a join of the page's keys to the library in one
    // statement was planned as a scan of one side for each row of the other.
    QSqlQuery* key = local(u"UPDATE articles SET title_key = :key WHERE identity = :identity AND title_key IS NULL"_s);
    // Whether a link-less article of this library has the key (its partial index, schema 14):
    // then the story is merged before the page commits.
    QSqlQuery* story = local(u"SELECT 1 FROM articles WHERE title_key = :key AND coalesce(link, '') = '' LIMIT 1"_s);
    const QJsonArray pairs = QJsonDocument::fromJson(titled).array();
    for (const QJsonValue& pair : pairs) {
        const QJsonArray p = pair.toArray();
        const QString k = StoryMerge::titleKey(p.at(1).toString());
        key->bindValue(u":key"_s, k);
        key->bindValue(u":identity"_s, p.at(0).toString());
        if (!key->exec()) {
            return Database::sqlError(*key, u"key team articles"_s);
        }
        if (k.isEmpty() || m_storyKeys.contains(k)) {
            continue;
        }
        story->bindValue(u":key"_s, k);
        if (!story->exec()) {
            return Database::sqlError(*story, u"find team stories"_s);
        }
        if (story->next()) {
            m_storyKeys.insert(k);
        }
        story->finish();
    }
    return {};
}

Result<void> TeamPull::applyKind(const QString& kind, const Page& page, PullReport* report)
{
    if (kind == "team_articles"_L1) {
        return applyArticles(page, report);
    }
    QSqlQuery q(m_server.db());
    if (!q.prepare(selectFor(kind))) {
        return TeamServer::sqlError(q, u"prepare pull"_s);
    }
    q.addBindValue(page.from);
    q.addBindValue(page.to);
    q.addBindValue(m_config.library);
    if (!q.exec()) {
        return TeamServer::sqlError(q, u"pull %1"_s.arg(kind));
    }

    while (q.next()) {
        Result<void> r;
        if (kind == "team_annotations"_L1) {
            auto article = articleId(q.value(1).toString());
            if (!article) {
                return article.error();
            }
            ++report->annotations;
            QSqlQuery* s = nullptr;
            if (q.value(12).toBool()) {
                s = local(u"DELETE FROM annotations WHERE uuid = ? AND updated <= ?"_s);
                s->addBindValue(q.value(0).toString());
                s->addBindValue(q.value(11).toLongLong());
            } else if (article.value() > 0) {
                s = local(u"INSERT INTO annotations(uuid, article_id, author, quote, prefix, suffix, start, end, note, "
                          u"color, created, updated) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          u"ON CONFLICT(uuid) DO UPDATE SET article_id = excluded.article_id, author = excluded.author, "
                          u"quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix, "
                          u"start = excluded.start, end = excluded.end, note = excluded.note, color = excluded.color, "
                          u"updated = excluded.updated WHERE excluded.updated >= annotations.updated"_s);
                s->addBindValue(q.value(0).toString());
                s->addBindValue(article.value());
                for (int i = 2; i <= 5; ++i) {
                    s->addBindValue(nullableText(q.value(i)));
                }
                s->addBindValue(q.value(6));
                s->addBindValue(q.value(7));
                s->addBindValue(nullableText(q.value(8)));
                s->addBindValue(q.value(9).toString());
                s->addBindValue(q.value(10).toLongLong());
                s->addBindValue(q.value(11).toLongLong());
            }
            if (s && !s->exec()) {
                return Database::sqlError(*s, u"store team annotation"_s);
            }
        } else if (kind == "team_annotation_history"_L1) {
            QSqlQuery* s = local(u"INSERT INTO annotation_history(server_id, annotation_uuid, author, note, color, "
                                 u"updated, replaced) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(server_id) DO NOTHING"_s);
            s->addBindValue(q.value(0).toLongLong());
            s->addBindValue(q.value(1).toString());
            s->addBindValue(q.value(2).toString());
            s->addBindValue(nullableText(q.value(3)));
            s->addBindValue(nullableText(q.value(4)));
            s->addBindValue(q.value(5).toLongLong());
            s->addBindValue(q.value(6).toLongLong());
            if (!s->exec()) {
                return Database::sqlError(*s, u"store annotation history"_s);
            }
        } else if (kind == "team_tags"_L1) {
            const QString key = q.value(0).toString();
            QSqlQuery* s = nullptr;
            if (q.value(4).toBool()) {
                s = local(u"DELETE FROM tags WHERE key = ? AND team = 1"_s);
                s->addBindValue(key);
                m_tagIds.remove(key);
            } else {
                s = local(u"INSERT INTO tags(key, uuid, name, color, team) VALUES(?, ?, ?, ?, 1) ON CONFLICT(key) "
                          u"DO UPDATE SET uuid = excluded.uuid, name = excluded.name, color = excluded.color, team = 1"_s);
                s->addBindValue(key);
                s->addBindValue(q.value(1).toString());
                s->addBindValue(q.value(2).toString());
                s->addBindValue(nullableText(q.value(3)));
            }
            if (!s->exec()) {
                return Database::sqlError(*s, u"store team tag"_s);
            }
        } else if (kind == "team_article_tags"_L1) {
            auto article = articleId(q.value(0).toString());
            if (!article) {
                return article.error();
            }
            auto tag = tagId(q.value(1).toString(), q.value(1).toString());
            if (!tag) {
                return tag.error();
            }
            if (article.value() == 0) {
                continue;
            }
            QSqlQuery* s = q.value(2).toBool()
                ? local(u"DELETE FROM article_tags WHERE article_id = ? AND tag_id = ? AND origin = 'user'"_s)
                : local(u"INSERT INTO article_tags(article_id, tag_id, origin) VALUES(?, ?, 'user') "
                        u"ON CONFLICT(article_id, tag_id) DO UPDATE SET origin = 'user'"_s);
            s->addBindValue(article.value());
            s->addBindValue(tag.value());
            if (!s->exec()) {
                return Database::sqlError(*s, u"store team tagging"_s);
            }
        } else if (kind == "team_saved_searches"_L1) {
            r = [&]() -> Result<void> {
                const QString uuid = q.value(0).toString();
                if (q.value(5).toBool()) {
                    QSqlQuery* s = local(u"DELETE FROM saved_searches WHERE uuid = ?"_s);
                    s->addBindValue(uuid);
                    return s->exec() ? Result<void>() : Result<void>(Database::sqlError(*s, u"remove search"_s));
                }
                // A name this library uses for a search of its own gets the owner's name added.
                QString name = q.value(1).toString();
                QSqlQuery* taken = local(u"SELECT 1 FROM saved_searches WHERE name = ? AND uuid IS NOT ?"_s);
                taken->addBindValue(name);
                taken->addBindValue(uuid);
                if (!taken->exec()) {
                    return Database::sqlError(*taken, u"check search name"_s);
                }
                if (taken->next()) {
                    name = u"%1 (%2)"_s.arg(name, q.value(3).toString());
                }
                taken->finish();
                QSqlQuery* s = local(u"INSERT INTO saved_searches(uuid, name, query, created, updated, shared) "
                                     u"VALUES(?, ?, ?, ?, ?, 1) ON CONFLICT(uuid) DO UPDATE SET name = excluded.name, "
                                     u"query = excluded.query, updated = excluded.updated, shared = 1 "
                                     u"WHERE excluded.updated >= coalesce(saved_searches.updated, 0)"_s);
                s->addBindValue(uuid);
                s->addBindValue(name);
                s->addBindValue(q.value(2).toString());
                s->addBindValue(q.value(4).toLongLong());
                s->addBindValue(q.value(4).toLongLong());
                return s->exec() ? Result<void>() : Result<void>(Database::sqlError(*s, u"store search"_s));
            }();
        } else if (kind == "team_feeds"_L1) {
            const QString url = q.value(0).toString();
            QSqlQuery* s = local(u"UPDATE feeds SET team = ? WHERE url = ?"_s);
            s->addBindValue(q.value(3).toBool() ? 0 : 1);
            s->addBindValue(url);
            if (!s->exec()) {
                return Database::sqlError(*s, u"mark team feed"_s);
            }
            if (s->numRowsAffected() == 0 && !q.value(3).toBool()) {
                m_newFeeds.append({url, jsonStrings(q.value(2).toString())});
                m_feedTitles.append(q.value(1).toString());
            }
        } else {
            auto article = articleId(q.value(0).toString());
            if (!article) {
                return article.error();
            }
            if (article.value() == 0) {
                continue;
            }
            const qint64 when = q.value(3).toLongLong();
            QSqlQuery* s = local(u"INSERT INTO article_state(article_id, read, bookmarked, read_at, bookmarked_at, "
                                 u"changed) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                                 u"read = excluded.read, bookmarked = excluded.bookmarked, read_at = excluded.read_at, "
                                 u"bookmarked_at = excluded.bookmarked_at, changed = excluded.changed "
                                 u"WHERE coalesce(article_state.changed, 0) <= excluded.changed"_s);
            const bool read = q.value(1).toBool();
            const bool bookmarked = q.value(2).toBool();
            s->addBindValue(article.value());
            s->addBindValue(read ? 1 : 0);
            s->addBindValue(bookmarked ? 1 : 0);
            s->addBindValue(read ? QVariant(when) : QVariant(QMetaType::fromType<qint64>()));
            s->addBindValue(bookmarked ? QVariant(when) : QVariant(QMetaType::fromType<qint64>()));
            s->addBindValue(when);
            if (!s->exec()) {
                return Database::sqlError(*s, u"store personal state"_s);
            }
        }
        if (!r) {
            return r;
        }
    }
    return {};
}

} // namespace folio
