// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace folio {

/// Tags and their counts. Tag names compare case-insensitively, ignoring surrounding space.
class TagStore
{
public:
    explicit TagStore(QSqlDatabase db);

    /// Every tag with its total and unread article counts, by name.
    Result<QList<TagCount>> tagCounts();

private:
    QSqlDatabase m_db;
};

} // namespace folio
