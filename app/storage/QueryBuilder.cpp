// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/QueryBuilder.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace folio {

QueryBuilder::QueryBuilder(const ArticleQuery& query)
    : m_query(query)
{
}

QString QueryBuilder::tagKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

QString QueryBuilder::ftsQuery(const QString& text)
{
    // Words are quoted so FTS syntax characters typed by a user are literal text.
    static const QRegularExpression separators(u"[\\s\"]+"_s);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString& w : words) {
        terms.append(u"\""_s + w + u"\"*"_s);
    }
    return terms.join(u' ');
}

QString QueryBuilder::bind(const QVariant& value)
{
    const QString name = u":b%1"_s.arg(m_binds.size());
    m_binds.insert(name, value);
    return name;
}

QString QueryBuilder::where(const std::optional<ArticleCursor>& after)
{
    m_conditions.clear();
    m_binds.clear();
    for (const QString& tag : std::as_const(m_query.tags)) {
        m_conditions.append(u"a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                            u"WHERE t.key = %1)"_s.arg(bind(tagKey(tag))));
    }
    if (m_query.feedId) {
        // Through the feed's own sources row, so articles keep their feed when its URL moves.
        m_conditions.append(u"a.id IN (SELECT fs.article_id FROM article_sources fs JOIN feeds f "
                            u"ON f.source_id = fs.source_id WHERE f.id = %1)"_s.arg(bind(*m_query.feedId)));
    }
    const QString fts = ftsQuery(m_query.text);
    if (!fts.isEmpty()) {
        m_conditions.append(u"a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH %1)"_s.arg(bind(fts)));
    }
    if (m_query.since) {
        m_conditions.append(u"a.published >= %1"_s.arg(bind(*m_query.since)));
    }
    if (m_query.until) {
        m_conditions.append(u"a.published < %1"_s.arg(bind(*m_query.until)));
    }
    if (m_query.bookmarkedOnly) {
        m_conditions.append(u"a.id IN (SELECT article_id FROM article_state WHERE bookmarked = 1)"_s);
    }
    if (m_query.unreadOnly) {
        m_conditions.append(u"a.id NOT IN (SELECT article_id FROM article_state WHERE read = 1)"_s);
    }
    if (after) {
        const QString id = bind(after->id);
        switch (m_query.sort) {
        case ArticleQuery::Sort::DateDesc:
        case ArticleQuery::Sort::DateAsc: {
            // Undated rows come last in both directions, in import order.
            if (after->published) {
                const QString p = bind(*after->published);
                const QString cmp = m_query.sort == ArticleQuery::Sort::DateDesc ? u"<"_s : u">"_s;
                m_conditions.append(u"(a.published %1 %2 OR a.published IS NULL OR (a.published = %2 AND a.id > %3))"_s
                                        .arg(cmp, p, id));
            } else {
                m_conditions.append(u"(a.published IS NULL AND a.id > %1)"_s.arg(id));
            }
            break;
        }
        case ArticleQuery::Sort::TitleAsc: {
            const QString t = bind(after->title);
            m_conditions.append(
                u"(a.title > %1 COLLATE NOCASE OR (a.title = %1 COLLATE NOCASE AND a.id > %2))"_s.arg(t, id));
            break;
        }
        case ArticleQuery::Sort::TitleDesc: {
            const QString t = bind(after->title);
            m_conditions.append(
                u"(a.title < %1 COLLATE NOCASE OR (a.title = %1 COLLATE NOCASE AND a.id < %2))"_s.arg(t, id));
            break;
        }
        }
    }
    return m_conditions.isEmpty() ? QString() : u" WHERE "_s + m_conditions.join(u" AND "_s);
}

QString QueryBuilder::orderBy() const
{
    switch (m_query.sort) {
    case ArticleQuery::Sort::DateDesc:
        return u" ORDER BY a.published DESC, a.id ASC"_s;
    case ArticleQuery::Sort::DateAsc:
        return u" ORDER BY a.published IS NULL, a.published ASC, a.id ASC"_s;
    case ArticleQuery::Sort::TitleAsc:
        return u" ORDER BY a.title COLLATE NOCASE ASC, a.id ASC"_s;
    case ArticleQuery::Sort::TitleDesc:
        return u" ORDER BY a.title COLLATE NOCASE DESC, a.id DESC"_s;
    }
    return {};
}

void QueryBuilder::bindAll(QSqlQuery& q) const
{
    for (auto it = m_binds.cbegin(); it != m_binds.cend(); ++it) {
        q.bindValue(it.key(), it.value());
    }
}

} // namespace folio
