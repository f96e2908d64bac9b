// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team library against a real PostgreSQL server (the ctest fixture FolioPostgres).
#include "TeamTestSupport.h"

#include "storage/AnnotationStore.h"
#include "storage/ArticleStore.h"
#include "storage/QueryParser.h"
#include "storage/SavedSearchStore.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"
#include "team/TeamLocal.h"
#include "team/TeamService.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

class TestTeamSync : public QObject
{
    Q_OBJECT

private:
    // A fresh team database initialised by the administrator, with analysts alice, bob, carol.
    void newTeam(const QString& database)
    {
        QVERIFY(PgCluster::createDatabase(database));
        TestLibrary admin(false);
        const auto init = TeamService(admin.path()).init(PgCluster::url(database, u"postgres"_s), u"Osint"_s);
        QVERIFY2(init, init ? "" : qPrintable(init.error().toString()));
        for (const QString& who : {u"alice"_s, u"bob"_s, u"carol"_s}) {
            QVERIFY(PgCluster::createAnalyst(who));
        }
    }

    static void join(TestLibrary& lib, const QString& database, const QString& who)
    {
        const auto joined = TeamService(lib.path()).join(PgCluster::url(database, who), u"Osint"_s);
        QVERIFY2(joined, joined ? "" : qPrintable(joined.error().toString()));
    }

    static SyncReport sync(TestLibrary& lib)
    {
        const auto report = TeamService(lib.path()).sync();
        if (!report) {
            qWarning().noquote() << report.error().toString();
            return SyncReport{-1, -1};
        }
        return report.value();
    }

    static qint64 firstArticle(TestLibrary& lib) { return lib.scalar(u"SELECT min(id) FROM articles"_s); }

    static Annotation note(TestLibrary& lib, qint64 articleId, const QString& text)
    {
        Annotation a;
        a.articleId = articleId;
        a.note = text;
        const auto stored = AnnotationStore(lib.db()).add(a);
        if (!stored) {
            qWarning().noquote() << stored.error().toString();
            return {};
        }
        return stored.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString reason;
        if (!PgCluster::enabled(&reason)) {
            QSKIP(qPrintable(reason));
        }
        QVERIFY2(!PgCluster::socketDir().isEmpty(), "FOLIO_TEST_PG_DIR is not set: run through ctest (fixture FolioPostgres)");
        QVERIFY2(QFileInfo::exists(PgCluster::socketDir() + u"/.s.PGSQL.5432"_s),
                 "no PostgreSQL socket: the fixture TeamPostgresStart did not start a cluster");
    }

