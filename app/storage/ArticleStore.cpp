// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ArticleStore.h"

#include "domain/Dates.h"
#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "storage/QueryBuilder.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr char16_t kListSeparator = 0x1F; // unit separator, never in a tag name

QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(const std::optional<qint64>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalInt(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QStringList splitList(const QVariant& v)
{
    QStringList list = v.toString().split(QChar(kListSeparator), Qt::SkipEmptyParts);
    std::sort(list.begin(), list.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return list;
}

const QString kRowColumns = uR"(a.id, a.title, a.published,
    (SELECT s.title FROM article_sources x JOIN sources s ON s.id = x.source_id
        WHERE x.article_id = a.id ORDER BY x.first_seen, s.id LIMIT 1),
    (SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id = a.id),
    coalesce(st.read, 0), coalesce(st.bookmarked, 0), a.link,
    EXISTS (SELECT 1 FROM article_offline o WHERE o.article_id = a.id AND o.complete = 1))"_s;

struct Existing
{
    qint64 id = 0;
    QString title;
    QString summary;
    QString contentHtml;
    std::optional<qint64> published;
    std::optional<qint64> updated;
    QString link;
};

Result<qint64> upsertSource(QSqlDatabase db, const SourceSpec& source)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO sources(kind, key, title, url, site_url, created) VALUES(:kind, :key, :title, :url, :site, :now) "
              u"ON CONFLICT(key) DO UPDATE SET title = excluded.title, "
              u"url = coalesce(excluded.url, url), site_url = coalesce(excluded.site_url, site_url)"_s);
    q.bindValue(u":kind"_s, source.kind);
    q.bindValue(u":key"_s, source.key);
    q.bindValue(u":title"_s, source.title);
    q.bindValue(u":url"_s, nullable(source.url));
    q.bindValue(u":site"_s, nullable(source.siteUrl));
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        return Database::sqlError(q, u"store source"_s);
    }
    q.prepare(u"SELECT id FROM sources WHERE key = :key"_s);
    q.bindValue(u":key"_s, source.key);
    if (!q.exec() || !q.next()) {
        return Database::sqlError(q, u"find source"_s);
    }
    return q.value(0).toLongLong();
}

} // namespace

ArticleStore::ArticleStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ArticleStore::canonicalUrl(const QString& url)
{
    QUrl u(url.trimmed());
    if (!u.isValid() || u.scheme().isEmpty()) {
        return url.trimmed();
    }
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    u.setFragment({});
    if ((u.scheme() == "http"_L1 && u.port() == 80) || (u.scheme() == "https"_L1 && u.port() == 443)) {
        u.setPort(-1);
    }
    if (u.hasQuery()) {
        QUrlQuery query(u);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery kept;
        for (const auto& [key, value] : items) {
            if (!key.startsWith(u"utm_"_s)) {
                kept.addQueryItem(key, value);
            }
        }
        u.setQuery(kept.isEmpty() ? QString() : kept.query(QUrl::FullyEncoded), QUrl::StrictMode);
        if (kept.isEmpty()) {
            u.setQuery(QString());
        }
    }
    if (u.path().isEmpty()) {
        u.setPath(u"/"_s);
    }
    return u.toString(QUrl::FullyEncoded);
}

QString ArticleStore::identityKey(const FeedItem& item, const QString& sourceSite)
{
    if (!item.link.trimmed().isEmpty()) {
        return u"url:"_s + canonicalUrl(item.link);
    }
    const QString site = QUrl(sourceSite).host().toLower();
    if (!item.id.trimmed().isEmpty()) {
        return u"guid:"_s + site + u'|' + item.id.trimmed();
    }
    const QString normalised = item.title.simplified().toCaseFolded() + u'\n' + site;
    return u"title:"_s
        + QString::fromLatin1(QCryptographicHash::hash(normalised.toUtf8(), QCryptographicHash::Sha1).toHex());
}

ArticleCursor ArticleStore::cursorAfter(const ArticleRow& row)
{
    return ArticleCursor{row.id, row.published, row.title, row.score};
}

