// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/OfflineStore.h"

#include "html/ImageSources.h"
#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio {

QString offlinePolicyName(OfflinePolicy policy)
{
    switch (policy) {
    case OfflinePolicy::Images:
        return u"images"_s;
    case OfflinePolicy::Full:
        return u"full"_s;
    case OfflinePolicy::None:
        break;
    }
    return u"none"_s;
}

std::optional<OfflinePolicy> parseOfflinePolicy(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == "none"_L1) {
        return OfflinePolicy::None;
    }
    if (n == "images"_L1) {
        return OfflinePolicy::Images;
    }
    if (n == "full"_L1) {
        return OfflinePolicy::Full;
    }
    return std::nullopt;
}

OfflineStore::OfflineStore(QSqlDatabase db, QString storeDir)
    : m_db(db)
    , m_resources(db, std::move(storeDir))
{
}

Result<void> OfflineStore::setPolicy(qint64 feedId, OfflinePolicy policy)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE feeds SET offline_policy = :p WHERE id = :id"_s);
    q.bindValue(u":p"_s, offlinePolicyName(policy));
    q.bindValue(u":id"_s, feedId);
    if (!q.exec()) {
        return Database::sqlError(q, u"set offline policy"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no feed with id %1"_s.arg(feedId));
    }
    return {};
}

Result<OfflinePolicy> OfflineStore::policy(qint64 feedId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT offline_policy FROM feeds WHERE id = :id"_s);
    q.bindValue(u":id"_s, feedId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read offline policy"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no feed with id %1"_s.arg(feedId));
    }
    return parseOfflinePolicy(q.value(0).toString()).value_or(OfflinePolicy::None);
}

Result<bool> OfflineStore::wantsFull(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM article_sources s JOIN feeds f ON f.source_id = s.source_id "
              "WHERE s.article_id = :a AND f.offline_policy = 'full' LIMIT 1"_s);
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read offline policy"_s);
    }
    return q.next();
}

Result<QList<OfflineWork>> OfflineStore::work(const QList<qint64>& articleIds, bool forceFull)
{
    QList<OfflineWork> out;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT a.link, a.content_html, f.html FROM articles a LEFT JOIN article_full f ON f.article_id = a.id "
              "WHERE a.id = :a"_s);
    for (const qint64 id : articleIds) {
        q.bindValue(u":a"_s, id);
        if (!q.exec()) {
            return Database::sqlError(q, u"read article for offline"_s);
        }
        if (!q.next()) {
            return makeError(Error::Code::NotFound, u"no article with id %1"_s.arg(id));
        }
        OfflineWork w{id, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), forceFull};
        if (!w.wantFull) {
            auto full = wantsFull(id);
            if (!full) {
                return full.error();
            }
            w.wantFull = *full;
        }
        out.append(std::move(w));
    }
    return out;
}

Result<QList<qint64>> OfflineStore::pending(const QList<qint64>& feedIds)
{
    QString feedFilter;
    for (const qint64 id : feedIds) {
        feedFilter += (feedFilter.isEmpty() ? u""_s : u","_s) + QString::number(id);
    }
    const QString sql =
        u"SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_offline o WHERE o.article_id = a.id "
        "AND o.complete = 1) AND (EXISTS (SELECT 1 FROM article_sources s JOIN feeds f ON f.source_id = s.source_id "
        "WHERE s.article_id = a.id AND f.offline_policy <> 'none'%1) "
        "OR EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.bookmarked = 1) "
        "OR EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)) ORDER BY a.id"_s.arg(
            feedFilter.isEmpty() ? QString() : u" AND f.id IN (%1)"_s.arg(feedFilter));
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        return Database::sqlError(q, u"list articles to make offline"_s);
    }
    QList<qint64> out;
    while (q.next()) {
        out.append(q.value(0).toLongLong());
    }
    return out;
}

QString OfflineStore::isOfflineSql()
{
    return u"(CASE WHEN EXISTS (SELECT 1 FROM article_offline o WHERE o.article_id = a.id AND o.complete = 1) THEN 1 "
           u"WHEN EXISTS (SELECT 1 FROM article_offline o WHERE o.article_id = a.id) THEN 0 "
           u"ELSE instr(coalesce(a.content_html, ''), '<img ') = 0 AND NOT EXISTS (SELECT 1 FROM article_sources os "
           u"JOIN feeds ofe ON ofe.source_id = os.source_id WHERE os.article_id = a.id AND ofe.offline_policy = 'full') "
           u"END)"_s;
}

Result<void> OfflineStore::setFullArticle(qint64 articleId, const FullArticle& full)
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO article_full(article_id, url, html, text, fetched) VALUES(:a, :u, :h, :t, :f) "
              "ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, html = excluded.html, text = excluded.text, "
              "fetched = excluded.fetched"_s);
    q.bindValue(u":a"_s, articleId);
    q.bindValue(u":u"_s, full.url);
    q.bindValue(u":h"_s, full.html);
    q.bindValue(u":t"_s, full.text);
    q.bindValue(u":f"_s, full.fetched);
    if (!q.exec()) {
        return Database::sqlError(q, u"store full article"_s);
    }
    // Annotations count in the feed text and then the full text: place those of the full text
    // again (a new download may differ), and attach those that were waiting for it.
    if (auto moved = AnnotationStore(m_db).reanchor(articleId); !moved) {
        return moved.error();
    }
    return tx.commit();
}

