// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ImportWriter.h"

#include "storage/AnnotationStore.h"
#include "domain/Dates.h"
#include "storage/Database.h"
#include "storage/QueryBuilder.h"
#include "storage/StoryMerge.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Page cache of the writer's connection during an import (KiB, as SQLite's negative cache_size).
constexpr int kImportCacheKiB = 32 * 1024;
// Items whose links are written together.
constexpr qsizetype kLinkBatch = 256;
// Items stored before an import counts as large (suspendTriggers()): dropping and creating triggers
// changes the schema, which makes every connection prepare its statements again once.
constexpr int kLargeImportItems = 2000;
// Deferred rows indexed for search together while the import runs (indexDeferred()). FTS5 writes
// out what it holds at each statement (its savepoint), so each statement is at least one segment,
// merged with others later: 16,384 rows fill the 'hashsize' below once or twice, and the merging
// takes under half the time it took at 4,096 rows (2.5 % of an import's samples against 5.7 %;
// the writer's CPU 6-8 % lower) for 3 MiB more at the peak, although part of the rows is read
// back from the WAL rather than the page cache.
constexpr int kIndexChunkItems = 16384;
// FTS5 keeps the postings of a transaction's new rows in memory up to this size before it writes
// them out as a segment (its 'hashsize', 1 MiB by default). Each segment is merged with others
// later, so small ones cost the index most of its time: at 16 MiB a 10,000-item file is one
// segment, and indexing 100k articles takes half the CPU it takes at 1 MiB.
constexpr int kFtsHashBytes = 16 * 1024 * 1024;
// A tag link packed into one JSON integer for flushLinks(): article * kPackedTagLimit + tag (SQLite
// reads it as a 64-bit integer; the bounds keep it far below that).
constexpr qint64 kPackedTagLimit = qint64(1) << 24;
constexpr qint64 kPackedArticleLimit = qint64(1) << 38;
// The triggers that count links and date tag links (0010, 0011), suspended with the others of a
// large import (suspendTriggers()) and back before a link to an article at or below the deferral.
const QStringList kLinkTriggers = {QStringLiteral("tag_counts_link"), QStringLiteral("source_counts_link"),
                                   QStringLiteral("article_tags_published_insert")};
// The most title keys of link-less articles an import keeps in memory (loadLinklessKeys(), a few
// MiB at most); a library with more looks every feed item's story up, as before schema 14.
constexpr int kLinklessKeysLoaded = 20000;

/// The day of a time in seconds since the epoch, as published_days counts it (0012): rounded down.
qint64 dayOf(qint64 secs)
{
    return (secs - ((secs % 86400) + 86400) % 86400) / 86400;
}

/// A map as the JSON array of [key, value] pairs that addChunkCounts() reads.
QString jsonPairs(const QHash<qint64, qint64>& counts)
{
    QList<qint64> flat;
    flat.reserve(counts.size() * 2);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        flat.append(it.key());
        flat.append(it.value());
    }
    return Database::jsonIds(flat, true);
}

QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullable(const std::optional<qint64>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

/// s as UTF-8 for ImportWriter's CAST(? AS TEXT) parameters: null when s is empty (bound as the
/// string, so that '' stays '' and a null string NULL) or holds unpaired surrogates, which only
/// SQLite's own UTF-16 conversion stores exactly as before.
QByteArray utf8Text(const QString& s)
{
    return s.isEmpty() || !s.isValidUtf16() ? QByteArray() : s.toUtf8();
}

/// Binds a text parameter written CAST(? AS TEXT): the UTF-8 form when there is one (a blob the
/// cast turns into text without a conversion; the string may have been dropped then), else the
/// string; NULL for an empty nullable one.
template<typename Placeholder>
void bindText(QSqlQuery& q, const Placeholder& index, const QString& s, const QByteArray& utf8, bool nullWhenEmpty)
{
    if (!utf8.isNull()) {
        q.bindValue(index, utf8);
    } else if (s.isEmpty()) {
        q.bindValue(index, nullWhenEmpty ? QVariant(QMetaType::fromType<QString>()) : QVariant(s));
    } else {
        q.bindValue(index, s);
    }
}

/// s, or its UTF-8 form decoded when prepared() dropped s for it.
QString restored(const QString& s, const QByteArray& utf8)
{
    return s.isEmpty() && !utf8.isNull() ? QString::fromUtf8(utf8) : s;
}

std::optional<qint64> optionalInt(const QVariant& v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

Result<qint64> upsertSource(QSqlDatabase db, const SourceSpec& source, qint64 now)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO sources(kind, key, title, url, site_url, created) VALUES(?, ?, ?, ?, ?, ?) "
              u"ON CONFLICT(key) DO UPDATE SET title = excluded.title, "
              u"url = coalesce(excluded.url, url), site_url = coalesce(excluded.site_url, site_url)"_s);
    q.addBindValue(source.kind);
    q.addBindValue(source.key);
    q.addBindValue(source.title);
    q.addBindValue(nullable(source.url));
    q.addBindValue(nullable(source.siteUrl));
    q.addBindValue(now);
    if (!q.exec()) {
        return Database::sqlError(q, u"store source"_s);
    }
    q.prepare(u"SELECT id FROM sources WHERE key = ?"_s);
    q.addBindValue(source.key);
    if (!q.exec() || !q.next()) {
        return Database::sqlError(q, u"find source"_s);
    }
    return q.value(0).toLongLong();
}

} // namespace

