// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team commands of folio-cli as a user runs them, against the throwaway PostgreSQL cluster:
// the JSON shapes of team status, team sync and annotations (with their author), and a feed
// shared with the team reaching another analyst's library.
#include "TeamTestSupport.h"
#include "TestHttpServer.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

namespace {

const auto kDatabase = u"team_cli"_s;

struct Run
{
    int status = -1;
    QByteArray out;
    QByteArray err;
    QJsonValue json() const { return QJsonDocument::fromJson(out).isObject() ? QJsonValue(QJsonDocument::fromJson(out).object())
                                                                              : QJsonValue(QJsonDocument::fromJson(out).array()); }
};

} // namespace

class TestTeamCli : public QObject
{
    Q_OBJECT

private:
    TestHttpServer m_server;

    // Runs folio-cli while this thread's event loop keeps the test server answering.
    static Run cli(const QString& profile, const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"FOLIO_LANG"_s, u"en"_s);
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QString::fromUtf8(FOLIO_CLI_PATH), QStringList{u"--profile"_s, profile, u"--no-seed"_s} + args);
        Run r;
        if (!p.waitForStarted() || !finished.wait(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString reason;
        if (!PgCluster::enabled(&reason)) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY(m_server.listen());
        QVERIFY(PgCluster::createDatabase(kDatabase));
        // The administrator: init creates the schema and the group role, then adds two analysts.
        TestLibrary admin(false);
        const Run r = cli(admin.profile(), {u"team"_s, u"init"_s, PgCluster::url(kDatabase, u"postgres"_s), u"--name"_s,
                                            u"Osint"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        for (const QString& who : {u"alice"_s, u"bob"_s}) {
            QVERIFY(PgCluster::createAnalyst(who));
        }
    }

    void statusSyncAndAuthorsAsJson()
    {
        TestLibrary alice(false);
        TestLibrary bob(false);
        // Before joining: the same shape, nothing in it.
        Run r = cli(alice.profile(), {u"team"_s, u"status"_s, u"--json"_s});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.json().toObject(), (QJsonObject{{u"url"_s, QJsonValue::Null}, {u"name"_s, QJsonValue::Null},
                                                   {u"last_sync"_s, QJsonValue::Null}, {u"pending"_s, 0}}));
        r = cli(alice.profile(), {u"team"_s, u"join"_s, PgCluster::url(kDatabase, u"alice"_s), u"--name"_s, u"Osint"_s});
        QVERIFY2(r.status == 0, r.err.constData());

        r = cli(alice.profile(), {u"team"_s, u"status"_s, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        QJsonObject status = r.json().toObject();
        QCOMPARE(status.keys(), (QStringList{u"last_sync"_s, u"name"_s, u"pending"_s, u"url"_s}));
        QCOMPARE(status.value(u"name"_s).toString(), u"Osint"_s);
        QVERIFY(status.value(u"url"_s).toString().startsWith(u"postgresql://alice@"_s));
        QVERIFY(status.value(u"pending"_s).isDouble());

        // Alice imports a tag page and highlights a passage: both wait in the outbox.
        r = cli(alice.profile(), {u"import"_s, dataPath(u"tagpages/kazachstan.txt"_s)});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(alice.profile(), {u"list"_s, u"--json"_s});
        const QJsonArray articles = r.json().toArray();
        QVERIFY(!articles.isEmpty());
        const QString id = QString::number(articles.first().toObject().value(u"id"_s).toInteger());
        r = cli(alice.profile(), {u"show"_s, id, u"--json"_s});
        const QString text = r.json().toObject().value(u"content_text"_s).toString();
        const QString summary = r.json().toObject().value(u"summary"_s).toString();
        const QString quote = (text.isEmpty() ? summary : text).section(u' ', 0, 2);
        QVERIFY2(!quote.isEmpty(), r.out.constData());
        r = cli(alice.profile(), {u"annotate"_s, id, u"--quote"_s, quote, u"--note"_s, u"for the report"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(alice.profile(), {u"team"_s, u"status"_s, u"--json"_s});
        QVERIFY(r.json().toObject().value(u"pending"_s).toInt() >= 1);
        QVERIFY(r.json().toObject().value(u"last_sync"_s).isNull() || r.json().toObject().value(u"last_sync"_s).isString());

        r = cli(alice.profile(), {u"team"_s, u"sync"_s, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        QJsonObject report = r.json().toObject();
        QVERIFY(report.contains(u"pushed"_s) && report.contains(u"pulled"_s));
        QVERIFY(report.value(u"pushed"_s).toInt() >= 2); // the articles and the annotation at least
        r = cli(alice.profile(), {u"team"_s, u"status"_s, u"--json"_s});
        QCOMPARE(r.json().toObject().value(u"pending"_s).toInt(), 0);
        QVERIFY(r.json().toObject().value(u"last_sync"_s).isString());
        QVERIFY(QDateTime::fromString(r.json().toObject().value(u"last_sync"_s).toString(), Qt::ISODate).isValid());

        // Bob joins and pulls: the article and Alice's note, with her as its author.
        r = cli(bob.profile(), {u"team"_s, u"join"_s, PgCluster::url(kDatabase, u"bob"_s), u"--name"_s, u"Osint"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(bob.profile(), {u"team"_s, u"sync"_s, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().toObject().value(u"pulled"_s).toInt() >= 2);
        r = cli(bob.profile(), {u"list"_s, u"--json"_s, u"--query"_s, u"author:alice"_s});
        const QJsonArray annotated = r.json().toArray();
        QCOMPARE(annotated.size(), 1);
        const QString bobsId = QString::number(annotated.first().toObject().value(u"id"_s).toInteger());
        r = cli(bob.profile(), {u"annotations"_s, bobsId, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonArray notes = r.json().toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().toObject().value(u"author"_s).toString(), u"alice"_s);
        QCOMPARE(notes.first().toObject().value(u"note"_s).toString(), u"for the report"_s);
        QCOMPARE(notes.first().toObject().value(u"quote"_s).toString(), quote);
        // Nothing new: a second sync pulls nothing.
        r = cli(bob.profile(), {u"team"_s, u"sync"_s, u"--json"_s});
        QCOMPARE(r.json().toObject().value(u"pulled"_s).toInt(), 0);
        QCOMPARE(r.json().toObject().value(u"pushed"_s).toInt(), 0);
    }

    void aFeedSharedWithTheTeamReachesTheOthers()
    {
        m_server.setRoute("/shared.xml", TestHttpServer::feed(u"alpha.xml"_s));
        TestLibrary alice(false);
        TestLibrary bob(false);
        Run r = cli(alice.profile(), {u"team"_s, u"join"_s, PgCluster::url(kDatabase, u"alice"_s), u"--name"_s, u"Osint"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(bob.profile(), {u"team"_s, u"join"_s, PgCluster::url(kDatabase, u"bob"_s), u"--name"_s, u"Osint"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        const QString url = m_server.url(u"/shared.xml"_s).toString();
        r = cli(alice.profile(), {u"subscribe"_s, url, u"--tag"_s, u"Watch"_s, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(alice.profile(), {u"feeds"_s, u"--json"_s});
        const QJsonArray feeds = r.json().toArray();
        QCOMPARE(feeds.size(), 1);
        const QString feedId = QString::number(feeds.first().toObject().value(u"id"_s).toInteger());
        // Not shared yet: Bob gets the articles (articles are always shared) but not the feed.
        r = cli(alice.profile(), {u"team"_s, u"sync"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(bob.profile(), {u"team"_s, u"sync"_s});
        r = cli(bob.profile(), {u"feeds"_s, u"--json"_s});
        QCOMPARE(r.json().toArray().size(), 0);

        r = cli(alice.profile(), {u"team"_s, u"feed"_s, feedId});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(alice.profile(), {u"team"_s, u"sync"_s, u"--json"_s});
        QVERIFY(r.json().toObject().value(u"pushed"_s).toInt() >= 1);
        r = cli(bob.profile(), {u"team"_s, u"sync"_s, u"--json"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(bob.profile(), {u"feeds"_s, u"--json"_s});
        const QJsonArray bobs = r.json().toArray();
        QCOMPARE(bobs.size(), 1);
        QCOMPARE(bobs.first().toObject().value(u"url"_s).toString(), url);
        // Bob follows it himself from now on: his refresh fetches it.
        m_server.clearRequests();
        r = cli(bob.profile(), {u"fetch"_s});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(m_server.requestsTo("/shared.xml").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTeamCli)
#include "TestTeamCli.moc"
