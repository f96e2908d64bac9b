// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals of DatabaseBackup: SQLite's C API on connections of Folio's own. QtSql's connection
// handles are never used with it: Qt's SQLite driver may carry its own copy of SQLite.

#include "domain/Result.h"

#include <QString>
#include <QStringList>

struct sqlite3;

namespace folio::sqlite {

/// An Error for a SQLite result code: DiskFull, Damaged, ReadOnly or Database.
Error sqliteError(sqlite3* h, int rc, const QString& what, const QString& file);

/// One sqlite3 connection of our own (backup files, restore sources), closed with the object.
class SqliteFile
{
public:
    SqliteFile() = default;
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;
    ~SqliteFile() { close(); }

    Result<void> open(const QString& path, bool readOnly);
    /// Opens path read-only for reading it whole: plainly, or with immutable=1 where a WAL
    /// library on read-only media cannot get its -shm file.
    Result<void> openReadable(const QString& path);
    void close();
    sqlite3* get() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

/// The first column of every row of sql.
Result<QStringList> rows(sqlite3* db, const char* sql, const QString& path);

/// Application id, schema version and table names of an open database.
struct Identity
{
    quint32 applicationId = 0;
    int userVersion = 0;
    QStringList tables;
};
Result<Identity> identity(sqlite3* db, const QString& path);

/// The rows of PRAGMA quick_check/integrity_check as one problem per line: none for "ok", and
/// without SQLite's "*** in database main ***" headings.
QStringList checkProblems(const QStringList& rows);

/// PRAGMA quick_check (integrity_check and foreign_key_check when full): the problems found,
/// none when the database is sound.
Result<QStringList> checkHandle(sqlite3* db, bool full, const QString& path);

/// Renames from over to, replacing to atomically.
Result<void> renameOver(const QString& from, const QString& to);

/// Copies src's main database to dest with the online backup API: into dest + ".partial",
/// switched to rollback-journal mode and quick-checked, then renamed over dest.
Result<void> copyDatabase(sqlite3* src, const QString& dest, const QString& sourcePath);

} // namespace folio::sqlite
