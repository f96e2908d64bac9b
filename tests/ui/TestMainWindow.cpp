// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "ArticleListView.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ReaderPane.h"
#include "html/ArticlePage.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/Library.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace folio;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Session
    {
        std::unique_ptr<Library> library;
        std::unique_ptr<MainWindow> window;
        QTreeView* sidebar = nullptr;
        ArticleListView* list = nullptr;
        ReaderPane* reader = nullptr;
    };

    Session open(const QString& profile, bool seed = true)
    {
        Session s;
        auto lib = Library::open(profile);
        if (!lib) {
            qWarning("%s", qPrintable(lib.error().toString()));
            return s;
        }
        s.library = std::move(lib.value());
        s.window = std::make_unique<MainWindow>(s.library.get());
        s.window->setMarkReadDelay(50);
        s.window->show();
        if (seed) {
            s.library->importSeedsIfNew();
        }
        s.sidebar = s.window->findChild<QTreeView*>(u"tagTreeView"_s);
        s.list = s.window->findChild<ArticleListView*>(u"articleListView"_s);
        s.reader = s.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        return s;
    }

    static void close(Session& s)
    {
        s.window->close();
        s.library->waitForIdle();
        QCoreApplication::processEvents();
        s.window.reset();
        s.library.reset();
    }

    static QModelIndex tagIndex(const Session& s, const QString& name)
    {
        return s.window->tagModel()->indexForKey(u"tag:"_s + name);
    }

