// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace folio {

/// The team a local library has joined, as stored in its meta table.
struct TeamConfig
{
    QString url;     ///< without password
    QString name;    ///< the team's name
    QString user;    ///< the role this library syncs as (author of its annotations)
    QString library; ///< this library's UUID (its own changes are not pulled back)
    qint64 cursor = 0;
    std::optional<QDateTime> lastSync;
};

/// The local side of team membership: meta rows, the outbox switch, pending changes.
/// Synchronous; call on the thread that owns db.
class TeamLocal
{
public:
    explicit TeamLocal(QSqlDatabase db);

    /// The joined team, or nullopt for a library on its own.
    Result<std::optional<TeamConfig>> config();
    /// Joins: records the team, turns the outbox on and queues everything shared that the
    /// library already holds, in one transaction. Re-joining starts the pull from the beginning.
    Result<void> join(const QString& url, const QString& name, const QString& user);
    /// Leaves: forgets the team and drops the outbox. Articles, tags and annotations stay.
    Result<void> leave();
    /// Things waiting to be pushed (each counted once however often it changed).
    Result<int> pending();
    Result<void> setLastSync(const QDateTime& when);

    /// Marks a tag as a team tag (shared with the team) or takes the mark off.
    Result<void> setTeamTag(const QString& name, bool team);
    /// Marks a saved search as shared with the team, or takes the mark off.
    Result<void> setSharedSearch(const QString& name, bool shared);
    /// Marks a feed as a team feed (every analyst subscribes to it), or takes the mark off.
    Result<void> setTeamFeed(qint64 feedId, bool team);

private:
    QSqlDatabase m_db;
};

} // namespace folio
