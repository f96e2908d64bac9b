// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
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
    static int userVersion(const QString& path)
    {
        const QVariant v = test::peek(path, u"PRAGMA user_version"_s);
        return v.isValid() ? v.toInt() : -1;
    }

private Q_SLOTS:
    void upgradesAnOlderLibraryAndRunsTheWindow()
    {
        QTemporaryDir profile;
        QTemporaryDir config;
        const QString path = QDir(profile.path()).filePath(Database::fileName());
        // A library of schema 9 with one tagged article.
        const QString failed = test::createLibraryAtVersion(path, 9);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO articles(identity, title, published, added) VALUES('title:x', 'Oud artikel', 1700000000, 1)"_s));
            QVERIFY(q.exec(u"INSERT INTO tags(name, key) VALUES('China', 'china')"_s));
            QVERIFY(q.exec(u"INSERT INTO article_tags(article_id, tag_id) VALUES(1, 1)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old"_s);
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
        QTRY_COMPARE_WITH_TIMEOUT(test::peek(path, u"SELECT count(*) FROM articles WHERE title = ?"_s,
                                             {u"Caf\u00e9s & theehuizen"_s}).toInt(),
                                  1, 30000);
        QCOMPARE(folio.state(), QProcess::Running);
        // SIGTERM (a logout without session management, a service manager) quits as File → Quit
        // does: the window saves its layout, and the process ends normally.
        QVERIFY(!QSettings(QDir(profile.path()).filePath(u"folio.ini"_s), QSettings::IniFormat).contains(u"window/geometry"_s));
        folio.terminate();
        QVERIFY(folio.waitForFinished(20000));
#ifdef Q_OS_UNIX
        QCOMPARE(folio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(folio.exitCode(), 0);
        QVERIFY(QSettings(QDir(profile.path()).filePath(u"folio.ini"_s), QSettings::IniFormat).contains(u"window/geometry"_s));
#endif
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
