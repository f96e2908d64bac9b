// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/DatabaseBackup.h"

#include "storage/Database.h"
#include "storage/DatabaseHealth.h"
#include "storage/SqliteFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QString timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
}

QString freeName(const QString& dir, const QString& stem)
{
    QString candidate = QDir(dir).filePath(stem + u".sqlite"_s);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        candidate = QDir(dir).filePath(u"%1-%2.sqlite"_s.arg(stem).arg(n));
    }
    return candidate;
}

QFileInfoList newestFirst(QFileInfoList list)
{
    std::sort(list.begin(), list.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() == b.lastModified() ? a.fileName() > b.fileName() : a.lastModified() > b.lastModified();
    });
    return list;
}

// The automatic backups (not those made before a restore), newest first.
QFileInfoList dailyBackups(const QString& libraryPath)
{
    const QDir dir(DatabaseBackup::backupDir(libraryPath));
    return newestFirst(dir.entryInfoList({u"folio-2*.sqlite"_s}, QDir::Files));
}

} // namespace

QString DatabaseBackup::backupDir(const QString& libraryPath)
{
    return QFileInfo(libraryPath).absoluteDir().filePath(u"backups"_s);
}

Result<void> DatabaseBackup::backupFile(const QString& source, const QString& dest)
{
    sqlite::SqliteFile in;
    if (auto r = in.openReadable(source); !r) {
        return r;
    }
    return sqlite::copyDatabase(in.get(), dest, source);
}

Result<QString> DatabaseBackup::backupIfDue(const QString& libraryPath)
{
    if (DatabaseHealth::get(libraryPath).created || !QFileInfo(libraryPath).isFile()) {
        return QString(); // nothing worth keeping yet: the first backup comes with the next run
    }
    const QFileInfoList existing = dailyBackups(libraryPath);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!existing.isEmpty()) {
        const QDateTime newest = existing.first().lastModified();
        const QFileInfo wal(libraryPath + u"-wal"_s);
        QDateTime changed = QFileInfo(libraryPath).lastModified();
        if (wal.exists() && wal.lastModified() > changed) {
            changed = wal.lastModified();
        }
        if (newest.secsTo(now) < kIntervalSecs || changed <= newest) {
            return QString();
        }
    }
    const QString dir = backupDir(libraryPath);
    if (!QDir().mkpath(dir)) {
        return makeError(Error::Code::Io, u"cannot create the backups folder"_s, dir);
    }
    const QString dest = freeName(dir, u"folio-"_s + timestamp());
    if (auto r = backupFile(libraryPath, dest); !r) {
        return r.error();
    }
    const QFileInfoList all = dailyBackups(libraryPath);
    for (qsizetype i = kKeep; i < all.size(); ++i) {
        QFile::remove(all.at(i).absoluteFilePath());
    }
    return dest;
}

QStringList DatabaseBackup::backups(const QString& libraryPath)
{
    const QFileInfo library(libraryPath);
    QFileInfoList all = QDir(backupDir(libraryPath)).entryInfoList({u"*.sqlite"_s}, QDir::Files);
    all += library.absoluteDir().entryInfoList({library.fileName() + u".v*.bak"_s}, QDir::Files);
    QStringList out;
    const QFileInfoList sorted = newestFirst(all);
    for (const QFileInfo& info : sorted) {
        out.append(info.absoluteFilePath());
    }
    return out;
}

QString DatabaseBackup::latestBackup(const QString& libraryPath)
{
    const QStringList all = backups(libraryPath);
    return all.isEmpty() ? QString() : all.first();
}