Result<std::optional<FullArticle>> OfflineStore::fullArticle(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT url, html, text, fetched FROM article_full WHERE article_id = :a"_s);
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read full article"_s);
    }
    if (!q.next()) {
        return std::optional<FullArticle>();
    }
    return std::optional<FullArticle>(
        FullArticle{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
}

Result<OfflineStatus> OfflineStore::status(qint64 articleId)
{
    auto work = this->work({articleId}, false);
    if (!work) {
        return work.error();
    }
    const OfflineWork& w = work->first();
    auto resources = m_resources.resourcesOf(articleId);
    if (!resources) {
        return resources.error();
    }
    OfflineStatus status;
    QSet<QString> stored;
    for (const ArticleResource& r : std::as_const(*resources)) {
        if (!r.hash.isEmpty()) {
            stored.insert(r.url);
            status.resources.append(r);
        }
    }
    auto full = fullArticle(articleId);
    if (!full) {
        return full.error();
    }
    status.full = *full;
    QStringList needed = html::imageSources(w.contentHtml);
    if (status.full) {
        needed += html::imageSources(status.full->html);
    }
    status.offline = (!w.wantFull || status.full.has_value())
                     && std::all_of(needed.cbegin(), needed.cend(), [&stored](const QString& u) { return stored.contains(u); });
    return status;
}

Result<bool> OfflineStore::updateCompleteness(qint64 articleId)
{
    auto s = status(articleId);
    if (!s) {
        return s.error();
    }
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO article_offline(article_id, complete, checked) VALUES(:a, :c, :t) "
              "ON CONFLICT(article_id) DO UPDATE SET complete = excluded.complete, checked = excluded.checked"_s);
    q.bindValue(u":a"_s, articleId);
    q.bindValue(u":c"_s, s->offline ? 1 : 0);
    q.bindValue(u":t"_s, QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        return Database::sqlError(q, u"record offline state"_s);
    }
    return s->offline;
}

Result<void> OfflineStore::forget(qint64 articleId)
{
    if (auto r = m_resources.forgetArticle(articleId); !r) {
        return r;
    }
    QSqlQuery q(m_db);
    for (const QString& sql : {u"DELETE FROM article_full WHERE article_id = :a"_s,
                               u"DELETE FROM article_offline WHERE article_id = :a"_s}) {
        q.prepare(sql);
        q.bindValue(u":a"_s, articleId);
        if (!q.exec()) {
            return Database::sqlError(q, u"prune article"_s);
        }
    }
    return {};
}

Result<PruneReport> OfflineStore::prune(qint64 maxStoreBytes, qint64 olderThan)
{
    PruneReport report;
    // Oldest first; never bookmarked or annotated ones.
    QSqlQuery q(m_db);
    q.prepare(u"SELECT a.id, a.added FROM articles a WHERE (EXISTS (SELECT 1 FROM article_resources r WHERE "
              "r.article_id = a.id) OR EXISTS (SELECT 1 FROM article_full f WHERE f.article_id = a.id)) "
              "AND NOT EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.bookmarked = 1) "
              "AND NOT EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id) ORDER BY a.added, a.id"_s);
    if (!q.exec()) {
        return Database::sqlError(q, u"list prunable articles"_s);
    }
    QList<std::pair<qint64, qint64>> candidates;
    while (q.next()) {
        candidates.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    }
    const auto sweep = [this, &report]() -> Result<void> {
        auto cleanup = m_resources.collectGarbage();
        if (!cleanup) {
            return cleanup.error();
        }
        report.files += cleanup->files;
        report.bytes += cleanup->bytes;
        return {};
    };
    qsizetype next = 0;
    for (; next < candidates.size() && olderThan > 0 && candidates.at(next).second < olderThan; ++next) {
        if (auto r = forget(candidates.at(next).first); !r) {
            return r.error();
        }
        ++report.articles;
    }
    if (auto r = sweep(); !r) {
        return r.error();
    }
    while (maxStoreBytes > 0 && next < candidates.size()) {
        auto total = m_resources.totalBytes();
        if (!total) {
            return total.error();
        }
        if (*total <= maxStoreBytes) {
            break;
        }
        // A batch at a time, then measure again: files shared with kept articles stay.
        for (int i = 0; i < 20 && next < candidates.size(); ++i, ++next) {
            if (auto r = forget(candidates.at(next).first); !r) {
                return r.error();
            }
            ++report.articles;
        }
        if (auto r = sweep(); !r) {
            return r.error();
        }
    }
    return report;
}

Result<StoreCleanup> OfflineStore::collectGarbage()
{
    return m_resources.collectGarbage();
}

} // namespace folio
