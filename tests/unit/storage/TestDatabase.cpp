// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    // Builds a library at schema version `version` by running the shipped files up to it.
    static void createAtVersion(const QString& path, int version)
    {
        const QString failed = test::createLibraryAtVersion(path, version);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString name = u"fixture"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO articles(identity, title, added) VALUES('title:x', 'Kept across upgrades', 1)"_s));
            QVERIFY(q.exec(u"INSERT INTO article_state(article_id, bookmarked) VALUES(1, 1)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    static QStringList schema(const QString& path)
    {
        QStringList out;
        auto db = Database::connection(path);
        if (!db) {
            return out;
        }
        QSqlQuery q(db.value());
        q.exec(u"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"_s);
        while (q.next()) {
            out.append(q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString().simplified());
        }
        return out;
    }

private Q_SLOTS:
    void createsFreshLibraryAtLatestVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        QVERIFY(Database::prepare(path).hasValue());
        {
        auto db = Database::connection(path);
        QVERIFY(db.hasValue());
        QCOMPARE(Database::schemaVersion(db.value()).value(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QSqlQuery q(db.value());
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"PRAGMA busy_timeout"_s) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        // A new library is made with large pages (they pack article rows; Database::kPageSize).
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::kPageSize);
        }
        // No backup for a brand-new file.
        QVERIFY(QDir(dir.path()).entryList({u"*.bak"_s}).isEmpty());
        Database::closeConnection(path);
    }

    void reopeningIsANoOp()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(QDir(dir.path()).entryList({u"*.bak"_s}).isEmpty());
    }

    void upgradesOlderLibraryKeepingDataAndBackup_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Database::latestSchemaVersion(); ++v) {
            // Only versions a migration file exists for (numbers are reserved per engineer).
            if (!QDir(u":/folio/sql"_s).entryList({u"%1_*.sql"_s.arg(v, 4, 10, QChar(u'0'))}).isEmpty()) {
                QTest::addRow("v%d", v) << v;
            }
        }
        if (Database::latestSchemaVersion() == 1) {
            QTest::addRow("v0 with data-less file") << 0;
        }
    }

    void upgradesOlderLibraryKeepingDataAndBackup()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        if (from == 0) {
            QVERIFY(Database::prepare(path).hasValue());
            return;
        }
        createAtVersion(path, from);
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(QFile::exists(path + u".v%1.bak"_s.arg(from)));
        {
        auto db = Database::connection(path);
        QVERIFY(db.hasValue());
        QCOMPARE(Database::schemaVersion(db.value()).value(), Database::latestSchemaVersion());
        QSqlQuery q(db.value());
        QVERIFY(q.exec(u"SELECT a.title, s.bookmarked FROM articles a JOIN article_state s ON s.article_id = a.id"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"Kept across upgrades"_s);
        QCOMPARE(q.value(1).toInt(), 1);
        // An existing library keeps the page size it was made with (changing it would rewrite the file).
        QVERIFY(q.exec(u"PRAGMA page_size"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 4096);
        }

        // The upgraded schema equals a fresh one.
        QTemporaryDir fresh;
        const QString freshPath = fresh.filePath(u"folio.sqlite"_s);
        QVERIFY(Database::prepare(freshPath).hasValue());
        QCOMPARE(schema(path), schema(freshPath));
        Database::closeConnection(path);
        Database::closeConnection(freshPath);
    }

    void upgradeCopiesTheDatesIntoTagLinks()
    {
        // Schema 10 keeps each article's date in its tag links (tag pages read them in order).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        createAtVersion(path, 9);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v9"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO articles(identity, title, published, added) VALUES('title:y', 'Dated', 1700000000, 2)"_s));
            QVERIFY(q.exec(u"INSERT INTO tags(name, key) VALUES('China', 'china'), ('Azië', 'azië')"_s));
            QVERIFY(q.exec(u"INSERT INTO article_tags(article_id, tag_id) SELECT a.id, t.id FROM articles a, tags t"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v9"_s);
        QVERIFY(Database::prepare(path).hasValue());
        {
            auto db = Database::connection(path);
            QVERIFY(db.hasValue());
            QSqlQuery q(db.value());
            QVERIFY(q.exec(u"SELECT a.title, at.published FROM article_tags at JOIN articles a ON a.id = at.article_id "
                           u"ORDER BY a.id, at.tag_id"_s));
            QStringList rows;
            while (q.next()) {
                rows.append(q.value(0).toString() + u' ' + (q.value(1).isNull() ? u"NULL"_s : q.value(1).toString()));
            }
            QCOMPARE(rows, (QStringList{u"Kept across upgrades NULL"_s, u"Kept across upgrades NULL"_s,
                                        u"Dated 1700000000"_s, u"Dated 1700000000"_s}));
        }
        Database::closeConnection(path);
    }

    void refusesNewerLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        QVERIFY(Database::prepare(path).hasValue());
        {
            auto db = Database::connection(path);
            QSqlQuery q(db.value());
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(Database::latestSchemaVersion() + 1)));
        }
        Database::closeConnection(path);
        const auto r = Database::prepare(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Schema);
        QCOMPARE(r.error().file, path);
        QVERIFY(r.error().message.contains(u"newer Folio"_s));
    }

    void refusesFileThatIsNotALibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const auto r = Database::prepare(path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().file, path);
    }

    void splitsTriggersWhole()
    {
        const QStringList s = Database::splitStatements(
            u"-- comment\nCREATE TABLE a(x);\n\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\nCREATE INDEX i ON a(x);\n"_s);
        QCOMPARE(s.size(), 3);
        QVERIFY(s.at(1).startsWith(u"CREATE TRIGGER"_s));
        QVERIFY(s.at(1).endsWith(u"END;"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
