// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqliteFile.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

using namespace Qt::StringLiterals;

namespace folio::sqlite {

Error sqliteError(sqlite3* h, int rc, const QString& what, const QString& file)
{
    const QString text = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return makeError(Error::Code::DiskFull, u"disk full: %1: %2"_s.arg(what, text), file);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError(Error::Code::Damaged, u"%1: %2"_s.arg(what, text), file);
    case SQLITE_READONLY:
        return makeError(Error::Code::ReadOnly, u"%1: %2"_s.arg(what, text), file);
    default:
        return makeError(Error::Code::Database, u"%1: %2"_s.arg(what, text), file);
    }
}

Result<QStringList> rows(sqlite3* db, const char* sql, const QString& path)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return sqliteError(db, rc, QString::fromUtf8(sql), path);
    }
    QStringList out;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        out.append(text ? QString::fromUtf8(text) : QString());
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        return sqliteError(db, rc, QString::fromUtf8(sql), path);
    }
    return out;
}

QStringList checkProblems(const QStringList& rows)
{
    QStringList out;
    for (const QString& row : rows) {
        const QStringList lines = row.split(u'\n', Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            const QString l = line.trimmed();
            if (!l.isEmpty() && l != "ok"_L1 && !l.startsWith(u"*** in database"_s)) {
                out.append(l);
            }
        }
    }
    return out;
}

Result<QStringList> checkHandle(sqlite3* db, bool full, const QString& path)
{
    auto result = rows(db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", path);
    if (!result) {
        // A file damaged badly enough makes the check itself fail: that is its finding.
        if (result.error().code == Error::Code::Damaged) {
            return QStringList{result.error().message};
        }
        return result.error();
    }
    QStringList problems = checkProblems(result.value());
    if (full) {
        auto keys = rows(db, "SELECT printf('foreign key: %s row %d refers to a missing %s row', \"table\", rowid, "
                             "parent) FROM pragma_foreign_key_check",
                         path);
        if (!keys) {
            return keys.error();
        }
        problems += keys.value();
    }
    return problems;
}

Result<void> renameOver(const QString& from, const QString& to)
{
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(from).toStdString()),
                            std::filesystem::path(QFile::encodeName(to).toStdString()),
                            ec);
    if (ec) {
        return makeError(Error::Code::Io,
                         u"cannot rename %1 to %2: %3"_s.arg(from, to, QString::fromLocal8Bit(ec.message().c_str())),
                         to);
    }
    return {};
}

// Copies src's main database into dest with the online backup API: dest + ".partial" first,
// then rollback-journal mode and quick_check on the copy, then the rename.
Result<void> copyDatabase(sqlite3* src, const QString& dest, const QString& sourcePath)
{
    const QString partial = dest + u".partial"_s;
    QFile::remove(partial);
    {
        SqliteFile out;
        if (auto r = out.open(partial, false); !r) {
            return r;
        }
        sqlite3_backup* backup = sqlite3_backup_init(out.get(), "main", src, "main");
        if (!backup) {
            Error e = sqliteError(out.get(), sqlite3_errcode(out.get()), u"cannot start the backup"_s, dest);
            out.close();
            QFile::remove(partial);
            return e;
        }
        int rc = sqlite3_backup_step(backup, -1);
        for (int attempt = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 200; ++attempt) {
            sqlite3_sleep(50);
            rc = sqlite3_backup_step(backup, -1);
        }
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            Error e = sqliteError(rc == SQLITE_FULL ? out.get() : src, rc, u"backup failed"_s,
                                  rc == SQLITE_FULL ? dest : sourcePath);
            out.close();
            QFile::remove(partial);
            return e;
        }
        auto mode = rows(out.get(), "PRAGMA journal_mode = DELETE", dest);
        auto problems = mode ? checkHandle(out.get(), false, dest) : Result<QStringList>(mode.error());
        if (!problems || !problems->isEmpty()) {
            out.close();
            QFile::remove(partial);
            if (!problems) {
                return problems.error();
            }
            return makeError(Error::Code::Damaged,
                             u"the backup copy failed its check: %1"_s.arg(problems->first()), sourcePath);
        }
    }
    if (auto r = renameOver(partial, dest); !r) {
        QFile::remove(partial);
        return r;
    }
    return {};
}


Result<void> SqliteFile::open(const QString& path, bool readOnly)
{
    close();
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, u"cannot open"_s, path);
        close();
        return e;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 10000);
    return {};
}

Result<void> SqliteFile::openReadable(const QString& path)
{
    if (auto r = open(path, true); !r) {
        return r;
    }
    if (rows(m_db, "SELECT count(*) FROM sqlite_master", path)) {
        return {};
    }
    close();
    QString uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded);
    uri += u"?mode=ro&immutable=1"_s;
    const int rc = sqlite3_open_v2(uri.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, u"cannot open"_s, path);
        close();
        return e;
    }
    auto probe = rows(m_db, "SELECT count(*) FROM sqlite_master", path);
    if (!probe) {
        close();
        return probe.error();
    }
    return {};
}

void SqliteFile::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Result<Identity> identity(sqlite3* db, const QString& path)
{
    Identity id;
    auto app = rows(db, "PRAGMA application_id", path);
    if (!app) {
        return app.error();
    }
    auto version = rows(db, "PRAGMA user_version", path);
    if (!version) {
        return version.error();
    }
    auto tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", path);
    if (!tables) {
        return tables.error();
    }
    id.applicationId = static_cast<quint32>(app->value(0).toLongLong());
    id.userVersion = version->value(0).toInt();
    id.tables = tables.value();
    return id;
}

} // namespace folio::sqlite
