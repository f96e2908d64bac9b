// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/FeedStore.h"

#include "storage/Database.h"
#include "storage/Importer.h"
#include "storage/QueryBuilder.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr char16_t kListSeparator = 0x1F;

// A feed's Retry-After lives in meta (no schema change): key "feed_retry_after:<id>", UTC seconds.
const QString kRetryAfterPrefix = u"feed_retry_after:"_s;

const QString kFeedColumns =
    u"f.id, coalesce(f.source_id, 0), f.url, f.title, f.site_url, f.etag, f.last_modified, f.last_fetched, "
    u"f.last_error, f.created, (SELECT group_concat(t.name, char(31)) FROM feed_tags t WHERE t.feed_id = f.id), "
    u"(SELECT CAST(m.value AS INTEGER) FROM meta m WHERE m.key = 'feed_retry_after:' || f.id)"_s;

QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Feed feedFromRow(const QSqlQuery& q)
{
    Feed f;
    f.id = q.value(0).toLongLong();
    f.sourceId = q.value(1).toLongLong();
    f.url = q.value(2).toString();
    f.title = q.value(3).toString();
    f.siteUrl = q.value(4).toString();
    f.etag = q.value(5).toString();
    f.lastModified = q.value(6).toString();
    f.lastFetched = q.value(7).isNull() ? std::nullopt : std::optional<qint64>(q.value(7).toLongLong());
    f.lastError = q.value(8).toString();
    f.created = q.value(9).toLongLong();
    f.tags = q.value(10).toString().split(QChar(kListSeparator), Qt::SkipEmptyParts);
    std::sort(f.tags.begin(), f.tags.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    f.retryAfter = q.value(11).isNull() ? std::nullopt : std::optional<qint64>(q.value(11).toLongLong());
    return f;
}

Result<QList<Feed>> readFeeds(QSqlQuery& q, const QString& what)
{
    if (!q.exec()) {
        return Database::sqlError(q, what);
    }
    QList<Feed> out;
    while (q.next()) {
        out.append(feedFromRow(q));
    }
    return out;
}

// What the feed row keeps of an error: the feed's URL is on the row already, the line is not.
QString storedMessage(const Error& error)
{
    return error.line > 0 ? u"%1 (line %2)"_s.arg(error.message).arg(error.line) : error.message;
}

} // namespace

FeedStore::FeedStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString FeedStore::normalizedUrl(const QUrl& url)
{
    QUrl u = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    if (u.path().isEmpty()) {
        u.setPath(u"/"_s);
    }
    return u.toString(QUrl::FullyEncoded);
}

QString FeedStore::sourceKey(qint64 feedId)
{
    return u"feed:%1"_s.arg(feedId);
}

Result<QList<Feed>> FeedStore::feeds()
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT "_s + kFeedColumns + u" FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id"_s)) {
        return Database::sqlError(q, u"prepare feed list"_s);
    }
    return readFeeds(q, u"read feeds"_s);
}

Result<QList<FeedCount>> FeedStore::feedCounts()
{
    // The counts are kept by triggers as links and read states change (0011_counts.sql): a row
    // per feed, whatever the size of the library.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT "_s + kFeedColumns
                   + u", coalesce(c.articles, 0), coalesce(c.unread, 0) FROM feeds f "
                     u"LEFT JOIN source_counts c ON c.source_id = f.source_id "
                     u"ORDER BY f.title COLLATE NOCASE, f.id"_s)) {
        return Database::sqlError(q, u"prepare feed counts"_s);
    }
    if (!q.exec()) {
        return Database::sqlError(q, u"read feed counts"_s);
    }
    QList<FeedCount> out;
    while (q.next()) {
        out.append(FeedCount{feedFromRow(q), q.value(12).toInt(), q.value(13).toInt()});
    }
    return out;
}

Result<QList<Feed>> FeedStore::feeds(const QList<qint64>& ids)
{
    QList<Feed> out;
    for (const qint64 id : ids) {
        auto f = feed(id);
        if (!f) {
            return f.error();
        }
        out.append(std::move(f).value());
    }
    return out;
}

