// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamPush.h"

#include "storage/Database.h"
#include "team/TeamServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kBatch = 1000;

// Kinds in the order the server wants them (tags before the articles' team tags).
const QStringList& kinds()
{
    static const QStringList list = {u"article"_s, u"tag"_s,    u"article_tag"_s, u"annotation"_s,
                                     u"search"_s,  u"feed"_s, u"state"_s};
    return list;
}

QString jsonList(const QStringList& items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

QStringList missing(const QStringList& refs, const QStringList& found)
{
    QStringList out;
    for (const QString& r : refs) {
        if (!found.contains(r)) {
            out.append(r);
        }
    }
    return out;
}

const auto kArticleRows =
    u"SELECT a.identity, json_object('identity', a.identity, 'guid', a.guid, 'link', a.link, 'title', a.title, "
    u"'author', a.author, 'summary', a.summary, 'content_html', a.content_html, 'content_text', a.content_text, "
    u"'published', a.published, 'updated', a.updated, 'added', a.added, 'tags', '' || (SELECT json_group_array(t.name) "
    u"FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id AND at.origin = 'source')) "
    u"FROM articles a WHERE a.identity IN (SELECT value FROM json_each(:refs))"_s;

const auto kArticleUpsert =
    u"INSERT INTO team_articles(identity, guid, link, title, author, summary, content_html, content_text, published, "
    u"updated, added, tags) SELECT identity, guid, link, title, author, summary, content_html, content_text, "
    u"published, updated, added, tags FROM json_to_recordset(CAST(? AS json)) AS x(identity text, guid text, "
    u"link text, title text, author text, summary text, content_html text, content_text text, published bigint, "
    u"updated bigint, added bigint, tags text) "
    u"ON CONFLICT (identity) DO UPDATE SET guid = excluded.guid, link = excluded.link, title = excluded.title, "
    u"author = excluded.author, summary = excluded.summary, content_html = excluded.content_html, "
    u"content_text = excluded.content_text, published = excluded.published, updated = excluded.updated, "
    u"tags = excluded.tags WHERE (team_articles.guid, team_articles.link, team_articles.title, team_articles.author, "
    u"team_articles.summary, team_articles.content_html, team_articles.content_text, team_articles.published, "
    u"team_articles.updated, team_articles.tags) IS DISTINCT FROM (excluded.guid, excluded.link, excluded.title, "
    u"excluded.author, excluded.summary, excluded.content_html, excluded.content_text, excluded.published, "
    u"excluded.updated, excluded.tags)"_s;

const auto kTagRows = u"SELECT key, json_object('key', key, 'uuid', uuid, 'name', name, 'color', color), team "
                      u"FROM tags WHERE key IN (SELECT value FROM json_each(:refs))"_s;

const auto kTagUpsert =
    u"INSERT INTO team_tags(key, uuid, name, color, updated) SELECT key, uuid, name, color, ? "
    u"FROM json_to_recordset(CAST(? AS json)) AS x(key text, uuid uuid, name text, color text) "
    u"ON CONFLICT (key) DO UPDATE SET name = excluded.name, color = excluded.color, updated = excluded.updated, "
    u"deleted = false WHERE (team_tags.name, team_tags.color, team_tags.deleted) IS DISTINCT FROM "
    u"(excluded.name, excluded.color, false)"_s;

const auto kArticleTagRows =
    u"SELECT r.value, EXISTS (SELECT 1 FROM article_tags at JOIN articles a ON a.id = at.article_id "
    u"JOIN tags t ON t.id = at.tag_id WHERE a.identity = substr(r.value, 1, instr(r.value, char(31)) - 1) "
    u"AND t.key = substr(r.value, instr(r.value, char(31)) + 1) AND at.origin = 'user' AND t.team = 1) "
    u"FROM json_each(:refs) r"_s;

const auto kArticleTagUpsert =
    u"INSERT INTO team_article_tags(article, tag, updated, deleted) SELECT x.article, x.tag, ?, x.deleted "
    u"FROM json_to_recordset(CAST(? AS json)) AS x(article text, tag text, deleted boolean) "
    u"WHERE NOT x.deleted OR EXISTS (SELECT 1 FROM team_article_tags t WHERE t.article = x.article AND t.tag = x.tag) "
    u"ON CONFLICT (article, tag) DO UPDATE SET deleted = excluded.deleted, updated = excluded.updated, "
    u"added_by = current_user WHERE team_article_tags.deleted IS DISTINCT FROM excluded.deleted"_s;

const auto kAnnotationRows =
    u"SELECT an.uuid, json_object('uuid', an.uuid, 'article', a.identity, 'quote', an.quote, 'prefix', an.prefix, "
    u"'suffix', an.suffix, 'start', an.start, 'end', an.end, 'note', an.note, 'color', an.color, "
    u"'created', an.created, 'updated', an.updated) FROM annotations an JOIN articles a ON a.id = an.article_id "
    u"WHERE an.uuid IN (SELECT value FROM json_each(:refs))"_s;

const auto kAnnotationRecords =
    u"json_to_recordset(CAST(? AS json)) AS x(uuid uuid, article text, quote text, prefix text, suffix text, "
    u"start integer, \"end\" integer, note text, color text, created bigint, updated bigint)"_s;

// An edit older than the server's (made offline on another machine of the author) is history.
const auto kAnnotationLateHistory =
    u"INSERT INTO team_annotation_history(uuid, note, color, updated, replaced) "
    u"SELECT x.uuid, x.note, x.color, x.updated, a.updated FROM "_s
    + kAnnotationRecords
    + u" JOIN team_annotations a ON a.uuid = x.uuid WHERE a.updated > x.updated "
      u"AND (a.note, a.color) IS DISTINCT FROM (x.note, x.color) AND NOT EXISTS (SELECT 1 FROM "
      u"team_annotation_history h WHERE h.uuid = x.uuid AND h.updated = x.updated)"_s;

const auto kAnnotationUpsert =
    u"INSERT INTO team_annotations(uuid, article, quote, prefix, suffix, start, \"end\", note, color, created, "
    u"updated) SELECT uuid, article, quote, prefix, suffix, start, \"end\", note, color, created, updated FROM "_s
    + kAnnotationRecords
    + u" ON CONFLICT (uuid) DO UPDATE SET article = excluded.article, quote = excluded.quote, "
      u"prefix = excluded.prefix, suffix = excluded.suffix, start = excluded.start, \"end\" = excluded.\"end\", "
      u"note = excluded.note, color = excluded.color, updated = excluded.updated, deleted = false "
      u"WHERE team_annotations.updated < excluded.updated OR (team_annotations.updated = excluded.updated AND "
      u"(team_annotations.note, team_annotations.color, team_annotations.deleted, team_annotations.start, "
      u"team_annotations.\"end\") IS DISTINCT FROM (excluded.note, excluded.color, false, excluded.start, "
      u"excluded.\"end\"))"_s;

const auto kSearchRows = u"SELECT uuid, json_object('uuid', uuid, 'name', name, 'query', query, 'updated', "
                         u"coalesce(updated, created)), shared FROM saved_searches "
                         u"WHERE uuid IN (SELECT value FROM json_each(:refs))"_s;

const auto kSearchUpsert =
    u"INSERT INTO team_saved_searches(uuid, name, query, updated) SELECT uuid, name, query, updated "
    u"FROM json_to_recordset(CAST(? AS json)) AS x(uuid uuid, name text, query text, updated bigint) "
    u"ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, query = excluded.query, updated = excluded.updated, "
    u"deleted = false WHERE team_saved_searches.updated < excluded.updated"_s;

const auto kFeedRows = u"SELECT url, json_object('url', url, 'title', title, 'tags', '' || (SELECT "
                       u"json_group_array(name) FROM feed_tags WHERE feed_id = feeds.id)), team FROM feeds "
                       u"WHERE url IN (SELECT value FROM json_each(:refs))"_s;

const auto kFeedUpsert =
    u"INSERT INTO team_feeds(url, title, tags, updated) SELECT url, title, tags, ? "
    u"FROM json_to_recordset(CAST(? AS json)) AS x(url text, title text, tags text) "
    u"ON CONFLICT (url) DO UPDATE SET title = excluded.title, tags = excluded.tags, updated = excluded.updated, "
    u"deleted = false WHERE (team_feeds.title, team_feeds.tags, team_feeds.deleted) IS DISTINCT FROM "
    u"(excluded.title, excluded.tags, false)"_s;

const auto kStateRows =
    u"SELECT a.identity, json_object('article', a.identity, 'read', CASE WHEN s.read THEN json('true') ELSE "
    u"json('false') END, 'bookmarked', CASE WHEN s.bookmarked THEN json('true') ELSE json('false') END, "
    u"'updated', coalesce(s.changed, max(coalesce(s.read_at, 0), coalesce(s.bookmarked_at, 0)))) "
    u"FROM article_state s JOIN articles a ON a.id = s.article_id "
    u"WHERE a.identity IN (SELECT value FROM json_each(:refs))"_s;

const auto kStateUpsert =
    u"INSERT INTO team_states(article, read, bookmarked, updated) SELECT article, read, bookmarked, updated "
    u"FROM json_to_recordset(CAST(? AS json)) AS x(article text, read boolean, bookmarked boolean, updated bigint) "
    u"ON CONFLICT (analyst, article) DO UPDATE SET read = excluded.read, bookmarked = excluded.bookmarked, "
    u"updated = excluded.updated WHERE team_states.updated <= excluded.updated AND "
    u"(team_states.read, team_states.bookmarked) IS DISTINCT FROM (excluded.read, excluded.bookmarked)"_s;

// Removals: the row is flagged, never deleted, so the change reaches every library.
QString deleteStatement(const QString& table, const QString& column, const QString& type)
{
    return u"UPDATE %1 SET deleted = true, updated = greatest(updated + 1, ?) WHERE NOT deleted AND %2 IN "
           u"(SELECT CAST(value AS %3) FROM json_array_elements_text(CAST(? AS json)))"_s.arg(table, column, type);
}

} // namespace

