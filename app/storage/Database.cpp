// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Database.h"

#include "storage/StoryMerge.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDb, "folio.db")

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kBusyTimeoutMs = 10000;

struct Migration
{
    int version = 0;
    QString resource;
};

QList<Migration> migrations()
{
    static const QList<Migration> list = [] {
        QList<Migration> out;
        static const QRegularExpression re(u"^(\\d{4})_[a-z0-9_]+\\.sql$"_s);
        const QDir dir(u":/folio/sql"_s);
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& name : names) {
            const auto m = re.match(name);
            if (m.hasMatch()) {
                out.append(Migration{m.captured(1).toInt(), dir.filePath(name)});
            }
        }
        std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return out;
    }();
    return list;
}

// Connections of one thread, removed when the thread ends (QThreadStorage deletes it there).
struct ThreadConnections
{
    QHash<QString, QString> namesByPath;

    ~ThreadConnections()
    {
        for (auto it = namesByPath.cbegin(); it != namesByPath.cend(); ++it) {
            {
                QSqlDatabase db = QSqlDatabase::database(it.value(), false);
                db.close();
            }
            QSqlDatabase::removeDatabase(it.value());
        }
    }
};

QThreadStorage<ThreadConnections*>& threadConnections()
{
    static QThreadStorage<ThreadConnections*> storage;
    return storage;
}

Result<void> applyPragmas(QSqlDatabase db)
{
    const QStringList pragmas = {
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = NORMAL"_s,
        u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs),
        u"PRAGMA temp_store = MEMORY"_s,
    };
    for (const QString& p : pragmas) {
        if (auto r = Database::exec(db, p); !r) {
            return r;
        }
    }
    return {};
}

Result<QSqlDatabase> openConnection(const QString& name, const QString& path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(Error::Code::Database, u"cannot open the library: %1"_s.arg(message), path);
    }
    if (auto r = applyPragmas(db); !r) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(Error::Code::Database, u"not a Folio library (or damaged): %1"_s.arg(r.error().message), path);
    }
    return db;
}

QString backupPath(const QString& path, int version)
{
    QString candidate = u"%1.v%2.bak"_s.arg(path).arg(version);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        candidate = u"%1.v%2.%3.bak"_s.arg(path).arg(version).arg(n);
    }
    return candidate;
}

Result<void> runMigration(QSqlDatabase db, const Migration& migration)
{
    QFile file(migration.resource);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Schema, u"missing migration %1"_s.arg(migration.resource));
    }
    const QString sql = QString::fromUtf8(file.readAll());
    Transaction tx(db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    const QStringList statements = Database::splitStatements(sql);
    for (const QString& statement : statements) {
        if (auto r = Database::exec(db, statement); !r) {
            return makeError(Error::Code::Schema,
                             u"migration %1 failed: %2"_s.arg(migration.version).arg(r.error().message));
        }
    }
    if (auto r = Database::exec(db, u"PRAGMA user_version = %1"_s.arg(migration.version)); !r) {
        return r;
    }
    return tx.commit();
}

} // namespace

QString Database::fileName()
{
    return u"folio.sqlite"_s;
}

int Database::latestSchemaVersion()
{
    const auto list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

Error Database::sqlError(const QSqlQuery& query, const QString& what)
{
    const QString text = query.lastError().text();
    qCWarning(lcDb).noquote() << what << "failed:" << text << "|" << query.lastQuery();
    return makeError(Error::Code::Database, u"%1: %2"_s.arg(what, text));
}

Result<void> Database::exec(QSqlDatabase db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        return sqlError(q, sql.left(80));
    }
    return {};
}

Result<int> Database::schemaVersion(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        return sqlError(q, u"read schema version"_s);
    }
    return q.value(0).toInt();
}

QStringList Database::splitStatements(const QString& sql)
{
    QStringList out;
    QString current;
    bool inTrigger = false;
    const QStringList lines = sql.split(u'\n');
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(u"--"_s))) {
            continue;
        }
        if (current.isEmpty() && line.startsWith(u"CREATE TRIGGER"_s, Qt::CaseInsensitive)) {
            inTrigger = true;
        }
        current += raw + u'\n';
        const bool ends = inTrigger ? line.compare(u"END;"_s, Qt::CaseInsensitive) == 0 : line.endsWith(u';');
        if (ends) {
            out.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty()) {
        out.append(current.trimmed());
    }
    return out;
}