PreparedItem ImportWriter::prepared(FeedItem item, QString contentText, const QString& site)
{
    PreparedItem p;
    p.item = std::move(item);
    p.contentText = std::move(contentText);
    p.identity = ArticleStore::identityKey(p.item, site);
    p.published = dates::toSecs(p.item.published.isValid() ? p.item.published : p.item.updated);
    p.updated = dates::toSecs(p.item.updated);
    p.titleKey = StoryMerge::titleKey(p.item.title);
    const FeedItem& i = p.item;
    p.utf8 = {utf8Text(p.identity), utf8Text(i.id),          utf8Text(i.link),
              utf8Text(i.title),    utf8Text(i.author),      utf8Text(i.summary),
              utf8Text(i.contentHtml), utf8Text(p.contentText), utf8Text(p.titleKey)};
    // The long ones are kept once (summaryText(), html(), text() give them back).
    if (!p.utf8.summary.isNull()) {
        p.item.summary = QString();
    }
    if (!p.utf8.contentHtml.isNull()) {
        p.item.contentHtml = QString();
    }
    if (!p.utf8.contentText.isNull()) {
        p.contentText = QString();
    }
    for (const QString& rawTag : std::as_const(p.item.tags)) {
        const QString name = rawTag.simplified();
        const QString key = QueryBuilder::tagKey(name);
        if (!key.isEmpty()) {
            p.tagNames.append(name);
            p.tagKeys.append(key);
        }
    }
    return p;
}

QString PreparedItem::summaryText() const
{
    return restored(item.summary, utf8.summary);
}

QString PreparedItem::html() const
{
    return restored(item.contentHtml, utf8.contentHtml);
}

QString PreparedItem::text() const
{
    return restored(contentText, utf8.contentText);
}

ImportWriter::ImportWriter(QSqlDatabase db)
    : m_db(std::move(db))
    , m_indexChunkItems(kIndexChunkItems)
{
}

ImportWriter::~ImportWriter()
{
    m_find = QSqlQuery();
    m_insert = QSqlQuery();
    m_update = QSqlQuery();
    m_linkSource = QSqlQuery();
    m_upsertTag = QSqlQuery();
    m_findTag = QSqlQuery();
    m_linkTag = QSqlQuery();
    m_linkTagPairs = QSqlQuery();
    m_story = QSqlQuery();
    m_tx.reset(); // rolls back unless committed
    if (m_foreignKeysWereOn) {
        static_cast<void>(Database::exec(m_db, u"PRAGMA foreign_keys = ON"_s)); // best effort
    }
    if (!m_cacheSize.isEmpty()) {
        static_cast<void>(Database::exec(m_db, u"PRAGMA cache_size = "_s + m_cacheSize)); // best effort
    }
}

