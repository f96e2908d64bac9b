// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

// The folio program itself, as a user starts it: it opens (and upgrades) the library on a thread
// of its own behind a dialog, then hands the library to the window's thread.
class TestLaunch : public QObject
{
    Q_OBJECT

private:
    // A library of schema `version` (the shipped migrations up to it) with one tagged article.
    static void createAtVersion(const QString& path, int version)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            for (int v = 1; v <= version; ++v) {
                const QStringList files = QDir(u":/folio/sql"_s).entryList({u"%1_*.sql"_s.arg(v, 4, 10, QChar(u'0'))});
                for (const QString& file : files) {
                    QFile f(u":/folio/sql/"_s + file);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    for (const QString& s : Database::splitStatements(QString::fromUtf8(f.readAll()))) {
                        QSqlQuery q(db);
                        QVERIFY2(q.exec(s), qPrintable(s));
                    }
                }
            }
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(version)));
            QVERIFY(q.exec(u"INSERT INTO articles(identity, title, published, added) VALUES('title:x', 'Oud artikel', 1700000000, 1)"_s));
            QVERIFY(q.exec(u"INSERT INTO tags(name, key) VALUES('China', 'china')"_s));
            QVERIFY(q.exec(u"INSERT INTO article_tags(article_id, tag_id) VALUES(1, 1)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old"_s);
    }

    static int userVersion(const QString& path)
    {
        int version = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(u"PRAGMA user_version"_s) && q.next()) {
                    version = q.value(0).toInt();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        return version;
    }

    static int articles(const QString& path, const QString& title)
    {
        int n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT count(*) FROM articles WHERE title = ?"_s);
                q.addBindValue(title);
                if (q.exec() && q.next()) {
                    n = q.value(0).toInt();
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"count"_s);
        return n;
    }

private Q_SLOTS:
    void upgradesAnOlderLibraryAndRunsTheWindow()
    {
        QTemporaryDir profile;
        QTemporaryDir config;
        const QString path = QDir(profile.path()).filePath(Database::fileName());
        createAtVersion(path, 9);
        QCOMPARE(userVersion(path), 9);

        QProcess folio;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, config.path());
        folio.setProcessEnvironment(env);
        folio.start(QString::fromUtf8(FOLIO_APP_PATH), {u"--profile"_s, profile.path()});
        QVERIFY(folio.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(userVersion(path), Database::latestSchemaVersion(), 60000);
        // The window runs on with the library it was handed: give it time to read the list and
        // the sidebar through the library's pools, then close it.
        // A second launch hands its file to the running window, which imports it: the window's
        // event loop runs and the library it was handed writes.
        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QString::fromUtf8(FOLIO_APP_PATH), {u"--profile"_s, profile.path(), test::dataPath(u"feeds/rss091.xml"_s)});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(articles(path, u"Caf\u00e9s & theehuizen"_s) == 1, 30000);
        QCOMPARE(folio.state(), QProcess::Running);
        folio.terminate();
        QVERIFY(folio.waitForFinished(20000));
        const QString err = QString::fromUtf8(folio.readAllStandardError());
        // A library left with the opening thread's affinity would make Qt say so here.
        for (const char* wrong : {"different thread", "Cannot create children", "cannot be started from another thread",
                                  "moveToThread"}) {
            QVERIFY2(!err.contains(QLatin1String(wrong)), qPrintable(err));
        }
        QVERIFY(QFile::exists(path + u".v9.bak"_s)); // the upgrade kept its backup
    }
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "TestLaunch.moc"
