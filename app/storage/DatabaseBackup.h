// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/Database.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace folio {

/// What a restore did.
struct RestoreReport
{
    QString restoredFrom; ///< the backup file
    QString previous;     ///< where the library that was replaced was kept (empty when there was none)
    int schemaVersion = 0; ///< of the restored file, before any upgrade
};

/// Backups, integrity checks and restores of a library file, with SQLite's online backup API
/// (a consistent copy while readers and the writer carry on; WAL content included).
///
/// Automatic backups go to the profile's "backups" folder as "folio-YYYYMMDD-HHMMSS.sqlite":
/// at most one a day, only when the library changed since the newest one, keeping the newest
/// kKeep. Every backup file is a self-contained rollback-journal database that passed
/// PRAGMA quick_check before it got its final name.
class DatabaseBackup
{
public:
    static constexpr int kKeep = 7;
    static constexpr qint64 kIntervalSecs = 24 * 60 * 60;

    /// "<profile>/backups" for the library at libraryPath.
    static QString backupDir(const QString& libraryPath);

    /// Copies the database file source (a connection of its own, read-only; WAL content
    /// included) to dest, replacing dest atomically.
    static Result<void> backupFile(const QString& source, const QString& dest);

    /// The daily backup: made when the newest backup is older than a day and the library file
    /// changed since (never in the run that created the library); then the oldest beyond kKeep
    /// are removed. Returns the new file, or an
    /// empty string when none was due.
    static Result<QString> backupIfDue(const QString& libraryPath);

    /// Backups of the library, newest first: the backups folder and the "<library>.v<N>.bak"
    /// copies made before upgrades.
    static QStringList backups(const QString& libraryPath);
    static QString latestBackup(const QString& libraryPath);

    /// PRAGMA quick_check, or integrity_check and foreign_key_check when full. The problems
    /// found; an empty list when the library is sound.
    static Result<QStringList> check(QSqlDatabase db, bool full);
    /// The same for a file that is not open (opened read-only).
    static Result<QStringList> checkFile(const QString& path, bool full);

    /// Replaces the library at libraryPath with the backup file source. The backup must be a Folio library
    /// no newer than this build that passes integrity_check; it is copied beside the library and
    /// checked again, the current library is kept in the backups folder, and the copy is renamed
    /// over it atomically. Refused while another process has the library open.
    static Result<RestoreReport> restore(const QString& libraryPath, const QString& source);

    /// What the file at path is (opened read-only); the Foreign refusal when it is not Folio's.
    static Result<FileKind> identifyFile(const QString& path);

};

} // namespace folio
