// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The team library in the window: Preferences → Team joins, the sync runs in the background,
// the status bar shows its state, and the annotation panel shows who wrote what.
#include "TeamTestSupport.h"

#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "storage/Library.h"
#include "team/TeamService.h"
#include "team/TeamSync.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace folio;
using namespace folio::test;

class TestTeamWindow : public QObject
{
    Q_OBJECT

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

    void joinsInPreferencesAndShowsTheTeamsWork()
    {
        const QString database = u"team_window"_s;
        QVERIFY(PgCluster::createDatabase(database));
        TestLibrary alice;
        QVERIFY(TeamService(alice.path()).init(PgCluster::url(database, u"postgres"_s), u"Osint"_s));
        QVERIFY(PgCluster::createAnalyst(u"alice"_s));
        QVERIFY(PgCluster::createAnalyst(u"bob"_s));
        QVERIFY(TeamService(alice.path()).join(PgCluster::url(database, u"alice"_s), u"Osint"_s));
        Annotation a;
        a.articleId = alice.scalar(u"SELECT min(id) FROM articles"_s);
        a.note = u"Alice's finding"_s;
        QVERIFY(AnnotationStore(alice.db()).add(a));
        QVERIFY(TeamService(alice.path()).sync());

        QTemporaryDir profile;
        auto opened = Library::open(profile.path());
        QVERIFY(opened);
        std::unique_ptr<Library> library = std::move(opened.value());
        {
            MainWindow window(library.get());
            window.show();
            auto* state = window.findChild<QLabel*>(u"teamStatusLabel"_s);
            QVERIFY(state);
            QTRY_VERIFY(!state->isVisible() || state->text().isEmpty()); // alone: nothing to show

            window.findChild<QAction*>(u"preferencesAction"_s)->trigger();
            auto* dialog = window.findChild<PreferencesDialog*>();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit*>(u"teamUrlLineEdit"_s)->setText(PgCluster::url(database, u"bob"_s));
            dialog->findChild<QLineEdit*>(u"teamNameLineEdit"_s)->setText(u"Osint"_s);
            auto* join = dialog->findChild<QPushButton*>(u"teamJoinButton"_s);
            QVERIFY(join->isEnabled());
            join->click();
            // The window stays responsive while the worker joins and syncs.
            QTRY_COMPARE_WITH_TIMEOUT(state->text(), u"Team: synced"_s, 30000);
            QVERIFY(state->isVisible());
            QTRY_VERIFY(!join->isEnabled());
            QVERIFY(dialog->findChild<QPushButton*>(u"teamLeaveButton"_s)->isEnabled());
            QTRY_VERIFY(dialog->findChild<QLabel*>(u"teamStateLabel"_s)->text().contains(u"as bob"_s));
            dialog->reject();

            library->waitForIdle();
            const auto notes = library->annotations(a.articleId).result();
            QVERIFY(notes.hasValue());
            const auto count = library->count(ArticleQuery{}).result();
            QCOMPARE(count.value(), 6);
            // An edit by Alice arrives with "Sync now".
            const qint64 mine = alice.scalar(u"SELECT id FROM annotations"_s);
            QVERIFY(AnnotationStore(alice.db()).update(mine, u"Alice's second look"_s, u"green"_s));
            QVERIFY(TeamService(alice.path()).sync());
            window.findChild<QAction*>(u"preferencesAction"_s)->trigger();
            auto* again = window.findChildren<PreferencesDialog*>().last();
            auto* sync = window.findChild<TeamSync*>();
            QVERIFY(sync);
            QSignalSpy synced(sync, &TeamSync::synced);
            again->findChild<QPushButton*>(u"teamSyncButton"_s)->click();
            QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 30000);
            QVERIFY(synced.first().first().value<SyncReport>().pulled >= 1);
            QCOMPARE(state->text(), u"Team: synced"_s);
            const qint64 noted = notesArticle(*library);
            QVERIFY(noted > 0);
            const auto list = library->annotations(noted).result();
            QVERIFY(list.hasValue());
            QCOMPARE(list->size(), 1);
            QCOMPARE(list->first().note, u"Alice's second look"_s);
            QCOMPARE(list->first().author, u"alice"_s);
            QCOMPARE(list->first().history.size(), 1);
            QCOMPARE(list->first().history.first().note, u"Alice's finding"_s);
            again->findChild<QPushButton*>(u"teamLeaveButton"_s)->click();
            QTRY_VERIFY_WITH_TIMEOUT(!state->isVisible(), 30000);
            again->reject();
        }
        library->waitForIdle();
    }

private:
    static qint64 notesArticle(Library& library)
    {
        QSqlDatabase db = Database::connection(library.databasePath()).value();
        QSqlQuery q(db);
        if (q.exec(u"SELECT article_id FROM annotations WHERE author = 'alice'"_s) && q.next()) {
            return q.value(0).toLongLong();
        }
        return 0;
    }
};

QTEST_MAIN(TestTeamWindow)
#include "TestTeamWindow.moc"
