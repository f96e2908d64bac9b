// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AnnotationStore.h"

#include "domain/Anchoring.h"
#include "html/AnchorText.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/QueryBuilder.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

const QString kColumns =
    u"id, article_id, quote, prefix, suffix, start, end, note, color, created, updated, detached, uuid, author"_s;

Annotation fromQuery(const QSqlQuery& q)
{
    Annotation a;
    a.id = q.value(0).toLongLong();
    a.articleId = q.value(1).toLongLong();
    a.quote = q.value(2).toString();
    a.prefix = q.value(3).toString();
    a.suffix = q.value(4).toString();
    a.start = q.value(5).isNull() ? -1 : q.value(5).toInt();
    a.end = q.value(6).isNull() ? -1 : q.value(6).toInt();
    a.note = q.value(7).toString();
    a.color = q.value(8).toString();
    a.created = q.value(9).toLongLong();
    a.updated = q.value(10).toLongLong();
    a.detached = q.value(11).toBool();
    a.uuid = q.value(12).toString();
    a.author = q.value(13).toString();
    return a;
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant offsetOrNull(const Annotation& a, int value)
{
    return a.isArticleNote() ? QVariant(QMetaType::fromType<int>()) : QVariant(value);
}

Result<void> checkColor(const QString& color)
{
    if (!AnnotationStore::colors().contains(color)) {
        return makeError(Error::Code::Invalid, u"unknown colour \"%1\" (one of: %2)"_s.arg(
                                                   color, AnnotationStore::colors().join(u", "_s)));
    }
    return {};
}

} // namespace

AnnotationStore::AnnotationStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString AnnotationStore::anchorText(const Article& article)
{
    return html::anchorText(article);
}

QStringList AnnotationStore::colors()
{
    return html::highlightColorNames();
}

Result<QString> AnnotationStore::anchorTextOf(qint64 articleId)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT a.content_html, a.summary, a.content_text, f.text FROM articles a "
                   u"LEFT JOIN article_full f ON f.article_id = a.id WHERE a.id = :id"_s)) {
        return Database::sqlError(q, u"prepare article text"_s);
    }
    q.bindValue(u":id"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read article text"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no article with id %1"_s.arg(articleId));
    }
    // The same text the reader anchors in (html::anchorText: the stored plain text, then the
    // full article's when one is stored).
    Article article;
    article.contentHtml = q.value(0).toString();
    article.summary = q.value(1).toString();
    article.contentText = q.value(2).toString();
    return html::anchorText(article, q.value(3).toString());
}

Result<QList<Annotation>> AnnotationStore::forArticle(qint64 articleId)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT "_s + kColumns
                   + u" FROM annotations WHERE article_id = :a ORDER BY start IS NOT NULL, start, id"_s)) {
        return Database::sqlError(q, u"prepare annotations"_s);
    }
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read annotations"_s);
    }
    QList<Annotation> list;
    while (q.next()) {
        list.append(fromQuery(q));
    }
    // Earlier versions kept by the team sync (the later edit won).
    if (!q.prepare(u"SELECT h.annotation_uuid, h.note, h.color, h.author, h.updated FROM annotation_history h "
                   u"JOIN annotations an ON an.uuid = h.annotation_uuid WHERE an.article_id = :a "
                   u"ORDER BY h.updated, h.id"_s)) {
        return Database::sqlError(q, u"prepare annotation history"_s);
    }
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read annotation history"_s);
    }
    while (q.next()) {
        const QString uuid = q.value(0).toString();
        for (Annotation& a : list) {
            if (a.uuid == uuid) {
                a.history.append(AnnotationVersion{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                                   q.value(4).toLongLong()});
            }
        }
    }
    return list;
}

Result<Annotation> AnnotationStore::annotation(qint64 id)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT "_s + kColumns + u" FROM annotations WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare annotation"_s);
    }
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"read annotation"_s);
    }
    if (!q.next()) {
        return makeError(Error::Code::NotFound, u"no annotation with id %1"_s.arg(id));
    }
    return fromQuery(q);
}