Result<void> ImportWriter::begin(const SourceSpec& source)
{
    {
        QSqlQuery q(m_db);
        if (q.exec(u"PRAGMA cache_size"_s) && q.next()) {
            m_cacheSize = QString::number(q.value(0).toLongLong());
        }
    }
    if (auto r = Database::exec(m_db, u"PRAGMA cache_size = -%1"_s.arg(kImportCacheKiB)); !r) {
        return r;
    }
    {
        // Every row this writer links refers to a row it just wrote or found: the foreign-key
        // lookups would only repeat that. (The pragma cannot change inside a transaction; when
        // the import runs inside an outer one, the checks simply stay on.)
        QSqlQuery q(m_db);
        if (q.exec(u"PRAGMA foreign_keys"_s) && q.next() && q.value(0).toInt() == 1) {
            q.finish();
            if (Database::exec(m_db, u"PRAGMA foreign_keys = OFF"_s)) {
                m_foreignKeysWereOn = true;
            }
        }
    }
    m_tx = std::make_unique<Transaction>(m_db);
    if (auto s = m_tx->status(); !s) {
        return s;
    }
    m_now = QDateTime::currentSecsSinceEpoch();
    auto id = upsertSource(m_db, source, m_now);
    if (!id) {
        return id.error();
    }
    m_sourceId = id.value();
    m_sourceKey = source.key;
    const auto prepare = [this](QSqlQuery& q, const QString& sql) {
        q = QSqlQuery(m_db);
        q.setForwardOnly(true); // rows are read once: no cache of them in QtSql
        return q.prepare(sql);
    };
    // With the article's date (0010_tag_dates.sql), so the copy trigger has nothing to do.
    const QString linkTags = u"INSERT OR IGNORE INTO article_tags(article_id, tag_id, origin, published) "
                             u"SELECT j.a, j.t, 'source', (SELECT published FROM articles WHERE id = j.a) FROM "
                             u"(SELECT %1 FROM json_each(?)) j"_s;
    const bool ok = prepare(m_find, u"SELECT id, title, summary, content_html, published, updated, link "
                                    u"FROM articles WHERE identity = ?"_s)
        && prepare(m_insert, u"INSERT INTO articles(identity, guid, link, title, author, summary, content_html, "
                             u"content_text, published, updated, added, title_key) "
                             u"VALUES(CAST(:a AS TEXT), CAST(:b AS TEXT), CAST(:c AS TEXT), CAST(:d AS TEXT), "
                             u"CAST(:e AS TEXT), CAST(:f AS TEXT), CAST(:g AS TEXT), CAST(:h AS TEXT), :i, :j, :k, "
                             u"CAST(:l AS TEXT)) ON CONFLICT(identity) DO NOTHING"_s)
        && prepare(m_update, u"UPDATE articles SET title = ?, author = coalesce(?, author), summary = ?, "
                             u"content_html = coalesce(?, content_html), content_text = coalesce(?, content_text), "
                             u"published = coalesce(?, published), updated = coalesce(?, updated), "
                             u"link = coalesce(?, link), guid = coalesce(?, guid), title_key = ? WHERE id = ?"_s)
        && prepare(m_story, u"SELECT id, coalesce(link, '') <> '' FROM articles WHERE title_key = :k ORDER BY id"_s)
        && prepare(m_adopt, u"UPDATE articles SET identity = ? WHERE id = ?"_s)
        && prepare(m_fill, u"UPDATE articles SET content_html = coalesce(content_html, ?), "
                           u"content_text = coalesce(content_text, ?), author = coalesce(author, ?), "
                           u"summary = CASE WHEN coalesce(summary, '') = '' THEN ? ELSE summary END WHERE id = ?"_s)
        && prepare(m_linkSource, u"INSERT OR IGNORE INTO article_sources(article_id, source_id, first_seen) "
                                 u"SELECT value, ?, ? FROM json_each(?)"_s)
        && prepare(m_upsertTag, u"INSERT INTO tags(name, key) VALUES(?, ?) ON CONFLICT(key) DO NOTHING"_s)
        && prepare(m_findTag, u"SELECT id FROM tags WHERE key = ?"_s)
        && prepare(m_linkTag, linkTags.arg(u"value / %1 AS a, value % %1 AS t"_s.arg(kPackedTagLimit)))
        && prepare(m_linkTagPairs, linkTags.arg(u"json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS t"_s));
    if (!ok) {
        return makeError(Error::Code::Database, u"prepare import statements: %1"_s.arg(m_db.lastError().text()));
    }
    if (auto loaded = loadLinklessKeys(); !loaded) {
        return loaded;
    }
    // Defer the full-text index of the rows this import adds (resources/sql/0008_bulk_fts.sql).
    {
        // An import inside another one's transaction leaves the indexing to the outer one.
        QSqlQuery q(m_db);
        if (!q.exec(u"SELECT (SELECT count(*) FROM fts_deferred), coalesce((SELECT max(id) FROM articles), 0)"_s)
            || !q.next()) {
            return Database::sqlError(q, u"find last article"_s);
        }
        const bool outerDefers = q.value(0).toInt() > 0;
        m_afterId = q.value(1).toLongLong();
        q.finish();
        if (outerDefers) {
            return {};
        }
        if (!q.exec(u"SELECT v FROM articles_fts_config WHERE k = 'hashsize'"_s)) {
            return Database::sqlError(q, u"read search index settings"_s);
        }
        const bool hashSet = q.next() && q.value(0).toLongLong() == kFtsHashBytes;
        q.finish();
        if (!hashSet && !q.exec(u"INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', %1)"_s.arg(kFtsHashBytes))) {
            return Database::sqlError(q, u"set up search index"_s); // kept by the library from now on
        }
        q.prepare(u"INSERT INTO fts_deferred(after_id) VALUES(?)"_s);
        q.addBindValue(m_afterId);
        if (!q.exec()) {
            return Database::sqlError(q, u"defer search index"_s);
        }
        m_ftsDeferred = true;
        // A read state above the deferral (left by an article removed before) would make one of
        // the new articles read: then every chunk is counted from its rows.
        q.prepare(u"SELECT NOT EXISTS (SELECT 1 FROM article_state WHERE article_id > ?)"_s);
        q.addBindValue(m_afterId);
        if (!q.exec() || !q.next()) {
            return Database::sqlError(q, u"find read states"_s);
        }
        m_chunksCountable = q.value(0).toBool();
        m_chunk.exact = m_chunksCountable;
    }
    return {};
}

