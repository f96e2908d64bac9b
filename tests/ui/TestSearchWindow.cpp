// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"
#include "TestSupport.h"

#include "FilterBar.h"
#include "MainWindow.h"
#include "SearchController.h"
#include "TimelineStrip.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/Library.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace folio;

class TestSearchWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<MainWindow> m_window;
    QTreeView* m_sidebar = nullptr;
    ArticleListView* m_list = nullptr;
    QLineEdit* m_search = nullptr;
    SearchController* m_controller = nullptr;

    static ImportItem item(const QString& title, const QString& text, const QDate& day, const QStringList& tags)
    {
        FeedItem f;
        f.title = title;
        f.link = u"https://example.org/"_s + QString::number(qHash(title));
        f.published = QDateTime(day, QTime(12, 0), QTimeZone::utc());
        f.tags = tags;
        return ImportItem{f, text};
    }

    QModelIndex tag(const QString& name) const { return m_window->tagModel()->indexForKey(u"tag:"_s + name); }

    void search(const QString& text)
    {
        m_search->clear();
        QTest::keyClicks(m_search, text);
        QTest::keyClick(m_search, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString profile = m_dir.filePath(u"search-window"_s);
        auto lib = Library::open(profile);
        QVERIFY(lib.hasValue());
        m_library = std::move(lib.value());
        {
            auto db = Database::connection(m_library->databasePath());
            QVERIFY(db.hasValue());
            const auto closeLater = qScopeGuard([this] { Database::closeConnection(m_library->databasePath()); });
            SourceSpec src{u"feed"_s, u"feed:window"_s, u"Window"_s, {}, {}};
            QVERIFY(ArticleStore(db.value())
                        .importItems(src, {item(u"Driedaags bezoek aan Astana"_s,
                                                u"Een driedaags bezoek van de president."_s, QDate(2024, 3, 5),
                                                {u"Kazachstan"_s}),
                                           item(u"Handel met Almaty"_s, u"Bezoek, driedaags, aan de markt."_s,
                                                QDate(2024, 3, 10), {u"Kazachstan"_s, u"Handel"_s}),
                                           item(u"Xinjiang nieuws"_s, u"Katoen en zonne-energie."_s,
                                                QDate(2024, 3, 20), {u"China"_s}),
                                           item(u"Handel met China"_s, u"Driedaags overleg over tarieven."_s,
                                                QDate(2024, 4, 2), {u"China"_s, u"Handel"_s})})
                        .hasValue());
            db = makeError(Error::Code::Generic, QString()); // drop the handle before the guard closes it
        }
        m_window = std::make_unique<MainWindow>(m_library.get());
        m_window->show();
        m_sidebar = m_window->findChild<QTreeView*>(u"tagTreeView"_s);
        m_list = m_window->findChild<ArticleListView*>(u"articleListView"_s);
        m_search = m_window->findChild<QLineEdit*>(u"searchLineEdit"_s);
        m_controller = m_window->findChild<SearchController*>(u"searchController"_s);
        QVERIFY(m_sidebar && m_list && m_search && m_controller);
        QTRY_VERIFY(tag(u"Kazachstan"_s).isValid());
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
    }

    void cleanupTestCase()
    {
        m_window->close();
        m_library->waitForIdle();
        QCoreApplication::processEvents();
        m_window.reset();
        m_library.reset();
    }

    void typedQueryWithTagAndPhraseShowsSnippet()
    {
        search(u"tag:Kazachstan \"driedaags bezoek\""_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 1);
        const QModelIndex title = m_list->model()->index(0, ArticleListModel::Title);
        QCOMPARE(title.data().toString(), u"Driedaags bezoek aan Astana"_s);
        QVERIFY2(title.data(ArticleListModel::SnippetRole).toString().contains(u"driedaags"_s, Qt::CaseInsensitive),
                 qPrintable(title.data(ArticleListModel::SnippetRole).toString()));
        QCOMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::Relevance);
        // Ranked by relevance: the header claims no column's order.
        QCOMPARE(m_list->header()->sortIndicatorSection(), -1);
        // Rows are two lines tall while searching.
        QVERIFY(m_list->visualRect(title).height() >= 2 * m_list->fontMetrics().height());

        // Only words to leave out: nothing to rank, so the hits are newest first, and the header says so.
        search(u"-driedaags"_s);
        QTRY_COMPARE(m_window->articleModel()->query().text, u"-driedaags"_s);
        QTRY_VERIFY(m_list->model()->rowCount() > 0);
        QCOMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::Relevance);
        QCOMPARE(m_list->header()->sortIndicatorSection(), int(ArticleListModel::Date));
        QCOMPARE(m_list->header()->sortIndicatorOrder(), Qt::DescendingOrder);

        // A malformed query is reported, not run.
        QSignalSpy errors(m_window->findChild<FilterBar*>(u"filterBar"_s), &FilterBar::searchError);
        search(u"astana OR"_s);
        QTRY_VERIFY(!errors.isEmpty());
        QVERIFY(errors.last().at(0).toString().contains(u"OR"_s));
        search(QString());
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        QCOMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::DateDesc);
        QCOMPARE(m_list->header()->sortIndicatorSection(), int(ArticleListModel::Date));
        QCOMPARE(m_list->header()->sortIndicatorOrder(), Qt::DescendingOrder);

        // Sorted by title, then a search, then none: newest first again, and the header says so.
        m_list->header()->setSortIndicator(ArticleListModel::Title, Qt::AscendingOrder);
        QTRY_COMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::TitleAsc);
        QTRY_COMPARE(m_list->model()->index(0, ArticleListModel::Title).data().toString(),
                     u"Driedaags bezoek aan Astana"_s);
        search(u"handel"_s);
        QTRY_COMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::Relevance);
        QCOMPARE(m_list->header()->sortIndicatorSection(), -1);
        // A click on Date while searching sorts the hits by date, and the header shows it.
        m_list->header()->setSortIndicator(ArticleListModel::Date, Qt::AscendingOrder);
        QTRY_COMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::DateAsc);
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        QCOMPARE(m_list->model()->index(0, ArticleListModel::Title).data().toString(), u"Handel met Almaty"_s);
        // The order the reader chose stays when the search ends.
        search(QString());
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        QCOMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::DateAsc);
        QCOMPARE(m_list->header()->sortIndicatorSection(), int(ArticleListModel::Date));
        QCOMPARE(m_list->header()->sortIndicatorOrder(), Qt::AscendingOrder);
        m_list->header()->setSortIndicator(ArticleListModel::Date, Qt::DescendingOrder);
        QTRY_COMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::DateDesc);
        // The source column does not sort the list: the indicator goes back to the date.
        m_list->header()->setSortIndicator(ArticleListModel::Source, Qt::AscendingOrder);
        QTRY_COMPARE(m_list->header()->sortIndicatorSection(), int(ArticleListModel::Date));
        QCOMPARE(m_list->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(m_window->articleModel()->query().sort, ArticleQuery::Sort::DateDesc);
    }

    void twoTagsCombineWithAnyOrAll()
    {
        auto* match = m_window->findChild<QComboBox*>(u"tagMatchComboBox"_s);
        QVERIFY(match);
        m_sidebar->setCurrentIndex(tag(u"China"_s));
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        m_sidebar->selectionModel()->select(tag(u"Handel"_s), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTRY_COMPARE(m_list->model()->rowCount(), 1); // all: China and Handel
        match->setCurrentIndex(match->findData(static_cast<int>(ArticleQuery::TagMatch::Any)));
        QTRY_COMPARE(m_list->model()->rowCount(), 3); // any: China or Handel
        QCOMPARE(m_window->articleModel()->query().tagMatch, ArticleQuery::TagMatch::Any);
        match->setCurrentIndex(match->findData(static_cast<int>(ArticleQuery::TagMatch::All)));
        m_window->selectSidebarKey(u"all"_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
    }

    void savedSearchAppearsWithItsCount()
    {
        search(u"tag:Handel driedaags"_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        QSignalSpy saved(m_controller, &SearchController::searchSaved);
        m_controller->saveCurrentSearch(u"Handelsreizen"_s);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(saved.first().at(0).toBool());
        TagTreeModel* model = m_window->tagModel();
        const QModelIndex section = model->index(2, 0);
        QTRY_COMPARE(model->rowCount(section), 1);
        const QModelIndex entry = model->index(0, 0, section);
        QCOMPARE(entry.data().toString(), u"Handelsreizen"_s);
        QTRY_COMPARE(model->index(0, TagTreeModel::Counts, section).data().toString(), u"2"_s);
        search(QString());
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        QVERIFY(m_window->selectSidebarKey(entry.data(TagTreeModel::KeyRole).toString()));
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        m_window->selectSidebarKey(u"all"_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
    }

    void draggingOnTheTimelineSetsTheRange()
    {
        auto* strip = m_window->findChild<TimelineStrip*>(u"timelineStrip"_s);
        QVERIFY(strip);
        QTRY_COMPARE(strip->timeline().starts.size(), 4);
        QCOMPARE(strip->timeline().bucket, Timeline::Bucket::Day);
        const int from = strip->xFor(QDate(2024, 3, 5));
        const int to = strip->xFor(QDate(2024, 3, 10));
        QVERIFY(from >= 0 && to > from);
        QTest::mousePress(strip, Qt::LeftButton, {}, QPoint(from, strip->height() / 2));
        QTest::mouseMove(strip, QPoint((from + to) / 2, strip->height() / 2));
        QTest::mouseRelease(strip, Qt::LeftButton, {}, QPoint(to, strip->height() / 2));
        auto* filterBar = m_window->findChild<FilterBar*>(u"filterBar"_s);
        QCOMPARE(filterBar->preset(), FilterBar::Custom);
        QCOMPARE(m_window->findChild<QDateEdit*>(u"fromDateEdit"_s)->date(), QDate(2024, 3, 5));
        QCOMPARE(m_window->findChild<QDateEdit*>(u"toDateEdit"_s)->date(), QDate(2024, 3, 10));
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        filterBar->setPreset(FilterBar::AllTime);
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
    }

    void ownTagsFromTheListAndTheAddedDateSwitch()
    {
        m_window->selectSidebarKey(u"all"_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        m_list->selectionModel()->select(m_list->model()->index(0, 0),
                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_list->selectionModel()->select(m_list->model()->index(1, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy edited(m_controller, &SearchController::tagsEdited);
        m_controller->addTagToSelection(u"Leeslijst"_s);
        QTRY_COMPARE(edited.count(), 1);
        QVERIFY(edited.first().at(0).toBool());
        QTRY_VERIFY(tag(u"Leeslijst"_s).isValid());
        QTRY_COMPARE(tag(u"Leeslijst"_s).data(TagTreeModel::CountRole).toInt(), 2);
        QVERIFY(m_controller->tagNames().contains(u"Leeslijst"_s));
        m_controller->removeTagFromSelection(u"Leeslijst"_s);
        QTRY_COMPARE(edited.count(), 2);
        QTRY_COMPARE(tag(u"Leeslijst"_s).data(TagTreeModel::CountRole).toInt(), 0);

        // The date range on the added date: everything was added today.
        auto* filterBar = m_window->findChild<FilterBar*>(u"filterBar"_s);
        auto* field = m_window->findChild<QComboBox*>(u"dateFieldComboBox"_s);
        QVERIFY(field && m_window->findChild<QWidget*>(u"undatedCheckBox"_s));
        filterBar->setPreset(FilterBar::Today);
        QTRY_COMPARE(m_list->model()->rowCount(), 0); // published in 2024
        field->setCurrentIndex(field->findData(static_cast<int>(ArticleQuery::DateField::Added)));
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        QCOMPARE(m_window->articleModel()->query().dateField, ArticleQuery::DateField::Added);
        field->setCurrentIndex(field->findData(static_cast<int>(ArticleQuery::DateField::Published)));
        filterBar->setPreset(FilterBar::AllTime);
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
    }

    void listKeysAreActions()
    {
        for (const auto& [name, key] : {std::pair{u"nextUnreadAction"_s, QKeySequence(Qt::Key_N)},
                                        std::pair{u"focusSearchAction"_s, QKeySequence(Qt::Key_Slash)},
                                        std::pair{u"bookmarkAction"_s, QKeySequence(Qt::Key_B)},
                                        std::pair{u"readAction"_s, QKeySequence(Qt::Key_M)}}) {
            auto* action = m_window->findChild<QAction*>(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(action->shortcuts().contains(key), qPrintable(name));
        }
        m_list->setFocus();
        m_list->setCurrentIndex(QModelIndex());
        QTest::keyClick(m_list, Qt::Key_N);
        QTRY_VERIFY(m_list->currentIndex().isValid());
        QTest::keyClick(m_list, Qt::Key_Slash);
        QTRY_VERIFY(m_search->hasFocus());
    }

    void escapeClearsTheSearch()
    {
        search(u"handel"_s);
        QTRY_COMPARE(m_list->model()->rowCount(), 2);
        QTest::keyClick(m_search, Qt::Key_Escape);
        QVERIFY(m_search->text().isEmpty());
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        QCOMPARE(m_window->articleModel()->query().text, QString());
        // Rows are one line again.
        const QModelIndex title = m_list->model()->index(0, ArticleListModel::Title);
        QVERIFY(m_list->visualRect(title).height() < 2 * m_list->fontMetrics().height());
    }

    void theListMovesByRowsNotCells()
    {
        QTRY_COMPARE(m_list->model()->rowCount(), 4);
        m_list->setFocus();
        const QModelIndex second = m_list->model()->index(1, ArticleListModel::Title);
        m_list->setCurrentIndex(second);
        // Left and Right stay on the article (a list, not a grid of cells).
        QTest::keyClick(m_list, Qt::Key_Right);
        QCOMPARE(m_list->currentIndex(), second);
        QTest::keyClick(m_list, Qt::Key_Left);
        QCOMPARE(m_list->currentIndex(), second);
        // Home and End go to the first and the last article, whichever column is current.
        QTest::keyClick(m_list, Qt::Key_End);
        QCOMPARE(m_list->currentIndex().row(), 3);
        QTest::keyClick(m_list, Qt::Key_Home);
        QCOMPARE(m_list->currentIndex().row(), 0);
        QTest::keyClick(m_list, Qt::Key_Down);
        QCOMPARE(m_list->currentIndex().row(), 1);
        // A current cell in a column the list then hides (a click on Source, a narrower list):
        // the arrows still move by rows, and the view follows.
        const bool sourceWasHidden = m_list->isColumnHidden(ArticleListModel::Source);
        m_list->setColumnHidden(ArticleListModel::Source, false);
        m_list->setCurrentIndex(m_list->model()->index(0, ArticleListModel::Source));
        m_list->setColumnHidden(ArticleListModel::Source, true);
        QTest::keyClick(m_list, Qt::Key_Down);
        QCOMPARE(m_list->currentIndex().row(), 1);
        QCOMPARE(m_list->currentIndex().column(), int(ArticleListModel::Title));
        QTest::keyClick(m_list, Qt::Key_End);
        QCOMPARE(m_list->currentIndex().row(), 3);
        QVERIFY(m_list->viewport()->rect().intersects(m_list->visualRect(m_list->currentIndex())));
        m_list->setColumnHidden(ArticleListModel::Source, sourceWasHidden);
        QTest::keyClick(m_list, Qt::Key_Home);
        QTest::keyClick(m_list, Qt::Key_Down);
        // The whole row is selected, and Tab leaves the list.
        QCOMPARE(m_list->selectionModel()->selectedRows().size(), 1);
        QTest::keyClick(m_list, Qt::Key_Tab);
        QTRY_VERIFY(!m_list->hasFocus());
    }
};

QTEST_MAIN(TestSearchWindow)
#include "TestSearchWindow.moc"
