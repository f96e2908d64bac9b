// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Interrupted syncs: folio-cli killed with SIGKILL mid-sync, and the server dropping the
// connection mid-sync. Each resumes with nothing lost and nothing twice.
#include "TeamTestSupport.h"

#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "team/TeamService.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

namespace {

constexpr int kArticles = 4000;

QProcess* startSync(const QString& profile, int pageSize)
{
    auto* p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FOLIO_TEAM_PAGE_SIZE"_s, QString::number(pageSize));
    env.insert(u"FOLIO_NO_KEYCHAIN"_s, u"1"_s);
    p->setProcessEnvironment(env);
    p->start(QString::fromUtf8(FOLIO_CLI_PATH), {u"--profile"_s, profile, u"--no-seed"_s, u"team"_s, u"sync"_s, u"--json"_s});
    return p;
}

} // namespace

class TestTeamResume : public QObject
{
    Q_OBJECT

private:
    void newTeam(const QString& database)
    {
        QVERIFY(PgCluster::createDatabase(database));
        TestLibrary admin(false);
        const auto init = TeamService(admin.path()).init(PgCluster::url(database, u"postgres"_s), u"Osint"_s);
        QVERIFY2(init, init ? "" : qPrintable(init.error().toString()));
        QVERIFY(PgCluster::createAnalyst(u"alice"_s));
        QVERIFY(PgCluster::createAnalyst(u"bob"_s));
    }

    static void join(TestLibrary& lib, const QString& url)
    {
        const auto joined = TeamService(lib.path()).join(url, u"Osint"_s);
        QVERIFY2(joined, joined ? "" : qPrintable(joined.error().toString()));
    }

    // Alice's library with kArticles articles and one note per 100 articles.
    static void fill(TestLibrary& lib)
    {
        lib.addArticles(kArticles, u"resume"_s);
        QSqlQuery q(lib.db());
        QVERIFY(q.exec(u"SELECT id FROM articles WHERE id % 100 = 0"_s));
        QList<qint64> ids;
        while (q.next()) {
            ids.append(q.value(0).toLongLong());
        }
        for (const qint64 id : std::as_const(ids)) {
            Annotation a;
            a.articleId = id;
            a.note = u"note %1"_s.arg(id);
            QVERIFY(AnnotationStore(lib.db()).add(a));
        }
    }

