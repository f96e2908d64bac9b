// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace folio {

/// Tags, their counts and the reader's own tagging. Tag names compare case-insensitively,
/// ignoring surrounding space. User tags (origin 'user') are never removed by imports.
class TagStore
{
public:
    explicit TagStore(QSqlDatabase db);

    /// Every tag with its total and unread article counts and its colour, by name.
    Result<QList<TagCount>> tagCounts();

    /// Tags these articles with name (created when new), as the reader's own tag.
    Result<void> addTag(const QList<qint64>& articleIds, const QString& name);
    /// Takes the tag off these articles, whatever its origin (a source tag returns when its
    /// source delivers the article again). The tag itself stays.
    Result<void> removeTag(const QList<qint64>& articleIds, const QString& name);
    /// Renames a tag; a name that only differs in case or space just changes the spelling.
    /// Fails when another tag has the new name already (merge instead).
    Result<void> rename(const QString& from, const QString& to);
    /// Moves every article of from to into (keeping the user origin where either had it) and
    /// deletes from. Read state, bookmarks and other tags are untouched.
    Result<void> merge(const QString& from, const QString& into);
    /// Deletes a tag and takes it off every article.
    Result<void> remove(const QString& name);
    /// Sets a tag's colour ("#rrggbb"), or clears it with an empty string.
    Result<void> setColor(const QString& name, const QString& color);

private:
    Result<qint64> tagId(const QString& name);
    Result<qint64> ensureTag(const QString& name);

    QSqlDatabase m_db;
};

} // namespace folio
