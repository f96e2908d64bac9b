// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Database.h"

#include "storage/StoryMerge.h"
#include "storage/DatabaseBackup.h"
#include "storage/DatabaseHealth.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QStorageInfo>
#include <QThread>
#include <QThreadStorage>
#include <QUrl>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDb, "folio.db")

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kBusyTimeoutMs = 10000;
// With less free space than this where the library lives, it opens read-only ("disk full").
constexpr qint64 kMinFreeBytes = 512 * 1024;

// SQLite primary result codes that get their own message (QSqlError::nativeErrorCode()).
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteNotADb = 26;

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

// The library file of each open connection's driver, so an SQL error can name its file.
struct DriverFiles
{
    QMutex mutex;
    QHash<const QSqlDriver*, QString> files;
};

DriverFiles& driverFiles()
{
    static DriverFiles d;
    return d;
}

void rememberDriver(const QSqlDatabase& db, const QString& path)
{
    DriverFiles& d = driverFiles();
    const QMutexLocker lock(&d.mutex);
    d.files.insert(db.driver(), path);
}

void closeAndForget(QSqlDatabase& db)
{
    {
        DriverFiles& d = driverFiles();
        const QMutexLocker lock(&d.mutex);
        d.files.remove(db.driver());
    }
    db.close();
}

QString fileOfDriver(const QSqlDriver* driver)
{
    DriverFiles& d = driverFiles();
    const QMutexLocker lock(&d.mutex);
    return d.files.value(driver);
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
                closeAndForget(db);
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

Result<void> applyPragmas(QSqlDatabase db, bool readOnly)
{
    QStringList pragmas = {
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs),
        u"PRAGMA temp_store = MEMORY"_s,
    };
    if (readOnly) {
        pragmas.append(u"PRAGMA query_only = 1"_s);
    } else {
        pragmas.append(u"PRAGMA journal_mode = WAL"_s);
        pragmas.append(u"PRAGMA synchronous = NORMAL"_s);
    }
    for (const QString& p : pragmas) {
        if (auto r = Database::exec(db, p); !r) {
            return r;
        }
    }
    return {};
}

// True when the file's header says WAL mode (bytes 18 and 19 are 2).
bool isWalFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray header = file.read(20);
    return header.size() == 20 && header.at(18) == 2 && header.at(19) == 2;
}

struct ConnectMode
{
    bool readOnly = false;
    bool immutable = false;
};

int nativeCode(const QSqlError& error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

// Opens a connection without Folio's pragmas, so a file that turns out not to be a Folio
// library has not been written to; the first read proves the file can be read.
Result<QSqlDatabase> openRaw(const QString& name, const QString& path, const ConnectMode& mode)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs);
    if (mode.readOnly) {
        options += u";QSQLITE_OPEN_READONLY"_s;
    }
    if (mode.immutable) {
        // Read-only media: nothing can change the file, and its -shm cannot be created.
        QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        url.setQuery(u"mode=ro&immutable=1"_s);
        db.setDatabaseName(url.toString(QUrl::FullyEncoded));
        options += u";QSQLITE_OPEN_URI"_s;
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    const auto drop = [&db, &name] {
        closeAndForget(db);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    };
    if (!db.open()) {
        const QSqlError error = db.lastError();
        drop();
        return makeError(Error::Code::Database, u"cannot open the library: %1"_s.arg(error.text()), path);
    }
    rememberDriver(db, path);
    QSqlQuery probe(db);
    if (!probe.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
        const QSqlError error = probe.lastError();
        probe = QSqlQuery();
        drop();
        const int code = nativeCode(error);
        if (code == kSqliteNotADb || code == kSqliteCorrupt) {
            return makeError(Error::Code::Foreign,
                             u"not a Folio library: the file is not an SQLite database (or its header is damaged): %1"_s
                                 .arg(error.databaseText()),
                             path);
        }
        return makeError(code == kSqliteReadOnly ? Error::Code::ReadOnly : Error::Code::Database,
                         u"cannot read the library: %1"_s.arg(error.text()), path);
    }
    return db;
}