    void twoLibrariesShareArticlesTagsAnnotationsAndSearches()
    {
        newTeam(u"team_two"_s);
        TestLibrary a;
        TestLibrary b(false);
        join(a, u"team_two"_s, u"alice"_s);
        join(b, u"team_two"_s, u"bob"_s);
        const qint64 article = firstArticle(a);
        QVERIFY(note(a, article, u"Watch this one"_s).id > 0);
        QVERIFY(TagStore(a.db()).addTag({article}, u"Hot"_s));
        QVERIFY(TeamLocal(a.db()).setTeamTag(u"hot"_s, true));
        QVERIFY(TagStore(a.db()).addTag({article}, u"Private"_s)); // not a team tag
        QVERIFY(StateStore(a.db()).setBookmarked({article}, true));
        QVERIFY(SavedSearchStore(a.db()).add(u"Trade"_s, u"trade"_s));
        QVERIFY(TeamLocal(a.db()).setSharedSearch(u"Trade"_s, true));
        QVERIFY(SavedSearchStore(a.db()).add(u"Mine"_s, u"mine"_s));

        const SyncReport pushed = sync(a);
        QVERIFY(pushed.pushed >= 6);
        QCOMPARE(TeamService(a.path()).status()->pending, 0);
        const SyncReport pulled = sync(b);
        QVERIFY(pulled.pulled >= 6);

        QCOMPARE(b.scalar(u"SELECT count(*) FROM articles"_s), a.scalar(u"SELECT count(*) FROM articles"_s));
        // Keyed as they are stored (the list sorts by title key), not at the next start.
        QCOMPARE(b.scalar(u"SELECT count(*) FROM articles WHERE title_key IS NULL"_s), 0);
        QCOMPARE(b.scalar(u"SELECT count(DISTINCT title_key) FROM articles"_s), a.scalar(u"SELECT count(DISTINCT title_key) FROM articles"_s));
        QCOMPARE(b.scalar(u"SELECT count(*) FROM annotations WHERE author = 'alice' AND note = 'Watch this one'"_s), 1);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                          u"WHERE t.key = 'hot' AND t.team = 1 AND at.origin = 'user'"_s),
                 1);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM tags WHERE key = 'private'"_s), 0);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM saved_searches WHERE name = 'Trade' AND shared = 1"_s), 1);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM saved_searches WHERE name = 'Mine'"_s), 0);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM article_state WHERE bookmarked = 1"_s), 0); // personal
        QCOMPARE(b.scalar(u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kazakhstan OR azie OR china'"_s)
                     > 0,
                 true);

        // Bob answers; Alice gets it with his name. Bob cannot change Alice's note in his library.
        const qint64 shared = b.scalar(u"SELECT article_id FROM annotations WHERE author = 'alice'"_s);
        QVERIFY(note(b, shared, u"Agreed"_s).id > 0);
        const qint64 alices = b.scalar(u"SELECT id FROM annotations WHERE author = 'alice'"_s);
        const auto refused = AnnotationStore(b.db()).update(alices, u"Bob was here"_s, u"yellow"_s);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"author"_s));
        QCOMPARE(sync(b).pushed, 1);
        QVERIFY(sync(a).pulled >= 1);
        QCOMPARE(a.scalar(u"SELECT count(*) FROM annotations WHERE author = 'bob' AND note = 'Agreed'"_s), 1);
        // author:NAME finds what a team member annotated.
        const auto byBob = QueryParser::parse(u"author:Bob"_s);
        QVERIFY(byBob);
        QCOMPARE(ArticleStore(a.db()).count(byBob.value()).value(), 1);
        QCOMPARE(ArticleStore(a.db()).count(QueryParser::parse(u"author:carol"_s).value()).value(), 0);
        const auto notes = AnnotationStore(a.db()).forArticle(article);
        QVERIFY(notes);
        QCOMPARE(notes->size(), 2);
        // Nothing echoes back: a second round moves nothing.
        QCOMPARE(sync(a).pushed, 0);
        QCOMPARE(sync(b).pulled, 0);

        // Removals travel too: Alice takes the team tag off and deletes her note.
        QVERIFY(TagStore(a.db()).removeTag({article}, u"Hot"_s));
        QVERIFY(AnnotationStore(a.db()).remove(a.scalar(u"SELECT id FROM annotations WHERE author = 'alice'"_s)));
        QVERIFY(sync(a).pushed >= 2);
        sync(b);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM annotations WHERE author = 'alice'"_s), 0);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.key = 'hot'"_s), 0);
    }

    void threeLibrariesAndStateFollowingTheAnalyst()
    {
        newTeam(u"team_three"_s);
        TestLibrary alice1;
        TestLibrary alice2(false);
        TestLibrary bob(false);
        join(alice1, u"team_three"_s, u"alice"_s);
        join(alice2, u"team_three"_s, u"alice"_s);
        join(bob, u"team_three"_s, u"bob"_s);
        const qint64 article = firstArticle(alice1);
        QVERIFY(StateStore(alice1.db()).setBookmarked({article}, true));
        QVERIFY(StateStore(alice1.db()).setRead({article}, true));
        QVERIFY(note(alice1, article, u"From the laptop"_s).id > 0);
        sync(alice1);
        sync(alice2);
        sync(bob);
        // Alice's other machine has her bookmark, read state and note; Bob has only the note.
        QCOMPARE(alice2.scalar(u"SELECT count(*) FROM article_state WHERE bookmarked = 1 AND read = 1"_s), 1);
        QCOMPARE(alice2.scalar(u"SELECT count(*) FROM annotations WHERE author = 'alice'"_s), 1);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM article_state WHERE bookmarked = 1 OR read = 1"_s), 0);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotations WHERE author = 'alice'"_s), 1);
        // Alice edits her note on the second machine; both others follow.
        const qint64 id2 = alice2.scalar(u"SELECT id FROM annotations WHERE author = 'alice'"_s);
        QVERIFY(AnnotationStore(alice2.db()).update(id2, u"From the desktop"_s, u"green"_s));
        QVERIFY(alice2.db().exec(u"UPDATE annotations SET updated = updated + 5"_s).lastError().type() == QSqlError::NoError);
        QCOMPARE(sync(alice2).pushed, 1);
        sync(alice1);
        sync(bob);
        QCOMPARE(alice1.scalar(u"SELECT count(*) FROM annotations WHERE note = 'From the desktop' AND color = 'green'"_s), 1);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotations WHERE note = 'From the desktop'"_s), 1);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotation_history WHERE note = 'From the laptop'"_s), 1);
        // Bob's unread mark of his own does not reach Alice.
        QVERIFY(StateStore(bob.db()).setRead({bob.scalar(u"SELECT min(id) FROM articles"_s)}, true));
        sync(bob);
        QVERIFY(StateStore(alice1.db()).setRead({article}, false));
        sync(alice1);
        sync(alice2);
        QCOMPARE(alice2.scalar(u"SELECT count(*) FROM article_state WHERE read = 1"_s), 0);
    }

    void offlineEditsArePushedWhenTheServerReturns()
    {
        newTeam(u"team_offline"_s);
        TestLibrary a;
        TestLibrary b(false);
        join(a, u"team_offline"_s, u"alice"_s);
        join(b, u"team_offline"_s, u"bob"_s);
        sync(a);
        sync(b);
        // The server is out of reach: edits go on, sync says "network", nothing is lost.
        QVERIFY(a.db().exec(u"UPDATE meta SET value = replace(value, 'host=', 'host=/nonexistent') "
                            u"WHERE key = 'team.url'"_s)
                    .lastError()
                    .type()
                == QSqlError::NoError);
        const qint64 article = firstArticle(a);
        QVERIFY(note(a, article, u"Written on the train"_s).id > 0);
        QVERIFY(StateStore(a.db()).setBookmarked({article}, true));
        const auto offline = TeamService(a.path()).sync();
        QVERIFY(!offline);
        QCOMPARE(offline.error().code, Error::Code::Network);
        QCOMPARE(TeamService(a.path()).status()->pending, 2);
        QVERIFY(a.db().exec(u"UPDATE meta SET value = replace(value, 'host=/nonexistent', 'host=') "
                            u"WHERE key = 'team.url'"_s)
                    .lastError()
                    .type()
                == QSqlError::NoError);
        QCOMPARE(sync(a).pushed, 2);
        sync(b);
        QCOMPARE(b.scalar(u"SELECT count(*) FROM annotations WHERE note = 'Written on the train'"_s), 1);
    }

    void laterEditWinsAndTheEarlierIsKept()
    {
        newTeam(u"team_conflict"_s);
        TestLibrary laptop;
        TestLibrary desktop(false);
        TestLibrary bob(false);
        join(laptop, u"team_conflict"_s, u"alice"_s);
        join(desktop, u"team_conflict"_s, u"alice"_s);
        join(bob, u"team_conflict"_s, u"bob"_s);
        QVERIFY(note(laptop, firstArticle(laptop), u"v1"_s).id > 0);
        sync(laptop);
        sync(desktop);
        // Both machines edit offline; the laptop's edit is the later one but syncs last.
        const qint64 onDesktop = desktop.scalar(u"SELECT id FROM annotations"_s);
        const qint64 onLaptop = laptop.scalar(u"SELECT id FROM annotations"_s);
        QVERIFY(AnnotationStore(desktop.db()).update(onDesktop, u"desktop edit"_s, u"blue"_s));
        QVERIFY(AnnotationStore(laptop.db()).update(onLaptop, u"laptop edit"_s, u"pink"_s));
        QVERIFY(desktop.db().exec(u"UPDATE annotations SET updated = 2000000000"_s).isActive());
        QVERIFY(laptop.db().exec(u"UPDATE annotations SET updated = 2000000100"_s).isActive());
        sync(desktop);
        sync(laptop);
        sync(desktop);
        sync(bob);
        for (TestLibrary* lib : {&laptop, &desktop, &bob}) {
            QCOMPARE(lib->scalar(u"SELECT count(*) FROM annotations WHERE note = 'laptop edit' AND color = 'pink'"_s), 1);
            QCOMPARE(lib->scalar(u"SELECT count(*) FROM annotation_history WHERE note = 'desktop edit'"_s), 1);
            QCOMPARE(lib->scalar(u"SELECT count(*) FROM annotation_history WHERE note = 'v1'"_s), 1);
        }
        // An edit older than the server's arrives late: it loses, and becomes history.
        QVERIFY(AnnotationStore(desktop.db()).update(onDesktop, u"stale edit"_s, u"blue"_s));
        QVERIFY(desktop.db().exec(u"UPDATE annotations SET updated = 2000000050"_s).isActive());
        sync(desktop);
        sync(bob);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotations WHERE note = 'laptop edit'"_s), 1);
        QCOMPARE(bob.scalar(u"SELECT count(*) FROM annotation_history WHERE note = 'stale edit'"_s), 1);
        QCOMPARE(PgCluster::scalar(u"team_conflict"_s, u"SELECT count(*) FROM team_annotations WHERE note = 'laptop edit'"_s), 1);
    }

    void rowLevelSecurityRefusesAnotherAnalystsWrites()
    {
        newTeam(u"team_rls"_s);
        TestLibrary a;
        join(a, u"team_rls"_s, u"alice"_s);
        QVERIFY(note(a, firstArticle(a), u"Alice's"_s).id > 0);
        QVERIFY(StateStore(a.db()).setBookmarked({firstArticle(a)}, true));
        sync(a);
        {
            QSqlDatabase bob = PgCluster::connect(u"team_rls"_s, u"bob"_s, u"rls-bob"_s);
            QVERIFY(bob.isOpen());
            QSqlQuery q(bob);
            QVERIFY(q.exec(u"SELECT count(*) FROM team_annotations"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 1); // Bob reads the team's annotations
            QVERIFY(q.exec(u"UPDATE team_annotations SET note = 'Bob was here'"_s));
            QCOMPARE(q.numRowsAffected(), 0); // but changes none of Alice's
            QVERIFY(!q.exec(u"INSERT INTO team_annotations(uuid, article, author, note, created, updated) "
                            u"VALUES (gen_random_uuid(), 'x', 'alice', 'forged', 1, 1)"_s));
            QVERIFY(q.lastError().text().contains(u"row-level security"_s));
            QVERIFY(!q.exec(u"INSERT INTO team_annotations(uuid, article, note, created, updated) "
                            u"SELECT uuid, article, 'overwrite', created, updated + 1 FROM team_annotations "
                            u"ON CONFLICT (uuid) DO UPDATE SET note = excluded.note"_s));
            QVERIFY(q.lastError().text().contains(u"row-level security"_s));
            QVERIFY(q.exec(u"SELECT count(*) FROM team_states"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0); // Alice's personal state is invisible to Bob
            QVERIFY(q.exec(u"UPDATE team_states SET bookmarked = false"_s));
            QCOMPARE(q.numRowsAffected(), 0);
            QVERIFY(!q.exec(u"INSERT INTO team_changes(kind, key) VALUES ('team_articles', 'x')"_s));
            QVERIFY(!q.exec(u"DELETE FROM team_annotations"_s));
        }
        QSqlDatabase::removeDatabase(u"rls-bob"_s);
        QCOMPARE(PgCluster::scalar(u"team_rls"_s, u"SELECT count(*) FROM team_annotations WHERE note = 'Alice''s'"_s), 1);
        QCOMPARE(PgCluster::scalar(u"team_rls"_s, u"SELECT count(*) FROM team_states WHERE bookmarked"_s), 1);
        // A role outside folio_analyst cannot even connect to the team's database.
        QVERIFY(PgCluster::exec(u"postgres"_s, u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                               u"'mallory') THEN CREATE ROLE mallory LOGIN; END IF; END $$"_s));
        {
            QSqlDatabase mallory = PgCluster::connect(u"team_rls"_s, u"mallory"_s, u"rls-mallory"_s);
            QVERIFY(!mallory.isOpen());
        }
        QSqlDatabase::removeDatabase(u"rls-mallory"_s);
    }

    void refusesANewerServerSchema()
    {
        newTeam(u"team_newer"_s);
        QVERIFY(PgCluster::exec(u"team_newer"_s, u"INSERT INTO team_schema_version(version) VALUES (999)"_s));
        TestLibrary a(false);
        const auto joined = TeamService(a.path()).join(PgCluster::url(u"team_newer"_s, u"alice"_s), u"Osint"_s);
        QVERIFY(!joined);
        QVERIFY(joined.error().message.contains(u"newer Folio"_s));
        const auto init = TeamService(a.path()).init(PgCluster::url(u"team_newer"_s, u"postgres"_s), u"Osint"_s);
        QVERIFY(!init);
        QVERIFY(init.error().message.contains(u"999"_s));
        const auto wrongName = TeamService(a.path()).join(PgCluster::url(u"team_rls"_s, u"alice"_s), u"Other"_s);
        QVERIFY(!wrongName);
        QVERIFY(wrongName.error().message.contains(u"Osint"_s));
    }

    void changeLogQueriesUseTheSequenceIndex()
    {
        newTeam(u"team_explain"_s);
        QVERIFY(PgCluster::exec(u"team_explain"_s,
                                u"INSERT INTO team_articles(identity, title, added) SELECT 'https://e.org/' || i, "
                                u"'Article ' || i, 1 FROM generate_series(1, 20000) i"_s));
        QVERIFY(PgCluster::exec(u"team_explain"_s, u"ANALYZE team_changes"_s));
        QVERIFY(PgCluster::exec(u"team_explain"_s, u"ANALYZE team_articles"_s));
        QSqlDatabase db = PgCluster::connect(u"team_explain"_s, u"alice"_s, u"explain"_s);
        QString plan;
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(u"EXPLAIN SELECT seq, kind, library IS NOT DISTINCT FROM 'x' FROM team_changes "
                           u"WHERE seq > 19900 ORDER BY seq LIMIT 5000"_s));
            while (q.next()) {
                plan += q.value(0).toString() + u'\n';
            }
            QVERIFY(q.exec(u"EXPLAIN SELECT x.identity FROM team_changes c JOIN team_articles x ON c.kind = "
                           u"'team_articles' AND x.identity = c.key WHERE c.seq > 19000 AND c.seq <= 19100 "
                           u"AND c.library IS DISTINCT FROM 'x' ORDER BY c.seq"_s));
            while (q.next()) {
                plan += q.value(0).toString() + u'\n';
            }
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"explain"_s);
        qInfo().noquote() << plan;
        QCOMPARE(plan.count(u"team_changes_seq"_s), 2);
        QVERIFY(!plan.contains(u"Seq Scan on team_changes"_s));
    }
};

QTEST_GUILESS_MAIN(TestTeamSync)
#include "TestTeamSync.moc"