TeamPush::TeamPush(QSqlDatabase local, TeamServer& server, TeamConfig config)
    : m_local(std::move(local))
    , m_server(server)
    , m_config(std::move(config))
{
}

Result<TeamPush::Batch> TeamPush::nextBatch(const QString& kind, qint64 after, qint64 upTo, int size)
{
    QSqlQuery q(m_local);
    q.prepare(u"SELECT id, ref FROM team_outbox WHERE kind = :kind AND id > :after AND id <= :upto "
              u"ORDER BY id LIMIT :n"_s);
    q.bindValue(u":kind"_s, kind);
    q.bindValue(u":after"_s, after);
    q.bindValue(u":upto"_s, upTo);
    q.bindValue(u":n"_s, size);
    if (!q.exec()) {
        return Database::sqlError(q, u"read the team outbox"_s);
    }
    Batch b;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (b.firstId == 0) {
            b.firstId = id;
        }
        b.lastId = id;
        const QString ref = q.value(1).toString();
        if (!b.refs.contains(ref)) {
            b.refs.append(ref);
        }
    }
    return b;
}

Result<QStringList> TeamPush::rows(const QString& sql, const QStringList& refs, QStringList* found)
{
    QSqlQuery q(m_local);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.bindValue(u":refs"_s, jsonList(refs));
    if (!q.exec()) {
        return Database::sqlError(q, u"read changes to push"_s);
    }
    QStringList out;
    const bool flagged = q.record().count() > 2;
    while (q.next()) {
        found->append(q.value(0).toString());
        // A third column is the share flag: a thing no longer shared is neither sent nor removed.
        if (flagged && !q.value(2).toBool()) {
            continue;
        }
        out.append(q.value(1).toString());
    }
    return out;
}

