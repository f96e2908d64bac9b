// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/DatabaseHealth.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace folio {

/// How Database::prepare opens a library.
struct OpenOptions
{
    bool readOnly = false; ///< open read-only even where the file could be written
};

/// What a database file is, from its header and its tables.
enum class FileKind {
    Empty,         ///< no tables, no schema version, no application id: Folio may initialise it
    Folio,         ///< marked with Folio's application id
    UnmarkedFolio, ///< application id 0 but Folio's schema (written before the mark existed): adopted
    Foreign,       ///< another program's database
};

/// Opening, migrating and connecting to a Folio library file.
///
/// Qt allows a QSqlDatabase connection only in the thread that created it, so every thread
/// gets its own connection to the same file (connection()), closed when that thread ends.
class Database
{
public:
    /// Name of the library file inside a profile folder.
    static QString fileName();

    /// PRAGMA application_id of every Folio library: "FOLI" as a big-endian 32-bit number
    /// (0x464F4C49 = 1179601993). Together with PRAGMA user_version (the schema version) it
    /// tells a Folio library from any other SQLite file.
    static constexpr quint32 kApplicationId = 0x464F4C49;
    /// Page size of a new library, in bytes (an existing library keeps the size it was made with).
    static constexpr int kPageSize = 16384;

    /// Classifies a file from its application id, user_version and table names.
    static FileKind identify(quint32 applicationId, int userVersion, const QStringList& tables);
    /// The refusal for a file identify() calls Foreign (or that is not SQLite at all).
    static Error foreignError(const QString& path, quint32 applicationId, const QStringList& tables);

    /// Opens or creates the library at path and brings its schema up to date: numbered files
    /// from resources/sql, each in one transaction that also sets PRAGMA user_version. An
    /// existing file is copied to "<path>.v<N>.bak" first. A newer schema is refused, and so is
    /// any file that is not a Folio library, before anything is written to it.
    ///
    /// A library that cannot be written (read-only file, folder or media, no free space, or
    /// options.readOnly) is opened read-only: every connection() then uses SQLITE_OPEN_READONLY
    /// and checkWritable() says why. After an unclean shutdown PRAGMA quick_check runs; a
    /// library that fails it is opened for reading only and writes are refused.
    static Result<void> prepare(const QString& path, OpenOptions options = {});

    /// What prepare() found: read-only (and why), damaged, unclean shutdown.
    static LibraryHealth health(const QString& path);
    /// A value when path may be written, else the ReadOnly, DiskFull or Damaged error.
    static Result<void> checkWritable(const QString& path);

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
    /// ids as a JSON array for json_each(?): [1,2,3], or in pairs [[1,2],[3,4]].
    static QString jsonIds(const QList<qint64>& ids, bool pairs = false);

    /// Small key/value table for library facts (for example, that the seed was imported).
    static Result<QString> metaValue(QSqlDatabase db, const QString& key);
    static Result<void> setMetaValue(QSqlDatabase db, const QString& key, const QString& value);

    /// Splits a migration file into statements; CREATE TRIGGER bodies stay whole.
    static QStringList splitStatements(const QString& sql);
};

} // namespace folio