Result<Feed> FeedStore::feed(qint64 id)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT "_s + kFeedColumns + u" FROM feeds f WHERE f.id = :id"_s)) {
        return Database::sqlError(q, u"prepare feed"_s);
    }
    q.bindValue(u":id"_s, id);
    auto list = readFeeds(q, u"read feed"_s);
    if (!list) {
        return list.error();
    }
    if (list->isEmpty()) {
        return makeError(Error::Code::NotFound, u"no feed with id %1"_s.arg(id));
    }
    return list->first();
}

Result<std::optional<Feed>> FeedStore::findByUrl(const QUrl& url)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT "_s + kFeedColumns + u" FROM feeds f WHERE f.url = :url"_s)) {
        return Database::sqlError(q, u"prepare feed by URL"_s);
    }
    q.bindValue(u":url"_s, normalizedUrl(url));
    auto list = readFeeds(q, u"find feed by URL"_s);
    if (!list) {
        return list.error();
    }
    return list->isEmpty() ? std::nullopt : std::optional<Feed>(list->first());
}

Result<void> FeedStore::writeTags(qint64 id, const QStringList& tags)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM feed_tags WHERE feed_id = :id"_s);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"clear feed tags"_s);
    }
    if (!q.prepare(u"INSERT OR IGNORE INTO feed_tags(feed_id, name, key) VALUES(:id, :name, :key)"_s)) {
        return Database::sqlError(q, u"prepare feed tags"_s);
    }
    for (const QString& tag : tags) {
        const QString name = tag.simplified();
        const QString key = QueryBuilder::tagKey(name);
        if (key.isEmpty()) {
            continue;
        }
        q.bindValue(u":id"_s, id);
        q.bindValue(u":name"_s, name);
        q.bindValue(u":key"_s, key);
        if (!q.exec()) {
            return Database::sqlError(q, u"store feed tag"_s);
        }
    }
    return {};
}

Result<qint64> FeedStore::insertFeed(const QString& url, const QString& title, const QString& siteUrl,
                                     const QStringList& tags)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString cleanTitle = title.simplified();
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO feeds(url, title, site_url, created) VALUES(:url, :title, :site, :now)"_s);
    q.bindValue(u":url"_s, url);
    q.bindValue(u":title"_s, cleanTitle);
    q.bindValue(u":site"_s, nullable(siteUrl));
    q.bindValue(u":now"_s, now);
    if (!q.exec()) {
        return Database::sqlError(q, u"add feed"_s);
    }
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(u"INSERT INTO sources(kind, key, title, url, site_url, created) "
              u"VALUES('feed', :key, :title, :url, :site, :now) "
              u"ON CONFLICT(key) DO UPDATE SET title = excluded.title, url = excluded.url, site_url = excluded.site_url"_s);
    q.bindValue(u":key"_s, sourceKey(id));
    q.bindValue(u":title"_s, cleanTitle.isEmpty() ? url : cleanTitle);
    q.bindValue(u":url"_s, url);
    q.bindValue(u":site"_s, nullable(siteUrl));
    q.bindValue(u":now"_s, now);
    if (!q.exec()) {
        return Database::sqlError(q, u"add feed source"_s);
    }
    q.prepare(u"UPDATE feeds SET source_id = (SELECT id FROM sources WHERE key = :key) WHERE id = :id"_s);
    q.bindValue(u":key"_s, sourceKey(id));
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"link feed source"_s);
    }
    if (auto r = writeTags(id, tags); !r) {
        return r.error();
    }
    return id;
}

