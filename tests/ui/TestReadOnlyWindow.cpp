// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window over a library that cannot be written: it reads, says so, and offers no editing.
#include "ArticleListView.h"
#include "TestSupport.h"

#include "MainWindow.h"
#include "models/ArticleListModel.h"
#include "storage/Database.h"
#include "storage/DatabaseHealth.h"
#include "storage/Library.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace folio;

class TestReadOnlyWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlyLibraryShowsArticlesAndDisablesEditing()
    {
        QTemporaryDir dir;
        const QString profile = dir.filePath(u"ro"_s);
        {
            auto writable = Library::open(profile);
            QVERIFY(writable.hasValue());
            QVERIFY(!writable.value()->isReadOnly());
            QCOMPARE(writable.value()->importSeedsIfNew().result().value(), 6);
            writable.value()->waitForIdle();
        }
        auto lib = Library::open(profile, OpenOptions{true});
        QVERIFY(lib.hasValue());
        Library* library = lib->get();
        QVERIFY(library->isReadOnly());
        QVERIFY(library->writeRefusal().endsWith(u"library is read-only (opened read-only as asked)"_s));
        {
            MainWindow window(library);
            window.show();
            auto* note = window.findChild<QLabel*>(u"readOnlyLabel"_s);
            QVERIFY(note);
            QVERIFY(note->text().startsWith(u"Read-only: "_s));
            for (const char* name : {"importAction", "importOpmlAction", "bookmarkAction", "readAction"}) {
                auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
                QVERIFY2(action, name);
                QVERIFY2(!action->isEnabled(), name);
            }
            // Reading works: the list fills and an article can be chosen; editing stays off.
            auto* list = window.findChild<ArticleListView*>(u"articleListView"_s);
            QVERIFY(list);
            QTRY_COMPARE(list->model()->rowCount(), 6);
            list->setCurrentIndex(list->model()->index(0, 0));
            auto* bookmark = window.findChild<QAction*>(u"bookmarkAction"_s);
            QTest::qWait(50);
            QVERIFY(!bookmark->isEnabled());
            // A write that gets through anyway is refused with the reason.
            const auto refused = library->setBookmarked({1}, true).result();
            QVERIFY(!refused.hasValue());
            QCOMPARE(refused.error().code, Error::Code::ReadOnly);
            window.close();
            library->waitForIdle();
            QCoreApplication::processEvents();
        }
        lib.value().reset();
        Database::closeConnection(QDir(profile).filePath(Database::fileName()));
        DatabaseHealth::endSession(QDir(profile).filePath(Database::fileName()));
    }
};

QTEST_MAIN(TestReadOnlyWindow)
#include "TestReadOnlyWindow.moc"
