// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace folio {

/// The reader's own state on articles (read, bookmarked). Imports never write here.
class StateStore
{
public:
    explicit StateStore(QSqlDatabase db);

    Result<void> setRead(const QList<qint64>& ids, bool read);
    Result<void> setBookmarked(const QList<qint64>& ids, bool bookmarked);
    Result<ArticleState> state(qint64 id);

private:
    Result<void> setFlag(const QList<qint64>& ids, const QString& column, bool on);

    QSqlDatabase m_db;
};

} // namespace folio