Result<Feed> FeedStore::add(const QUrl& url, const QString& title, const QString& siteUrl, const QStringList& tags)
{
    const QString normalized = normalizedUrl(url);
    auto existing = findByUrl(url);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        return makeError(Error::Code::Invalid,
                         u"already subscribed to %1 (feed %2)"_s.arg(normalized).arg(existing.value()->id));
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    auto id = insertFeed(normalized, title, siteUrl, tags);
    if (!id) {
        return id.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return feed(id.value());
}

Result<SubscriptionImportReport> FeedStore::importSubscriptions(const QList<OpmlOutline>& outlines)
{
    // Merge the list first: one entry per feed URL, with the tags of every folder it is in.
    struct Entry
    {
        QString url;
        QString title;
        QString siteUrl;
        QStringList tags;
        QString offlinePolicy;
    };
    QList<Entry> entries;
    QHash<QString, qsizetype> byUrl;
    for (const OpmlOutline& outline : outlines) {
        const QUrl url(outline.xmlUrl);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
            continue;
        }
        const QString key = normalizedUrl(url);
        auto it = byUrl.constFind(key);
        if (it == byUrl.cend()) {
            it = byUrl.insert(key, entries.size());
            entries.append(Entry{key, outline.title, outline.htmlUrl, {}, {}});
        }
        Entry& entry = entries[it.value()];
        if (!outline.offlinePolicy.isEmpty()) {
            entry.offlinePolicy = outline.offlinePolicy;
        }
        QStringList names = outline.folders;
        for (const QString& category : outline.categories) {
            names.append(category.split(u'/', Qt::SkipEmptyParts));
        }
        for (const QString& name : std::as_const(names)) {
            const QString tag = name.simplified();
            if (!tag.isEmpty() && !entry.tags.contains(tag, Qt::CaseInsensitive)) {
                entry.tags.append(tag);
            }
        }
    }
    SubscriptionImportReport report;
    report.outlines = static_cast<int>(entries.size());
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    for (const Entry& entry : std::as_const(entries)) {
        auto existing = findByUrl(QUrl(entry.url));
        if (!existing) {
            return existing.error();
        }
        if (existing.value()) {
            QStringList tags = existing.value()->tags;
            for (const QString& tag : entry.tags) {
                if (!tags.contains(tag, Qt::CaseInsensitive)) {
                    tags.append(tag);
                }
            }
            if (auto r = writeTags(existing.value()->id, tags); !r) {
                return r.error();
            }
            ++report.existing;
            continue;
        }
        auto id = insertFeed(entry.url, entry.title, entry.siteUrl, entry.tags);
        if (!id) {
            return id.error();
        }
        if (!entry.offlinePolicy.isEmpty()) { // the offline policy the list carried (OfflineStore)
            QSqlQuery q(m_db);
            q.prepare(u"UPDATE feeds SET offline_policy = :p WHERE id = :id"_s);
            q.bindValue(u":p"_s, entry.offlinePolicy);
            q.bindValue(u":id"_s, id.value());
            if (!q.exec()) {
                return Database::sqlError(q, u"set offline policy"_s);
            }
        }
        ++report.added;
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return report;
}

Result<QList<OpmlOutline>> FeedStore::exportSubscriptions()
{
    auto all = feeds();
    if (!all) {
        return all.error();
    }
    QHash<qint64, QString> policies;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT id, offline_policy FROM feeds"_s)) {
        return Database::sqlError(q, u"read offline policies"_s);
    }
    while (q.next()) {
        policies.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    QList<OpmlOutline> outlines;
    for (const Feed& f : std::as_const(all.value())) {
        OpmlOutline outline;
        outline.offlinePolicy = policies.value(f.id);
        outline.title = f.title.isEmpty() ? f.url : f.title;
        outline.xmlUrl = f.url;
        outline.htmlUrl = f.siteUrl;
        if (f.tags.isEmpty()) {
            outlines.append(outline);
            continue;
        }
        for (const QString& tag : f.tags) {
            outline.folders = QStringList{tag};
            outlines.append(outline);
        }
    }
    return outlines;
}

Result<void> FeedStore::setTags(qint64 id, const QStringList& tags)
{
    auto f = feed(id);
    if (!f) {
        return f.error();
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    if (auto r = writeTags(id, tags); !r) {
        return r;
    }
    return tx.commit();
}

Result<SubscribeReport> FeedStore::subscribe(const FeedFetch& fetched, const QStringList& tags)
{
    if (!fetched.ok()) {
        return fetched.error;
    }
    SubscribeReport report;
    auto existing = findByUrl(fetched.feedUrl);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        report.feed = *existing.value();
        report.alreadySubscribed = true;
        return report;
    }
    // The feed row, its first articles and its metadata together, or nothing.
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    auto added = add(fetched.feedUrl, fetched.title, fetched.siteUrl, tags);
    if (!added) {
        return added.error();
    }
    FeedFetch first = fetched;
    first.feedId = added->id;
    first.requestedUrl = fetched.feedUrl;
    FeedUpdate update;
    update.feedId = added->id;
    update.status = first.status;
    if (auto stored = storeFetch(added.value(), first, update); !stored) {
        return stored.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    report.import = update.import;
    auto stored = feed(added->id);
    if (!stored) {
        return stored.error();
    }
    report.feed = std::move(stored).value();
    return report;
}

Result<void> FeedStore::recordError(qint64 id, const QString& error, const std::optional<qint64>& retryAfter)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE feeds SET last_error = :error WHERE id = :id"_s);
    q.bindValue(u":error"_s, error.isEmpty() ? u"unknown error"_s : error);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"store feed error"_s);
    }
    if (retryAfter) {
        return Database::setMetaValue(m_db, kRetryAfterPrefix + QString::number(id), QString::number(*retryAfter));
    }
    return {};
}

