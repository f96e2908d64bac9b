// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/MaintenanceCommands.h"

#include "storage/DatabaseBackup.h"
#include "storage/DatabaseHealth.h"
#include "storage/Importer.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

MaintenanceCommands::MaintenanceCommands(QTextStream& out, QTextStream& err, MaintenanceOptions options)
    : m_out(out)
    , m_err(err)
    , m_options(std::move(options))
{
}

QStringList MaintenanceCommands::commands()
{
    return {u"check"_s, u"backup"_s, u"backups"_s, u"restore"_s};
}

QString MaintenanceCommands::summary()
{
    return tr("  check [--full]      check the library for damage (PRAGMA quick_check; --full: integrity_check\n"
              "                      and foreign keys); status 1 when it is damaged\n"
              "  backup [FILE]       copy the library, consistently, to FILE (default: a new file in the\n"
              "                      profile's backups folder)\n"
              "  backups             the library's backups, newest first\n"
              "  restore FILE        replace the library with a backup, after checking it (the current\n"
              "                      library is kept in the backups folder)");
}

bool MaintenanceCommands::writes(const QString& command, const QStringList& args)
{
    static const QStringList always = {u"import"_s,      u"bookmark"_s, u"read"_s,     u"subscribe"_s,
                                       u"unsubscribe"_s, u"fetch"_s,    u"annotate"_s, u"tag"_s};
    if (always.contains(command)) {
        return true;
    }
    if (command == "tags"_L1 || command == "searches"_L1) {
        return !args.isEmpty();
    }
    if (command == "opml"_L1) {
        return args.value(0) == "import"_L1;
    }
    return false;
}

int MaintenanceCommands::fail(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl;
    return kExitFailed;
}

int MaintenanceCommands::usage(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
    return kExitUsage;
}

Result<QSqlDatabase> MaintenanceCommands::openLibrary(const QString& command, const QStringList& args)
{
    const QString path = m_options.libraryPath;
    if (auto r = Database::prepare(path, OpenOptions{m_options.readOnly}); !r) {
        return r.error();
    }
    if (writes(command, args)) {
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
    if (m_options.noSeed) {
        if (auto r = importer.declineSeeds(); !r) {
            return r.error();
        }
    } else if (auto seeded = importer.importSeedsIfNew(); !seeded) {
        return seeded.error();
    }
    // A failed daily backup must not stop the command; it is reported and tried again next time.
    if (auto backup = DatabaseBackup::backupIfDue(path); !backup) {
        m_err << "folio-cli: " << tr("warning: the daily backup failed: %1").arg(backup.error().toString()) << Qt::endl;
    }
    return db;
}

int MaintenanceCommands::run(const QString& command, const QStringList& args)
{
    if (command == "check"_L1) {
        return check(args);
    }
    if (command == "backup"_L1) {
        return backup(args);
    }
    if (command == "backups"_L1) {
        return backups(args);
    }
    return restore(args);
}

int MaintenanceCommands::check(const QStringList& args)
{
    if (!args.isEmpty()) {
        return usage(tr("check takes no arguments"));
    }
    const QString path = m_options.libraryPath;
    if (!QFileInfo(path).isFile()) {
        return fail(tr("%1: no library here").arg(path));
    }
    if (auto kind = DatabaseBackup::identifyFile(path); !kind) {
        return fail(kind.error().toString());
    }
    auto problems = DatabaseBackup::checkFile(path, m_options.full);
    if (!problems) {
        return fail(problems.error().toString());
    }
    const QString latest = DatabaseBackup::latestBackup(path);
    if (problems->isEmpty()) {
        DatabaseHealth::clearDamaged(path);
    } else {
        DatabaseHealth::markDamaged(path, problems->mid(0, 20).join(u'\n'));
    }
    if (m_options.json) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"check"_s, m_options.full ? u"integrity_check"_s : u"quick_check"_s);
        o.insert(u"ok"_s, problems->isEmpty());
        o.insert(u"problems"_s, QJsonArray::fromStringList(*problems));
        o.insert(u"latestBackup"_s, latest.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(latest));
        printJson(m_out, o);
    } else if (problems->isEmpty()) {
        m_out << tr("%1: ok (%2)").arg(path, m_options.full ? u"integrity_check"_s : u"quick_check"_s) << Qt::endl;
    } else {
        m_out << tr("%1: damaged (%2 problems):").arg(path).arg(problems->size()) << Qt::endl;
        for (const QString& p : std::as_const(*problems)) {
            m_out << "  " << p << Qt::endl;
        }
        m_out << (latest.isEmpty() ? tr("No backup was found.")
                                   : tr("Restore the latest backup with: folio-cli restore %1").arg(latest))
              << Qt::endl;
    }
    return problems->isEmpty() ? kExitOk : kExitFailed;
}

