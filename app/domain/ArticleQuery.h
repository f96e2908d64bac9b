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
    /// Relevance (best bm25 first) only orders when text is set; without text it falls back to DateDesc.
    enum class Sort { DateDesc, DateAsc, TitleAsc, TitleDesc, Relevance };
    enum class TagMatch { All, Any };
    enum class DateField { Published, Added };

    QStringList tags;                 ///< article must carry these (compared case-insensitively), see tagMatch
    TagMatch tagMatch = TagMatch::All; ///< every tag (All) or at least one (Any)
    QStringList excludedTags;         ///< article must carry none of these
    std::optional<qint64> feedId;     ///< article must have come from this subscribed feed (feeds.id)
    QStringList authors;              ///< article must have an annotation by each of these team members
    QString text; ///< free text in the search syntax of docs/search.md (words, "phrases", OR, -word)
    DateField dateField = DateField::Published; ///< which date since/until bound
    std::optional<qint64> since;      ///< inclusive lower bound, UTC seconds
    std::optional<qint64> until;      ///< exclusive upper bound, UTC seconds
    bool includeUndated = false;      ///< with a published range, also show articles without a date
    bool bookmarkedOnly = false;
    std::optional<bool> offline;      ///< offline:yes / offline:no: all it needs is in the library (or not)
    bool unreadOnly = false;
    bool readOnly = false;
    bool annotatedOnly = false; ///< has:annotations — at least one highlight or note
    bool notedOnly = false;     ///< has:note — at least one annotation with a note
    Sort sort = Sort::DateDesc;

    bool operator==(const ArticleQuery&) const = default;
};

/// Keyset position after the last row of a page, for the next page.
struct ArticleCursor
{
    qint64 id = 0;
    std::optional<qint64> published;
    QString title;
    double score = 0; ///< bm25 of the row (Sort::Relevance)
    qint64 rankFrom = 0;  ///< the rank window of the row (Sort::Relevance with text only)
    qint64 rankUntil = 0;
};

} // namespace folio
