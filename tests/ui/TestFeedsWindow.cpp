// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "AddSubscriptionDialog.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "feeds/FeedService.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/Library.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

TestHttpServer::Response fixture(const QString& name)
{
    return TestHttpServer::ok(test::readData(u"feeds/http/"_s + name), "application/rss+xml");
}

} // namespace

class TestFeedsWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestHttpServer m_server;

    struct Session
    {
        std::unique_ptr<QNetworkAccessManager> network;
        std::unique_ptr<Library> library;
        std::unique_ptr<FeedService> feeds;
        std::unique_ptr<MainWindow> window;
        QTreeView* sidebar = nullptr;
        ArticleListView* list = nullptr;

        QAction* action(const QString& name) const { return window->findChild<QAction*>(name); }
        QModelIndex feed(qint64 id) const { return window->tagModel()->indexForKey(u"feed:%1"_s.arg(id)); }
    };

    Session open(const QString& profile)
    {
        Session s;
        auto lib = Library::open(profile);
        if (!lib) {
            qWarning("%s", qPrintable(lib.error().toString()));
            return s;
        }
        s.network = std::make_unique<QNetworkAccessManager>();
        s.library = std::move(lib.value());
        s.feeds = std::make_unique<FeedService>(s.library.get(), s.network.get());
        s.window = std::make_unique<MainWindow>(s.library.get(), s.feeds.get());
        s.window->setConfirmHandler([](const QString&, const QString&) { return true; });
        s.window->show();
        s.sidebar = s.window->findChild<QTreeView*>(u"tagTreeView"_s);
        s.list = s.window->findChild<ArticleListView*>(u"articleListView"_s);
        return s;
    }

    static void close(Session& s)
    {
        s.window->close();
        s.window.reset();
        s.feeds.reset();
        s.library.reset();
        s.network.reset();
    }

    // Subscribes through the window and returns the new feed's id (0 on failure).
    static qint64 subscribe(Session& s, const QUrl& url, const QStringList& tags = {})
    {
        QSignalSpy finished(s.window.get(), &MainWindow::subscribeFinished);
        s.window->subscribe(url, tags);
        if (!finished.wait(10000) || !finished.at(0).at(0).toBool()) {
            qWarning() << "subscribe failed" << finished;
            return 0;
        }
        return finished.at(0).at(2).toLongLong();
    }

    static bool refreshAll(Session& s, QString* message = nullptr)
    {
        QSignalSpy finished(s.window.get(), &MainWindow::refreshFinished);
        s.action(u"refreshAllAction"_s)->trigger();
        if (!finished.wait(10000)) {
            return false;
        }
        if (message) {
            *message = finished.at(0).at(1).toString();
        }
        return true;
    }

    static QStringList titles(const Session& s)
    {
        QStringList out;
        for (int row = 0; row < s.list->model()->rowCount(); ++row) {
            out.append(s.list->model()->index(row, ArticleListModel::Title).data().toString());
        }
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
    }

    void init()
    {
        m_server.setRoute("/alpha.xml", fixture(u"alpha.xml"_s));
        m_server.setRoute("/beta.atom", fixture(u"beta.atom"_s));
        m_server.setRoute("/broken.xml", fixture(u"broken.xml"_s));
    }

    void subscribeThroughDialogSelectsFeedWithCount()
    {
        Session s = open(m_dir.filePath(u"dialog"_s));
        QVERIFY(s.sidebar && s.list);
        QSignalSpy finished(s.window.get(), &MainWindow::subscribeFinished);
        s.action(u"addSubscriptionAction"_s)->trigger();
        AddSubscriptionDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = s.window->findChild<AddSubscriptionDialog*>()) != nullptr);
        auto* ok = dialog->findChild<QDialogButtonBox*>(u"subscriptionButtonBox"_s)->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // nothing typed yet
        dialog->findChild<QLineEdit*>(u"urlLineEdit"_s)->setText(m_server.url(u"/alpha.xml"_s).toString());
        dialog->findChild<QLineEdit*>(u"tagLineEdit"_s)->setText(u" Watch "_s);
        QVERIFY(ok->isEnabled());
        ok->click();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        const qint64 id = finished.at(0).at(2).toLongLong();
        QVERIFY(id > 0);

        QTRY_VERIFY(s.feed(id).isValid());
        QTRY_COMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 2);
        QCOMPARE(s.feed(id).data().toString(), u"Alpha News"_s);
        QCOMPARE(s.window->tagModel()->index(s.feed(id).row(), TagTreeModel::Counts, s.feed(id).parent()).data(),
                 QVariant(u"2"_s));
        QTRY_COMPARE(s.sidebar->currentIndex().data(TagTreeModel::KeyRole).toString(), u"feed:%1"_s.arg(id));
        QTRY_COMPARE(titles(s), (QStringList{u"Alpha one"_s, u"Alpha two"_s}));
        QTRY_VERIFY(s.window->tagModel()->indexForKey(u"tag:Watch"_s).isValid()); // the dialog's tag
        QVERIFY(s.action(u"refreshFeedAction"_s)->isEnabled());
        QVERIFY(s.action(u"unsubscribeAction"_s)->isEnabled());

        // Subscribing again changes nothing and still selects the feed.
        QVERIFY(s.window->selectSidebarKey(u"all"_s));
        QCOMPARE(subscribe(s, m_server.url(u"/alpha.xml"_s)), id);
        QCOMPARE(s.sidebar->currentIndex().data(TagTreeModel::KeyRole).toString(), u"feed:%1"_s.arg(id));
        close(s);
    }

    void selectingFeedsFiltersTheList()
    {
        Session s = open(m_dir.filePath(u"filter"_s));
        const qint64 alpha = subscribe(s, m_server.url(u"/alpha.xml"_s));
        const qint64 beta = subscribe(s, m_server.url(u"/beta.atom"_s));
        QVERIFY(alpha > 0 && beta > 0);
        QTRY_VERIFY(s.feed(beta).isValid());
        const int betaCount = s.feed(beta).data(TagTreeModel::CountRole).toInt();
        QVERIFY(betaCount > 0);
        QVERIFY(s.window->selectSidebarKey(u"feed:%1"_s.arg(alpha)));
        QTRY_COMPARE(titles(s), (QStringList{u"Alpha one"_s, u"Alpha two"_s}));
        QCOMPARE(s.window->selectedFeedId(), alpha);
        QVERIFY(s.window->selectSidebarKey(u"feed:%1"_s.arg(beta)));
        QTRY_COMPARE(s.list->model()->rowCount(), betaCount);
        QVERIFY(s.window->selectSidebarKey(u"all"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), betaCount + 2);
        QCOMPARE(s.window->selectedFeedId(), 0);
        QVERIFY(!s.action(u"refreshFeedAction"_s)->isEnabled());
        close(s);
    }

    void refreshAllAddsArticlesAndFailuresKeepThem()
    {
        Session s = open(m_dir.filePath(u"refresh"_s));
        const qint64 id = subscribe(s, m_server.url(u"/alpha.xml"_s));
        QVERIFY(id > 0);
        QTRY_COMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 2);

        m_server.setRoute("/alpha.xml", fixture(u"alpha-v2.xml"_s));
        QString message;
        QVERIFY(refreshAll(s, &message));
        QVERIFY2(message.contains(u"1 new article(s)"_s), qPrintable(message));
        QTRY_COMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 3);
        QTRY_COMPARE(s.list->model()->rowCount(), 3);

        // A failing feed keeps its articles and says why in the sidebar.
        m_server.setRoute("/alpha.xml", fixture(u"broken.xml"_s));
        QVERIFY(refreshAll(s, &message));
        QVERIFY2(message.contains(u"1 failed"_s), qPrintable(message));
        QTRY_VERIFY(!s.feed(id).data(TagTreeModel::FeedErrorRole).toString().isEmpty());
        QVERIFY(s.feed(id).data(Qt::ToolTipRole).toString().contains(u"The last refresh failed"_s));
        QVERIFY(s.feed(id).data(Qt::ToolTipRole).toString().contains(s.feed(id).data(TagTreeModel::FeedErrorRole).toString()));
        QVERIFY(!s.feed(id).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 3);
        QVERIFY(s.window->selectSidebarKey(u"feed:%1"_s.arg(id)));
        QTRY_COMPARE(s.list->model()->rowCount(), 3);

        // The Refresh action fetches the selected feed; a success clears the mark.
        m_server.setRoute("/alpha.xml", fixture(u"alpha-v2.xml"_s));
        QSignalSpy finished(s.window.get(), &MainWindow::refreshFinished);
        QTRY_VERIFY(s.action(u"refreshFeedAction"_s)->isEnabled());
        s.action(u"refreshFeedAction"_s)->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).toBool());
        QTRY_VERIFY(s.feed(id).data(TagTreeModel::FeedErrorRole).toString().isEmpty());
        QVERIFY(s.feed(id).data(Qt::DecorationRole).isNull());
        close(s);
    }

    void refreshShowsProgressAndCancels()
    {
        Session s = open(m_dir.filePath(u"cancel"_s));
        const qint64 id = subscribe(s, m_server.url(u"/alpha.xml"_s));
        QVERIFY(id > 0);
        QTRY_COMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 2);
        TestHttpServer::Response slow = fixture(u"alpha-v2.xml"_s);
        slow.delayMs = 8000;
        m_server.setRoute("/alpha.xml", slow);
        QSignalSpy finished(s.window.get(), &MainWindow::refreshFinished);
        s.action(u"refreshAllAction"_s)->trigger();
        auto* progress = s.window->findChild<QProgressBar*>(u"refreshProgressBar"_s);
        QVERIFY(progress && progress->isVisible());
        QVERIFY(s.window->isRefreshing());
        QVERIFY(!s.action(u"refreshAllAction"_s)->isEnabled());
        QTRY_COMPARE(progress->maximum(), 1);
        QVERIFY(s.action(u"cancelRefreshAction"_s)->isEnabled());
        s.action(u"cancelRefreshAction"_s)->trigger();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(finished.wait(7000));
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed()))); // well before the server answers
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(finished.at(0).at(1).toString().contains(u"1 cancelled"_s), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(!progress->isVisible());
        QVERIFY(s.action(u"refreshAllAction"_s)->isEnabled());
        QCOMPARE(s.feed(id).data(TagTreeModel::CountRole).toInt(), 2);
        close(s);
    }

    void subscribeErrorsGoThroughTheErrorSeam()
    {
        Session s = open(m_dir.filePath(u"errors"_s));
        QSignalSpy errors(s.window.get(), &MainWindow::errorShown);
        QSignalSpy finished(s.window.get(), &MainWindow::subscribeFinished);
        s.window->subscribe(m_server.url(u"/missing.xml"_s));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.at(0).at(1).toString().contains(u"missing.xml"_s));
        QCOMPARE(s.window->tagModel()->rowCount(s.window->tagModel()->index(1, 0)), 0);
        close(s);
    }

    void unsubscribeAsksAndRemovesTheFeed()
    {
        Session s = open(m_dir.filePath(u"unsubscribe"_s));
        const qint64 id = subscribe(s, m_server.url(u"/alpha.xml"_s));
        QVERIFY(id > 0);
        QTRY_COMPARE(s.window->selectedFeedId(), id);
        QStringList asked;
        s.window->setConfirmHandler([&asked](const QString&, const QString& text) {
            asked.append(text);
            return false;
        });
        s.action(u"unsubscribeAction"_s)->trigger();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(u"Alpha News"_s));
        test::waitUntilIdle(*s.library);
        QVERIFY(s.feed(id).isValid()); // declined
        QCOMPARE(s.library->feeds().result()->size(), 1);

        s.window->setConfirmHandler([](const QString&, const QString&) { return true; });
        QSignalSpy finished(s.window.get(), &MainWindow::unsubscribeFinished);
        s.action(u"unsubscribeAction"_s)->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).toBool());
        QTRY_VERIFY(!s.feed(id).isValid());
        QTRY_COMPARE(s.sidebar->currentIndex().data(TagTreeModel::KeyRole).toString(), u"all"_s);
        QTRY_COMPARE(s.list->model()->rowCount(), 0);
        QVERIFY(!s.action(u"unsubscribeAction"_s)->isEnabled());
        close(s);
    }

    void opmlExportThenImportIntoFreshProfile()
    {
        const QString opml = m_dir.filePath(u"subscriptions.opml"_s);
        {
            Session s = open(m_dir.filePath(u"opml-from"_s));
            QVERIFY(subscribe(s, m_server.url(u"/alpha.xml"_s), {u"Watch"_s}) > 0);
            QVERIFY(subscribe(s, m_server.url(u"/beta.atom"_s)) > 0);
            QSignalSpy done(s.window.get(), &MainWindow::subscriptionsTransferred);
            s.window->exportSubscriptions(opml);
            QVERIFY(done.wait(10000));
            QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
            close(s);
        }
        Session s = open(m_dir.filePath(u"opml-to"_s));
        QSignalSpy done(s.window.get(), &MainWindow::subscriptionsTransferred);
        QSignalSpy refreshed(s.window.get(), &MainWindow::refreshFinished);
        s.window->importSubscriptions(opml);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QVERIFY(done.at(0).at(1).toString().contains(u"2 new feed(s)"_s));
        const QModelIndex feeds = s.window->tagModel()->index(1, 0);
        QTRY_COMPARE(s.window->tagModel()->rowCount(feeds), 2);
        // The imported feeds are fetched right away.
        QTRY_COMPARE(refreshed.count(), 1);
        QTRY_VERIFY(s.window->tagModel()->index(0, 0, feeds).data(TagTreeModel::CountRole).toInt() > 0);
        QTRY_VERIFY(s.window->tagModel()->indexForKey(u"tag:Watch"_s).isValid());

        // A broken list is reported, not half-imported.
        QSignalSpy errors(s.window.get(), &MainWindow::errorShown);
        s.window->importSubscriptions(test::dataPath(u"feeds/http/broken.xml"_s));
        QTRY_COMPARE(done.count(), 2);
        QVERIFY(!done.at(1).at(0).toBool());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(s.window->tagModel()->rowCount(feeds), 2);
        close(s);
    }

    void fileImportTakesAnRssFile()
    {
        Session s = open(m_dir.filePath(u"rssfile"_s));
        QSignalSpy finished(s.window.get(), &MainWindow::importFinished);
        s.window->importFiles({test::dataPath(u"feeds/rss20-full.xml"_s)});
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY(s.list->model()->rowCount() >= 4);
        QVERIFY(titles(s).contains(u"Nieuwe spoorlijn naar Kashgar"_s));
        close(s);
    }

    void preferencesSetTheRefreshInterval()
    {
        const QString profile = m_dir.filePath(u"prefs"_s);
        {
            Session s = open(profile);
            auto* timer = s.window->findChild<QTimer*>(u"autoRefreshTimer"_s);
            QVERIFY(timer);
            QVERIFY(timer->isActive());
            QCOMPARE(timer->interval(), Preferences::kDefaultRefreshIntervalMinutes * 60 * 1000);

            s.action(u"preferencesAction"_s)->trigger();
            PreferencesDialog* dialog = nullptr;
            QTRY_VERIFY((dialog = s.window->findChild<PreferencesDialog*>()) != nullptr);
            auto* spin = dialog->findChild<QSpinBox*>(u"refreshIntervalSpinBox"_s);
            QCOMPARE(spin->value(), 60);
            spin->setValue(15);
            dialog->accept();
            QCOMPARE(timer->interval(), 15 * 60 * 1000);
            QVERIFY(timer->isActive());

            s.action(u"preferencesAction"_s)->trigger();
            QTRY_VERIFY((dialog = s.window->findChild<PreferencesDialog*>()) != nullptr);
            dialog->findChild<QSpinBox*>(u"refreshIntervalSpinBox"_s)->setValue(0);
            dialog->accept();
            QVERIFY(!timer->isActive());
            close(s);
        }
        QSettings settings(QDir(profile).filePath(u"folio.ini"_s), QSettings::IniFormat);
        QCOMPARE(settings.value(u"feeds/refreshIntervalMinutes"_s).toInt(), 0);
        settings.setValue(u"feeds/refreshIntervalMinutes"_s, 1);
        settings.sync();
        Session s = open(profile);
        auto* timer = s.window->findChild<QTimer*>(u"autoRefreshTimer"_s);
        QVERIFY(timer->isActive());
        QCOMPARE(timer->interval(), 60 * 1000);
        // The timer runs Refresh all.
        QVERIFY(subscribe(s, m_server.url(u"/alpha.xml"_s)) > 0);
        QSignalSpy refreshed(s.window.get(), &MainWindow::refreshFinished);
        timer->setInterval(50);
        QVERIFY(refreshed.wait(10000));
        close(s);
    }
};

QTEST_MAIN(TestFeedsWindow)
#include "TestFeedsWindow.moc"