Result<Annotation> AnnotationStore::insert(const Annotation& a, bool keepId)
{
    QSqlQuery q(m_db);
    if (keepId && a.id > 0) {
        q.prepare(u"SELECT 1 FROM annotations WHERE id = :id"_s);
        q.bindValue(u":id"_s, a.id);
        if (!q.exec()) {
            return Database::sqlError(q, u"find annotation"_s);
        }
        keepId = !q.next();
        q.finish();
    }
    const QString idColumn = keepId ? u"id, "_s : QString();
    const QString idValue = keepId ? u":id, "_s : QString();
    if (!q.prepare(u"INSERT INTO annotations(%1article_id, quote, prefix, suffix, start, end, note, color, created, "
                   u"updated, detached) VALUES(%2:a, :quote, :prefix, :suffix, :start, :end, :note, :color, :created, "
                   u":updated, :detached)"_s.arg(idColumn, idValue))) {
        return Database::sqlError(q, u"prepare annotation insert"_s);
    }
    if (keepId) {
        q.bindValue(u":id"_s, a.id);
    }
    q.bindValue(u":a"_s, a.articleId);
    q.bindValue(u":quote"_s, textOrNull(a.quote));
    q.bindValue(u":prefix"_s, textOrNull(a.prefix));
    q.bindValue(u":suffix"_s, textOrNull(a.suffix));
    q.bindValue(u":start"_s, offsetOrNull(a, a.start));
    q.bindValue(u":end"_s, offsetOrNull(a, a.end));
    q.bindValue(u":note"_s, textOrNull(a.note));
    q.bindValue(u":color"_s, a.color);
    q.bindValue(u":created"_s, a.created);
    q.bindValue(u":updated"_s, a.updated);
    q.bindValue(u":detached"_s, a.detached ? 1 : 0);
    if (!q.exec()) {
        return Database::sqlError(q, u"store annotation"_s);
    }
    Annotation stored = a;
    stored.id = q.lastInsertId().toLongLong();
    return stored;
}

Result<Annotation> AnnotationStore::add(Annotation a)
{
    if (auto c = checkColor(a.color); !c) {
        return c.error();
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    auto text = anchorTextOf(a.articleId);
    if (!text) {
        return text.error();
    }
    if (!a.isArticleNote()) {
        const auto range = Anchoring::reattach(text.value(), a);
        if (!range || !Anchoring::select(text.value(), range->start, range->end, &a)) {
            return makeError(Error::Code::NotFound, u"the quote is not in article %1: \"%2\""_s.arg(a.articleId).arg(a.quote));
        }
    } else if (a.note.trimmed().isEmpty()) {
        return makeError(Error::Code::Invalid, u"an article note needs text"_s);
    }
    a.created = QDateTime::currentSecsSinceEpoch();
    a.updated = a.created;
    a.detached = false;
    auto stored = insert(a, false);
    if (!stored) {
        return stored.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return stored;
}

Result<Annotation> AnnotationStore::addQuote(qint64 articleId, const QString& quote, const QString& note,
                                             const QString& color, int occurrence)
{
    auto text = anchorTextOf(articleId);
    if (!text) {
        return text.error();
    }
    const auto range = Anchoring::find(text.value(), quote, occurrence);
    if (!range) {
        return makeError(Error::Code::NotFound,
                         occurrence > 1 ? u"article %1 has fewer than %2 occurrences of \"%3\""_s.arg(articleId).arg(occurrence).arg(quote)
                                        : u"the quote is not in article %1: \"%2\""_s.arg(articleId).arg(quote));
    }
    Annotation a;
    a.articleId = articleId;
    a.note = note;
    a.color = color.isEmpty() ? u"yellow"_s : color;
    Anchoring::select(text.value(), range->start, range->end, &a);
    // The exact range, even when it has white space at its edges.
    a.start = range->start;
    a.end = range->end;
    a.quote = quote;
    return add(a);
}

Result<Annotation> AnnotationStore::update(qint64 id, const QString& note, const QString& color)
{
    if (auto c = checkColor(color); !c) {
        return c.error();
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"UPDATE annotations SET note = :note, color = :color, updated = :now WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare annotation update"_s);
    }
    q.bindValue(u":note"_s, textOrNull(note));
    q.bindValue(u":color"_s, color);
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"update annotation"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no annotation with id %1"_s.arg(id));
    }
    auto updated = annotation(id);
    if (!updated) {
        return updated.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return updated;
}

Result<void> AnnotationStore::remove(qint64 id)
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"DELETE FROM annotations WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare annotation delete"_s);
    }
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"delete annotation"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no annotation with id %1"_s.arg(id));
    }
    return tx.commit();
}

