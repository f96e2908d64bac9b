// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "team/TeamUrl.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcTeam)

namespace folio {

/// One connection to a team server (QtSql's QPSQL driver), used by the thread that opened it.
/// The server schema is versioned like the local one: numbered files in resources/sql/team,
/// applied by migrate() (folio-cli team init), recorded in team_schema_version.
class TeamServer
{
public:
    ~TeamServer();
    TeamServer(const TeamServer&) = delete;
    TeamServer& operator=(const TeamServer&) = delete;

    /// Connects to url with password (empty: the URL's, else libpq's own lookup, ~/.pgpass or
    /// $PGPASSWORD). A failure to reach the server has code Network.
    static Result<std::unique_ptr<TeamServer>> connect(const TeamUrl& url, const QString& password = {});

    /// The newest server schema this build knows.
    static int latestSchemaVersion();
    /// Splits a server migration into statements; $$-quoted bodies stay whole.
    static QStringList splitStatements(const QString& sql);
    /// Error for a failed server statement; code Network when the connection is gone.
    static Error sqlError(const QSqlQuery& query, const QString& what);

    QSqlDatabase db() const { return m_db; }
    /// The role this connection acts as (the annotation author name).
    QString role() const { return m_role; }

    /// The applied schema version (0: no team schema here).
    Result<int> schemaVersion();
    /// Creates or upgrades the team schema and names the team (first init only); refuses a
    /// schema newer than this build. Needs a role that may create tables and roles.
    Result<void> migrate(const QString& teamName);
    /// Checks the schema is present and not newer than this build; returns the team's name.
    Result<QString> check();

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    TeamServer(QSqlDatabase db, QString name);

    QSqlDatabase m_db;
    QString m_name;
    QString m_role;
};

} // namespace folio
