// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

namespace folio {

/// RAII write transaction: rolls back in the destructor unless commit() succeeded.
/// Uses BEGIN IMMEDIATE so a writer takes the lock up front instead of failing mid-way.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Whether BEGIN succeeded; check before writing.
    Result<void> status() const { return m_status; }
    Result<void> commit();

private:
    QSqlDatabase m_db;
    Result<void> m_status;
    bool m_open = false;
};

} // namespace folio