Result<void> ImportWriter::loadLinklessKeys()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Read from the partial index of schema 14 (its WHERE, word for word).
    if (!q.exec(u"SELECT title_key FROM articles WHERE coalesce(link, '') = '' AND title_key <> '' LIMIT %1"_s.arg(
            kLinklessKeysLoaded + 1))) {
        return Database::sqlError(q, u"find link-less articles"_s);
    }
    int rows = 0;
    while (q.next()) {
        m_linklessKeys.insert(q.value(0).toString());
        ++rows;
    }
    m_linklessKnown = rows <= kLinklessKeysLoaded;
    if (!m_linklessKnown) {
        m_linklessKeys = {};
    }
    return {};
}

Result<qint64> ImportWriter::tagId(const QString& name, const QString& key)
{
    if (const auto it = m_tagIds.constFind(key); it != m_tagIds.cend()) {
        return it.value();
    }
    m_upsertTag.bindValue(0, name);
    m_upsertTag.bindValue(1, key);
    if (!m_upsertTag.exec()) {
        return Database::sqlError(m_upsertTag, u"store tag"_s);
    }
    m_findTag.bindValue(0, key);
    if (!m_findTag.exec() || !m_findTag.next()) {
        return Database::sqlError(m_findTag, u"find tag"_s);
    }
    const qint64 id = m_findTag.value(0).toLongLong();
    m_findTag.finish();
    m_tagIds.insert(key, id);
    if (!m_report.tags.contains(name, Qt::CaseInsensitive)) {
        m_report.tags.append(name);
    }
    return id;
}

Result<qint64> ImportWriter::storyFor(const PreparedItem& entry)
{
    if (entry.titleKey.isEmpty()) {
        return qint64(0);
    }
    const bool itemHasLink = !entry.item.link.trimmed().isEmpty();
    if (!itemHasLink) {
        // Stored below as a link-less article, or merged into one that may be.
        m_linklessKeys.insert(entry.titleKey);
    } else if (m_linklessKnown && !m_linklessKeys.contains(entry.titleKey)) {
        return qint64(0); // no link-less copy of this story: nothing to merge (most feed items)
    }
    ++m_storiesLookedUp;
    static const QString key = u":k"_s; // named: see store()
    m_story.bindValue(key, entry.titleKey);
    if (!m_story.exec()) {
        return Database::sqlError(m_story, u"find story"_s);
    }
    qint64 linked = 0;
    QList<qint64> linkless;
    while (m_story.next()) {
        if (m_story.value(1).toBool()) {
            linked = linked == 0 ? m_story.value(0).toLongLong() : linked;
        } else {
            linkless.append(m_story.value(0).toLongLong());
        }
    }
    m_story.finish();
    if ((itemHasLink && linkless.isEmpty()) || (!itemHasLink && linked == 0)) {
        return qint64(0); // the common case: no other copy of this story
    }
    m_chunk.exact = false; // rows of this chunk may be merged away, or gain links and read states
    if (auto flushed = flushLinks(); !flushed) {
        return flushed.error(); // a merge moves links: the queued ones first
    }
    if (auto resumed = resumeTriggers(); !resumed) {
        return resumed.error(); // a merge may move a reader's own tags, which the outbox sees
    }
    // The item's own row, when it was stored before (a re-import).
    m_find.bindValue(0, entry.identity);
    if (!m_find.exec()) {
        return Database::sqlError(m_find, u"find article"_s);
    }
    const qint64 own = m_find.next() ? m_find.value(0).toLongLong() : 0;
    m_find.finish();
    StoryMerge stories(m_db);
    qint64 into = itemHasLink ? own : linked;
    if (into == 0) {
        // A feed item meets its link-less copy: that row becomes the feed's article (its id, and
        // so its state, tags and annotations, stay); store() then updates it like a re-import.
        into = linkless.takeFirst();
        m_adopt.bindValue(0, entry.identity);
        m_adopt.bindValue(1, into);
        if (!m_adopt.exec()) {
            return Database::sqlError(m_adopt, u"merge story"_s);
        }
    } else if (!itemHasLink && own != 0 && own != into) {
        linkless.append(own);
    }
    for (const qint64 from : std::as_const(linkless)) {
        if (from != into) {
            if (auto r = stories.mergeInto(from, into); !r) {
                return r.error();
            }
        }
    }
    if (!itemHasLink) {
        m_fill.bindValue(0, nullable(entry.html()));
        m_fill.bindValue(1, nullable(entry.text()));
        m_fill.bindValue(2, nullable(entry.item.author));
        m_fill.bindValue(3, entry.summaryText());
        m_fill.bindValue(4, into);
        if (!m_fill.exec()) {
            return Database::sqlError(m_fill, u"merge story"_s);
        }
    }
    return into;
}

