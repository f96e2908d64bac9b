// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

namespace folio {

/// Turns an ArticleQuery into SQL conditions over `articles a` plus named binds. Identifiers
/// (the sort order) come from a fixed whitelist; every value is a bind.
class QueryBuilder
{
public:
    explicit QueryBuilder(const ArticleQuery& query);

    /// " WHERE …" (or empty) for the filters, optionally continued after a cursor.
    QString where(const std::optional<ArticleCursor>& after = std::nullopt);
    /// " ORDER BY …" for the sort.
    QString orderBy() const;
    void bindAll(QSqlQuery& q) const;

    /// FTS5 query for free text typed by a user: every word must match, as a prefix.
    static QString ftsQuery(const QString& text);

    /// Case-folded, trimmed tag key (how tag names compare).
    static QString tagKey(const QString& name);

private:
    QString bind(const QVariant& value);

    ArticleQuery m_query;
    QStringList m_conditions;
    QVariantMap m_binds;
};

} // namespace folio
