// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "team/TeamLocal.h"
#include "team/TeamUrl.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace folio {

/// What one sync did.
struct SyncReport
{
    int pushed = 0;
    int pulled = 0;
};

/// A library's team membership at a glance (folio-cli team status, Preferences → Team).
struct TeamStatus
{
    bool joined = false;
    QString url;
    QString name;
    QString user;
    std::optional<QDateTime> lastSync;
    int pending = 0;
};

/// The team capability, shared by folio-cli and the window: init, join, sync, status, leave.
/// Synchronous and blocking (network and disk): the window runs it on TeamSync's worker thread.
/// Each call uses the calling thread's connection to the library at databasePath.
class TeamService
{
public:
    explicit TeamService(QString databasePath);

    /// Creates (or upgrades) the team schema on the server, names the team, then joins it.
    Result<void> init(const QString& url, const QString& name);
    /// Joins the team at url, whose name must be name. The password, if the URL has one, is used
    /// and not stored (rememberPassword puts it in the system keychain).
    /// password, when given, is used instead of the URL's.
    Result<void> join(const QString& url, const QString& name, bool rememberPassword = false,
                      const QString& password = {});
    /// Pushes the outbox, then pulls what changed since the cursor.
    Result<SyncReport> sync(const std::function<void(int)>& progress = {});
    Result<TeamStatus> status();
    /// Leaves the team; the library keeps everything it has.
    Result<void> leave();

    /// Pages of this many changes when pulling (tests).
    void setPageSize(int size) { m_pageSize = size; }

private:
    Result<QString> password(const TeamUrl& url);

    QString m_databasePath;
    int m_pageSize = 5000;
};

} // namespace folio