Result<void> ImportWriter::suspendTriggers()
{
    m_triggersTried = true;
    auto outbox = Database::metaValue(m_db, u"team.outbox"_s);
    if (!outbox) {
        return outbox.error();
    }
    // Each one's WHEN is false for the rows stored here: the search index of new rows is deferred
    // (begin()), the import's tags are origin 'source', and the outbox is off unless it is '1'
    // (team.outbox does not change while a writer runs).
    // So is the WHEN of the article counters (0012, 0013): a new article is always above it.
    // The link counters (0011) count links to articles at or below the deferral: flushLinks() creates
    // them again before it writes such a link, and countNewArticles() counts the others. The tag
    // links' date trigger (0010) has nothing to do: every tag link is written with its article's date.
    // (An import inside another one's transaction finds the triggers the outer one dropped gone,
    // and leaves them to it: no caller nests a large import in another today.)
    QStringList names = {u"articles_fts_insert"_s, u"team_outbox_article_tag_insert"_s, u"library_counts_insert"_s,
                         u"published_days_insert"_s};
    names.append(kLinkTriggers);
    if (outbox.value() != "1"_L1) {
        names.append(u"team_outbox_article_insert"_s);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ('%1')"_s.arg(
            names.join("', '"_L1)))) {
        return Database::sqlError(q, u"find triggers"_s);
    }
    QStringList found;
    QStringList sql;
    while (q.next()) {
        found.append(q.value(0).toString());
        sql.append(q.value(1).toString());
    }
    q.finish();
    for (qsizetype i = 0; i < found.size(); ++i) {
        if (auto r = Database::exec(m_db, u"DROP TRIGGER \"%1\""_s.arg(found.at(i))); !r) {
            return r;
        }
        m_suspendedTriggers.insert(found.at(i), sql.at(i));
    }
    return {};
}

Result<void> ImportWriter::resumeTriggers(const QStringList& names)
{
    for (auto it = m_suspendedTriggers.begin(); it != m_suspendedTriggers.end();) {
        if (!names.isEmpty() && !names.contains(it.key())) {
            ++it;
            continue;
        }
        if (auto r = Database::exec(m_db, it.value()); !r) {
            return r;
        }
        it = m_suspendedTriggers.erase(it);
    }
    return {};
}

Result<void> ImportWriter::indexDeferred()
{
    m_sinceIndexed = 0;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT coalesce(max(id), 0) FROM articles"_s) || !q.next()) {
        return Database::sqlError(q, u"find last article"_s);
    }
    const qint64 last = q.value(0).toLongLong();
    q.finish();
    if (last <= m_afterId) {
        return {};
    }
    // Their links first: the counts of the range are taken from what it has now, and later
    // changes to its rows reach the counts through the triggers.
    if (auto flushed = flushLinks(); !flushed) {
        return flushed;
    }
    if (auto counted = m_chunk.exact ? addChunkCounts() : countNewArticles(last); !counted) {
        return counted;
    }
    m_chunksRecounted += m_chunk.exact ? 0 : 1;
    m_chunk = ChunkCounts{};
    m_chunk.exact = m_chunksCountable;
    // Rows above the deferral are left alone by the triggers (0008_bulk_fts.sql); once indexed here
    // and the deferral moved past them, an update or a merge later in this import keeps them right.
    q.prepare(u"INSERT INTO articles_fts(rowid, title, summary, content_text) "
              u"SELECT id, title, summary, content_text FROM articles WHERE id > ? AND id <= ?"_s);
    q.addBindValue(m_afterId);
    q.addBindValue(last);
    if (!q.exec()) {
        return Database::sqlError(q, u"index articles for search"_s);
    }
    q.prepare(u"UPDATE fts_deferred SET after_id = ? WHERE after_id = ?"_s);
    q.addBindValue(last);
    q.addBindValue(m_afterId);
    if (!q.exec()) {
        return Database::sqlError(q, u"defer search index"_s);
    }
    m_afterId = last;
    return {};
}

