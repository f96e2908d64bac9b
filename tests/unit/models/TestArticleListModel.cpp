// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "models/ArticleListModel.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/Library.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace folio;

class TestArticleListModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;

    void fill(int count)
    {
        QList<ImportItem> items;
        for (int i = 0; i < count; ++i) {
            FeedItem item;
            item.title = u"Article %1"_s.arg(i, 4, 10, QChar(u'0'));
            item.link = u"https://example.org/a/%1"_s.arg(i);
            item.summary = i % 2 ? u"even \u0002Azië\u0003"_s : u"odd"_s;
            if (i % 10 != 0) {
                item.published = QDateTime::fromSecsSinceEpoch(1700000000 + i * 3600, QTimeZone::utc());
            }
            item.tags = {i % 3 == 0 ? u"Drie"_s : u"Anders"_s};
            items.append(ImportItem{item, {}});
        }
        auto db = Database::connection(m_library->databasePath());
        QVERIFY(db.hasValue());
        QVERIFY(ArticleStore(db.value()).importItems(SourceSpec{u"feed"_s, u"feed:m"_s, u"M"_s, {}, {}}, items).hasValue());
        Database::closeConnection(m_library->databasePath());
    }

private Q_SLOTS:
    void init()
    {
        auto lib = Library::open(m_dir.filePath(u"p%1"_s.arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(lib.hasValue());
        m_library = std::move(lib.value());
    }

    void cleanup() { m_library.reset(); }

    void searchRowsCarrySnippetsAndPageByRelevance()
    {
        fill(120);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(25);
        ArticleQuery q;
        q.text = u"azie"_s;
        q.sort = ArticleQuery::Sort::Relevance;
        QSignalSpy loaded(&model, &ArticleListModel::pageLoaded);
        model.setQuery(q);
        QVERIFY(model.isSearching());
        QTRY_COMPARE(model.rowCount(), 25);
        QCOMPARE(model.index(0, ArticleListModel::Title).data(ArticleListModel::SnippetRole).toString().remove(QChar(2)).remove(QChar(3)), u"even Azië"_s);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 60); // every odd article once, in relevance pages
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.articleId(row));
        }
        QCOMPARE(ids.size(), 60);

        // Tag colours show as a dot in the Tags column; no text search, no snippet.
        model.setTagColors({{u"drie"_s, u"#ff0000"_s}});
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 25);
        QVERIFY(!model.isSearching());
        QVERIFY(model.index(0, ArticleListModel::Title).data(ArticleListModel::SnippetRole).toString().isEmpty());
        const QModelIndex drie = model.index(model.rowOf(model.articleId(0)), ArticleListModel::Tags);
        if (drie.data(ArticleListModel::TagsRole).toStringList().contains(u"Drie"_s)) {
            QVERIFY(!drie.data(Qt::DecorationRole).isNull());
        } else {
            QVERIFY(drie.data(Qt::DecorationRole).isNull());
        }
    }

    void fetchesOnlyAsTheReaderNearsTheEnd()
    {
        fill(1234);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        // A view reports its last visible row: a view's layout (which asks at every insert) no
        // longer loads the whole library while the reader is far from the end.
        model.setLastVisibleRow(0);
        model.setQuery({});
        QTRY_VERIFY(model.rowCount() >= 100 && !model.isLoading());
        QTest::qWait(50);
        QVERIFY(!model.isLoading());
        const int loaded = model.rowCount();
        QVERIFY(loaded <= 200); // the first page, and at most the one the tester asked for
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), loaded);
        // Within a page of the end the next page comes by itself, and so on to the end.
        while (!model.atEnd()) {
            const int before = model.rowCount();
            model.setLastVisibleRow(before - 1);
            QTRY_VERIFY(model.rowCount() > before || model.atEnd());
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 1234);
    }

    void holdsOnlyPagesNearTheViewAndReadsDroppedOnesAgain()
    {
        fill(1234);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        model.setHeldPages(3);
        model.setLastVisibleRow(0);
        model.setQuery({});
        QTRY_VERIFY(model.rowCount() >= 100 && !model.isLoading());
        const QString top = model.index(0, ArticleListModel::Title).data().toString();
        QCOMPARE(top, u"Article 1233"_s);
        const qint64 current = model.articleId(5);
        model.setCurrentArticle(current);
        const qint64 marked = model.articleId(7);
        model.setRead({marked}, true);
        // Scrolled to the end: every row keeps its id and state, only the pages near the view
        // (and the current article) keep the rest.
        while (!model.atEnd()) {
            const int before = model.rowCount();
            model.setLastVisibleRow(before - 1);
            QTRY_VERIFY(model.rowCount() > before || model.atEnd());
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 1234);
        test::waitUntilIdle(*m_library);
        QTRY_VERIFY2(model.heldRows() <= 3 * 100 + 1, qPrintable(QString::number(model.heldRows())));
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.articleId(row));
        }
        QCOMPARE(ids.size(), 1234);
        QVERIFY(model.index(7, 0).data(ArticleListModel::ReadRole).toBool());
        QVERIFY(!model.index(8, 0).data(ArticleListModel::ReadRole).toBool());
        QVERIFY(!model.rowAt(300)); // (the tester reads row 0 now and then: that page may be back)
        QVERIFY(model.rowAt(5));
        QCOMPARE(model.rowAt(5)->id, current);
        const QString far = model.index(1200, ArticleListModel::Title).data().toString();
        QVERIFY(!far.isEmpty());

        // Back at the top: the dropped pages are read again and show their rows.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLastVisibleRow(30);
        QTRY_VERIFY(model.rowAt(0) && model.rowAt(150));
        QCOMPARE(model.index(0, ArticleListModel::Title).data().toString(), top);
        QVERIFY(!changed.isEmpty());
        QVERIFY(model.index(7, 0).data(ArticleListModel::ReadRole).toBool());
        test::waitUntilIdle(*m_library);
        QTRY_VERIFY(model.heldRows() <= 3 * 100 + 1);
        // A dropped row shows blank and asks for its page.
        QVERIFY(!model.rowAt(1200));
        QVERIFY(model.index(1200, ArticleListModel::Title).data().toString().isEmpty());
        QTRY_COMPARE(model.index(1200, ArticleListModel::Title).data().toString(), far);

        // A refresh keeps every row, and holds again only the pages near the view.
        QSignalSpy replaced(&model, &ArticleListModel::rowsReplaced);
        model.refresh();
        QTRY_COMPARE(replaced.count(), 1);
        QCOMPARE(model.rowCount(), 1234);
        QVERIFY(model.heldRows() <= 3 * 100 + 1);
        QCOMPARE(model.index(0, ArticleListModel::Title).data().toString(), top);
        QVERIFY(model.rowAt(5));
        QVERIFY(model.index(7, 0).data(ArticleListModel::ReadRole).toBool());
    }

    void refreshInsertsNewRowsInRunsAndKeepsTheRest()
    {
        fill(30);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 30);
        QTRY_VERIFY(!model.isLoading());
        const qint64 kept = model.articleId(0);
        // 40 newer articles arrive (an import): the refresh brings them as one run at the top.
        QList<ImportItem> items;
        for (int i = 0; i < 40; ++i) {
            FeedItem item;
            item.title = u"Newer %1"_s.arg(i);
            item.link = u"https://example.org/newer/%1"_s.arg(i);
            item.published = QDateTime::fromSecsSinceEpoch(1800000000 + i * 60, QTimeZone::utc());
            items.append(ImportItem{item, {}});
        }
        auto db = Database::connection(m_library->databasePath());
        QVERIFY(ArticleStore(db.value()).importItems(SourceSpec{u"feed"_s, u"feed:n"_s, u"N"_s, {}, {}}, items).hasValue());
        Database::closeConnection(m_library->databasePath());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy replaced(&model, &ArticleListModel::rowsReplaced);
        model.refresh();
        QTRY_COMPARE(replaced.count(), 1);
        QCOMPARE(model.rowCount(), 70);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 39);
        QCOMPARE(model.index(0, ArticleListModel::Title).data().toString(), u"Newer 39"_s);
        QCOMPARE(model.articleId(40), kept);
        // Unread rows are bold, and the font sets nothing but the weight (the view's font is kept).
        const QFont font = model.index(0, ArticleListModel::Title).data(Qt::FontRole).value<QFont>();
        QVERIFY(font.bold());
        QCOMPARE(font.resolveMask(), uint(QFont::WeightResolved));
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.articleId(row));
        }
        QCOMPARE(ids.size(), 70);
    }

    void pagesRowsAsTheViewAsks()
    {
        fill(1234);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(500);
        QSignalSpy loaded(&model, &ArticleListModel::pageLoaded);
        model.setQuery({});
        QTRY_COMPARE(loaded.count(), 1);
        // The tester may have asked for the next page already; pages come whole, never twice.
        QVERIFY(model.rowCount() == 500 || model.rowCount() == 1000);
        while (model.canFetchMore({})) {
            const int before = model.rowCount();
            model.fetchMore({});
            QVERIFY(!model.canFetchMore({})); // one request at a time
            QTRY_VERIFY(model.rowCount() > before);
        }
        QTRY_COMPARE(model.rowCount(), 1234);
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.insert(model.articleId(row));
        }
        QCOMPARE(ids.size(), 1234);
        QTRY_VERIFY(model.atEnd());
        QVERIFY(!model.canFetchMore({}));
        // Newest first, undated last.
        QVERIFY(model.data(model.index(0, ArticleListModel::Date), ArticleListModel::PublishedRole).isValid());
        QVERIFY(!model.data(model.index(1233, ArticleListModel::Date), ArticleListModel::PublishedRole).isValid());
        QCOMPARE(model.data(model.index(1233, ArticleListModel::Date)).toString(), u"\u2013"_s);
        QCOMPARE(model.data(model.index(0, ArticleListModel::Title)).toString(), u"Article 1233"_s);
    }

    void filterChangeReplacesRowsAndDropsStaleAnswers()
    {
        fill(300);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        ArticleQuery q;
        q.tags = {u"drie"_s};
        model.setQuery(q); // the first answer must not land
        QTRY_COMPARE(model.rowCount(), 100);
        test::waitUntilIdle(*m_library); // every answer, the stale one too, has arrived
        QCOMPARE(model.rowCount(), 100);
        q.text = u"azie"_s;
        model.setQuery(q);
        QTRY_COMPARE(model.rowCount(), 50);
        QCOMPARE(model.data(model.index(0, ArticleListModel::Tags)).toString(), u"Drie"_s);
    }

    void sortsByTitleAndDate()
    {
        fill(30);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 30);
        model.sort(ArticleListModel::Title, Qt::AscendingOrder);
        QTRY_COMPARE(model.data(model.index(0, ArticleListModel::Title)).toString(), u"Article 0000"_s);
        model.sort(ArticleListModel::Title, Qt::DescendingOrder);
        QTRY_COMPARE(model.data(model.index(0, ArticleListModel::Title)).toString(), u"Article 0029"_s);
        model.sort(ArticleListModel::Date, Qt::AscendingOrder);
        QTRY_COMPARE(model.data(model.index(0, ArticleListModel::Title)).toString(), u"Article 0001"_s);
        QTRY_COMPARE(model.data(model.index(29, ArticleListModel::Title)).toString(), u"Article 0020"_s);
    }

    void stateChangesNameExactRowsAndRoles()
    {
        fill(5);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 5);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 id = model.articleId(2);
        model.setBookmarked({id}, true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 2);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(ArticleListModel::BookmarkedRole));
        QCOMPARE(model.data(model.index(2, ArticleListModel::Bookmark)).toString(), u"\u2605"_s);
        QVERIFY(model.data(model.index(2, ArticleListModel::Title), Qt::FontRole).value<QFont>().bold());
        model.setRead({id}, true);
        QVERIFY(!model.data(model.index(2, ArticleListModel::Title), Qt::FontRole).isValid());
        m_library->waitForIdle();
        auto db = Database::connection(m_library->databasePath());
        const Article a = ArticleStore(db.value()).article(id).value();
        QVERIFY(a.state.bookmarked);
        QVERIFY(a.state.read);
        Database::closeConnection(m_library->databasePath());
    }

    void aRefreshThatPredatesAWriteKeepsTheNewState()
    {
        fill(5);
        ArticleListModel model(m_library.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 5);
        QTRY_VERIFY(!model.isLoading());
        const qint64 id = model.articleId(1);
        // Another connection holds the write lock: the library's write waits, its reads go on.
        auto blocker = Database::connection(m_library->databasePath());
        QVERIFY(blocker);
        QSqlQuery lock(blocker.value());
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
        model.setRead({id}, true);
        model.setBookmarked({id}, true);
        QSignalSpy replaced(&model, &ArticleListModel::rowsReplaced);
        model.refresh(); // answered from the library as it was before the write
        QTRY_COMPARE(replaced.count(), 1);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ArticleListModel::ReadRole).toBool(), true);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ArticleListModel::BookmarkedRole).toBool(), true);
        QVERIFY(lock.exec(u"COMMIT"_s));
        m_library->waitForIdle();
        model.refresh(); // after the write: what is stored, and the same
        QTRY_COMPARE(replaced.count(), 2);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ArticleListModel::ReadRole).toBool(), true);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ArticleListModel::BookmarkedRole).toBool(), true);
        // Changed in the library by someone else later, the next answer shows it (no edit is left over).
        QVERIFY(QSqlQuery(blocker.value()).exec(u"UPDATE article_state SET read = 0 WHERE article_id = %1"_s.arg(id)));
        model.refresh();
        QTRY_COMPARE(replaced.count(), 3);
        QCOMPARE(model.index(model.rowOf(id), 0).data(ArticleListModel::ReadRole).toBool(), false);
        Database::closeConnection(m_library->databasePath());
    }
};

QTEST_MAIN(TestArticleListModel)
#include "TestArticleListModel.moc"