Result<void> TeamPush::serverExec(const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(m_server.db());
    if (!q.prepare(sql)) {
        return TeamServer::sqlError(q, u"prepare push"_s);
    }
    for (const QVariant& v : binds) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return TeamServer::sqlError(q, u"push"_s);
    }
    return {};
}

Result<void> TeamPush::send(const QString& kind, const QStringList& refs)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QStringList found;
    auto sendRows = [&](const QString& select, const QStringList& upserts, bool withNow) -> Result<QStringList> {
        auto list = rows(select, refs, &found);
        if (!list) {
            return list.error();
        }
        if (!list->isEmpty()) {
            const QString payload = u'[' + list->join(u',') + u']';
            for (const QString& sql : upserts) {
                if (auto r = serverExec(sql, withNow ? QVariantList{now, payload} : QVariantList{payload}); !r) {
                    return r.error();
                }
            }
        }
        return missing(refs, found);
    };
    Result<QStringList> gone = QStringList();
    if (kind == "article"_L1) {
        gone = sendRows(kArticleRows, {kArticleUpsert}, false);
        if (gone) {
            gone = QStringList(); // an article removed here stays in the team
        }
    } else if (kind == "tag"_L1) {
        gone = sendRows(kTagRows, {kTagUpsert}, true);
        if (gone && !gone->isEmpty()) {
            if (auto r = serverExec(deleteStatement(u"team_tags"_s, u"key"_s, u"text"_s), {now, jsonList(*gone)}); !r) {
                return r;
            }
        }
    } else if (kind == "article_tag"_L1) {
        QSqlQuery q(m_local);
        q.prepare(kArticleTagRows);
        q.bindValue(u":refs"_s, jsonList(refs));
        if (!q.exec()) {
            return Database::sqlError(q, u"read team tags to push"_s);
        }
        QJsonArray list;
        while (q.next()) {
            const QString ref = q.value(0).toString();
            const qsizetype cut = ref.indexOf(QChar(31));
            list.append(QJsonObject{{u"article"_s, ref.left(cut)},
                                    {u"tag"_s, ref.mid(cut + 1)},
                                    {u"deleted"_s, !q.value(1).toBool()}});
        }
        const QString payload = QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
        return serverExec(kArticleTagUpsert, {now, payload});
    } else if (kind == "annotation"_L1) {
        gone = sendRows(kAnnotationRows, {kAnnotationLateHistory, kAnnotationUpsert}, false);
        if (gone && !gone->isEmpty()) {
            const QString sql = deleteStatement(u"team_annotations"_s, u"uuid"_s, u"uuid"_s);
            if (auto r = serverExec(sql, {now, jsonList(*gone)}); !r) {
                return r;
            }
        }
    } else if (kind == "search"_L1) {
        gone = sendRows(kSearchRows, {kSearchUpsert}, false);
        if (gone && !gone->isEmpty()) {
            const QString sql = deleteStatement(u"team_saved_searches"_s, u"uuid"_s, u"uuid"_s);
            if (auto r = serverExec(sql, {now, jsonList(*gone)}); !r) {
                return r;
            }
        }
    } else if (kind == "feed"_L1) {
        gone = sendRows(kFeedRows, {kFeedUpsert}, true);
        if (gone && !gone->isEmpty()) {
            if (auto r = serverExec(deleteStatement(u"team_feeds"_s, u"url"_s, u"text"_s), {now, jsonList(*gone)}); !r) {
                return r;
            }
        }
    } else if (kind == "state"_L1) {
        gone = sendRows(kStateRows, {kStateUpsert}, false);
    }
    if (!gone) {
        return gone.error();
    }
    return {};
}

