// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/DatabaseBackup.h"
#include "storage/DatabaseHealth.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace folio;

// Foreign files, application_id, read-only libraries, a full disk and damage detection.
class TestDatabaseSafety : public QObject
{
    Q_OBJECT

private:
    // Declared after the QTemporaryDir: closes the connections and the session marker first.
    struct Release
    {
        QString path;
        ~Release()
        {
            Database::closeConnection(path);
            DatabaseHealth::endSession(path);
        }
    };

    // Runs statements on a plain connection of the test's own (another program's view).
    static void sql(const QString& path, const QStringList& statements)
    {
        const QString name = u"foreign"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            for (const QString& s : statements) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(s), qPrintable(s));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static QVariant scalar(const QString& path, const QString& statement)
    {
        const QString name = u"peek"_s;
        QVariant value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(statement) && q.next()) {
                    value = q.value(0);
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    static QStringList filesIn(const QString& dir)
    {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }

    // A library with some content, every connection closed (the WAL folded in).
    static void makeLibrary(const QString& path, int articles)
    {
        QVERIFY(Database::prepare(path).hasValue());
        {
            auto db = Database::connection(path);
            QVERIFY(db.hasValue());
            Transaction tx(db.value());
            QSqlQuery q(db.value());
            q.prepare(u"INSERT INTO articles(identity, title, summary, added) VALUES(:i, :t, :s, 1)"_s);
            for (int i = 0; i < articles; ++i) {
                q.bindValue(u":i"_s, u"id:%1"_s.arg(i));
                q.bindValue(u":t"_s, u"Article %1"_s.arg(i));
                q.bindValue(u":s"_s, QString(400, QChar(u'a' + i % 26)));
                QVERIFY(q.exec());
            }
            QVERIFY(tx.commit().hasValue());
        }
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
    }

    // What a process killed while it had the library open leaves behind: its session marker.
    static void leaveStaleSession(const QString& path)
    {
        QFile marker(path + u".session-999999999.lock"_s);
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("999999999\nfolio-cli\n\n");
    }

    // Overwrites a few pages in the middle of the file (the header and schema stay intact).
    static void damage(const QString& path)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 20 * 4096);
        QVERIFY(f.seek(f.size() / 2));
        f.write(QByteArray(3 * 4096, '\x5A'));
    }

