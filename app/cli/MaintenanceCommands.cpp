// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/MaintenanceCommands.h"

#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/DatabaseHealth.h"
#include "storage/Importer.h"
#include "storage/Library.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace folio::cli {

MaintenanceCommands::MaintenanceCommands(Context& context)
    : m_c(context)
    , m_path(QDir(Library::resolveProfileDir(context.value(u"profile"_s))).filePath(Database::fileName()))
{
}

QList<Command> MaintenanceCommands::commands()
{
    const QCommandLineOption full(u"full"_s, tr("Run PRAGMA integrity_check and the foreign key check."));
    return {
        {u"check"_s, u"[--full]"_s,
         tr("check the library for damage (PRAGMA quick_check; --full: integrity_check and foreign keys); "
            "status 1 when it is damaged"),
         {full}, false, [](Context& c, const QStringList& args) { return MaintenanceCommands(c).check(args); }},
        {u"backup"_s, u"[FILE]"_s,
         tr("copy the library, consistently, to FILE (default: a new file in the profile's backups folder)"), {},
         false, [](Context& c, const QStringList& args) { return MaintenanceCommands(c).backup(args); }},
        {u"backups"_s, QString(), tr("the library's backups, newest first"), {}, false,
         [](Context& c, const QStringList& args) { return MaintenanceCommands(c).backups(args); }},
        {u"restore"_s, u"FILE"_s,
         tr("replace the library with a backup, after checking it (the current library is kept in the backups "
            "folder)"),
         {}, false, [](Context& c, const QStringList& args) { return MaintenanceCommands(c).restore(args); }},
    };
}

bool MaintenanceCommands::writes(const QString& command)
{
    static const QStringList always = {u"import"_s,      u"bookmark"_s, u"read"_s,     u"subscribe"_s,
                                       u"unsubscribe"_s, u"fetch"_s,    u"annotate"_s, u"tag"_s};
    return always.contains(command);
}

Result<QSqlDatabase> MaintenanceCommands::openLibrary(Context& c, const QString& path)
{
    if (auto r = Database::prepare(path, OpenOptions{c.isSet(u"read-only"_s)}); !r) {
        return r.error();
    }
    if (writes(c.command())) {
        if (auto w = Database::checkWritable(path); !w) {
            return w.error();
        }
    }
    auto db = Database::connection(path);
    if (!db) {
        return db.error();
    }
    if (!Database::checkWritable(path)) {
        return db; // reading only: no seed, no backup
    }
    Importer importer(db.value());
    if (c.isSet(u"no-seed"_s)) {
        if (auto r = importer.declineSeeds(); !r) {
            return r.error();
        }
    } else if (auto seeded = importer.importSeedsIfNew(); !seeded) {
        return seeded.error();
    }
    // A failed daily backup must not stop the command; it is reported and tried again next time.
    if (auto backup = DatabaseBackup::backupIfDue(path); !backup) {
        c.err() << "folio-cli: " << tr("warning: the daily backup failed: %1").arg(backup.error().toString()) << Qt::endl;
    }
    return db;
}

int MaintenanceCommands::check(const QStringList& args)
{
    if (!args.isEmpty()) {
        return m_c.usage(tr("check takes no arguments"));
    }
    const QString path = m_path;
    if (!QFileInfo(path).isFile()) {
        return m_c.fail(tr("%1: no library here").arg(path));
    }
    if (auto kind = DatabaseBackup::identifyFile(path); !kind) {
        return m_c.fail(kind.error().toString());
    }
    auto problems = DatabaseBackup::checkFile(path, m_c.isSet(u"full"_s));
    if (!problems) {
        return m_c.fail(problems.error().toString());
    }
    const QString latest = DatabaseBackup::latestBackup(path);
    if (problems->isEmpty()) {
        DatabaseHealth::clearDamaged(path);
    } else {
        DatabaseHealth::markDamaged(path, problems->mid(0, 20).join(u'\n'));
    }
    if (m_c.json()) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"check"_s, m_c.isSet(u"full"_s) ? u"integrity_check"_s : u"quick_check"_s);
        o.insert(u"ok"_s, problems->isEmpty());
        o.insert(u"problems"_s, QJsonArray::fromStringList(*problems));
        o.insert(u"latestBackup"_s, latest.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(latest));
        m_c.printJson(o);
    } else if (problems->isEmpty()) {
        m_c.out() << tr("%1: ok (%2)").arg(path, m_c.isSet(u"full"_s) ? u"integrity_check"_s : u"quick_check"_s) << Qt::endl;
    } else {
        m_c.out() << tr("%1: damaged (%2 problems):").arg(path).arg(problems->size()) << Qt::endl;
        for (const QString& p : std::as_const(*problems)) {
            m_c.out() << "  " << p << Qt::endl;
        }
        m_c.out() << (latest.isEmpty() ? tr("No backup was found.")
                                   : tr("Restore the latest backup with: folio-cli restore %1").arg(latest))
              << Qt::endl;
    }
    return problems->isEmpty() ? kExitOk : kExitFailed;
}

