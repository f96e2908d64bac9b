// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamServer.h"
#include "team/TeamUrl.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTeamUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesLibpqUrls()
    {
        const auto url = TeamUrl::parse(u"postgresql://alice:s%40cret@db.example.org:6543/osint?sslmode=verify-full"
                                        u"&sslrootcert=/etc/ssl/team.pem"_s);
        QVERIFY(url);
        QCOMPARE(url->user, u"alice"_s);
        QCOMPARE(url->password, u"s@cret"_s);
        QCOMPARE(url->host, u"db.example.org"_s);
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, u"osint"_s);
        QCOMPARE(url->options.value(u"sslmode"_s), u"verify-full"_s);
        QVERIFY(url->connectOptions().contains(u"sslrootcert=/etc/ssl/team.pem"_s));
        QVERIFY(url->connectOptions().contains(u"sslmode=verify-full"_s));
        QVERIFY(url->connectOptions().contains(u"connect_timeout=10"_s));
        // The password is used but never in what is stored or shown.
        QVERIFY(!url->toString().contains(u"cret"_s));
        QCOMPARE(url->toString(), u"postgresql://alice@db.example.org:6543/osint?sslmode=verify-full"
                                  u"&sslrootcert=/etc/ssl/team.pem"_s);
    }

    void parsesSocketUrls()
    {
        const auto url = TeamUrl::parse(u"postgresql:///team?host=/run/postgresql"_s);
        QVERIFY(url);
        QCOMPARE(url->host, u"/run/postgresql"_s);
        QCOMPARE(url->database, u"team"_s);
        const auto again = TeamUrl::parse(url->toString());
        QVERIFY(again);
        QCOMPARE(again->host, u"/run/postgresql"_s);
        QCOMPARE(again->database, u"team"_s);
    }

    void rejectsBadUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("scheme") << u"mysql://h/db"_s << u"postgresql://"_s;
        QTest::newRow("no database") << u"postgresql://host"_s << u"database"_s;
        QTest::newRow("sslmode") << u"postgresql://h/db?sslmode=always"_s << u"sslmode"_s;
        QTest::newRow("unknown") << u"postgresql://h/db?colour=red"_s << u"colour"_s;
        QTest::newRow("port") << u"postgresql://h/db?port=abc"_s << u"port"_s;
    }

    void rejectsBadUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto url = TeamUrl::parse(text);
        QVERIFY(!url);
        QVERIFY2(url.error().message.contains(message), qPrintable(url.error().message));
    }

    void splitsServerMigrations()
    {
        const QStringList parts = TeamServer::splitStatements(
            u"-- comment\nCREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n"
            u"  RETURN 1;\nEND\n$$;\nGRANT SELECT ON a TO b;\n"_s);
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(1).contains(u"RETURN 1;"_s));
        QVERIFY(TeamServer::latestSchemaVersion() >= 1);
    }
};

QTEST_APPLESS_MAIN(TestTeamUrl)
#include "TestTeamUrl.moc"