private Q_SLOTS:
    void marksNewLibraryWithApplicationId()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        QVERIFY(Database::prepare(path).hasValue());
        Database::closeConnection(path);
        QCOMPARE(scalar(path, u"PRAGMA application_id"_s).toLongLong(), qint64(Database::kApplicationId));
        QCOMPARE(scalar(path, u"PRAGMA user_version"_s).toInt(), Database::latestSchemaVersion());
    }

    void refusesForeignDatabaseTouchingNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        sql(path, {u"CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)"_s,
                   u"INSERT INTO customers(name) VALUES('Ada')"_s});
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();
        const QStringList files = filesIn(dir.path());

        const auto r = Database::prepare(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Foreign);
        QCOMPARE(r.error().file, path);
        QVERIFY2(r.error().message.startsWith(u"not a Folio library: it is another program's database (tables: customers)"_s),
                 qPrintable(r.error().message));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes); // no seed, no migration, no journal mode change
        QCOMPARE(filesIn(dir.path()), files); // no backup, no -wal/-shm, no session marker
    }

    void refusesOtherApplicationId()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        sql(path, {u"PRAGMA application_id = 1598903374"_s}); // 0x5F4D544E, no tables at all
        const auto r = Database::prepare(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Foreign);
        QVERIFY2(r.error().message.contains(u"another program (application id 0x5f4d544e)"_s), qPrintable(r.error().message));
    }

    void adoptsUnmarkedFolioLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path, 3);
        sql(path, {u"PRAGMA application_id = 0"_s}); // as written before Folio marked its files
        QVERIFY(Database::prepare(path).hasValue());
        Database::closeConnection(path);
        QCOMPARE(scalar(path, u"PRAGMA application_id"_s).toLongLong(), qint64(Database::kApplicationId));
        QCOMPARE(scalar(path, u"SELECT count(*) FROM articles"_s).toInt(), 3);
    }

    void initialisesEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly)); // an empty file, as `touch` leaves it
        f.close();
        QVERIFY(Database::prepare(path).hasValue());
        Database::closeConnection(path);
        QCOMPARE(scalar(path, u"PRAGMA application_id"_s).toLongLong(), qint64(Database::kApplicationId));
    }

    void refusesFileThatIsNotSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Tag: not a database\n\n" + QByteArray(8192, 'x'));
        f.close();
        const auto r = Database::prepare(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Foreign);
        QVERIFY2(r.error().message.startsWith(u"not a Folio library: the file is not an SQLite database"_s),
                 qPrintable(r.error().message));
        QCOMPARE(filesIn(dir.path()), QStringList{u"folio.sqlite"_s});
    }

    // Tests run as root in CI, where file modes do not stop writes: the read-only open flag
    // stands in for read-only media there; readsReadOnlyFileAsNonRoot covers the real thing.
    void readOnlyLibraryReadsAndRefusesWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path, 5);
        QVERIFY(Database::prepare(path, OpenOptions{true}).hasValue());
        QVERIFY(Database::health(path).readOnly);
        auto db = Database::connection(path);
        QVERIFY(db.hasValue());
        auto stats = ArticleStore(db.value()).stats();
        QVERIFY(stats.hasValue());
        QCOMPARE(stats->articles, 5);
        const auto refused = Database::checkWritable(path);
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().code, Error::Code::ReadOnly);
        QCOMPARE(refused.error().toString(), path + u": library is read-only (opened read-only as asked)"_s);
        // Even a write that skips the check gets the same message from SQLite's refusal.
        QSqlQuery q(db.value());
        QVERIFY(!q.exec(u"UPDATE articles SET title = 'x'"_s));
        const Error e = Database::sqlError(q, u"update"_s);
        QCOMPARE(e.code, Error::Code::ReadOnly);
        QCOMPARE(e.toString(), refused.error().toString());
        q = QSqlQuery();
        db = Error{};
        Database::closeConnection(path);
        QCOMPARE(scalar(path, u"SELECT count(*) FROM articles WHERE title = 'x'"_s).toInt(), 0);
    }

    void readOnlyOpenRefusesNewLibraryAndUpgrade()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        const auto fresh = Database::prepare(path, OpenOptions{true});
        QVERIFY(!fresh.hasValue());
        QCOMPARE(fresh.error().code, Error::Code::ReadOnly);
        makeLibrary(path, 1);
        sql(path, {u"PRAGMA user_version = 1"_s});
        const auto old = Database::prepare(path, OpenOptions{true});
        QVERIFY(!old.hasValue());
        QVERIFY2(old.error().message.contains(u"needs an upgrade"_s), qPrintable(old.error().message));
    }

    void readsReadOnlyFileAsNonRoot()
    {
        if (::geteuid() == 0) {
            QSKIP("root ignores file modes; readOnlyLibraryReadsAndRefusesWrites covers this with the flag");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path, 2);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        const auto r = Database::prepare(path);
        auto db = r ? Database::connection(path) : Result<QSqlDatabase>(r.error());
        const bool readable = db && ArticleStore(db.value()).stats().hasValue();
        const QString reason = Database::health(path).readOnlyReason;
        Database::closeConnection(path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(r.hasValue(), qPrintable(r ? QString() : r.error().toString()));
        QVERIFY(readable);
        QVERIFY(!reason.isEmpty());
    }

    void diskFullHasItsOwnMessageAndOneError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path, 1);
        QVERIFY(Database::prepare(path).hasValue());
        auto db = Database::connection(path);
        QVERIFY(db.hasValue());
        // SQLite answers SQLITE_FULL once the file may not grow: what a full disk looks like.
        QSqlQuery q(db.value());
        QVERIFY(q.exec(u"PRAGMA page_count"_s) && q.next());
        QVERIFY(q.exec(u"PRAGMA max_page_count = %1"_s.arg(q.value(0).toInt())));
        QTest::failOnWarning(QRegularExpression(u"rollback"_s));
        Error error;
        {
            Transaction tx(db.value());
            QVERIFY(tx.status().hasValue());
            QSqlQuery insert(db.value());
            insert.prepare(u"INSERT INTO articles(identity, title, summary, added) VALUES('big', 't', :s, 1)"_s);
            insert.bindValue(u":s"_s, QString(200000, u'x'));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^insert failed: "_s));
            QVERIFY(!insert.exec());
            error = Database::sqlError(insert, u"insert"_s);
        }
        QCOMPARE(error.code, Error::Code::DiskFull);
        QVERIFY2(error.message.startsWith(u"disk full: insert: "_s), qPrintable(error.message));
        QCOMPARE(error.file, path);
        q = QSqlQuery();
        db = Error{};
        Database::closeConnection(path);
    }

    void quickCheckAfterUncleanShutdownRefusesWritesToDamagedLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path, 400);
        const QString backup = dir.filePath(u"backups/folio-20260101-000000.sqlite"_s);
        QVERIFY(QDir().mkpath(dir.filePath(u"backups"_s)));
        QVERIFY(DatabaseBackup::backupFile(path, backup).hasValue());

        // A clean reopen does not check (nothing to see); a crash leaves its marker behind.
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(!Database::health(path).checked);
        DatabaseHealth::endSession(path);
        damage(path);
        leaveStaleSession(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"failed PRAGMA quick_check"_s));
        QVERIFY(Database::prepare(path).hasValue());
        const LibraryHealth health = Database::health(path);
        QVERIFY(health.uncleanShutdown);
        QVERIFY(health.checked);
        QVERIFY(health.damaged);
        QVERIFY(QFile::exists(path + u".session-999999999.lock"_s) == false);
        const auto refused = Database::checkWritable(path);
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().code, Error::Code::Damaged);
        QVERIFY2(refused.error().message.contains(u"folio-cli restore %1"_s.arg(backup)), qPrintable(refused.error().message));
        // The finding is remembered: the next open refuses writes too, without a crash before it.
        DatabaseHealth::endSession(path);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"failed PRAGMA quick_check"_s));
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(Database::health(path).damaged);
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);

        // Restoring the backup brings back a sound library that takes writes.
        auto restored = DatabaseBackup::restore(path, backup);
        QVERIFY2(restored.hasValue(), qPrintable(restored ? QString() : restored.error().toString()));
        QVERIFY(QFile::exists(restored->previous));
        QVERIFY(!QFile::exists(DatabaseHealth::damageMarkerPath(path)));
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(Database::checkWritable(path).hasValue());
        QCOMPARE(scalar(path, u"SELECT count(*) FROM articles"_s).toInt(), 400);
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseSafety)
#include "TestDatabaseSafety.moc"