int MaintenanceCommands::backup(const QStringList& args)
{
    if (args.size() > 1) {
        return m_c.usage(tr("backup takes at most one FILE"));
    }
    const QString path = m_path;
    if (!QFileInfo(path).isFile()) {
        return m_c.fail(tr("%1: no library here").arg(path));
    }
    QString dest = args.value(0);
    if (dest.isEmpty()) {
        const QString dir = DatabaseBackup::backupDir(path);
        QDir().mkpath(dir);
        dest = QDir(dir).filePath(
            u"folio-manual-%1.sqlite"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s)));
    }
    dest = QFileInfo(dest).absoluteFilePath();
    if (QFileInfo::exists(dest)) {
        return m_c.fail(tr("%1: the file exists; choose another name").arg(dest));
    }
    if (auto r = Database::prepare(path, OpenOptions{m_c.isSet(u"read-only"_s)}); !r) {
        return m_c.fail(r.error().toString());
    }
    if (auto r = DatabaseBackup::backupFile(path, dest); !r) {
        return m_c.fail(r.error().toString());
    }
    if (m_c.json()) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"backup"_s, dest);
        o.insert(u"bytes"_s, QFileInfo(dest).size());
        m_c.printJson(o);
    } else {
        m_c.out() << tr("backed up %1 to %2").arg(path, dest) << Qt::endl;
    }
    return kExitOk;
}

int MaintenanceCommands::backups(const QStringList& args)
{
    if (!args.isEmpty()) {
        return m_c.usage(tr("backups takes no arguments"));
    }
    const QStringList files = DatabaseBackup::backups(m_path);
    QJsonArray array;
    for (const QString& file : files) {
        const QFileInfo info(file);
        const QString when = info.lastModified().toUTC().toString(Qt::ISODate);
        if (m_c.json()) {
            QJsonObject o;
            o.insert(u"file"_s, file);
            o.insert(u"modified"_s, when);
            o.insert(u"bytes"_s, info.size());
            array.append(o);
        } else {
            m_c.out() << when << "  " << info.size() << "  " << file << Qt::endl;
        }
    }
    if (m_c.json()) {
        m_c.printJson(array);
    } else if (files.isEmpty()) {
        m_c.out() << tr("No backups yet.") << Qt::endl;
    }
    return kExitOk;
}

int MaintenanceCommands::restore(const QStringList& args)
{
    if (args.size() != 1) {
        return m_c.usage(tr("restore takes exactly one FILE"));
    }
    const QString path = m_path;
    auto report = DatabaseBackup::restore(path, QFileInfo(args.first()).absoluteFilePath());
    if (!report) {
        return m_c.fail(report.error().toString());
    }
    // Bring an older backup up to this build's schema (with the usual copy before upgrading).
    if (auto r = Database::prepare(path); !r) {
        return m_c.fail(r.error().toString());
    }
    if (m_c.json()) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"restoredFrom"_s, report->restoredFrom);
        o.insert(u"previous"_s, report->previous.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report->previous));
        o.insert(u"schemaVersion"_s, report->schemaVersion);
        m_c.printJson(o);
    } else {
        m_c.out() << tr("restored %1 from %2").arg(path, report->restoredFrom) << Qt::endl;
        if (!report->previous.isEmpty()) {
            m_c.out() << tr("the library it replaced is kept as %1").arg(report->previous) << Qt::endl;
        }
    }
    return kExitOk;
}

} // namespace folio::cli