// A connection with Folio's pragmas, in the mode prepare() chose for path.
Result<QSqlDatabase> openConnection(const QString& name, const QString& path)
{
    const LibraryHealth health = DatabaseHealth::get(path);
    const bool readOnly = health.readOnly || health.damaged;
    auto opened = openRaw(name, path, ConnectMode{readOnly, health.immutable});
    if (!opened) {
        return opened;
    }
    QSqlDatabase db = opened.value();
    if (auto r = applyPragmas(db, readOnly); !r) {
        closeAndForget(db);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(Error::Code::Database, u"cannot set up the library: %1"_s.arg(r.error().message), path);
    }
    return db;
}

// Why the library at path cannot be written; empty when it can.
QString readOnlyReason(const QString& path, bool existed, const OpenOptions& options, bool* diskFull)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (options.readOnly) {
        return u"opened read-only as asked"_s;
    }
    const QStorageInfo storage(folder.absoluteFilePath());
    if (storage.isValid() && storage.isReadOnly()) {
        return u"it is on read-only storage"_s;
    }
    if (existed && !info.isWritable()) {
        return u"the file is read-only"_s;
    }
    if (folder.exists() && !folder.isWritable()) {
        return u"its folder is read-only"_s;
    }
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kMinFreeBytes) {
        *diskFull = true;
        return u"the disk is full"_s;
    }
    return {};
}

struct FileFacts
{
    quint32 applicationId = 0;
    int userVersion = 0;
    QStringList tables;
};

Result<FileFacts> readIdentity(QSqlDatabase db, const QString& path)
{
    FileFacts id;
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA application_id"_s) || !q.next()) {
        return Database::sqlError(q, u"read the application id of %1"_s.arg(path));
    }
    id.applicationId = static_cast<quint32>(q.value(0).toLongLong());
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        return Database::sqlError(q, u"read the schema version of %1"_s.arg(path));
    }
    id.userVersion = q.value(0).toInt();
    if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"_s)) {
        return Database::sqlError(q, u"read the tables of %1"_s.arg(path));
    }
    while (q.next()) {
        id.tables.append(q.value(0).toString());
    }
    return id;
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

// Runs PRAGMA quick_check after an unclean shutdown (or while a failed check is remembered).
Result<void> checkAfterCrash(QSqlDatabase db, const QString& path, LibraryHealth& health)
{
    const QString remembered = DatabaseHealth::damageReport(path);
    if (!health.uncleanShutdown && remembered.isEmpty()) {
        return {};
    }
    qCInfo(lcDb) << "checking" << path << (health.uncleanShutdown ? "after an unclean shutdown" : "(damaged before)");
    auto problems = DatabaseBackup::check(db, false);
    if (!problems) {
        return problems.error();
    }
    health.checked = true;
    if (problems->isEmpty()) {
        DatabaseHealth::clearDamaged(path);
        return {};
    }
    health.damaged = true;
    health.damage = problems->mid(0, 20).join(u'\n');
    DatabaseHealth::markDamaged(path, health.damage);
    qCWarning(lcDb).noquote() << path << "failed PRAGMA quick_check:" << health.damage;
    return {};
}