Result<void> Database::prepare(const QString& path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return makeError(Error::Code::Io, u"cannot create the profile folder"_s, info.absolutePath());
    }
    const bool existed = info.exists() && info.size() > 0;
    const QString name = u"folio-migrate-%1"_s.arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
    Result<void> result;
    {
        auto opened = openConnection(name, path);
        if (!opened) {
            return opened.error();
        }
        QSqlDatabase db = opened.value();
        result = [&]() -> Result<void> {
            auto version = schemaVersion(db);
            if (!version) {
                return makeError(Error::Code::Database,
                                 u"not a Folio library (or damaged): %1"_s.arg(version.error().message),
                                 path);
            }
            const int current = version.value();
            const int latest = latestSchemaVersion();
            if (current > latest) {
                return makeError(Error::Code::Schema,
                                 u"this library has schema version %1, but this Folio knows only up to %2; "
                                 u"please use a newer Folio"_s.arg(current)
                                     .arg(latest),
                                 path);
            }
            if (current == latest) {
                // Rows another writer stored without a story key (older code) are merged now.
                if (auto merged = StoryMerge(db).backfill(); !merged) {
                    return merged.error();
                }
                return {};
            }
            if (existed && current > 0) {
                const QString backup = backupPath(path, current);
                QSqlQuery q(db);
                q.prepare(u"VACUUM INTO :path"_s);
                q.bindValue(u":path"_s, backup);
                if (!q.exec()) {
                    return sqlError(q, u"back up before upgrade"_s);
                }
                qCInfo(lcDb) << "backed up schema" << current << "to" << backup;
            }
            const auto list = migrations();
            for (const Migration& m : list) {
                if (m.version <= current) {
                    continue;
                }
                if (auto r = runMigration(db, m); !r) {
                    Error e = r.error();
                    e.file = path;
                    return e;
                }
            }
            // Schema 5 merges stories by a key only C++ computes.
            if (auto merged = StoryMerge(db).backfill(); !merged) {
                Error e = merged.error();
                e.file = path;
                return e;
            }
            return {};
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Result<QSqlDatabase> Database::connection(const QString& path)
{
    auto& storage = threadConnections();
    if (!storage.hasLocalData()) {
        storage.setLocalData(new ThreadConnections);
    }
    ThreadConnections* mine = storage.localData();
    const auto it = mine->namesByPath.constFind(path);
    if (it != mine->namesByPath.cend()) {
        QSqlDatabase db = QSqlDatabase::database(it.value(), false);
        if (db.isOpen()) {
            return db;
        }
    }
    static QAtomicInteger<quint64> counter;
    const QString name = u"folio-%1"_s.arg(++counter);
    auto opened = openConnection(name, path);
    if (opened) {
        mine->namesByPath.insert(path, name);
    }
    return opened;
}

void Database::closeConnection(const QString& path)
{
    auto& storage = threadConnections();
    if (!storage.hasLocalData()) {
        return;
    }
    ThreadConnections* mine = storage.localData();
    const QString name = mine->namesByPath.take(path);
    if (name.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Result<QString> Database::metaValue(QSqlDatabase db, const QString& key)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT value FROM meta WHERE key = :key"_s);
    q.bindValue(u":key"_s, key);
    if (!q.exec()) {
        return sqlError(q, u"read meta"_s);
    }
    return q.next() ? q.value(0).toString() : QString();
}

Result<void> Database::setMetaValue(QSqlDatabase db, const QString& key, const QString& value)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO meta(key, value) VALUES(:key, :value) "
              u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    q.bindValue(u":key"_s, key);
    q.bindValue(u":value"_s, value);
    if (!q.exec()) {
        return sqlError(q, u"write meta"_s);
    }
    return {};
}

} // namespace folio
