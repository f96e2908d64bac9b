// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/TagStore.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

TagStore::TagStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<TagCount>> TagStore::tagCounts()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT t.id, t.name, count(at.article_id), "
                u"coalesce(sum(CASE WHEN at.article_id IS NOT NULL AND coalesce(st.read, 0) = 0 THEN 1 ELSE 0 END), 0) "
                u"FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id "
                u"LEFT JOIN article_state st ON st.article_id = at.article_id "
                u"GROUP BY t.id ORDER BY t.name COLLATE NOCASE, t.id"_s)) {
        return Database::sqlError(q, u"read tag counts"_s);
    }
    QList<TagCount> out;
    while (q.next()) {
        out.append(TagCount{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt()});
    }
    return out;
}

} // namespace folio