int MaintenanceCommands::backup(const QStringList& args)
{
    if (args.size() > 1) {
        return usage(tr("backup takes at most one FILE"));
    }
    const QString path = m_options.libraryPath;
    if (!QFileInfo(path).isFile()) {
        return fail(tr("%1: no library here").arg(path));
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
        return fail(tr("%1: the file exists; choose another name").arg(dest));
    }
    if (auto r = Database::prepare(path, OpenOptions{m_options.readOnly}); !r) {
        return fail(r.error().toString());
    }
    if (auto r = DatabaseBackup::backupFile(path, dest); !r) {
        return fail(r.error().toString());
    }
    if (m_options.json) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"backup"_s, dest);
        o.insert(u"bytes"_s, QFileInfo(dest).size());
        printJson(m_out, o);
    } else {
        m_out << tr("backed up %1 to %2").arg(path, dest) << Qt::endl;
    }
    return kExitOk;
}

int MaintenanceCommands::backups(const QStringList& args)
{
    if (!args.isEmpty()) {
        return usage(tr("backups takes no arguments"));
    }
    const QStringList files = DatabaseBackup::backups(m_options.libraryPath);
    QJsonArray array;
    for (const QString& file : files) {
        const QFileInfo info(file);
        const QString when = info.lastModified().toUTC().toString(Qt::ISODate);
        if (m_options.json) {
            QJsonObject o;
            o.insert(u"file"_s, file);
            o.insert(u"modified"_s, when);
            o.insert(u"bytes"_s, info.size());
            array.append(o);
        } else {
            m_out << when << "  " << info.size() << "  " << file << Qt::endl;
        }
    }
    if (m_options.json) {
        printJson(m_out, array);
    } else if (files.isEmpty()) {
        m_out << tr("No backups yet.") << Qt::endl;
    }
    return kExitOk;
}

int MaintenanceCommands::restore(const QStringList& args)
{
    if (args.size() != 1) {
        return usage(tr("restore takes exactly one FILE"));
    }
    const QString path = m_options.libraryPath;
    auto report = DatabaseBackup::restore(path, QFileInfo(args.first()).absoluteFilePath());
    if (!report) {
        return fail(report.error().toString());
    }
    // Bring an older backup up to this build's schema (with the usual copy before upgrading).
    if (auto r = Database::prepare(path); !r) {
        return fail(r.error().toString());
    }
    if (m_options.json) {
        QJsonObject o;
        o.insert(u"library"_s, path);
        o.insert(u"restoredFrom"_s, report->restoredFrom);
        o.insert(u"previous"_s, report->previous.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report->previous));
        o.insert(u"schemaVersion"_s, report->schemaVersion);
        printJson(m_out, o);
    } else {
        m_out << tr("restored %1 from %2").arg(path, report->restoredFrom) << Qt::endl;
        if (!report->previous.isEmpty()) {
            m_out << tr("the library it replaced is kept as %1").arg(report->previous) << Qt::endl;
        }
    }
    return kExitOk;
}

} // namespace folio