Result<void> ImportWriter::store(const PreparedItem& entry)
{
    if (m_ftsDeferred && ++m_sinceIndexed >= m_indexChunkItems) {
        if (auto indexed = indexDeferred(); !indexed) {
            return indexed;
        }
    }
    const FeedItem& item = entry.item;
    if (++m_report.items == kLargeImportItems && !m_triggersTried) {
        if (auto r = suspendTriggers(); !r) {
            return r;
        }
    }
    auto story = storyFor(entry);
    if (!story) {
        return story.error();
    }
    if (story.value() != 0 && item.link.trimmed().isEmpty()) {
        // A tag-page entry of a story a feed brought: only its source and tags are new.
        return linkAndTag(entry, story.value());
    }
    // New articles are the common case: one statement inserts them; only an identity already in
    // the library costs a second look (and an update when its content changed).
    const PreparedItem::Utf8& utf8 = entry.utf8;
    // Named placeholders: QSqlQuery::bindValue(int) formats a name for every index it binds
    // (QString::arg), a fifth of the writer's instructions at 12 values an article.
    static const QString names[] = {u":a"_s, u":b"_s, u":c"_s, u":d"_s, u":e"_s, u":f"_s,
                                    u":g"_s, u":h"_s, u":i"_s, u":j"_s, u":k"_s, u":l"_s};
    bindText(m_insert, names[0], entry.identity, utf8.identity, false);
    bindText(m_insert, names[1], item.id, utf8.guid, true);
    bindText(m_insert, names[2], item.link, utf8.link, true);
    bindText(m_insert, names[3], item.title, utf8.title, false);
    bindText(m_insert, names[4], item.author, utf8.author, true);
    bindText(m_insert, names[5], item.summary, utf8.summary, false);
    bindText(m_insert, names[6], item.contentHtml, utf8.contentHtml, true);
    bindText(m_insert, names[7], entry.contentText, utf8.contentText, true);
    m_insert.bindValue(names[8], nullable(entry.published));
    m_insert.bindValue(names[9], nullable(entry.updated));
    m_insert.bindValue(names[10], m_now);
    bindText(m_insert, names[11], entry.titleKey, utf8.titleKey, false);
    if (!m_insert.exec()) {
        return Database::sqlError(m_insert, u"insert article"_s);
    }
    qint64 articleId = 0;
    if (m_insert.numRowsAffected() == 1) {
        articleId = m_insert.lastInsertId().toLongLong();
        ++m_report.added;
        if (articleId > m_afterId) {
            ++m_chunk.articles;
            if (entry.published) {
                ++m_chunk.days[dayOf(*entry.published)];
            }
        }
    } else {
        m_find.bindValue(0, entry.identity);
        if (!m_find.exec() || !m_find.next()) {
            return Database::sqlError(m_find, u"find article"_s);
        }
        articleId = m_find.value(0).toLongLong();
        if (articleId > m_afterId) {
            m_chunk.exact = false; // a second item for a new article: its links and text may change
        }
        const QString summary = entry.summaryText();
        const QString html = entry.html();
        const bool changed = m_find.value(1).toString() != item.title || m_find.value(2).toString() != summary
            || (!html.isEmpty() && m_find.value(3).toString() != html)
            || (entry.published && optionalInt(m_find.value(4)) != entry.published)
            || (entry.updated && optionalInt(m_find.value(5)) != entry.updated);
        m_find.finish();
        if (changed) {
            m_update.bindValue(0, item.title);
            m_update.bindValue(1, nullable(item.author));
            m_update.bindValue(2, summary);
            m_update.bindValue(3, nullable(html));
            m_update.bindValue(4, nullable(entry.text()));
            m_update.bindValue(5, nullable(entry.published));
            m_update.bindValue(6, nullable(entry.updated));
            m_update.bindValue(7, nullable(item.link));
            m_update.bindValue(8, nullable(item.id));
            m_update.bindValue(9, entry.titleKey);
            m_update.bindValue(10, articleId);
            if (!m_update.exec()) {
                return Database::sqlError(m_update, u"update article"_s);
            }
            ++m_report.updated;
            // The text may have moved under the reader's highlights: place them again, in this transaction.
            if (auto moved = AnnotationStore(m_db).reanchor(articleId); !moved) {
                return moved.error();
            }
        }
    }
    return linkAndTag(entry, articleId);
}

