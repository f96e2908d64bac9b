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

    /// "WITH hits(id, score) AS (…) " when ranked(), else empty.
    QString withHits();
    /// The hits of one page of `limit` rows after the cursor, for page queries. When text is the
    /// only filter and rows are ranked, the article matches are cut to the best `limit` after the
    /// cursor inside FTS5 (a top-k sort, no grouping or join of every match); the page is the
    /// same as with withHits(). Otherwise the same as withHits().
    QString withHits(const std::optional<ArticleCursor>& after, int limit);
    /// " FROM articles a [JOIN hits h ON h.id = a.id] WHERE …" for the filters, optionally after a cursor.
    QString fromWhere(const std::optional<ArticleCursor>& after = std::nullopt);
    /// Newest-first paging after a dated cursor continues with dated rows only, so SQLite can
    /// seek the (published, id) index instead of scanning from the top; the caller then reads
    /// the undated rows (which come last) with a separate query.
    void setDatedRowsOnly(bool on) { m_datedRowsOnly = on; }
    /// " ORDER BY …" for the sort; scoreExpr names the score column for Relevance.
    QString orderBy(const QString& scoreExpr = QStringLiteral("h.score")) const;
    /// ", snips(id, snippet, pri) AS MATERIALIZED (…)": the search snippets of the articles in a
    /// CTE named page(id, …), from the article text (pri 0) or an annotation (pri 1); empty when
    /// not ranked. One FTS scan for the whole page: a per-row MATCH would expand prefixes per row.
    QString snippetCte();
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
    QString dateColumn() const;

    ArticleQuery m_query;
    FtsExpression m_fts;
    std::optional<Error> m_error;
    QVariantMap m_binds;
};

} // namespace folio
