// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Team passwords in the system keychain, against a real Secret Service (gnome-keyring on a private
// D-Bus session, started by with-keyring.sh), and through folio-cli as a user joins with
// --remember-password: the password is in the keychain and nowhere in the profile.
#include "TeamTestSupport.h"

#include "team/TeamCredentials.h"

#include <QDirIterator>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

class TestTeamCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("FOLIO_TEST_NO_KEYRING")) {
            QSKIP(qPrintable(u"no Secret Service for this test: "_s + qEnvironmentVariable("FOLIO_TEST_NO_KEYRING")));
        }
        QVERIFY2(TeamCredentials::available(), "built without FOLIO_WITH_KEYCHAIN, or FOLIO_NO_KEYCHAIN is set");
    }

    void storesReadsAndRemovesAPassword()
    {
        const QString url = u"postgresql://alice@db.example.org/osint"_s;
        QCOMPARE(TeamCredentials::read(url).value(), QString()); // nothing yet
        QVERIFY(TeamCredentials::write(url, u"s3cret ünïcode"_s));
        QCOMPARE(TeamCredentials::read(url).value(), u"s3cret ünïcode"_s);
        QCOMPARE(TeamCredentials::read(u"postgresql://bob@db.example.org/osint"_s).value(), QString());
        QVERIFY(TeamCredentials::write(url, u"changed"_s));
        QCOMPARE(TeamCredentials::read(url).value(), u"changed"_s);
        QVERIFY(TeamCredentials::remove(url));
        QCOMPARE(TeamCredentials::read(url).value(), QString());
        QVERIFY(TeamCredentials::remove(url)); // removing what is not there is fine
    }

    void joinRemembersThePasswordInTheKeychainOnly()
    {
        QString reason;
        if (!PgCluster::enabled(&reason)) {
            QSKIP(qPrintable(reason));
        }
        const QString database = u"team_keychain"_s;
        QVERIFY(PgCluster::createDatabase(database));
        TestLibrary admin(false);
        QProcess init;
        init.start(QString::fromUtf8(FOLIO_CLI_PATH), {u"--profile"_s, admin.profile(), u"--no-seed"_s, u"team"_s,
                                                       u"init"_s, PgCluster::url(database, u"postgres"_s), u"--name"_s,
                                                       u"Osint"_s});
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        QVERIFY(PgCluster::createAnalyst(u"carol"_s));
        QVERIFY(PgCluster::exec(database, u"ALTER ROLE carol PASSWORD 'Karavaan-2026'"_s));

        TestLibrary carol(false);
        // The password in the URL, as libpq takes it: user:password@.
        QString url = PgCluster::url(database, u"carol"_s);
        url.replace(u"postgresql://carol@"_s, u"postgresql://carol:Karavaan-2026@"_s);
        QVERIFY(url.contains(u"Karavaan-2026"_s));
        QProcess join;
        join.start(QString::fromUtf8(FOLIO_CLI_PATH), {u"--profile"_s, carol.profile(), u"--no-seed"_s, u"team"_s,
                                                       u"join"_s, url, u"--name"_s, u"Osint"_s, u"--remember-password"_s});
        QVERIFY(join.waitForFinished(60000));
        QVERIFY2(join.exitCode() == 0, join.readAllStandardError().constData());
        QCOMPARE(TeamCredentials::read(PgCluster::url(database, u"carol"_s)).value(), u"Karavaan-2026"_s);
        // Nowhere in the profile: not in folio.ini, not in the library, not in a backup.
        QDirIterator files(carol.profile(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("Karavaan-2026"), qPrintable(file.fileName()));
            ++read;
        }
        QVERIFY(read >= 1);
        // Leaving forgets it.
        QProcess leave;
        leave.start(QString::fromUtf8(FOLIO_CLI_PATH), {u"--profile"_s, carol.profile(), u"--no-seed"_s, u"team"_s,
                                                        u"leave"_s});
        QVERIFY(leave.waitForFinished(60000));
        QCOMPARE(leave.exitCode(), 0);
        QCOMPARE(TeamCredentials::read(PgCluster::url(database, u"carol"_s)).value(), QString());
    }
};

QTEST_GUILESS_MAIN(TestTeamCredentials)
#include "TestTeamCredentials.moc"
