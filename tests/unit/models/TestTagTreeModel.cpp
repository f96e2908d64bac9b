// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "models/TagTreeModel.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Importer.h"
#include "storage/Library.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTagTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsSavedSearchesColoursAndTagSelections()
    {
        QTemporaryDir dir;
        auto lib = Library::open(dir.path());
        QVERIFY(lib.hasValue());
        Library* library = lib.value().get();
        TagTreeModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex tagSection = model.index(3, 0);
        const QModelIndex savedSection = model.index(2, 0);
        QCOMPARE(savedSection.data().toString(), u"Saved searches"_s);
        QSignalSpy refreshed(&model, &TagTreeModel::refreshed);
        QVERIFY(library->importSeedsIfNew().result().hasValue());
        QVERIFY(library->importFile(test::dataPath(u"tagpages/kazachstan.txt"_s)).result().hasValue());
        QVERIFY(library->setTagColor(u"kazachstan"_s, u"#FF0000"_s).result().hasValue());
        QVERIFY(library->saveSearch(u"Astana"_s, u"tag:Kazachstan astana"_s).result().hasValue());
        QTRY_COMPARE(model.rowCount(savedSection), 1);
        QTRY_COMPARE(model.index(1, 0, tagSection).data(TagTreeModel::ColorRole).toString(), u"#ff0000"_s);
        QCOMPARE(model.tagColors().value(u"kazachstan"_s), u"#ff0000"_s);
        const QModelIndex saved = model.index(0, 0, savedSection);
        QCOMPARE(saved.data().toString(), u"Astana"_s);
        QCOMPARE(saved.data(TagTreeModel::KeyRole).toString().left(6), u"saved:"_s);
        QVERIFY(saved.data(TagTreeModel::CountRole).toInt() >= 1);
        QCOMPARE(model.indexForKey(saved.data(TagTreeModel::KeyRole).toString()), saved);

        // A saved search stands for its parsed query; the sort of the list is kept.
        ArticleQuery base;
        base.sort = ArticleQuery::Sort::TitleAsc;
        base.text = u"left over"_s;
        const ArticleQuery fromSaved = TagTreeModel::queryFor(saved, base);
        QCOMPARE(fromSaved.tags, QStringList{u"Kazachstan"_s});
        QCOMPARE(fromSaved.text, u"astana"_s);
        QCOMPARE(fromSaved.sort, ArticleQuery::Sort::TitleAsc);
        // A tag entry resets every other filter.
        QVERIFY(TagTreeModel::queryFor(model.index(0, 0, tagSection), base).text.isEmpty());

        // Two selected tags combine by the switch.
        const QModelIndexList two = {model.index(0, 0, tagSection), model.index(1, 0, tagSection)};
        const ArticleQuery any = TagTreeModel::queryFor(two, two.first(), {}, ArticleQuery::TagMatch::Any);
        QCOMPARE(any.tags, (QStringList{u"Centraal-Azië"_s, u"Kazachstan"_s}));
        QCOMPARE(any.tagMatch, ArticleQuery::TagMatch::Any);

        QVERIFY(library->removeSavedSearch(saved.data(TagTreeModel::SavedIdRole).toLongLong()).result().hasValue());
        QTRY_COMPARE(model.rowCount(savedSection), 0);
    }

    void showsFixedEntriesAndTagsWithCounts()
    {
        QTemporaryDir dir;
        auto lib = Library::open(dir.path());
        QVERIFY(lib.hasValue());
        Library* library = lib.value().get();
        TagTreeModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4); // Library, Feeds, Saved searches, Tags
        const QModelIndex librarySection = model.index(0, 0);
        const QModelIndex tagSection = model.index(3, 0);
        QCOMPARE(model.rowCount(librarySection), 3);
        QCOMPARE(model.rowCount(tagSection), 0);
        QCOMPARE(model.rowCount(model.index(1, 0)), 0); // no feeds

        QSignalSpy refreshed(&model, &TagTreeModel::refreshed);
        QVERIFY(library->importSeedsIfNew().result().hasValue());
        QVERIFY(library->importFile(test::dataPath(u"tagpages/kazachstan.txt"_s)).result().hasValue());
        QTRY_VERIFY(refreshed.count() >= 1); // contentChanged schedules a refresh
        QTRY_COMPARE(model.rowCount(tagSection), 2);
        QCOMPARE(model.index(0, 0, tagSection).data().toString(), u"Centraal-Azië"_s);
        QCOMPARE(model.index(1, 0, tagSection).data(TagTreeModel::CountRole).toInt(), 2);
        QCOMPARE(model.index(0, TagTreeModel::Counts, tagSection).data().toString(), u"6"_s);
        QCOMPARE(model.index(0, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 7);
        QCOMPARE(model.indexForKey(u"tag:Kazachstan"_s), model.index(1, 0, tagSection));
        QCOMPARE(model.indexForKey(u"bookmarked"_s), model.index(2, 0, librarySection));

        // Marking read updates unread counts in place.
        QVERIFY(library->setRead({1}, true).result().hasValue());
        QVERIFY(library->setBookmarked({1}, true).result().hasValue());
        QTRY_COMPARE(model.index(0, 0, tagSection).data(TagTreeModel::UnreadRole).toInt(), 5);
        QTRY_COMPARE(model.index(2, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 1);
        QCOMPARE(model.index(1, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 6);
        // The Bookmarked entry counts its unread articles too: the one bookmarked is read.
        QCOMPARE(model.index(2, 0, librarySection).data(TagTreeModel::UnreadRole).toInt(), 0);
        QVERIFY(library->setBookmarked({2}, true).result().hasValue());
        QTRY_COMPARE(model.index(2, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 2);
        QCOMPARE(model.index(2, 0, librarySection).data(TagTreeModel::UnreadRole).toInt(), 1);
        QVERIFY(library->setBookmarked({2}, false).result().hasValue());
        QTRY_COMPARE(model.index(2, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 1);

        const ArticleQuery q = TagTreeModel::queryFor(model.index(1, 0, tagSection), {});
        QCOMPARE(q.tags, QStringList{u"Kazachstan"_s});
        QVERIFY(TagTreeModel::queryFor(model.index(1, 0, librarySection), {}).unreadOnly);
        QVERIFY(!model.flags(librarySection).testFlag(Qt::ItemIsSelectable));
    }

    void showsFeedsWithCountsAndErrors()
    {
        QTemporaryDir dir;
        auto lib = Library::open(dir.path());
        QVERIFY(lib.hasValue());
        Library* library = lib.value().get();
        TagTreeModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex feedSection = model.index(1, 0);
        QCOMPARE(feedSection.data().toString(), u"Feeds"_s);
        QVERIFY(!model.flags(feedSection).testFlag(Qt::ItemIsSelectable));

        // Feeds go in through the store (no network here); the library only reads them.
        qint64 feedId = 0;
        {
            auto db = Database::connection(library->databasePath());
            QVERIFY(db.hasValue());
            const QString url = u"https://news.example.org/feed.xml"_s;
            ParsedFeed document;
            document.format = u"rss2.0"_s;
            document.title = u"News Feed"_s;
            for (const QString& slug : {u"one"_s, u"two"_s}) {
                FeedItem item;
                item.title = u"Story "_s + slug;
                item.link = item.id = u"https://news.example.org/"_s + slug;
                document.items.append(item);
            }
            FeedFetch fetched;
            fetched.status = FeedFetch::Status::Ok;
            fetched.requestedUrl = fetched.feedUrl = QUrl(url);
            fetched.title = document.title;
            fetched.document = Importer::prepare(document, url, QUrl(url), ImportOptions{FeedStore::sourceKey(0), {}});
            auto report = FeedStore(db.value()).subscribe(fetched, {});
            QVERIFY(report.hasValue());
            feedId = report->feed.id;
            QVERIFY(FeedStore(db.value()).add(QUrl(u"https://quiet.example.org/feed"_s), u""_s, {}, {}).hasValue());
        }
        QSignalSpy refreshed(&model, &TagTreeModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(feedSection), 2);
        const QModelIndex feed = model.indexForKey(u"feed:%1"_s.arg(feedId));
        QCOMPARE(feed, model.index(1, 0, feedSection)); // by title: the untitled feed comes first
        QCOMPARE(feed.data().toString(), u"News Feed"_s);
        QCOMPARE(feed.data(TagTreeModel::CountRole).toInt(), 2);
        QCOMPARE(model.index(1, TagTreeModel::Counts, feedSection).data().toString(), u"2"_s);
        QCOMPARE(feed.data(TagTreeModel::FeedIdRole).toLongLong(), feedId);
        QVERIFY(feed.data(TagTreeModel::FeedErrorRole).toString().isEmpty());
        // A feed without a title shows its address.
        QCOMPARE(model.index(0, 0, feedSection).data().toString(), u"https://quiet.example.org/feed"_s);
        QCOMPARE(model.index(0, 0, feedSection).data(TagTreeModel::CountRole).toInt(), 0);

        const ArticleQuery q = TagTreeModel::queryFor(feed, {});
        QCOMPARE(q.feedId, std::optional<qint64>(feedId));
        QVERIFY(q.tags.isEmpty());
        QVERIFY(!TagTreeModel::queryFor(model.index(0, 0, model.index(0, 0)), q).feedId.has_value());
        QCOMPARE(library->count(q).result().value(), 2);

        // A failed fetch marks the feed in place (same row), with the message in the tooltip.
        {
            auto db = Database::connection(library->databasePath());
            FeedFetch failed;
            failed.feedId = feedId;
            failed.status = FeedFetch::Status::Failed;
            failed.error = makeError(Error::Code::Network, u"connection refused"_s);
            QVERIFY(FeedStore(db.value()).recordFetch(failed).hasValue());
        }
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Q_EMIT library->feedsChanged();
        QTRY_COMPARE(model.index(1, 0, feedSection).data(TagTreeModel::FeedErrorRole).toString(),
                     u"connection refused"_s);
        QCOMPARE(removed.count(), 0);
        QVERIFY(model.index(1, 0, feedSection).data(Qt::ToolTipRole).toString().contains(u"connection refused"_s));
        QCOMPARE(model.index(1, 0, feedSection).data(TagTreeModel::CountRole).toInt(), 2);
        Database::closeConnection(library->databasePath());
    }
};

QTEST_GUILESS_MAIN(TestTagTreeModel)
#include "TestTagTreeModel.moc"