Result<void> ImportWriter::linkAndTag(const PreparedItem& entry, qint64 articleId)
{
    m_pendingSources.append(articleId);
    const bool counted = articleId > m_afterId; // a link of a new article: counted for its chunk
    const qsizetype firstTag = m_pendingTags.size();
    for (qsizetype i = 0; i < entry.tagKeys.size(); ++i) {
        auto id = tagId(entry.tagNames.at(i), entry.tagKeys.at(i));
        if (!id) {
            return id.error();
        }
        if (counted) {
            bool again = false; // two names of one tag make one link
            for (qsizetype j = firstTag + 1; j < m_pendingTags.size() && !again; j += 2) {
                again = m_pendingTags.at(j) == id.value();
            }
            if (!again) {
                ++m_chunk.tags[id.value()];
            }
        }
        m_pendingTags.append(articleId);
        m_pendingTags.append(id.value());
    }
    return m_pendingSources.size() >= kLinkBatch ? flushLinks() : Result<void>{};
}

Result<void> ImportWriter::flushLinks()
{
    if (m_suspendedTriggers.contains(u"tag_counts_link"_s)) {
        // A link to an article at or below the deferral (one the library had, or one this import
        // counted already) is counted by its trigger: the link counters come back for the rest of
        // the import. (Every article with tag links has its source link queued too.)
        if (std::any_of(m_pendingSources.cbegin(), m_pendingSources.cend(),
                        [this](qint64 article) { return article <= m_afterId; })) {
            if (auto resumed = resumeTriggers(kLinkTriggers); !resumed) {
                return resumed;
            }
        }
    }
    if (!m_pendingSources.isEmpty()) {
        m_linkSource.bindValue(0, m_sourceId);
        m_linkSource.bindValue(1, m_now);
        m_linkSource.bindValue(2, Database::jsonIds(m_pendingSources));
        if (!m_linkSource.exec()) {
            return Database::sqlError(m_linkSource, u"link articles to source"_s);
        }
        m_pendingSources.clear();
    }
    if (!m_pendingTags.isEmpty()) {
        // Each link as one number, article * 2^24 + tag: SQLite splits it with arithmetic, three
        // times faster than it takes pairs apart with json_extract(). Pairs only past those bounds.
        QList<qint64> packed;
        packed.reserve(m_pendingTags.size() / 2);
        for (qsizetype i = 0; i + 1 < m_pendingTags.size(); i += 2) {
            const qint64 article = m_pendingTags.at(i);
            const qint64 tag = m_pendingTags.at(i + 1);
            if (article < 0 || article >= kPackedArticleLimit || tag < 0 || tag >= kPackedTagLimit) {
                packed.clear();
                break;
            }
            packed.append(article * kPackedTagLimit + tag);
        }
        QSqlQuery& query = packed.isEmpty() ? m_linkTagPairs : m_linkTag;
        query.bindValue(0, packed.isEmpty() ? Database::jsonIds(m_pendingTags, true) : Database::jsonIds(packed));
        if (!query.exec()) {
            return Database::sqlError(query, u"tag articles"_s);
        }
        m_pendingTags.clear();
    }
    return {};
}

