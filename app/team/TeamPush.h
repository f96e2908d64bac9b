// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "team/TeamLocal.h"

#include <QSqlDatabase>

namespace folio {

class TeamServer;

/// Sends the outbox to the team server. Each batch is one server transaction of multi-row
/// upserts keyed by identity key or UUID (so sending a batch twice changes nothing), and its
/// outbox rows are dropped only after the server committed. Annotations: the later edit wins,
/// an earlier one arriving late goes to the history.
class TeamPush
{
public:
    TeamPush(QSqlDatabase local, TeamServer& server, TeamConfig config);

    /// Pushes everything queued; returns how many things were sent.
    Result<int> run();

private:
    struct Batch
    {
        QStringList refs;
        qint64 firstId = 0;
        qint64 lastId = 0;
    };
    Result<Batch> nextBatch(const QString& kind, qint64 after, qint64 upTo, int size);
    Result<void> send(const QString& kind, const QStringList& refs);
    Result<QStringList> rows(const QString& sql, const QStringList& refs, QStringList* found);
    Result<void> serverExec(const QString& sql, const QVariantList& binds);

    QSqlDatabase m_local;
    TeamServer& m_server;
    TeamConfig m_config;
};

} // namespace folio
