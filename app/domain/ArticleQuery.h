// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace folio {

/// Everything that narrows or orders the article list. Filters combine with AND.
struct ArticleQuery
{
    enum class Sort { DateDesc, DateAsc, TitleAsc, TitleDesc };

    QStringList tags;                 ///< article must carry every one of these (compared case-insensitively)
    std::optional<qint64> feedId;     ///< article must have come from this subscribed feed (feeds.id)
    QString text;                     ///< free text; every word must match (prefix match, diacritics ignored)
    std::optional<qint64> since;      ///< inclusive lower bound, UTC seconds; undated articles are left out
    std::optional<qint64> until;      ///< exclusive upper bound, UTC seconds; undated articles are left out
    bool bookmarkedOnly = false;
    bool unreadOnly = false;
    Sort sort = Sort::DateDesc;

    bool operator==(const ArticleQuery&) const = default;
};

/// Keyset position after the last row of a page, for the next page.
struct ArticleCursor
{
    qint64 id = 0;
    std::optional<qint64> published;
    QString title;
};

} // namespace folio
