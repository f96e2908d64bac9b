// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "models/TagTreeModel.h"
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
    void showsFixedEntriesAndTagsWithCounts()
    {
        QTemporaryDir dir;
        auto lib = Library::open(dir.path());
        QVERIFY(lib.hasValue());
        Library* library = lib.value().get();
        TagTreeModel model(library);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex librarySection = model.index(0, 0);
        const QModelIndex tagSection = model.index(1, 0);
        QCOMPARE(model.rowCount(librarySection), 3);
        QCOMPARE(model.rowCount(tagSection), 0);

        QSignalSpy refreshed(&model, &TagTreeModel::refreshed);
        QVERIFY(library->importSeedsIfNew().result().hasValue());
        QVERIFY(library->importFile(test::dataPath(u"tagpages/kazachstan.txt"_s)).result().hasValue());
        QTRY_VERIFY(refreshed.count() >= 1); // contentChanged schedules a refresh
        QTRY_COMPARE(model.rowCount(tagSection), 2);
        QCOMPARE(model.index(0, 0, tagSection).data().toString(), u"Centraal-Azië"_s);
        QCOMPARE(model.index(1, 0, tagSection).data(TagTreeModel::CountRole).toInt(), 2);
        QCOMPARE(model.index(0, TagTreeModel::Counts, tagSection).data().toString(), u"6 / 6"_s);
        QCOMPARE(model.index(0, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 7);
        QCOMPARE(model.indexForKey(u"tag:Kazachstan"_s), model.index(1, 0, tagSection));
        QCOMPARE(model.indexForKey(u"bookmarked"_s), model.index(2, 0, librarySection));

        // Marking read updates unread counts in place.
        QVERIFY(library->setRead({1}, true).result().hasValue());
        QVERIFY(library->setBookmarked({1}, true).result().hasValue());
        QTRY_COMPARE(model.index(0, 0, tagSection).data(TagTreeModel::UnreadRole).toInt(), 5);
        QTRY_COMPARE(model.index(2, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 1);
        QCOMPARE(model.index(1, 0, librarySection).data(TagTreeModel::CountRole).toInt(), 6);

        const ArticleQuery q = TagTreeModel::queryFor(model.index(1, 0, tagSection), {});
        QCOMPARE(q.tags, QStringList{u"Kazachstan"_s});
        QVERIFY(TagTreeModel::queryFor(model.index(1, 0, librarySection), {}).unreadOnly);
        QVERIFY(!model.flags(librarySection).testFlag(Qt::ItemIsSelectable));
    }
};

QTEST_GUILESS_MAIN(TestTagTreeModel)
#include "TestTagTreeModel.moc"
