// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StateStore.h"

#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

StateStore::StateStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<void> StateStore::setFlag(const QList<qint64>& ids, const QString& column, bool on)
{
    // column is one of two fixed names, never user input.
    Q_ASSERT(column == "read"_L1 || column == "bookmarked"_L1);
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    QSqlQuery exists(m_db);
    exists.prepare(u"SELECT 1 FROM articles WHERE id = :id"_s);
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO article_state(article_id, %1, %1_at) VALUES(:id, :on, :at) "
              u"ON CONFLICT(article_id) DO UPDATE SET %1 = excluded.%1, %1_at = excluded.%1_at"_s.arg(column));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const qint64 id : ids) {
        exists.bindValue(u":id"_s, id);
        if (!exists.exec()) {
            return Database::sqlError(exists, u"find article"_s);
        }
        if (!exists.next()) {
            return makeError(Error::Code::NotFound, u"no article with id %1"_s.arg(id));
        }
        exists.finish();
        q.bindValue(u":id"_s, id);
        q.bindValue(u":on"_s, on ? 1 : 0);
        q.bindValue(u":at"_s, on ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()));
        if (!q.exec()) {
            return Database::sqlError(q, u"store %1 state"_s.arg(column));
        }
    }
    return tx.commit();
}

Result<void> StateStore::setRead(const QList<qint64>& ids, bool read)
{
    return setFlag(ids, u"read"_s, read);
}

Result<void> StateStore::setBookmarked(const QList<qint64>& ids, bool bookmarked)
{
    return setFlag(ids, u"bookmarked"_s, bookmarked);
}

Result<ArticleState> StateStore::state(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT read, bookmarked FROM article_state WHERE article_id = :id"_s);
    q.bindValue(u":id"_s, id);
    if (!q.exec()) {
        return Database::sqlError(q, u"read state"_s);
    }
    ArticleState s;
    if (q.next()) {
        s.read = q.value(0).toBool();
        s.bookmarked = q.value(1).toBool();
    }
    return s;
}

} // namespace folio