// Checks, marks and migrates an opened library (prepare's second half).
Result<void> setUp(QSqlDatabase db, const QString& path, bool existed, LibraryHealth& health)
{
    auto facts = readIdentity(db, path);
    if (!facts) {
        return Database::foreignError(path, 0, {});
    }
    const FileKind kind = Database::identify(facts->applicationId, facts->userVersion, facts->tables);
    if (kind == FileKind::Foreign) {
        return Database::foreignError(path, facts->applicationId, facts->tables);
    }
    const int current = facts->userVersion;
    const int latest = Database::latestSchemaVersion();
    if (current > latest) {
        return makeError(Error::Code::Schema,
                         u"this library has schema version %1, but this Folio knows only up to %2; "
                         u"please use a newer Folio"_s.arg(current)
                             .arg(latest),
                         path);
    }
    if (health.readOnly) {
        if (kind == FileKind::Empty) {
            return makeError(Error::Code::ReadOnly, u"cannot create a library here: %1"_s.arg(health.readOnlyReason), path);
        }
        if (current < latest) {
            return makeError(Error::Code::ReadOnly,
                             u"this library has schema version %1 and needs an upgrade to %2, which cannot be done "
                             u"while it is read-only (%3)"_s.arg(current)
                                 .arg(latest)
                                 .arg(health.readOnlyReason),
                             path);
        }
        const QString remembered = DatabaseHealth::damageReport(path);
        health.damaged = !remembered.isEmpty();
        health.damage = remembered;
        return {};
    }
    health.uncleanShutdown = DatabaseHealth::beginSession(path) && existed;
    if (existed && kind != FileKind::Empty) {
        if (auto r = checkAfterCrash(db, path, health); !r) {
            return r;
        }
    }
    if (health.damaged) {
        if (current < latest) {
            return DatabaseHealth::checkWritable(path).error();
        }
        return {}; // opened for reading; connections are read-only, writes are refused
    }
    if (kind == FileKind::Empty) {
        // Set before the first page is written (and before WAL mode fixes it). An article row is
        // about 2 KB: 4 KiB pages hold one or two and leave a quarter empty; 16 KiB pages pack
        // them, halve the pages an import writes (twice, through the WAL) and shorten the B-trees.
        if (auto r = Database::exec(db, u"PRAGMA page_size = %1"_s.arg(Database::kPageSize)); !r) {
            return makeError(r.error().code, u"cannot set up the library: %1"_s.arg(r.error().message), path);
        }
    }
    if (auto r = applyPragmas(db, false); !r) {
        return makeError(r.error().code, u"cannot set up the library: %1"_s.arg(r.error().message), path);
    }
    if (kind != FileKind::Folio) {
        if (auto r = Database::exec(db, u"PRAGMA application_id = %1"_s.arg(Database::kApplicationId)); !r) {
            return r;
        }
        if (kind == FileKind::UnmarkedFolio) {
            qCInfo(lcDb) << "marked" << path << "as a Folio library (schema" << current << ")";
        }
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
        if (auto r = DatabaseBackup::backupFile(path, backup); !r) {
            Error e = r.error();
            e.message = u"back up before upgrade: "_s + e.message;
            return e;
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
    const QSqlError error = query.lastError();
    const QString text = error.text();
    qCWarning(lcDb).noquote() << what << "failed:" << text << "|" << query.lastQuery();
    const QString file = fileOfDriver(query.driver());
    switch (nativeCode(error)) {
    case kSqliteFull:
        return makeError(Error::Code::DiskFull, u"disk full: %1: %2"_s.arg(what, error.databaseText()), file);
    case kSqliteReadOnly:
        if (auto w = DatabaseHealth::checkWritable(file); !w) {
            return w.error();
        }
        return makeError(Error::Code::ReadOnly, u"library is read-only: %1: %2"_s.arg(what, error.databaseText()), file);
    case kSqliteCorrupt:
    case kSqliteNotADb:
        return makeError(Error::Code::Damaged,
                         u"library is damaged: %1: %2; run \"folio-cli check\""_s.arg(what, error.databaseText()),
                         file);
    default:
        return makeError(Error::Code::Database, u"%1: %2"_s.arg(what, text));
    }
}

FileKind Database::identify(quint32 applicationId, int userVersion, const QStringList& tables)
{
    if (applicationId == kApplicationId) {
        return FileKind::Folio;
    }
    if (applicationId != 0) {
        return FileKind::Foreign;
    }
    if (tables.isEmpty() && userVersion == 0) {
        return FileKind::Empty;
    }
    // Libraries from before the mark: a schema version and Folio's own tables.
    static const QStringList folioTables = {u"meta"_s, u"sources"_s, u"articles"_s, u"article_state"_s};
    const bool folio = userVersion > 0 && std::all_of(folioTables.cbegin(), folioTables.cend(), [&tables](const QString& t) {
        return tables.contains(t);
    });
    return folio ? FileKind::UnmarkedFolio : FileKind::Foreign;
}

Error Database::foreignError(const QString& path, quint32 applicationId, const QStringList& tables)
{
    if (applicationId == 0 && tables.isEmpty()) {
        return makeError(Error::Code::Foreign,
                         u"not a Folio library: the file is not an SQLite database (or its header is damaged); "
                         u"Folio left it untouched"_s,
                         path);
    }
    QString what = applicationId != 0
                       ? u"it belongs to another program (application id 0x%1)"_s.arg(applicationId, 8, 16, QChar(u'0'))
                       : u"it is another program's database"_s;
    if (!tables.isEmpty()) {
        QStringList shown = tables.mid(0, 5);
        if (tables.size() > 5) {
            shown.append(u"…"_s);
        }
        what += u" (tables: %1)"_s.arg(shown.join(u", "_s));
    }
    return makeError(Error::Code::Foreign, u"not a Folio library: %1; Folio left it untouched"_s.arg(what), path);
}

LibraryHealth Database::health(const QString& path)
{
    return DatabaseHealth::get(path);
}

Result<void> Database::checkWritable(const QString& path)
{
    return DatabaseHealth::checkWritable(path);
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

Result<void> Database::prepare(const QString& path, OpenOptions options)
{
    const QFileInfo info(path);
    const bool existed = info.exists() && info.size() > 0;
    LibraryHealth health;
    health.readOnlyReason = readOnlyReason(path, existed, options, &health.diskFull);
    health.readOnly = !health.readOnlyReason.isEmpty();
    if (!existed) {
        if (health.readOnly && !health.diskFull) {
            return makeError(Error::Code::ReadOnly,
                             u"cannot create a library here: %1"_s.arg(health.readOnlyReason), path);
        }
        if (!QDir().mkpath(info.absolutePath())) {
            return makeError(Error::Code::Io, u"cannot create the profile folder"_s, info.absolutePath());
        }
        health.readOnly = false; // a new library is small; a real full disk fails its first write
        health.diskFull = false;
        health.readOnlyReason.clear();
    }
    const QString name = u"folio-migrate-%1"_s.arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
    if (existed) {
        // First look without writing: is it ours at all? Without a -wal beside it the file is read
        // as it stands (immutable: no locks, no -shm). A -wal left by a process that died holds
        // committed pages the file itself lacks, so then it is read through its WAL (read-only).
        const bool walBeside = QFileInfo(path + u"-wal"_s).size() > 0;
        auto probe = openRaw(name, path, ConnectMode{true, !walBeside});
        if (!probe && walBeside) {
            QSqlDatabase::removeDatabase(name);
            probe = openRaw(name, path, ConnectMode{true, true}); // e.g. read-only media: no -shm
        }
        if (!probe) {
            QSqlDatabase::removeDatabase(name);
            return probe.error();
        }
        auto facts = readIdentity(probe.value(), path);
        closeAndForget(probe.value());
        probe = Error{};
        QSqlDatabase::removeDatabase(name);
        if (!facts) {
            return foreignError(path, 0, {});
        }
        if (identify(facts->applicationId, facts->userVersion, facts->tables) == FileKind::Foreign) {
            return foreignError(path, facts->applicationId, facts->tables);
        }
    }
    Result<void> result;
    {
        auto opened = openRaw(name, path, ConnectMode{health.readOnly, false});
        if (!opened && health.readOnly && existed && isWalFile(path)) {
            // A WAL library on read-only media whose -shm cannot be created.
            health.immutable = true;
            opened = openRaw(name, path, ConnectMode{true, true});
        }
        if (!opened) {
            QSqlDatabase::removeDatabase(name);
            return opened.error();
        }
        QSqlDatabase db = opened.value();
        result = setUp(db, path, existed, health);
        closeAndForget(db);
    }
    QSqlDatabase::removeDatabase(name);
    if (result) {
        health.created = !existed;
        DatabaseHealth::set(path, health);
    }
    return result;
}

QString Database::jsonIds(const QList<qint64>& ids, bool pairs)
{
    QByteArray json;
    json.reserve(ids.size() * 10 + 2);
    json += '[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const bool first = !pairs || i % 2 == 0;
        json += i == 0 ? "" : ",";
        json += pairs && first ? "[" : "";
        json += QByteArray::number(ids.at(i));
        json += pairs && !first ? "]" : "";
    }
    json += ']';
    return QString::fromLatin1(json);
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
        closeAndForget(db);
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