Result<QStringList> DatabaseBackup::check(QSqlDatabase db, bool full)
{
    QSqlQuery q(db);
    QStringList problems;
    if (!q.exec(full ? u"PRAGMA integrity_check"_s : u"PRAGMA quick_check"_s)) {
        // A file damaged badly enough makes the check itself fail: that is its finding.
        const Error e = Database::sqlError(q, u"integrity check"_s);
        if (e.code == Error::Code::Damaged) {
            return QStringList{q.lastError().databaseText()};
        }
        return e;
    }
    while (q.next()) {
        problems.append(q.value(0).toString());
    }
    problems = sqlite::checkProblems(problems);
    if (full) {
        if (!q.exec(u"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check"_s)) {
            return Database::sqlError(q, u"foreign key check"_s);
        }
        while (q.next()) {
            problems.append(u"foreign key: %1 row %2 refers to a missing %3 row"_s.arg(
                q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
        }
    }
    return problems;
}

Result<QStringList> DatabaseBackup::checkFile(const QString& path, bool full)
{
    sqlite::SqliteFile file;
    if (auto r = file.open(path, true); !r) {
        return r.error();
    }
    return sqlite::checkHandle(file.get(), full, path);
}

Result<RestoreReport> DatabaseBackup::restore(const QString& libraryPath, const QString& source)
{
    if (!QFileInfo(source).isFile()) {
        return makeError(Error::Code::NotFound, u"no such backup file"_s, source);
    }
    RestoreReport report;
    report.restoredFrom = QFileInfo(source).absoluteFilePath();
    const QString staging = libraryPath + u".restoring"_s;
    {
        // 1. The backup must be a sound Folio library this build can read.
        sqlite::SqliteFile input;
        if (auto r = input.open(source, true); !r) {
            return Database::foreignError(source, 0, {});
        }
        auto id = sqlite::identity(input.get(), source);
        if (!id) {
            return Database::foreignError(source, 0, {});
        }
        const FileKind kind = Database::identify(id->applicationId, id->userVersion, id->tables);
        if (kind != FileKind::Folio && kind != FileKind::UnmarkedFolio) {
            return Database::foreignError(source, id->applicationId, id->tables);
        }
        if (id->userVersion > Database::latestSchemaVersion()) {
            return makeError(Error::Code::Schema,
                             u"this backup has schema version %1, but this Folio knows only up to %2"_s
                                 .arg(id->userVersion)
                                 .arg(Database::latestSchemaVersion()),
                             source);
        }
        report.schemaVersion = id->userVersion;
        auto problems = sqlite::checkHandle(input.get(), true, source);
        if (!problems) {
            return problems.error();
        }
        if (!problems->isEmpty()) {
            return makeError(Error::Code::Damaged,
                             u"the backup failed its integrity check (%1); nothing was restored"_s.arg(problems->first()),
                             source);
        }
        // 2. Nobody else may have the library open while it is swapped.
        const QList<qint64> others = DatabaseHealth::otherSessions(libraryPath);
        if (!others.isEmpty()) {
            return makeError(Error::Code::Invalid,
                             u"the library is open in another Folio process (%1); close it and try again"_s.arg(others.first()),
                             libraryPath);
        }
        // 3. A checked copy beside the library, so the swap is one rename on the same disk.
        if (!QDir().mkpath(QFileInfo(libraryPath).absolutePath())) {
            return makeError(Error::Code::Io, u"cannot create the profile folder"_s, libraryPath);
        }
        if (auto r = sqlite::copyDatabase(input.get(), staging, source); !r) {
            return r.error();
        }
    }
    auto staged = checkFile(staging, true);
    if (!staged || !staged->isEmpty()) {
        QFile::remove(staging);
        return staged ? makeError(Error::Code::Damaged, u"the restored copy failed its integrity check"_s, staging)
                      : staged.error();
    }
    // 4. Keep the current library (the backup API folds its WAL in; a copy of the raw files
    // when it is too damaged for that).
    if (QFileInfo(libraryPath).isFile()) {
        const QString dir = backupDir(libraryPath);
        QDir().mkpath(dir);
        report.previous = freeName(dir, u"folio-before-restore-"_s + timestamp());
        if (!backupFile(libraryPath, report.previous)) {
            if (!QFile::copy(libraryPath, report.previous)) {
                QFile::remove(staging);
                return makeError(Error::Code::Io, u"cannot keep a copy of the current library"_s, report.previous);
            }
            QFile::copy(libraryPath + u"-wal"_s, report.previous + u"-wal"_s);
        }
        // 5. Fold the old WAL in and leave rollback mode, so no stale -wal meets the new file.
        {
            sqlite::SqliteFile current;
            if (current.open(libraryPath, false)) {
                (void)sqlite::rows(current.get(), "PRAGMA wal_checkpoint(TRUNCATE)", libraryPath);
                (void)sqlite::rows(current.get(), "PRAGMA journal_mode = DELETE", libraryPath);
            }
        }
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            QFile::remove(libraryPath + QLatin1StringView(suffix));
        }
    }
    // 6. The swap.
    if (auto r = sqlite::renameOver(staging, libraryPath); !r) {
        QFile::remove(staging);
        return r.error();
    }
    DatabaseHealth::clearDamaged(libraryPath);
    DatabaseHealth::set(libraryPath, LibraryHealth{});
    return report;
}

Result<FileKind> DatabaseBackup::identifyFile(const QString& path)
{
    sqlite::SqliteFile file;
    if (!file.open(path, true)) {
        return Database::foreignError(path, 0, {});
    }
    auto id = sqlite::identity(file.get(), path);
    if (!id) {
        return Database::foreignError(path, 0, {});
    }
    const FileKind kind = Database::identify(id->applicationId, id->userVersion, id->tables);
    if (kind == FileKind::Foreign) {
        return Database::foreignError(path, id->applicationId, id->tables);
    }
    return kind;
}

} // namespace folio
