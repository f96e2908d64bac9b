// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ArticleStore.h"

#include "domain/Dates.h"
#include "domain/WebUrl.h"
#include "storage/Database.h"
#include "storage/ImportWriter.h"
#include "storage/OfflineStore.h"
#include "storage/QueryBuilder.h"

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
    coalesce(st.read, 0), coalesce(st.bookmarked, 0), a.link, )"_s + OfflineStore::isOfflineSql();

} // namespace

ArticleStore::ArticleStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ArticleStore::canonicalUrl(const QString& url)
{
    // Most links need nothing but their fragment cut off and an empty path made '/': without a
    // query and a port, that is all QUrl would do to them.
    QString trimmed = url.trimmed();
    const qsizetype authorityEnd = weburl::canonicalAuthorityEnd(trimmed);
    if (authorityEnd >= 0 && !QStringView(trimmed).first(authorityEnd).sliced(6).contains(u':') // no port
        && !trimmed.contains(u'?')) {
        if (const qsizetype hash = trimmed.indexOf(u'#', authorityEnd); hash >= 0) {
            trimmed.truncate(hash);
        }
        if (trimmed.size() == authorityEnd) {
            trimmed += u'/';
        }
        return trimmed;
    }
    return canonicalUrlByQUrl(trimmed);
}

QString ArticleStore::canonicalUrlByQUrl(const QString& url)
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
    return ArticleCursor{row.id, row.published, row.title, row.score, row.rankFrom, row.rankUntil};
}

Result<ImportReport> ArticleStore::importItems(const SourceSpec& source, const QList<ImportItem>& items)
{
    const QString site = source.siteUrl.isEmpty() ? source.url : source.siteUrl;
    ImportWriter writer(m_db);
    if (auto b = writer.begin(source); !b) {
        return b.error();
    }
    for (const ImportItem& entry : items) {
        if (auto r = writer.store(ImportWriter::prepared(entry.item, entry.contentText, site)); !r) {
            return r.error();
        }
    }
    return writer.commit(source);
}

Result<std::vector<ArticleRow>> ArticleStore::page(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                                   int limit)
{
    {
        QueryBuilder probe(query);
        if (probe.error()) {
            return *probe.error();
        }
        if (probe.rankedTextOnly()) {
            return rankedPage(query, after, limit);
        }
        if (probe.sort() == ArticleQuery::Sort::DateDesc && after && after->published) {
            // Dated rows after the cursor by an index seek, then (if the page is not full) the
            // first undated rows, which always come last.
            auto dated = pageOnce(query, after, limit, true, RankWindow{});
            if (!dated || static_cast<int>(dated->size()) >= limit) {
                return dated;
            }
            auto undated = pageOnce(query, ArticleCursor{0, std::nullopt, {}, 0.0},
                                    limit - static_cast<int>(dated->size()), false, RankWindow{});
            if (!undated) {
                return undated;
            }
            for (ArticleRow& row : undated.value()) {
                dated->push_back(std::move(row));
            }
            return dated;
        }
    }
    return pageOnce(query, after, limit, false, RankWindow{});
}

Result<std::vector<ArticleRow>> ArticleStore::rankedPage(const ArticleQuery& query,
                                                         const std::optional<ArticleCursor>& after, int limit)
{
    // bm25 costs a lookup per matching row, so a word in most articles would be scored tens of
    // thousands of times for one page. Rows are ranked a window at a time instead: the
    // m_rankWindowSize newest text matches (by article id, the order they entered the library)
    // by bm25 first, then the window of matches before them, and so on. With fewer matches than
    // a window the whole list is one window, ranked exactly. docs/search.md says so to users.
    // A window's first page finds the window and scores it in one pass (setRankWindowBelow);
    // later pages of it know its bounds from the cursor.
    std::optional<ArticleCursor> cursor = after;
    qint64 from = 0;
    qint64 until = 0;
    bool byCount = !after;
    if (after) {
        from = after->rankFrom;
        until = after->rankUntil;
    }
    std::vector<ArticleRow> rows;
    while (true) {
        const RankWindow window = byCount ? RankWindow{0, until, m_rankWindowSize} : RankWindow{from, until, 0};
        auto part = pageOnce(query, cursor, limit - static_cast<int>(rows.size()), false, window);
        if (!part) {
            return part;
        }
        if (byCount) {
            from = part->empty() ? 0 : part->front().rankFrom; // no row: nothing left below until
        }
        for (ArticleRow& row : part.value()) {
            row.rankFrom = from;
            row.rankUntil = until;
            rows.push_back(std::move(row));
        }
        if (static_cast<int>(rows.size()) >= limit || from <= 0) {
            return rows; // full, or the oldest window is done
        }
        until = from;
        cursor.reset();
        byCount = true;
    }
}

