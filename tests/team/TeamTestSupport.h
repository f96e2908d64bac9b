// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace folio::test {

/// The throwaway PostgreSQL cluster of the ctest fixture FolioPostgres (tests/team/pg-fixture.sh).
class PgCluster
{
public:
    /// False (with reason) when FOLIO_TEAM_TESTS=off; a missing cluster is a failure, not a skip.
    static bool enabled(QString* reason);
    static QString socketDir();
    /// A fresh database for one test, created by the superuser.
    static bool createDatabase(const QString& name);
    /// libpq URL for role user on database.
    static QString url(const QString& database, const QString& user, const QString& extra = {});
    /// Creates an analyst the way docs/team.md says: CREATE ROLE name LOGIN IN ROLE folio_analyst.
    static bool createAnalyst(const QString& name);
    /// A superuser statement (returns false and warns on failure).
    static bool exec(const QString& database, const QString& sql);
    /// A connection as role to database (for direct SQL checks); close with QSqlDatabase::removeDatabase.
    static QSqlDatabase connect(const QString& database, const QString& role, const QString& connectionName);
    /// One integer from a superuser query.
    static qint64 scalar(const QString& database, const QString& sql);
};

/// A local library in its own temporary profile folder.
class TestLibrary
{
public:
    explicit TestLibrary(bool seed = true);
    ~TestLibrary();
    QString profile() const { return m_dir.path(); }
    QString path() const { return m_path; }
    QSqlDatabase db();
    qint64 scalar(const QString& sql);
    /// Adds n generated articles (one transaction).
    void addArticles(int n, const QString& prefix);

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace folio::test
