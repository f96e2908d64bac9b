// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QSet>

#include <QSqlDatabase>
#include <QString>

namespace folio {

/// One story, one article: an article without a link (a tag-page entry) and an article with a
/// link (a feed item) whose titles normalise to the same key are one article. The linked one
/// survives; it takes the other's sources, tags (user tags stay user tags), read/bookmark state,
/// annotations (re-anchored on its text) and any content it lacked. Every call joins the
/// caller's transaction except backfill(), which is its own.
class StoryMerge
{
public:
    explicit StoryMerge(QSqlDatabase db);

    /// The title with case, white space, diacritics and typographic quotes folded; empty (never
    /// null, so it is stored as '') for an empty title, which never matches.
    static QString titleKey(const QString& title);

    /// The oldest article with a link whose title has this key, or 0.
    Result<qint64> findLinked(const QString& key);
    /// Articles without a link whose title has this key, oldest first.
    Result<QList<qint64>> findLinkless(const QString& key);
    /// Moves everything of `from` onto `into` and deletes `from`.
    Result<void> mergeInto(qint64 from, qint64 into);

    /// Computes title_key where it is NULL and merges the stories that share one (the migration
    /// of existing libraries). Returns how many articles were merged away.
    Result<int> backfill();
    /// Merges, for each of these title keys, its link-less articles into its oldest article with
    /// a link (when it has both). Returns how many articles were merged away.
    Result<int> mergeStories(const QSet<QString>& keys);

private:
    QSqlDatabase m_db;
};

} // namespace folio