Result<std::vector<ArticleRow>> ArticleStore::pageOnce(const ArticleQuery& query,
                                                       const std::optional<ArticleCursor>& after, int limit,
                                                       bool datedRowsOnly, RankWindow window)
{
    QueryBuilder builder(query);
    if (builder.error()) {
        return *builder.error();
    }
    builder.setDatedRowsOnly(datedRowsOnly);
    if (window.size > 0) {
        builder.setRankWindowBelow(window.until, window.size);
    } else {
        builder.setRankWindow(window.from, window.until);
    }
    // The page's ids first, then its columns: the per-row subqueries (source, tags, snippet) then
    // run for the rows of the page only, even when SQLite has to sort a large filtered set.
    const QString with = builder.withHits(after, limit);
    const QString score = builder.ranked() ? u"h.score"_s : u"0.0"_s;
    const QString ids = u"SELECT a.id, "_s + score + builder.fromWhere(after) + builder.orderBy()
        + u" LIMIT %1"_s.arg(qMax(1, limit));
    const QString page = (with.isEmpty() ? u"WITH "_s : with.trimmed() + u", "_s)
        + u"page(id, score) AS MATERIALIZED ("_s + ids + u")"_s;
    const QString windowStart = window.size > 0 ? u", "_s + QueryBuilder::windowFrom() : QString();
    const QString pageRows =
        u" FROM page p JOIN articles a ON a.id = p.id LEFT JOIN article_state st ON st.article_id = a.id"_s;
    if (builder.ranked() && hasPageTextTable()) {
        const QString order = builder.orderBy(u"p.score"_s, true);
        return rankedRows(builder, page + u" SELECT p.id, p.score"_s + windowStart + pageRows + order, window.size > 0);
    }
    QString sql = page + builder.snippetCte();
    sql += u" SELECT "_s + kRowColumns + u", p.score, "_s + (builder.ranked() ? u"s.snippet"_s : u"NULL"_s)
        + u", (SELECT count(*) FROM annotations an WHERE an.article_id = a.id)"_s + windowStart + pageRows;
    if (builder.ranked()) {
        // min(pri): the article's own text wins over an annotation (SQLite takes the other
        // columns from the row holding the minimum).
        sql += u" LEFT JOIN (SELECT id, snippet, min(pri) FROM snips GROUP BY id) s ON s.id = a.id"_s;
    }
    sql += builder.orderBy(u"p.score"_s, true);
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
        ArticleRow row = readRow(q);
        if (window.size > 0) {
            row.rankFrom = q.value(12).toLongLong(); // where the window found by count begins
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

ArticleRow ArticleStore::readRow(const QSqlQuery& q)
{
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
    row.annotations = q.value(11).toInt();
    return row;
}

bool ArticleStore::hasPageTextTable()
{
    // Per connection, in its temp schema (memory): nothing of it reaches the library file. A
    // read-only connection (query_only) cannot write even there, and keeps the one-statement page.
    // The tokenizer is the one of articles_fts (0008_bulk_fts.sql), so snippets are the same.
    // (A plain query: a refusal here is expected, not an error to log.)
    QSqlQuery q(m_db);
    return q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.folio_page_text USING fts5("
                  u"title, summary, content_text, tokenize = 'unicode61 remove_diacritics 2')"_s);
}

Result<std::vector<ArticleRow>> ArticleStore::rankedRows(QueryBuilder& builder, const QString& pageSql,
                                                         bool windowByCount)
{
    // A ranked page in three steps, so that the search index's doclist of the query is walked
    // once: (1) the page's ids and scores (the ranking, one walk), (2) their texts into a small
    // index of this page alone, (3) their columns, with snippets from that small index. Snippets
    // from articles_fts itself would walk the whole doclist again: for a prefix of a common word
    // (every plain word is one) FTS5 merges the doclists of all its terms first, about as costly
    // as the ranking at a million articles.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(pageSql)) {
        return Database::sqlError(q, u"prepare article list"_s);
    }
    builder.bindAll(q);
    if (!q.exec()) {
        return Database::sqlError(q, u"read article list"_s);
    }
    QList<qint64> ids;
    QList<double> scores;
    qint64 windowFrom = 0;
    while (q.next()) {
        ids.append(q.value(0).toLongLong());
        scores.append(q.value(1).toDouble());
        windowFrom = windowByCount ? q.value(2).toLongLong() : 0;
    }
    q.finish();
    if (ids.isEmpty()) {
        return std::vector<ArticleRow>{};
    }
    const QString idList = Database::jsonIds(ids);
    if (auto r = Database::exec(m_db, u"DELETE FROM temp.folio_page_text"_s); !r) {
        return r.error();
    }
    if (!q.prepare(u"INSERT INTO temp.folio_page_text(rowid, title, summary, content_text) "
                   u"SELECT id, title, summary, content_text FROM articles WHERE id IN (SELECT value FROM json_each(?))"_s)) {
        return Database::sqlError(q, u"prepare snippets"_s);
    }
    q.addBindValue(idList);
    if (!q.exec()) {
        return Database::sqlError(q, u"prepare snippets"_s);
    }
    const QString sql = u"WITH page(id, pos) AS MATERIALIZED (SELECT value, key FROM json_each(:ids)), "
                        u"snips(id, snippet, pri) AS MATERIALIZED ("
                        u"SELECT rowid, snippet(folio_page_text, -1, char(2), char(3), '\u2026', 24), 0 "
                        u"FROM temp.folio_page_text WHERE folio_page_text MATCH :m1 "
                        u"UNION ALL SELECT an.article_id, snippet(annotations_fts, -1, char(2), char(3), '\u2026', 24), 1 "
                        u"FROM annotations_fts JOIN annotations an ON an.id = annotations_fts.rowid "
                        u"WHERE annotations_fts MATCH :m2 AND an.article_id IN (SELECT id FROM page)) "
                        u"SELECT "_s
        + kRowColumns
        + u", 0.0, s.snippet, (SELECT count(*) FROM annotations an WHERE an.article_id = a.id) "
          u"FROM page p JOIN articles a ON a.id = p.id LEFT JOIN article_state st ON st.article_id = a.id "
          u"LEFT JOIN (SELECT id, snippet, min(pri) FROM snips GROUP BY id) s ON s.id = a.id ORDER BY p.pos"_s;
    if (!q.prepare(sql)) {
        return Database::sqlError(q, u"prepare article list"_s);
    }
    q.bindValue(u":ids"_s, idList);
    q.bindValue(u":m1"_s, builder.ftsMatch());
    q.bindValue(u":m2"_s, builder.ftsMatch());
    if (!q.exec()) {
        return Database::sqlError(q, u"read article list"_s);
    }
    std::vector<ArticleRow> rows;
    rows.reserve(static_cast<size_t>(ids.size()));
    while (q.next()) {
        ArticleRow row = readRow(q);
        const qsizetype at = ids.indexOf(row.id);
        row.score = at >= 0 ? scores.at(at) : 0.0;
        row.rankFrom = windowFrom;
        rows.push_back(std::move(row));
    }
    q.finish();
    static_cast<void>(Database::exec(m_db, u"DELETE FROM temp.folio_page_text"_s)); // memory back; best effort
    return rows;
}

Result<int> ArticleStore::count(const ArticleQuery& query)
{
    QueryBuilder builder(query);
    if (builder.error()) {
        return *builder.error();
    }
    // Free text alone: count the hits without the articles table; joining them would read a row
    // per match. (Every hit is an article: the triggers keep the indexes in step with the tables.)
    // The library, a tag or a feed (alone or unread): counts kept by triggers, no pass over rows.
    QString sql = builder.keptCount();
    if (sql.isEmpty()) {
        sql = builder.ranked() && !builder.hasFiltersBesidesText()
            ? builder.textCount()
            : builder.withHitIds() + u"SELECT count(*)"_s + builder.fromWhere();
    }
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
              u"WHERE at.article_id = a.id), a.content_text "
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
    a.contentText = q.value(13).toString();
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
    // Articles and unread are kept by triggers (0013_library_counts.sql).
    if (!q.exec(u"SELECT (SELECT articles FROM library_counts), (SELECT count(*) FROM tags), (SELECT count(*) FROM sources), "
                u"(SELECT count(*) FROM article_state WHERE bookmarked = 1), "
                u"(SELECT unread FROM library_counts), "
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
