// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

namespace folio {

/// RAII write transaction: rolls back in the destructor unless commit() succeeded.
///
/// The outermost scope on a connection is `BEGIN IMMEDIATE` (a writer takes the lock up front
/// instead of failing mid-way) … `COMMIT`. A Transaction opened while another is open on the same
/// connection (same thread) is a `SAVEPOINT`: its commit() releases the savepoint into the outer
/// transaction, and its destructor without commit() rolls back only what it wrote. Nothing is
/// durable until the outermost scope commits, so a function that writes in its own Transaction
/// becomes part of an all-or-nothing operation when its caller opens one around it.
/// Scopes must end in reverse order of opening (they do, as locals).
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Whether BEGIN (or SAVEPOINT) succeeded; check before writing.
    Result<void> status() const { return m_status; }
    /// COMMIT, or RELEASE of a nested scope.
    Result<void> commit();
    /// 0 for the outermost scope, 1 for a savepoint inside it, and so on.
    int depth() const { return m_depth; }

private:
    QSqlDatabase m_db;
    Result<void> m_status;
    QString m_savepoint; ///< empty for the outermost scope
    int m_depth = 0;
    bool m_open = false;
};

} // namespace folio