Result<FeedUpdate> FeedStore::recordFetch(const FeedFetch& fetched)
{
    FeedUpdate update;
    update.feedId = fetched.feedId;
    update.status = fetched.status;
    update.retryAfter = fetched.retryAfter;
    if (fetched.status == FeedFetch::Status::Cancelled || fetched.status == FeedFetch::Status::Deferred) {
        update.error = fetched.error.message;
        return update;
    }
    auto current = feed(fetched.feedId);
    if (!current) {
        return current.error();
    }
    const Feed& f = current.value();
    if (fetched.status == FeedFetch::Status::Failed) {
        update.error = storedMessage(fetched.error);
        Transaction tx(m_db);
        if (auto s = tx.status(); !s) {
            return s.error();
        }
        if (auto r = recordError(f.id, update.error, fetched.retryAfter); !r) {
            return r.error();
        }
        if (auto c = tx.commit(); !c) {
            return c.error();
        }
        return update;
    }
    {
        // Articles, validators and last_fetched of this fetch: all of them or none.
        Transaction tx(m_db);
        if (auto s = tx.status(); !s) {
            return s.error();
        }
        auto stored = storeFetch(f, fetched, update);
        if (stored) {
            if (auto c = tx.commit(); !c) {
                return c.error();
            }
            return update;
        }
        // Rolled back when tx ends here: the feed keeps its articles and validators and shows
        // the error instead.
        update = FeedUpdate{f.id, FeedFetch::Status::Failed, {}, storedMessage(stored.error()), {}, {}};
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    if (auto r = recordError(f.id, update.error, std::nullopt); !r) {
        return r.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return update;
}

// The writes of one good fetch (Ok or NotModified), inside the caller's transaction.
Result<void> FeedStore::storeFetch(const Feed& f, const FeedFetch& fetched, FeedUpdate& update)
{
    // A permanent redirect moves the feed, unless another subscription already has that URL.
    QString url = f.url;
    if (fetched.urlChanged() && normalizedUrl(fetched.feedUrl) != f.url) {
        auto other = findByUrl(fetched.feedUrl);
        if (!other) {
            return other.error();
        }
        if (!other.value()) {
            url = normalizedUrl(fetched.feedUrl);
            update.newUrl = url;
        }
    }
    const bool ok = fetched.status == FeedFetch::Status::Ok;
    if (ok) {
        PreparedImport document = fetched.document;
        document.origin = url;
        document.target.source.key = sourceKey(f.id);
        document.target.source.url = url;
        auto imported = Importer(m_db).store(document);
        if (!imported) {
            return imported.error();
        }
        update.import = imported.value();
    }
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE feeds SET url = :url, title = coalesce(:title, title), site_url = coalesce(:site, site_url), "
              u"etag = :etag, last_modified = :modified, last_fetched = :now, last_error = NULL, "
              u"source_id = coalesce((SELECT id FROM sources WHERE key = :key), source_id) WHERE id = :id"_s);
    q.bindValue(u":url"_s, url);
    q.bindValue(u":title"_s, ok ? nullable(fetched.title.simplified()) : nullable(QString()));
    q.bindValue(u":site"_s, ok ? nullable(fetched.siteUrl) : nullable(QString()));
    q.bindValue(u":etag"_s, nullable(fetched.etag));
    q.bindValue(u":modified"_s, nullable(fetched.lastModified));
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    q.bindValue(u":key"_s, sourceKey(f.id));
    q.bindValue(u":id"_s, f.id);
    if (!q.exec()) {
        return Database::sqlError(q, u"store feed fetch"_s);
    }
    q.prepare(u"DELETE FROM meta WHERE key = :key"_s);
    q.bindValue(u":key"_s, kRetryAfterPrefix + QString::number(f.id));
    if (!q.exec()) {
        return Database::sqlError(q, u"clear feed retry-after"_s);
    }
    if (!update.newUrl.isEmpty()) {
        q.prepare(u"UPDATE sources SET url = :url WHERE key = :key"_s);
        q.bindValue(u":url"_s, url);
        q.bindValue(u":key"_s, sourceKey(f.id));
        if (!q.exec()) {
            return Database::sqlError(q, u"store feed source URL"_s);
        }
    }
    return {};
}

Result<UnsubscribeReport> FeedStore::remove(qint64 id)
{
    auto current = feed(id);
    if (!current) {
        return current.error();
    }
    UnsubscribeReport report;
    report.feed = current.value();
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM sources WHERE key = :key OR id = :sid"_s);
    q.bindValue(u":key"_s, sourceKey(id));
    q.bindValue(u":sid"_s, report.feed.sourceId);
    if (!q.exec()) {
        return Database::sqlError(q, u"find feed source"_s);
    }
    QList<qint64> sourceIds;
    while (q.next()) {
        sourceIds.append(q.value(0).toLongLong());
    }
    q.finish();
    for (const qint64 sourceId : std::as_const(sourceIds)) {
        q.prepare(u"SELECT count(*) FROM article_sources WHERE source_id = :s"_s);
        q.bindValue(u":s"_s, sourceId);
        if (!q.exec() || !q.next()) {
            return Database::sqlError(q, u"count feed articles"_s);
        }
        const int total = q.value(0).toInt();
        q.finish();
        // User work outlives content: keep what another source has, what the user bookmarked or
        // read, what the user tagged or annotated. Everything else of this feed goes.
        q.prepare(u"DELETE FROM articles WHERE id IN (SELECT x.article_id FROM article_sources x WHERE x.source_id = :s "
                  u"AND NOT EXISTS (SELECT 1 FROM article_sources y WHERE y.article_id = x.article_id AND y.source_id <> :other) "
                  u"AND NOT EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = x.article_id "
                  u"AND (st.bookmarked = 1 OR st.read = 1)) "
                  u"AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = x.article_id AND t.origin = 'user') "
                  u"AND NOT EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = x.article_id))"_s);
        q.bindValue(u":s"_s, sourceId);
        q.bindValue(u":other"_s, sourceId);
        if (!q.exec()) {
            return Database::sqlError(q, u"remove feed articles"_s);
        }
        const int removed = q.numRowsAffected();
        report.articlesRemoved += removed;
        report.articlesKept += total - removed;
    }
    q.prepare(u"DELETE FROM feeds WHERE id = :id"_s);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"remove feed"_s);
    }
    q.prepare(u"DELETE FROM meta WHERE key = :key"_s);
    q.bindValue(u":key"_s, kRetryAfterPrefix + QString::number(id));
    if (!q.exec()) {
        return Database::sqlError(q, u"remove feed retry-after"_s);
    }
    for (const qint64 sourceId : std::as_const(sourceIds)) {
        q.prepare(u"DELETE FROM sources WHERE id = :s"_s);
        q.bindValue(u":s"_s, sourceId);
        if (!q.exec()) {
            return Database::sqlError(q, u"remove feed source"_s);
        }
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return report;
}

} // namespace folio