Result<int> TeamPush::run()
{
    QSqlQuery q(m_local);
    if (!q.exec(u"SELECT coalesce(max(id), 0) FROM team_outbox"_s) || !q.next()) {
        return Database::sqlError(q, u"read the team outbox"_s);
    }
    const qint64 upTo = q.value(0).toLongLong();
    q.finish();
    int pushed = 0;
    for (const QString& kind : kinds()) {
        qint64 after = 0;
        for (;;) {
            auto batch = nextBatch(kind, after, upTo, kind == "article"_L1 ? kBatch / 2 : kBatch);
            if (!batch) {
                return batch.error();
            }
            if (batch->refs.isEmpty()) {
                break;
            }
            if (auto b = m_server.begin(); !b) {
                return b.error();
            }
            QSqlQuery tag(m_server.db());
            tag.prepare(u"SELECT set_config('folio.library', ?, true)"_s);
            tag.addBindValue(m_config.library);
            if (!tag.exec()) {
                const Error e = TeamServer::sqlError(tag, u"name this library"_s);
                m_server.rollback();
                return e;
            }
            if (auto r = send(kind, batch->refs); !r) {
                m_server.rollback();
                return r.error();
            }
            if (auto c = m_server.commit(); !c) {
                return c.error();
            }
            // Only now that the server has them: a crash before this line sends them again, harmlessly.
            QSqlQuery del(m_local);
            del.prepare(u"DELETE FROM team_outbox WHERE kind = :kind AND id BETWEEN :first AND :last"_s);
            del.bindValue(u":kind"_s, kind);
            del.bindValue(u":first"_s, batch->firstId);
            del.bindValue(u":last"_s, batch->lastId);
            if (!del.exec()) {
                return Database::sqlError(del, u"clear the team outbox"_s);
            }
            pushed += int(batch->refs.size());
            after = batch->lastId;
        }
    }
    return pushed;
}

} // namespace folio