Result<ImportReport> ArticleStore::importItems(const SourceSpec& source, const QList<ImportItem>& items)
{
    ImportReport report;
    report.items = static_cast<int>(items.size());
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    auto sourceId = upsertSource(m_db, source);
    if (!sourceId) {
        return sourceId.error();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString site = source.siteUrl.isEmpty() ? source.url : source.siteUrl;

    QSqlQuery find(m_db);
    find.prepare(u"SELECT id, title, summary, content_html, published, updated, link FROM articles WHERE identity = :identity"_s);
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO articles(identity, guid, link, title, author, summary, content_html, content_text, "
                   u"published, updated, added) VALUES(:identity, :guid, :link, :title, :author, :summary, :html, "
                   u":text, :published, :updated, :added)"_s);
    QSqlQuery update(m_db);
    update.prepare(u"UPDATE articles SET title = :title, author = coalesce(:author, author), summary = :summary, "
                   u"content_html = coalesce(:html, content_html), content_text = coalesce(:text, content_text), "
                   u"published = coalesce(:published, published), updated = coalesce(:updated, updated), "
                   u"link = coalesce(:link, link), guid = coalesce(:guid, guid) WHERE id = :id"_s);
    QSqlQuery linkSource(m_db);
    linkSource.prepare(u"INSERT OR IGNORE INTO article_sources(article_id, source_id, first_seen) VALUES(:a, :s, :now)"_s);
    QSqlQuery upsertTag(m_db);
    upsertTag.prepare(u"INSERT INTO tags(name, key) VALUES(:name, :key) ON CONFLICT(key) DO NOTHING"_s);
    QSqlQuery findTag(m_db);
    findTag.prepare(u"SELECT id FROM tags WHERE key = :key"_s);
    QSqlQuery linkTag(m_db);
    linkTag.prepare(u"INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin) VALUES(:a, :t, 'source')"_s);
    QHash<QString, qint64> tagIds;

    for (const ImportItem& entry : items) {
        const FeedItem& item = entry.item;
        const QString identity = identityKey(item, site);
        const std::optional<qint64> published = dates::toSecs(item.published.isValid() ? item.published : item.updated);
        const std::optional<qint64> updated = dates::toSecs(item.updated);
        find.bindValue(u":identity"_s, identity);
        if (!find.exec()) {
            return Database::sqlError(find, u"find article"_s);
        }
        qint64 articleId = 0;
        if (find.next()) {
            Existing old;
            old.id = find.value(0).toLongLong();
            old.title = find.value(1).toString();
            old.summary = find.value(2).toString();
            old.contentHtml = find.value(3).toString();
            old.published = optionalInt(find.value(4));
            old.updated = optionalInt(find.value(5));
            old.link = find.value(6).toString();
            find.finish();
            articleId = old.id;
            const bool changed = old.title != item.title || old.summary != item.summary
                || (!item.contentHtml.isEmpty() && old.contentHtml != item.contentHtml)
                || (published && old.published != published) || (updated && old.updated != updated);
            if (changed) {
                update.bindValue(u":title"_s, item.title);
                update.bindValue(u":author"_s, nullable(item.author));
                update.bindValue(u":summary"_s, item.summary);
                update.bindValue(u":html"_s, nullable(item.contentHtml));
                update.bindValue(u":text"_s, nullable(entry.contentText));
                update.bindValue(u":published"_s, nullable(published));
                update.bindValue(u":updated"_s, nullable(updated));
                update.bindValue(u":link"_s, nullable(item.link));
                update.bindValue(u":guid"_s, nullable(item.id));
                update.bindValue(u":id"_s, articleId);
                if (!update.exec()) {
                    return Database::sqlError(update, u"update article"_s);
                }
                ++report.updated;
                // The text may have moved under the reader's highlights: place them again, in this transaction.
                if (auto moved = AnnotationStore(m_db).reanchor(articleId); !moved) {
                    return moved.error();
                }
            }
        } else {
            find.finish();
            insert.bindValue(u":identity"_s, identity);
            insert.bindValue(u":guid"_s, nullable(item.id));
            insert.bindValue(u":link"_s, nullable(item.link));
            insert.bindValue(u":title"_s, item.title);
            insert.bindValue(u":author"_s, nullable(item.author));
            insert.bindValue(u":summary"_s, item.summary);
            insert.bindValue(u":html"_s, nullable(item.contentHtml));
            insert.bindValue(u":text"_s, nullable(entry.contentText));
            insert.bindValue(u":published"_s, nullable(published));
            insert.bindValue(u":updated"_s, nullable(updated));
            insert.bindValue(u":added"_s, now);
            if (!insert.exec()) {
                return Database::sqlError(insert, u"insert article"_s);
            }
            articleId = insert.lastInsertId().toLongLong();
            ++report.added;
        }
        linkSource.bindValue(u":a"_s, articleId);
        linkSource.bindValue(u":s"_s, sourceId.value());
        linkSource.bindValue(u":now"_s, now);
        if (!linkSource.exec()) {
            return Database::sqlError(linkSource, u"link article to source"_s);
        }
        for (const QString& rawTag : item.tags) {
            const QString name = rawTag.simplified();
            const QString key = QueryBuilder::tagKey(name);
            if (key.isEmpty()) {
                continue;
            }
            auto it = tagIds.constFind(key);
            if (it == tagIds.cend()) {
                upsertTag.bindValue(u":name"_s, name);
                upsertTag.bindValue(u":key"_s, key);
                if (!upsertTag.exec()) {
                    return Database::sqlError(upsertTag, u"store tag"_s);
                }
                findTag.bindValue(u":key"_s, key);
                if (!findTag.exec() || !findTag.next()) {
                    return Database::sqlError(findTag, u"find tag"_s);
                }
                it = tagIds.insert(key, findTag.value(0).toLongLong());
                findTag.finish();
                if (!report.tags.contains(name, Qt::CaseInsensitive)) {
                    report.tags.append(name);
                }
            }
            linkTag.bindValue(u":a"_s, articleId);
            linkTag.bindValue(u":t"_s, it.value());
            if (!linkTag.exec()) {
                return Database::sqlError(linkTag, u"tag article"_s);
            }
        }
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return report;
}

Result<std::vector<ArticleRow>> ArticleStore::page(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                                   int limit)
{
    {
        QueryBuilder probe(query);
        if (probe.error()) {
            return *probe.error();
        }
        if (probe.sort() == ArticleQuery::Sort::DateDesc && after && after->published) {
            // Dated rows after the cursor by an index seek, then (if the page is not full) the
            // first undated rows, which always come last.
            auto dated = pageOnce(query, after, limit, true);
            if (!dated || static_cast<int>(dated->size()) >= limit) {
                return dated;
            }
            auto undated = pageOnce(query, ArticleCursor{0, std::nullopt, {}, 0.0},
                                    limit - static_cast<int>(dated->size()), false);
            if (!undated) {
                return undated;
            }
            for (ArticleRow& row : undated.value()) {
                dated->push_back(std::move(row));
            }
            return dated;
        }
    }
    return pageOnce(query, after, limit, false);
}

Result<std::vector<ArticleRow>> ArticleStore::pageOnce(const ArticleQuery& query,
                                                       const std::optional<ArticleCursor>& after, int limit,
                                                       bool datedRowsOnly)
{
    QueryBuilder builder(query);
    if (builder.error()) {
        return *builder.error();
    }
    builder.setDatedRowsOnly(datedRowsOnly);
    // The page's ids first, then its columns: the per-row subqueries (source, tags, snippet) then
    // run for the rows of the page only, even when SQLite has to sort a large filtered set.
    const QString with = builder.withHits();
    const QString score = builder.ranked() ? u"h.score"_s : u"0.0"_s;
    const QString ids = u"SELECT a.id, "_s + score + builder.fromWhere(after) + builder.orderBy()
        + u" LIMIT %1"_s.arg(qMax(1, limit));
    QString sql = (with.isEmpty() ? u"WITH "_s : with.trimmed() + u", "_s) + u"page(id, score) AS MATERIALIZED ("_s
        + ids + u")"_s + builder.snippetCte();
    sql += u" SELECT "_s + kRowColumns + u", p.score, "_s + (builder.ranked() ? u"s.snippet"_s : u"NULL"_s)
        + u" FROM page p JOIN articles a ON a.id = p.id LEFT JOIN article_state st ON st.article_id = a.id"_s;
    if (builder.ranked()) {
        // min(pri): the article's own text wins over an annotation (SQLite takes the other
        // columns from the row holding the minimum).
        sql += u" LEFT JOIN (SELECT id, snippet, min(pri) FROM snips GROUP BY id) s ON s.id = a.id"_s;
    }
    sql += builder.orderBy(u"p.score"_s);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return Database::sqlError(q, u"prepare article list"_s);
    }
    builder.bindAll(q);
    if (!q.exec()) {
        return Database::sqlError(q, u"read article list"_s);
    }
    std::vector<ArticleRow> rows;
    rows.reserve(static_cast<size_t>(limit));
    while (q.next()) {
        ArticleRow row;
        row.id = q.value(0).toLongLong();
        row.title = q.value(1).toString();
        row.published = optionalInt(q.value(2));
        row.source = q.value(3).toString();
        row.tags = splitList(q.value(4));
        row.state.read = q.value(5).toBool();
        row.state.bookmarked = q.value(6).toBool();
        row.link = q.value(7).toString();
        row.offline = q.value(8).toBool();
        row.score = q.value(9).toDouble();
        row.snippet = q.value(10).toString();
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<int> ArticleStore::count(const ArticleQuery& query)
{
    QueryBuilder builder(query);
    if (builder.error()) {
        return *builder.error();
    }
    const QString with = builder.withHits();
    const QString sql = with + u"SELECT count(*)"_s + builder.fromWhere();
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        return Database::sqlError(q, u"prepare count"_s);
    }
    builder.bindAll(q);
    if (!q.exec() || !q.next()) {
        return Database::sqlError(q, u"count articles"_s);
    }
    return q.value(0).toInt();
}

Result<Article> ArticleStore::article(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT a.id, a.title, a.link, a.guid, a.author, a.published, a.updated, a.added, a.summary, "
              u"a.content_html, coalesce(st.read, 0), coalesce(st.bookmarked, 0), "
              u"(SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
              u"WHERE at.article_id = a.id) "
              u"FROM articles a LEFT JOIN article_state st ON st.article_id = a.id WHERE a.id = :id"_s);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"read article"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no article with id %1"_s.arg(id));
    }
    Article a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.link = q.value(2).toString();
    a.guid = q.value(3).toString();
    a.author = q.value(4).toString();
    a.published = optionalInt(q.value(5));
    a.updated = optionalInt(q.value(6));
    a.added = q.value(7).toLongLong();
    a.summary = q.value(8).toString();
    a.contentHtml = q.value(9).toString();
    a.state.read = q.value(10).toBool();
    a.state.bookmarked = q.value(11).toBool();
    a.tags = splitList(q.value(12));
    q.finish();
    q.prepare(u"SELECT s.title FROM article_sources x JOIN sources s ON s.id = x.source_id "
              u"WHERE x.article_id = :id ORDER BY x.first_seen, s.id"_s);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"read article sources"_s);
    }
    while (q.next()) {
        a.sources.append(q.value(0).toString());
    }
    a.source = a.sources.value(0);
    return a;
}

Result<LibraryStats> ArticleStore::stats()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM tags), (SELECT count(*) FROM sources), "
                u"(SELECT count(*) FROM article_state WHERE bookmarked = 1), "
                u"(SELECT count(*) FROM articles) - (SELECT count(*) FROM article_state WHERE read = 1), "
                u"(SELECT count(*) FROM article_state WHERE bookmarked = 1 AND read = 0)"_s)
        || !q.next()) {
        return Database::sqlError(q, u"read statistics"_s);
    }
    LibraryStats s;
    s.articles = q.value(0).toInt();
    s.tags = q.value(1).toInt();
    s.sources = q.value(2).toInt();
    s.bookmarks = q.value(3).toInt();
    s.unread = q.value(4).toInt();
    s.bookmarksUnread = q.value(5).toInt();
    return s;
}

} // namespace folio
