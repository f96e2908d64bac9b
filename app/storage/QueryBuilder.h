// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"
#include "domain/Result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace folio {

/// Free text in the user's search syntax, compiled for FTS5.
struct FtsExpression
{
    QString match;             ///< FTS5 MATCH expression; empty when the text has no terms
    bool negativeOnly = false; ///< only excluded terms: match lists what must NOT match
};

/// Turns an ArticleQuery into SQL over `articles a` plus named binds. Identifiers (sort order,
/// date column) come from fixed whitelists; every value is a bind. With free text, matching
/// articles come from a `hits(id, score)` CTE over articles_fts and annotations_fts.
class QueryBuilder
{
public:
    explicit QueryBuilder(const ArticleQuery& query);

    /// Set when the free text cannot be searched (for example "OR" with nothing after it).
    const std::optional<Error>& error() const { return m_error; }
    /// True when a text search ranks the rows (a hits CTE with bm25 scores is joined as h).
    bool ranked() const { return !m_fts.match.isEmpty() && !m_fts.negativeOnly; }
    /// The sort in effect: Relevance without ranked text falls back to DateDesc.
    ArticleQuery::Sort sort() const;

    /// True when a filter other than the free text is set (tags, feed, dates, state, …).
    bool hasFiltersBesidesText() const;
    /// A count that needs no pass over the rows, or empty: the whole library, one tag or one
    /// feed, each alone or with "unread" (the counts of schemas 11 and 13).
    QString keptCount();
    /// The per-day counts (day, count) of one tag's articles by publication date from its links
    /// alone, or empty when the query is anything else.
    QString tagTimeline();
    /// True when rows are ranked by free text alone (Sort::Relevance, no other filter): such
    /// pages are ranked one window of matches at a time (setRankWindow, ArticleStore::page).
    bool rankedTextOnly() const;

    /// "WITH hits(id, score) AS (…) " when ranked(), else empty.
    QString withHits();
    /// "WITH hits(id) AS (…) " when ranked(), else empty: the matching ids without scores, for
    /// counts and the timeline (no bm25, no grouping).
    QString withHitIds();
    /// SQL for the number of articles the text matches (the count of withHitIds()'s set, without
    /// building the set), or empty when not ranked().
    QString textCount();
    /// Limits the hits of withHits(after, limit) and the snippets to articles with from <= id
    /// and, when until > 0, id < until: one window of a ranked list.
    void setRankWindow(qint64 from, qint64 until);
    /// The window of the size newest articles whose own text matches below until (0: no bound),
    /// found and scored by withHits(after, limit) in one pass; where it begins is windowFrom().
    void setRankWindowBelow(qint64 until, int size);
    /// SQL for where a setRankWindowBelow() window begins (0: it holds every match left), for a
    /// column of a query that starts with withHits(after, limit).
    static QString windowFrom() { return QStringLiteral("(SELECT v FROM winfrom)"); }
    /// The hits of one page of `limit` rows after the cursor, for page queries. When
    /// rankedTextOnly(), the article matches of the rank window are cut to the best `limit` after
    /// the cursor inside FTS5 (a top-k sort, no grouping or join of every match); the page is the
    /// same as with withHits() over the window. Otherwise the same as withHits().
    QString withHits(const std::optional<ArticleCursor>& after, int limit);
    /// " FROM articles a [JOIN hits h ON h.id = a.id] WHERE …" for the filters, optionally after a cursor.
    QString fromWhere(const std::optional<ArticleCursor>& after = std::nullopt);
    /// Newest-first paging after a dated cursor continues with dated rows only, so SQLite can
    /// seek the (published, id) index instead of scanning from the top; the caller then reads
    /// the undated rows (which come last) with a separate query.
    void setDatedRowsOnly(bool on) { m_datedRowsOnly = on; }
    /// " ORDER BY …" for the sort; scoreExpr names the score column for Relevance.
    /// outer: the ORDER BY of a query over `articles a` alone (no tag table joined), such as the
    /// columns query around a page of ids.
    QString orderBy(const QString& scoreExpr = QStringLiteral("h.score"), bool outer = false) const;
    /// ", snips(id, snippet, pri) AS MATERIALIZED (…)": the search snippets of the articles in a
    /// CTE named page(id, …), from the article text (pri 0) or an annotation (pri 1); empty when
    /// not ranked. One FTS scan for the whole page: a per-row MATCH would expand prefixes per row.
    QString snippetCte();
    /// The FTS5 expression of the query's text (empty without text).
    const QString& ftsMatch() const { return m_fts.match; }
    void bindAll(QSqlQuery& q) const;
    /// A new named bind for value (":bN").
    QString bind(const QVariant& value);

    /// Compiles free text: words (prefix matches), "phrases", OR between terms, -term or
    /// NOT term. Every term is quoted, so user text can never break the FTS5 syntax.
    static Result<FtsExpression> compileText(const QString& text);

    /// Case-folded, trimmed tag key (how tag names compare).
    static QString tagKey(const QString& name);

private:
    bool m_datedRowsOnly = false;
    qint64 m_windowFrom = 0;
    qint64 m_windowUntil = 0;
    bool atMostOneTagOrFeed() const;
    int m_windowSize = 0; // setRankWindowBelow()
    QString dateColumn() const;
    /// True when the rows are read from one tag's range of article_tags_tag_published (schema 10)
    /// in date order: a tag that every row must have, a date sort, no ranking.
    bool drivenByTag() const;
    /// a.published, or its copy in article_tags when drivenByTag() (the same value).
    QString publishedColumn() const;
    /// The tag key a single plain word also finds (its tag's articles); empty otherwise.
    QString taggedWordKey() const;
    /// " UNION [ALL] SELECT tw.article_id[, -5.0] …": the articles tagged with the single plain
    /// word (scored like a good title hit), in the rank window; empty when the text is not one word.
    QString taggedHits(bool scored);
    /// " AND <column> >= … [AND <column> < …]" for the rank window; empty without one.
    QString windowRange(const QString& column);

    ArticleQuery m_query;
    FtsExpression m_fts;
    std::optional<Error> m_error;
    QVariantMap m_binds;
};

} // namespace folio
