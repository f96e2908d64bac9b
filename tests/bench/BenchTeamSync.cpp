// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Team sync at scale, against the throwaway PostgreSQL cluster (fixture FolioPostgres):
// a library joining a team of 100,000 articles (target: >= 5,000 articles/s), and an
// incremental sync of 100 changes (target: <= 1 s). Run with `ctest -L bench -V`.
#include "TeamTestSupport.h"

#include "storage/AnnotationStore.h"
#include "storage/StateStore.h"
#include "team/TeamService.h"

#include <QElapsedTimer>

#include <sys/resource.h>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

namespace {

constexpr int kArticles = 100000;

// CPU seconds this process (the library's side of the sync) has used; the wall clock on a shared
// machine also counts other people's work.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
const auto kDatabase = u"team_bench"_s;

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 0) : u"?"_s;
}

} // namespace

class BenchTeamSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString reason;
        if (!PgCluster::enabled(&reason)) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY(PgCluster::createDatabase(kDatabase));
        TestLibrary admin(false);
        QVERIFY(TeamService(admin.path()).init(PgCluster::url(kDatabase, u"postgres"_s), u"Osint"_s));
        QVERIFY(PgCluster::createAnalyst(u"alice"_s));
        QVERIFY(PgCluster::createAnalyst(u"bob"_s));
        // A team that has collected 100,000 articles of realistic size (about 3 KB each).
        QVERIFY(PgCluster::exec(
            kDatabase,
            u"INSERT INTO team_articles(identity, link, title, summary, content_html, content_text, published, "
            u"added, tags, added_by) SELECT 'https://news.example.org/' || i, 'https://news.example.org/' || i, "
            u"'Article ' || i || ' on trade and energy in Central Asia', repeat('Summary text of the story. ', 8), "
            u"'<p>' || repeat('Body of the article with words about Kazakhstan, China and pipelines. ', 20) || "
            u"'</p>', repeat('Body of the article with words about Kazakhstan, China and pipelines. ', 20), "
            u"1700000000 + i, 1700000000 + i, '[\"Centraal-Azië\",\"Energie\"]', 'alice' "
            u"FROM generate_series(1, 100000) i"_s));
        QVERIFY(PgCluster::exec(kDatabase, u"ANALYZE"_s));
    }

    void joinTeamOfHundredThousandArticles()
    {
        TestLibrary bob(false);
        QVERIFY(TeamService(bob.path()).join(PgCluster::url(kDatabase, u"bob"_s), u"Osint"_s));
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = cpuSeconds();
        const auto report = TeamService(bob.path()).sync();
        const qint64 ms = timer.elapsed();
        const double cpu = cpuSeconds() - cpuBefore;
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM articles"_s), qint64(kArticles));
        const double rate = kArticles * 1000.0 / double(qMax<qint64>(ms, 1));
        qInfo().noquote() << u"join: %1 articles in %2 ms = %3 articles/s (target >= 5000); library side %4 s CPU "
                             u"(%5 articles per CPU second); load average %6"_s.arg(kArticles)
                                 .arg(ms)
                                 .arg(qRound(rate))
                                 .arg(cpu, 0, 'f', 1)
                                 .arg(qRound(kArticles / qMax(cpu, 0.001)))
                                 .arg(loadAverage());
        QVERIFY2(rate >= 5000, "joining is slower than 5,000 articles/s");
    }

    void incrementalSyncOfHundredChanges()
    {
        TestLibrary alice;
        TestLibrary bob(false);
        QVERIFY(TeamService(alice.path()).join(PgCluster::url(kDatabase, u"alice"_s), u"Osint"_s));
        QVERIFY(TeamService(bob.path()).join(PgCluster::url(kDatabase, u"bob"_s), u"Osint"_s));
        QVERIFY(TeamService(alice.path()).sync());
        QVERIFY(TeamService(bob.path()).sync());
        // 100 changes: a note on each of 100 articles.
        QSqlQuery q(alice.db());
        QVERIFY(q.exec(u"SELECT id FROM articles ORDER BY id DESC LIMIT 100"_s));
        QList<qint64> ids;
        while (q.next()) {
            ids.append(q.value(0).toLongLong());
        }
        q.finish();
        QCOMPARE(ids.size(), 100);
        for (const qint64 id : std::as_const(ids)) {
            Annotation a;
            a.articleId = id;
            a.note = u"Incremental note on %1"_s.arg(id);
            QVERIFY(AnnotationStore(alice.db()).add(a));
        }
        QElapsedTimer timer;
        timer.start();
        const auto pushed = TeamService(alice.path()).sync();
        const qint64 pushMs = timer.elapsed();
        QVERIFY(pushed);
        QCOMPARE(pushed->pushed, 100);
        timer.restart();
        const auto pulled = TeamService(bob.path()).sync();
        const qint64 pullMs = timer.elapsed();
        QVERIFY(pulled);
        QCOMPARE(pulled->pulled, 100);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotations WHERE author = 'alice'"_s), 100);
        qInfo().noquote() << u"incremental: 100 changes pushed in %1 ms, pulled in %2 ms (target <= 1000 ms each)"_s
                                 .arg(pushMs)
                                 .arg(pullMs);
        QVERIFY2(pushMs <= 1000 && pullMs <= 1000, "an incremental sync of 100 changes took more than 1 s");
    }
};

QTEST_GUILESS_MAIN(BenchTeamSync)
#include "BenchTeamSync.moc"