private Q_SLOTS:
    void selectingTagAndArticleShowsItInTheReader()
    {
        Session s = open(m_dir.filePath(u"e2e"_s));
        QVERIFY(s.sidebar && s.list && s.reader);
        QTRY_VERIFY(tagIndex(s, u"Centraal-Azië"_s).isValid());
        s.sidebar->setCurrentIndex(tagIndex(s, u"Centraal-Azië"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        const QModelIndex second = s.list->model()->index(1, ArticleListModel::Title);
        QCOMPARE(second.data().toString(), u"De praktische samenwerking van China met Centraal-Azië (upd)"_s);
        s.list->setCurrentIndex(second);
        QTRY_VERIFY(s.reader->toPlainText().contains(u"De praktische samenwerking van China met Centraal-Azië (upd)"_s));
        QVERIFY(s.reader->toPlainText().contains(u"Na 10 jaar nieuwe zijderoutes"_s));
        // English plural forms come from the translation file.
        QTRY_VERIFY(s.window->findChild<QLabel*>(u"countLabel"_s)->text().startsWith(u"6 article(s) \u00B7 "_s));
        // Marked read after the delay: the sidebar's unread badge and the status bar agree.
        QTRY_VERIFY(second.data(ArticleListModel::ReadRole).toBool());
        QTRY_COMPARE(tagIndex(s, u"Centraal-Azië"_s).data(TagTreeModel::UnreadRole).toInt(), 5);
        QTRY_COMPARE(s.window->findChild<QLabel*>(u"countLabel"_s)->text(), u"6 article(s) \u00B7 5 unread"_s);
        close(s);
    }

    void bookmarksWithShortcutAndStar()
    {
        Session s = open(m_dir.filePath(u"bookmark"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        s.list->setFocus();
        QTest::keyClick(s.list, Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(s.list->model()->index(0, 0).data(ArticleListModel::BookmarkedRole).toBool());
        // The star column toggles too.
        const QModelIndex star = s.list->model()->index(3, ArticleListModel::Bookmark);
        QTest::mouseClick(s.list->viewport(), Qt::LeftButton, {}, s.list->visualRect(star).center());
        QTRY_VERIFY(star.data(ArticleListModel::BookmarkedRole).toBool());
        const QModelIndex bookmarked = s.window->tagModel()->indexForKey(u"bookmarked"_s);
        QTRY_COMPARE(bookmarked.data(TagTreeModel::CountRole).toInt(), 2);
        s.sidebar->setCurrentIndex(bookmarked);
        QTRY_COMPARE(s.list->model()->rowCount(), 2);
        close(s);
    }

    void textAndDateFiltersCombineWithTag()
    {
        Session s = open(m_dir.filePath(u"filters"_s));
        s.window->importFiles({test::dataPath(u"tagpages/kazachstan.txt"_s)});
        QTRY_VERIFY(tagIndex(s, u"Kazachstan"_s).isValid());
        auto* search = s.window->findChild<QLineEdit*>(u"searchLineEdit"_s);
        QVERIFY(search);
        QTest::keyClick(s.window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"azie"_s);
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.sidebar->setCurrentIndex(tagIndex(s, u"Kazachstan"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 1);
        search->clear();
        QTRY_COMPARE(s.list->model()->rowCount(), 2);
        // Undated articles leave the list when a date range is set.
        auto* presets = s.window->findChild<QComboBox*>(u"datePresetComboBox"_s);
        presets->setCurrentIndex(presets->findData(FilterBar::Last30Days));
        QTRY_COMPARE(s.list->model()->rowCount(), 0);
        presets->setCurrentIndex(presets->findData(FilterBar::AllTime));
        QTRY_COMPARE(s.list->model()->rowCount(), 2);
        close(s);
    }

    void tagLinkInReaderSelectsTag()
    {
        Session s = open(m_dir.filePath(u"taglink"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QTRY_VERIFY(tagIndex(s, u"Centraal-Azië"_s).isValid());
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        QTRY_VERIFY(s.reader->toPlainText().contains(u"Topontmoeting"_s));
        Q_EMIT s.reader->anchorClicked(html::tagUrl(u"Centraal-Azië"_s));
        QTRY_COMPARE(s.sidebar->currentIndex().data(TagTreeModel::KeyRole).toString(), u"tag:Centraal-Azië"_s);
        close(s);
    }

    void keyboardMovesThroughList()
    {
        Session s = open(m_dir.filePath(u"keys"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.list->setFocus();
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        QTest::keyClick(s.list, Qt::Key_J);
        QTRY_COMPARE(s.list->currentIndex().row(), 1);
        QTest::keyClick(s.list, Qt::Key_J);
        QTRY_COMPARE(s.list->currentIndex().row(), 2);
        QTest::keyClick(s.list, Qt::Key_K);
        QTRY_COMPARE(s.list->currentIndex().row(), 1);
        QTest::keyClick(s.list, Qt::Key_Down);
        QTRY_COMPARE(s.list->currentIndex().row(), 2);
        QTRY_VERIFY(s.reader->toPlainText().contains(u"Xi Jinping bezoekt"_s));
        close(s);
    }

    void remembersTagAndArticleAcrossRestarts()
    {
        const QString profile = m_dir.filePath(u"restart"_s);
        {
            Session s = open(profile);
            QTRY_VERIFY(tagIndex(s, u"Centraal-Azië"_s).isValid());
            s.sidebar->setCurrentIndex(tagIndex(s, u"Centraal-Azië"_s));
            QTRY_COMPARE(s.list->model()->rowCount(), 6);
            s.list->setCurrentIndex(s.list->model()->index(4, ArticleListModel::Title));
            QTRY_VERIFY(s.reader->toPlainText().contains(u"Xi schetst"_s));
            close(s);
        }
        Session s = open(profile);
        QTRY_COMPARE(s.sidebar->currentIndex().data(TagTreeModel::KeyRole).toString(), u"tag:Centraal-Azië"_s);
        QTRY_COMPARE(s.list->currentIndex().row(), 4);
        QTRY_VERIFY(s.reader->toPlainText().contains(u"Xi schetst"_s));
        close(s);
    }

    void badImportNamesFileAndWritesNothing()
    {
        Session s = open(m_dir.filePath(u"bad"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QSignalSpy finished(s.window.get(), &MainWindow::importFinished);
        s.window->importFiles({test::dataPath(u"tagpages/missing-summary.txt"_s)});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().contains(u"missing-summary.txt:7"_s));
        // The library itself holds nothing of the file (a failed import announces no change, so
        // the list alone would look the same either way).
        test::waitUntilIdle(*s.library);
        auto stats = s.library->stats().result();
        QVERIFY(stats);
        QCOMPARE(stats->articles, 6);
        QCOMPARE(stats->tags, 1);
        QCOMPARE(s.library->count({}).result().value(), 6);
        QCOMPARE(s.list->model()->rowCount(), 6);
        QVERIFY(!tagIndex(s, u"Oezbekistan"_s).isValid());
        close(s);
    }

    void oneLargeFileMovesTheProgressBar()
    {
        // A single long file: the bar follows its stored batches instead of sitting at 0 % until
        // the file is done.
        Session s = open(m_dir.filePath(u"progress"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QByteArray rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Lang</title>"
                         "<link>https://lang.example.nl/</link>";
        // About 4 MB: the reader reads 256 KiB at a time, so the bar has a dozen steps to show.
        const QByteArray body = QByteArray("Tekst over Astana en Almaty, de spoorlijn en de haven. ").repeated(18);
        for (int i = 0; i < 4000; ++i) {
            rss += "<item><title>Bericht " + QByteArray::number(i) + "</title><link>https://lang.example.nl/" +
                   QByteArray::number(i) + "</link><description>&lt;p&gt;" + body + QByteArray::number(i) +
                   ".&lt;/p&gt;</description></item>";
        }
        rss += "</channel></rss>";
        const QString path = m_dir.filePath(u"lang.xml"_s);
        QVERIFY(test::writeFile(path, rss));
        auto* progress = s.window->findChild<QProgressBar*>(u"importProgressBar"_s);
        QVERIFY(progress);
        QList<int> values;
        connect(progress, &QProgressBar::valueChanged, this, [&values](int v) { values.append(v); });
        QStringList messages;
        connect(s.window->statusBar(), &QStatusBar::messageChanged, this, [&messages](const QString& m) { messages.append(m); });
        QSignalSpy finished(s.window.get(), &MainWindow::importFinished);
        // Numbers in the window's format: 4.000 in a Dutch window, not 4000.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        s.window->importFiles({path});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(!progress->isVisible());
        const int max = progress->maximum();
        QVERIFY(max > 0);
        QVERIFY2(std::count_if(values.begin(), values.end(), [max](int v) { return v > 0 && v < max; }) >= 3,
                 qPrintable(QString::number(values.size())));
        QVERIFY(std::is_sorted(values.begin(), values.end()));
        // Once every item is stored, the bar waits short of its end while the file is saved.
        QVERIFY2(messages.contains(u"Saving lang.xml (1 of 1)…"_s), qPrintable(messages.join(u" | "_s)));
        QVERIFY2(finished.at(0).at(1).toString().contains(u"4.000"_s),
                 qPrintable(finished.at(0).at(1).toString()));
        close(s);
    }

    void severalFilesImportEachAllOrNothing()
    {
        // Several files at once (File > Import, a drop, a second launch): one after the other,
        // the broken one rolled back alone, one message at the end.
        Session s = open(m_dir.filePath(u"batch"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        auto* progress = s.window->findChild<QProgressBar*>(u"importProgressBar"_s);
        QVERIFY(progress);
        QSignalSpy finished(s.window.get(), &MainWindow::importFinished);
        s.window->importFiles({test::dataPath(u"feeds/rss091.xml"_s), test::dataPath(u"tagpages/missing-summary.txt"_s),
                               test::dataPath(u"feeds/rdf.xml"_s)});
        // Queued while the others run: still one message at the end.
        s.window->importFiles({test::dataPath(u"feeds/rss20-full.xml"_s)});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(u"missing-summary.txt:7"_s), qPrintable(message));
        QVERIFY(!message.contains(u"rdf.xml"_s));
        QVERIFY(!progress->isVisible());
        test::waitUntilIdle(*s.library);
        auto stats = s.library->stats().result();
        QVERIFY(stats);
        QCOMPARE(stats->articles, 6 + 2 + 2 + 4);
        QTRY_COMPARE(s.list->model()->rowCount(), 6 + 2 + 2 + 4);
        QVERIFY(!tagIndex(s, u"Oezbekistan"_s).isValid());
        close(s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
