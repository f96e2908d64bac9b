// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Transaction.h"

#include "storage/Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Open scopes per connection. A connection belongs to one thread (Database::connection), so the
// count is per thread too.
thread_local QHash<QString, int> t_openScopes;

} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    int& open = t_openScopes[m_db.connectionName()];
    m_depth = open;
    QSqlQuery q(m_db);
    if (m_depth > 0) {
        m_savepoint = u"folio_sp%1"_s.arg(m_depth);
    }
    const QString begin = m_savepoint.isEmpty() ? u"BEGIN IMMEDIATE"_s : u"SAVEPOINT "_s + m_savepoint;
    if (!q.exec(begin)) {
        m_status = Database::sqlError(q, begin);
        if (open == 0) {
            t_openScopes.remove(m_db.connectionName());
        }
        return;
    }
    ++open;
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open) {
        return;
    }
    QSqlQuery q(m_db);
    if (m_savepoint.isEmpty()) {
        // After some errors (a full disk, for one) SQLite has rolled back by itself: that is no
        // second error, and the first one is logged already.
        if (!q.exec(u"ROLLBACK"_s) && !q.lastError().databaseText().contains(u"no transaction is active"_s)) {
            qCInfo(lcDb) << "rollback after an earlier error failed too:" << q.lastError().text();
        }
    } else if (!q.exec(u"ROLLBACK TO "_s + m_savepoint) || !q.exec(u"RELEASE "_s + m_savepoint)) {
        qCWarning(lcDb) << "rollback to savepoint failed:" << q.lastError().text();
    }
    if (--t_openScopes[m_db.connectionName()] <= 0) {
        t_openScopes.remove(m_db.connectionName());
    }
}

Result<void> Transaction::commit()
{
    if (!m_open) {
        return m_status.hasValue() ? Result<void>(makeError(Error::Code::Database, u"transaction not open"_s))
                                   : m_status;
    }
    const QString end = m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint;
    QSqlQuery q(m_db);
    if (!q.exec(end)) {
        return Database::sqlError(q, end);
    }
    m_open = false;
    if (--t_openScopes[m_db.connectionName()] <= 0) {
        t_openScopes.remove(m_db.connectionName());
    }
    return {};
}

} // namespace folio
