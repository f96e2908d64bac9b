// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace folio {

/// Opening, migrating and connecting to a Folio library file.
///
/// Qt allows a QSqlDatabase connection only in the thread that created it, so every thread
/// gets its own connection to the same file (connection()), closed when that thread ends.
class Database
{
public:
    /// Name of the library file inside a profile folder.
    static QString fileName();

    /// Opens or creates the library at path and brings its schema up to date: numbered files
    /// from resources/sql, each in one transaction that also sets PRAGMA user_version. An
    /// existing file is copied to "<path>.v<N>.bak" first. A newer schema is refused.
    static Result<void> prepare(const QString& path);

    /// This thread's connection to path, with Folio's pragmas set.
    static Result<QSqlDatabase> connection(const QString& path);

    /// Closes this thread's connection to path, if any (tests and shutdown).
    static void closeConnection(const QString& path);

    /// The highest migration number shipped with this build.
    static int latestSchemaVersion();

    static Result<int> schemaVersion(QSqlDatabase db);

    /// An Error carrying the query's lastError() and what was being done.
    static Error sqlError(const QSqlQuery& query, const QString& what);

    /// Runs a statement without binds.
    static Result<void> exec(QSqlDatabase db, const QString& sql);

    /// Small key/value table for library facts (for example, that the seed was imported).
    static Result<QString> metaValue(QSqlDatabase db, const QString& key);
    static Result<void> setMetaValue(QSqlDatabase db, const QString& key, const QString& value);

    /// Splits a migration file into statements; CREATE TRIGGER bodies stay whole.
    static QStringList splitStatements(const QString& sql);
};

} // namespace folio
