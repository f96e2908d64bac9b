// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// folio-cli check, backup, backups, restore, --read-only and --no-seed, run as a user would.
#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliMaintenance : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };

    QTemporaryDir m_dir;

    static Run cli(const QStringList& args, const QString& profile)
    {
        QProcess p;
        p.start(QString::fromUtf8(FOLIO_CLI_PATH), args + QStringList{u"--profile"_s, profile});
        if (!p.waitForFinished(60000)) {
            p.kill();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    }

    static int articles(const QString& profile)
    {
        const Run stats = cli({u"stats"_s, u"--json"_s}, profile);
        return stats.status == 0 ? stats.json().object().value(u"articles"_s).toInt() : -1;
    }

private Q_SLOTS:
    void noSeedIsRemembered()
    {
        const QString profile = m_dir.filePath(u"empty"_s);
        QCOMPARE(cli({u"stats"_s, u"--no-seed"_s}, profile).status, 0);
        QCOMPARE(articles(profile), 0); // a later run without --no-seed does not seed it
        QCOMPARE(articles(profile), 0);
        const QString seeded = m_dir.filePath(u"seeded"_s);
        QCOMPARE(articles(seeded), 6);
        QCOMPARE(cli({u"stats"_s, u"--no-seed"_s}, seeded).status, 0);
        QCOMPARE(articles(seeded), 6); // --no-seed on a seeded library changes nothing
    }

    void refusesForeignDatabase()
    {
        const QString profile = m_dir.filePath(u"foreign"_s);
        QVERIFY(QDir().mkpath(profile));
        const QString path = QDir(profile).filePath(u"folio.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        const qint64 size = QFileInfo(path).size();
        const Run r = cli({u"stats"_s}, profile);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains((path + u": not a Folio library: it is another program's database (tables: moz_places)"_s).toUtf8()),
                 r.err.constData());
        QCOMPARE(QFileInfo(path).size(), size);
        QCOMPARE(QDir(profile).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot), QStringList{u"folio.sqlite"_s});
    }

    void readOnlyReadsAndRefusesWrites()
    {
        const QString profile = m_dir.filePath(u"readonly"_s);
        QCOMPARE(articles(profile), 6);
        const Run list = cli({u"list"_s, u"--read-only"_s, u"--json"_s}, profile);
        QCOMPARE(list.status, 0);
        QCOMPARE(list.json().array().size(), 6);
        QCOMPARE(cli({u"stats"_s, u"--read-only"_s}, profile).status, 0);
        const qint64 id = list.json().array().at(0).toObject().value(u"id"_s).toInteger();
        QCOMPARE(cli({u"show"_s, QString::number(id), u"--read-only"_s}, profile).status, 0);
        const Run bookmark = cli({u"bookmark"_s, QString::number(id), u"--read-only"_s}, profile);
        QCOMPARE(bookmark.status, 1);
        QVERIFY2(bookmark.err.contains("library is read-only (opened read-only as asked)"), bookmark.err.constData());
        const Run import = cli({u"import"_s, folio::test::dataPath(u"tagpages/kazachstan.txt"_s), u"--read-only"_s}, profile);
        QCOMPARE(import.status, 1);
        QVERIFY(import.err.contains("library is read-only"));
        QCOMPARE(articles(profile), 6);
    }

    void checkBackupRestoreRoundTrip()
    {
        const QString profile = m_dir.filePath(u"roundtrip"_s);
        QCOMPARE(cli({u"import"_s, folio::test::dataPath(u"tagpages/kazachstan.txt"_s)}, profile).status, 0);
        const Run first = cli({u"list"_s, u"--json"_s}, profile);
        const qint64 id = first.json().array().at(0).toObject().value(u"id"_s).toInteger();
        QCOMPARE(cli({u"bookmark"_s, QString::number(id)}, profile).status, 0);
        const Run before = cli({u"list"_s, u"--json"_s}, profile);

        const Run check = cli({u"check"_s}, profile);
        QCOMPARE(check.status, 0);
        QVERIFY2(check.out.endsWith(": ok (quick_check)\n"), check.out.constData());
        const Run full = cli({u"check"_s, u"--full"_s, u"--json"_s}, profile);
        QCOMPARE(full.status, 0);
        QVERIFY(full.json().object().value(u"ok"_s).toBool());
        QCOMPARE(full.json().object().value(u"check"_s).toString(), u"integrity_check"_s);

        const QString file = m_dir.filePath(u"roundtrip-backup.sqlite"_s);
        const Run backup = cli({u"backup"_s, file}, profile);
        QCOMPARE(backup.status, 0);
        QVERIFY(QFile::exists(file));
        QCOMPARE(cli({u"backup"_s, file}, profile).status, 1); // never overwrites

        QCOMPARE(cli({u"bookmark"_s, QString::number(id), u"--off"_s}, profile).status, 0);
        QCOMPARE(cli({u"tags"_s, u"delete"_s, u"Centraal-Azië"_s}, profile).status, 0);
        QVERIFY(cli({u"list"_s, u"--json"_s}, profile).out != before.out);

        const Run restore = cli({u"restore"_s, file, u"--json"_s}, profile);
        QCOMPARE(restore.status, 0);
        const QString previous = restore.json().object().value(u"previous"_s).toString();
        QVERIFY(QFile::exists(previous));
        QCOMPARE(cli({u"list"_s, u"--json"_s}, profile).out, before.out);

        const Run backups = cli({u"backups"_s, u"--json"_s}, profile);
        QCOMPARE(backups.status, 0);
        QVERIFY(backups.json().array().size() >= 1);
        QCOMPARE(backups.json().array().at(0).toObject().value(u"file"_s).toString(), previous);
    }

    void restoreRefusesNonFolioFile()
    {
        const QString profile = m_dir.filePath(u"refuse"_s);
        QCOMPARE(articles(profile), 6);
        const QString text = folio::test::dataPath(u"tagpages/kazachstan.txt"_s);
        const Run r = cli({u"restore"_s, text}, profile);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains("not a Folio library"), r.err.constData());
        QCOMPARE(articles(profile), 6);
    }

    void checkReportsDamageAndNamesBackup()
    {
        const QString profile = m_dir.filePath(u"damaged"_s);
        QStringList files;
        for (int i = 0; i < 40; ++i) {
            const QString file = m_dir.filePath(u"damaged-%1.txt"_s.arg(i));
            QByteArray page = "Tag: Damage " + QByteArray::number(i) + "\n\n";
            for (int k = 0; k < 20; ++k) {
                page += "Title " + QByteArray::number(i * 100 + k) + "\n" + QByteArray(600, char('a' + k)) + "\n\n";
            }
            QVERIFY(folio::test::writeFile(file, page));
            files.append(file);
        }
        QCOMPARE(cli(QStringList{u"import"_s} + files, profile).status, 0);
        const Run made = cli({u"backup"_s, u"--json"_s}, profile); // into the profile's backups folder
        QCOMPARE(made.status, 0);
        const QString backup = made.json().object().value(u"backup"_s).toString();
        QVERIFY(backup.contains(u"/backups/folio-manual-"_s));
        const QString path = QDir(profile).filePath(u"folio.sqlite"_s);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 40 * 4096);
            QVERIFY(f.seek(f.size() / 2));
            f.write(QByteArray(4 * 4096, '\x5A'));
        }
        const Run check = cli({u"check"_s}, profile);
        QCOMPARE(check.status, 1);
        QVERIFY2(check.out.contains(": damaged ("), check.out.constData());
        // The finding is remembered: writes are refused and the message names a backup.
        const Run write = cli({u"bookmark"_s, u"1"_s}, profile);
        QCOMPARE(write.status, 1);
        QVERIFY2(write.err.contains("library is damaged, writing is refused"), write.err.constData());
        QVERIFY2(write.err.contains((u"folio-cli restore "_s + backup).toUtf8()), write.err.constData());
        QCOMPARE(cli({u"restore"_s, backup}, profile).status, 0);
        QCOMPARE(cli({u"check"_s, u"--full"_s}, profile).status, 0);
        QCOMPARE(cli({u"bookmark"_s, u"1"_s}, profile).status, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliMaintenance)
#include "TestCliMaintenance.moc"
