// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"
#include "domain/Result.h"

#include <QString>

namespace folio {

/// The readable query syntax of the search box, saved searches and `folio-cli list --query`
/// (docs/search.md), for example: tag:Kazachstan published>=2024-01-01 "groene energie" -tag:archief
/// parse() and format() round-trip: parse(format(q)) == q for every query parse() can produce.
/// Dates are UTC days (YYYY-MM-DD) or UTC instants (YYYY-MM-DDTHH:MM:SSZ).
class QueryParser
{
public:
    /// The query the text stands for (sort left at its default), or an Error with code Invalid
    /// whose message names the offending part.
    static Result<ArticleQuery> parse(const QString& text);

    /// The text for a query's filters (the sort is not part of it).
    static QString format(const ArticleQuery& query);

    /// Quotes a value when it needs it (spaces, quotes, or an empty value).
    static QString quoteValue(const QString& value);
};

} // namespace folio
