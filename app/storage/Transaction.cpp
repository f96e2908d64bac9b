// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Transaction.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        m_status = Database::sqlError(q, u"BEGIN IMMEDIATE"_s);
        return;
    }
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_db);
        // After some errors (a full disk, for one) SQLite has rolled back by itself: that is no
        // second error, and the first one is logged already.
        if (!q.exec(u"ROLLBACK"_s) && !q.lastError().databaseText().contains(u"no transaction is active"_s)) {
            qCInfo(lcDb) << "rollback after an earlier error failed too:" << q.lastError().text();
        }
    }
}

Result<void> Transaction::commit()
{
    if (!m_open) {
        return m_status.hasValue() ? Result<void>(makeError(Error::Code::Database, u"transaction not open"_s))
                                   : m_status;
    }
    QSqlQuery q(m_db);
    if (!q.exec(u"COMMIT"_s)) {
        return Database::sqlError(q, u"COMMIT"_s);
    }
    m_open = false;
    return {};
}

} // namespace folio