Result<Annotation> AnnotationStore::restore(const Annotation& a)
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s.error();
    }
    auto stored = insert(a, true);
    if (!stored) {
        return stored.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return stored;
}

Result<void> AnnotationStore::writeAnchor(const Annotation& a)
{
    QSqlQuery q(m_db);
    if (!q.prepare(u"UPDATE annotations SET quote = :quote, prefix = :prefix, suffix = :suffix, start = :start, "
                   u"end = :end, detached = :detached WHERE id = :id"_s)) {
        return Database::sqlError(q, u"prepare annotation anchor"_s);
    }
    q.bindValue(u":quote"_s, textOrNull(a.quote));
    q.bindValue(u":prefix"_s, textOrNull(a.prefix));
    q.bindValue(u":suffix"_s, textOrNull(a.suffix));
    q.bindValue(u":start"_s, a.start);
    q.bindValue(u":end"_s, a.end);
    q.bindValue(u":detached"_s, a.detached ? 1 : 0);
    q.bindValue(u":id"_s, a.id);
    if (!q.exec()) {
        return Database::sqlError(q, u"store annotation anchor"_s);
    }
    return {};
}

Result<int> AnnotationStore::reanchor(qint64 articleId)
{
    auto list = forArticle(articleId);
    if (!list) {
        return list.error();
    }
    if (list->isEmpty()) {
        return 0;
    }
    auto text = anchorTextOf(articleId);
    if (!text) {
        return text.error();
    }
    int changed = 0;
    for (Annotation& a : list.value()) {
        if (Anchoring::reanchor(text.value(), &a)) {
            if (auto w = writeAnchor(a); !w) {
                return w.error();
            }
            ++changed;
        }
    }
    return changed;
}

Result<QList<AnnotatedArticle>> AnnotationStore::annotatedArticles(const AnnotationFilter& filter)
{
    QStringList where;
    QString annotated = u"EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id%1)"_s.arg(
        filter.since ? u" AND n.created >= :since"_s : QString());
    if (filter.includeBookmarks) {
        annotated += u" OR EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.bookmarked = 1%1)"_s
                         .arg(filter.since ? u" AND coalesce(st.bookmarked_at, 0) >= :since2"_s : QString());
    }
    where.append(u"("_s + annotated + u")"_s);
    for (int i = 0; i < filter.tags.size(); ++i) {
        where.append(u"EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id "
                     u"AND t.key = :tag%1)"_s.arg(i));
    }
    if (!filter.articleIds.isEmpty()) {
        QStringList ids;
        for (const qint64 id : filter.articleIds) {
            ids.append(QString::number(id)); // numbers, never user text
        }
        where.append(u"a.id IN (%1)"_s.arg(ids.join(u',')));
    }
    QSqlQuery q(m_db);
    if (!q.prepare(u"SELECT a.id FROM articles a WHERE "_s + where.join(u" AND "_s)
                   + u" ORDER BY a.published IS NULL, a.published DESC, a.id DESC"_s)) {
        return Database::sqlError(q, u"prepare annotated articles"_s);
    }
    if (filter.since) {
        q.bindValue(u":since"_s, *filter.since);
        if (filter.includeBookmarks) {
            q.bindValue(u":since2"_s, *filter.since);
        }
    }
    for (int i = 0; i < filter.tags.size(); ++i) {
        q.bindValue(u":tag%1"_s.arg(i), QueryBuilder::tagKey(filter.tags.at(i).simplified()));
    }
    if (!q.exec()) {
        return Database::sqlError(q, u"read annotated articles"_s);
    }
    QList<qint64> ids;
    while (q.next()) {
        ids.append(q.value(0).toLongLong());
    }
    QList<AnnotatedArticle> out;
    ArticleStore articles(m_db);
    for (const qint64 id : std::as_const(ids)) {
        auto article = articles.article(id);
        if (!article) {
            return article.error();
        }
        auto notes = forArticle(id);
        if (!notes) {
            return notes.error();
        }
        AnnotatedArticle item;
        item.id = id;
        item.title = article->title;
        item.link = article->link;
        item.source = article->source;
        item.published = article->published;
        item.tags = article->tags;
        item.bookmarked = article->state.bookmarked;
        for (const Annotation& a : std::as_const(notes.value())) {
            if (!filter.since || a.created >= *filter.since) {
                item.annotations.append(a);
            }
        }
        out.append(item);
    }
    return out;
}

} // namespace folio