Result<void> ImportWriter::countNewArticles(qint64 last)
{
    // The counts the triggers of schemas 11-13 skipped for this import's articles above the
    // deferral up to `last`, in one grouped statement each, from what the transaction has now
    // (merged-away articles are gone).
    static const char* const steps[] = {
        "INSERT INTO tag_counts(tag_id, articles, unread) "
        "SELECT at.tag_id, count(*), sum(coalesce(st.read, 0) = 0) FROM article_tags at "
        "LEFT JOIN article_state st ON st.article_id = at.article_id WHERE at.article_id > :after AND at.article_id <= :last GROUP BY at.tag_id "
        "ON CONFLICT(tag_id) DO UPDATE SET articles = articles + excluded.articles, unread = unread + excluded.unread",
        "INSERT INTO source_counts(source_id, articles, unread) "
        "SELECT s.source_id, count(*), sum(coalesce(st.read, 0) = 0) FROM article_sources s "
        "LEFT JOIN article_state st ON st.article_id = s.article_id WHERE s.article_id > :after AND s.article_id <= :last GROUP BY s.source_id "
        "ON CONFLICT(source_id) DO UPDATE SET articles = articles + excluded.articles, unread = unread + excluded.unread",
        "UPDATE library_counts SET articles = articles + (SELECT count(*) FROM articles WHERE id > :after AND id <= :last), "
        "unread = unread + (SELECT count(*) FROM articles a LEFT JOIN article_state st ON st.article_id = a.id "
        "WHERE a.id > :after AND a.id <= :last AND coalesce(st.read, 0) = 0)",
        "INSERT INTO published_days(day, articles) "
        "SELECT (published - ((published % 86400) + 86400) % 86400) / 86400 AS d, count(*) FROM articles "
        "WHERE id > :after AND id <= :last AND published IS NOT NULL GROUP BY d "
        "ON CONFLICT(day) DO UPDATE SET articles = articles + excluded.articles",
    };
    QSqlQuery q(m_db);
    for (const char* sql : steps) {
        if (!q.prepare(QString::fromLatin1(sql))) {
            return Database::sqlError(q, u"prepare counts of new articles"_s);
        }
        q.bindValue(u":after"_s, m_afterId);
        q.bindValue(u":last"_s, last);
        if (!q.exec()) {
            return Database::sqlError(q, u"count new articles"_s);
        }
    }
    return {};
}

Result<void> ImportWriter::addChunkCounts()
{
    // The figures countNewArticles() would read from the rows: each new article is unread, linked
    // once to this source, and to each of its tags once.
    if (m_chunk.articles == 0) {
        return {};
    }
    QSqlQuery q(m_db);
    const auto run = [&q](const QString& sql, const QVariantList& values) -> Result<void> {
        if (!q.prepare(sql)) {
            return Database::sqlError(q, u"prepare counts of new articles"_s);
        }
        for (int i = 0; i < values.size(); ++i) {
            q.bindValue(i, values.at(i));
        }
        if (!q.exec()) {
            return Database::sqlError(q, u"count new articles"_s);
        }
        return {};
    };
    Result<void> r = run(u"INSERT INTO tag_counts(tag_id, articles, unread) "
                         u"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[1]') "
                         u"FROM json_each(?) WHERE true "
                         u"ON CONFLICT(tag_id) DO UPDATE SET articles = articles + excluded.articles, unread = unread + excluded.unread"_s,
                         {jsonPairs(m_chunk.tags)});
    if (r) {
        r = run(u"INSERT INTO source_counts(source_id, articles, unread) VALUES(?, ?, ?) "
                u"ON CONFLICT(source_id) DO UPDATE SET articles = articles + excluded.articles, unread = unread + excluded.unread"_s,
                {m_sourceId, m_chunk.articles, m_chunk.articles});
    }
    if (r) {
        r = run(u"UPDATE library_counts SET articles = articles + ?, unread = unread + ?"_s,
                {m_chunk.articles, m_chunk.articles});
    }
    if (r) {
        r = run(u"INSERT INTO published_days(day, articles) "
                u"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true "
                u"ON CONFLICT(day) DO UPDATE SET articles = articles + excluded.articles"_s,
                {jsonPairs(m_chunk.days)});
    }
    return r;
}

Result<ImportReport> ImportWriter::commit(const SourceSpec& source)
{
    if (!m_tx) {
        if (auto b = begin(source); !b) {
            return b.error();
        }
    }
    if (auto flushed = flushLinks(); !flushed) {
        return flushed.error();
    }
    if (auto resumed = resumeTriggers(); !resumed) {
        return resumed.error();
    }
    if (m_ftsDeferred) {
        if (auto indexed = indexDeferred(); !indexed) {
            return indexed.error();
        }
        QSqlQuery q(m_db);
        q.prepare(u"DELETE FROM fts_deferred WHERE after_id = ?"_s);
        q.addBindValue(m_afterId);
        if (!q.exec()) {
            return Database::sqlError(q, u"end deferred search index"_s);
        }
        m_ftsDeferred = false;
    }
    SourceSpec final = source;
    final.key = m_sourceKey; // the source the items are linked to
    if (auto id = upsertSource(m_db, final, m_now); !id) {
        return id.error();
    }
    if (auto c = m_tx->commit(); !c) {
        return c.error();
    }
    return m_report;
}

} // namespace folio