    static void verifyComplete(TestLibrary& lib, const QString& database)
    {
        QCOMPARE(lib.scalar(u"SELECT count(*) FROM articles"_s), qint64(kArticles));
        QCOMPARE(lib.scalar(u"SELECT count(DISTINCT identity) FROM articles"_s), qint64(kArticles));
        QCOMPARE(lib.scalar(u"SELECT count(*) FROM annotations"_s),
                 PgCluster::scalar(database, u"SELECT count(*) FROM team_annotations"_s));
        QCOMPARE(lib.scalar(u"SELECT count(*) FROM annotations"_s), qint64(kArticles / 100));
        QCOMPARE(lib.scalar(u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kazakhstan'"_s), qint64(kArticles));
        QCOMPARE(lib.scalar(u"SELECT count(*) FROM team_outbox"_s), 0);
        QCOMPARE(lib.scalar(u"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'team.cursor'"_s),
                 PgCluster::scalar(database, u"SELECT max(seq) FROM team_changes"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString reason;
        if (!PgCluster::enabled(&reason)) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY2(QFileInfo::exists(PgCluster::socketDir() + u"/.s.PGSQL.5432"_s),
                 "no PostgreSQL socket: the fixture TeamPostgresStart did not start a cluster");
    }

    void killedPushAndPullResumeWithoutDuplicates()
    {
        const QString database = u"team_kill"_s;
        newTeam(database);
        TestLibrary alice(false);
        TestLibrary bob(false);
        join(alice, PgCluster::url(database, u"alice"_s));
        join(bob, PgCluster::url(database, u"bob"_s));
        fill(alice);

        // Push killed once part of the outbox is on the server.
        std::unique_ptr<QProcess> push(startSync(alice.profile(), 100));
        QVERIFY(push->waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (PgCluster::scalar(database, u"SELECT count(*) FROM team_articles"_s) < 500 && timer.elapsed() < 60000) {
            QTest::qWait(5);
        }
        push->kill();
        QVERIFY(push->waitForFinished());
        QCOMPARE(push->exitStatus(), QProcess::CrashExit);
        const qint64 partly = PgCluster::scalar(database, u"SELECT count(*) FROM team_articles"_s);
        qInfo() << "push killed with" << partly << "of" << kArticles << "articles on the server";
        QVERIFY(partly < kArticles);
        QVERIFY(TeamService(alice.path()).status()->pending > 0);
        QVERIFY(TeamService(alice.path()).sync());
        QCOMPARE(PgCluster::scalar(database, u"SELECT count(*) FROM team_articles"_s), qint64(kArticles));
        QCOMPARE(PgCluster::scalar(database, u"SELECT count(*) FROM team_annotations"_s), qint64(kArticles / 100));
        QCOMPARE(TeamService(alice.path()).status()->pending, 0);

        // Pull killed after some pages committed.
        std::unique_ptr<QProcess> pull(startSync(bob.profile(), 50));
        QVERIFY(pull->waitForStarted());
        timer.restart();
        while (timer.elapsed() < 60000) {
            Database::closeConnection(bob.path());
            if (bob.scalar(u"SELECT count(*) FROM articles"_s) >= 500) {
                break;
            }
            QTest::qWait(5);
        }
        pull->kill();
        QVERIFY(pull->waitForFinished());
        QCOMPARE(pull->exitStatus(), QProcess::CrashExit);
        const qint64 got = bob.scalar(u"SELECT count(*) FROM articles"_s);
        qInfo() << "pull killed with" << got << "of" << kArticles << "articles here";
        QVERIFY(got < kArticles);
        const auto resumed = TeamService(bob.path()).sync();
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().toString()));
        verifyComplete(bob, database);
    }

    void serverGoingAwayDuringSync()
    {
        const QString database = u"team_away"_s;
        newTeam(database);
        TestLibrary alice(false);
        TestLibrary bob(false);
        join(alice, PgCluster::url(database, u"alice"_s));
        join(bob, PgCluster::url(database, u"bob"_s, u"&application_name=folio-away"_s));
        fill(alice);
        QVERIFY(TeamService(alice.path()).sync());

        // The server drops Bob's connection in the middle of his pull (as a network loss would).
        std::unique_ptr<QProcess> pull(startSync(bob.profile(), 20));
        QVERIFY(pull->waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            Database::closeConnection(bob.path());
            if (bob.scalar(u"SELECT count(*) FROM articles"_s) >= 200) {
                break;
            }
            QTest::qWait(5);
        }
        QVERIFY(PgCluster::scalar(u"postgres"_s, u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                                 u"WHERE application_name = 'folio-away'"_s)
                >= 1);
        QVERIFY(pull->waitForFinished(60000));
        QCOMPARE(pull->exitStatus(), QProcess::NormalExit);
        QCOMPARE(pull->exitCode(), 1);
        const QString message = QString::fromUtf8(pull->readAllStandardError());
        QVERIFY2(message.contains(u"team server"_s), qPrintable(message));
        const qint64 got = bob.scalar(u"SELECT count(*) FROM articles"_s);
        QVERIFY(got < kArticles);
        // The status stays readable; the next sync finishes the job.
        QVERIFY(TeamService(bob.path()).status());
        const auto resumed = TeamService(bob.path()).sync();
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().toString()));
        verifyComplete(bob, database);
    }
};

QTEST_GUILESS_MAIN(TestTeamResume)
#include "TestTeamResume.moc"
