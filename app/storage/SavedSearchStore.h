// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace folio {

/// Searches saved under a name (user data; imports never touch them). The query text is
/// checked with QueryParser before it is stored.
class SavedSearchStore
{
public:
    explicit SavedSearchStore(QSqlDatabase db);

    /// Every saved search by name; with counts, each with its number of matching articles
    /// (-1 when its query no longer parses).
    Result<QList<SavedSearch>> list(bool withCounts = false);
    Result<SavedSearch> find(const QString& name);
    /// Saves a new search; the name must be unused and the query valid.
    Result<SavedSearch> add(const QString& name, const QString& query);
    /// Renames a search and replaces its query.
    Result<void> update(qint64 id, const QString& name, const QString& query);
    Result<void> remove(qint64 id);

private:
    QSqlDatabase m_db;
};

} // namespace folio
