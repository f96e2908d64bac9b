// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reading window as a new user meets it: layout and View menu, empty states, timeline,
// never-stale lists, reading actions, search hits, the Add subscription dialog.
#include "ArticleListView.h"
#include "TestSupport.h"

#include "AddSubscriptionDialog.h"
#include "AnnotationController.h"
#include "FeedController.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "ReaderFind.h"
#include "ReaderPane.h"
#include "SearchController.h"
#include "SnippetDelegate.h"
#include "TimelineStrip.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/Library.h"
#include "storage/QueryParser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTextBlock>
#include <QAbstractTextDocumentLayout>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace folio;

class TestWorkbench : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Session
    {
        std::unique_ptr<Library> library;
        std::unique_ptr<MainWindow> window;
        ArticleListView* list = nullptr;
        QAction* action(const QString& name) const { return window->findChild<QAction*>(name); }
    };

    Session open(const QString& profile, QSize size = {1280, 800})
    {
        Session s;
        s.library = std::move(Library::open(profile).value());
        s.window = std::make_unique<MainWindow>(s.library.get());
        s.window->setMarkReadDelay(60000);
        s.window->resize(size);
        s.window->show();
        s.library->importSeedsIfNew();
        s.list = s.window->findChild<ArticleListView*>(u"articleListView"_s);
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

private Q_SLOTS:
    void readerGetsTheRoomAndNarrowWindowsStackTheList()
    {
        Session s = open(m_dir.filePath(u"layout"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        auto* reader = s.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        auto* listPanel = s.window->findChild<QWidget*>(u"listPanelWidget"_s);
        QVERIFY(!s.window->listAboveReader());
        QVERIFY2(reader->width() > listPanel->width(), qPrintable(u"%1 %2"_s.arg(reader->width()).arg(listPanel->width())));
        // No annotations: the panel is out of the way.
        QVERIFY(!s.window->findChild<QDockWidget*>(u"annotationDockWidget"_s)->isVisible());
        s.window->resize(1000, 700);
        QTRY_VERIFY(s.window->listAboveReader());
        QVERIFY(reader->width() > 600);
        // Stacked, the list keeps room for its rows under the search bar, filters and timeline,
        // and the reader the larger share.
        QTRY_VERIFY2(s.list->viewport()->height() >= 10 * s.list->rowHeight(0),
                     qPrintable(u"%1 px for rows of %2"_s.arg(s.list->viewport()->height()).arg(s.list->rowHeight(0))));
        QVERIFY2(reader->height() > listPanel->height(), qPrintable(u"%1 %2"_s.arg(reader->height()).arg(listPanel->height())));
        s.action(u"layoutColumnsAction"_s)->trigger();
        QVERIFY(!s.window->listAboveReader());
        // Side by side in 1,000 pixels: the list keeps room for its titles (not two fifths of the
        // content, about 300 pixels), the reader still the larger share.
        QTRY_VERIFY2(listPanel->width() > 340, qPrintable(QString::number(listPanel->width())));
        QVERIFY2(reader->width() > listPanel->width(), qPrintable(u"%1 %2"_s.arg(reader->width()).arg(listPanel->width())));
        s.action(u"layoutAutomaticAction"_s)->trigger();
        QVERIFY(s.window->listAboveReader());
        close(s);
        // Remembered per profile.
        Session again = open(m_dir.filePath(u"layout"_s), {1000, 700});
        again.action(u"layoutListAboveAction"_s)->trigger();
        close(again);
        Session third = open(m_dir.filePath(u"layout"_s));
        QCOMPARE(third.window->readerLayout(), MainWindow::ReaderLayout::ListAboveReader);
        QVERIFY(third.window->listAboveReader());
        close(third);
    }

    void theListKeepsItsWidthWhenTheRoomChanges()
    {
        Session s = open(m_dir.filePath(u"keepwidth"_s), {1400, 800});
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        auto* reader = s.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        auto* listPanel = s.window->findChild<QWidget*>(u"listPanelWidget"_s);
        QTRY_VERIFY(listPanel->width() >= 400);
        const int width = listPanel->width();
        // A narrower window, and then the annotation panel: the reader gives the room.
        s.window->resize(1250, 800);
        QTRY_COMPARE(s.window->width(), 1250);
        QVERIFY(!s.window->listAboveReader());
        QCOMPARE(listPanel->width(), width);
        QVERIFY2(reader->width() > listPanel->width(), qPrintable(u"%1 %2"_s.arg(reader->width()).arg(listPanel->width())));
        auto* dock = s.window->findChild<QDockWidget*>(u"annotationDockWidget"_s);
        s.action(u"showAnnotationsAction"_s)->trigger();
        QTRY_VERIFY(dock->isVisible());
        // Too little room for both at their widths: the reader keeps half, and the list has its
        // width back when the panel goes.
        QTRY_VERIFY(listPanel->width() < width);
        QVERIFY2(reader->width() >= listPanel->width(), qPrintable(u"%1 %2"_s.arg(reader->width()).arg(listPanel->width())));
        s.action(u"showAnnotationsAction"_s)->trigger();
        QTRY_VERIFY(!dock->isVisible());
        QTRY_COMPARE(listPanel->width(), width);
        // Side by side on request in a narrow window: once the reader is down to the list's
        // width, the two share what is left.
        s.action(u"layoutColumnsAction"_s)->trigger();
        s.window->resize(900, 800);
        QTRY_COMPARE(s.window->width(), 900);
        QVERIFY(!s.window->listAboveReader());
        QVERIFY2(reader->width() >= listPanel->width(), qPrintable(u"%1 %2"_s.arg(reader->width()).arg(listPanel->width())));
        // Growing again, the list gets its width back and the reader takes the rest.
        s.window->resize(1400, 800);
        QTRY_COMPARE(s.window->width(), 1400);
        QCOMPARE(listPanel->width(), width);
        // A drag is the new width.
        auto* splitter = s.window->findChild<QSplitter*>(u"contentSplitter"_s);
        splitter->setSizes({450, splitter->sizes().value(0) + splitter->sizes().value(1) - 450});
        Q_EMIT splitter->splitterMoved(450, 1);
        s.window->resize(1450, 800);
        QTRY_COMPARE(s.window->width(), 1450);
        QCOMPARE(listPanel->width(), 450);
        close(s);
        // Remembered: the next start has the dragged width, and keeps it through a room too small
        // for it and through a turn above the reader and back.
        Session again = open(m_dir.filePath(u"keepwidth"_s), {1200, 800});
        auto* listAgain = again.window->findChild<QWidget*>(u"listPanelWidget"_s);
        auto* readerAgain = again.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        QTRY_COMPARE(again.list->model()->rowCount(), 6);
        QTRY_COMPARE(listAgain->width(), 450);
        QCOMPARE(again.window->readerLayout(), MainWindow::ReaderLayout::ThreeColumns);
        again.window->resize(900, 800);
        QTRY_COMPARE(again.window->width(), 900);
        QTRY_VERIFY(listAgain->width() < 450);
        QVERIFY(readerAgain->width() > listAgain->width());
        again.window->resize(1350, 800);
        QTRY_COMPARE(again.window->width(), 1350);
        QTRY_COMPARE(listAgain->width(), 450);
        again.action(u"layoutListAboveAction"_s)->trigger();
        QVERIFY(again.window->listAboveReader());
        again.action(u"layoutColumnsAction"_s)->trigger();
        QVERIFY(!again.window->listAboveReader());
        QTRY_COMPARE(listAgain->width(), 450);
        again.action(u"layoutListAboveAction"_s)->trigger();
        close(again);
        // Stacked after a start: a taller window gives both panes more rows.
        Session third = open(m_dir.filePath(u"keepwidth"_s), {1200, 700});
        auto* listThird = third.window->findChild<QWidget*>(u"listPanelWidget"_s);
        auto* readerThird = third.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        QTRY_COMPARE(third.list->model()->rowCount(), 6);
        QVERIFY(third.window->listAboveReader());
        const int listHeight = listThird->height();
        const int readerHeight = readerThird->height();
        third.window->resize(1200, 1000);
        QTRY_COMPARE(third.window->height(), 1000);
        QTRY_VERIFY2(listThird->height() > listHeight + 50 && readerThird->height() > readerHeight + 50,
                     qPrintable(u"%1 -> %2, %3 -> %4"_s.arg(listHeight).arg(listThird->height())
                                    .arg(readerHeight).arg(readerThird->height())));
        close(third);
    }

    void viewMenuHidesAndBringsBackEveryPane()
    {
        Session s = open(m_dir.filePath(u"view"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        auto* sidebar = s.window->findChild<QWidget*>(u"sidebarWidget"_s);
        auto* timeline = s.window->search()->timelineStrip();
        auto* toolbar = s.window->findChild<QToolBar*>(u"mainToolBar"_s);
        s.action(u"showSidebarAction"_s)->trigger();
        QVERIFY(!sidebar->isVisible());
        s.action(u"showSidebarAction"_s)->trigger();
        QVERIFY(sidebar->isVisible());
        s.action(u"showTimelineAction"_s)->trigger();
        QVERIFY(!timeline->isVisible());
        s.action(u"showToolbarAction"_s)->trigger();
        QVERIFY(!toolbar->isVisible());
        s.action(u"showToolbarAction"_s)->trigger();
        QVERIFY(toolbar->isVisible());
        auto* dock = s.window->findChild<QDockWidget*>(u"annotationDockWidget"_s);
        s.action(u"showAnnotationsAction"_s)->trigger();
        QVERIFY(dock->isVisible());
        s.window->setDistractionFree(true);
        QVERIFY(!sidebar->isVisible());
        QVERIFY(!s.window->findChild<QWidget*>(u"listPanelWidget"_s)->isVisible());
        QVERIFY(!dock->isVisible());
        s.window->setDistractionFree(false);
        QVERIFY(sidebar->isVisible());
        QVERIFY(dock->isVisible());
        QCOMPARE(s.action(u"distractionFreeAction"_s)->shortcut(), QKeySequence(Qt::Key_F11));
        close(s);
    }

    void emptyListSaysWhyAndOffersTheWayOut()
    {
        Session s = open(m_dir.filePath(u"empty"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        auto* filter = s.window->findChild<FilterBar*>(u"filterBar"_s);
        filter->setRange(QDate(1990, 1, 1), QDate(1990, 1, 7)); // the seed is undated
        QTRY_VERIFY2(s.window->emptyStateText().contains(u"6 undated"_s), qPrintable(s.window->emptyStateText()));
        auto* show = s.window->findChild<QPushButton*>(u"showUndatedPushButton"_s);
        QVERIFY(show->isVisible());
        show->click();
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QVERIFY(s.window->emptyStateText().isEmpty());
        filter->searchLineEdit()->setText(u"zzzgeenwoord"_s);
        QTRY_VERIFY(s.window->emptyStateText().contains(u"zzzgeenwoord"_s));
        s.window->findChild<QPushButton*>(u"clearFiltersPushButton"_s)->click();
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        close(s);
    }

    void timelineShowsTheResultAtStartWithLabels()
    {
        Session s = open(m_dir.filePath(u"timeline"_s));
        QSignalSpy done(s.window.get(), &MainWindow::importFinished);
        s.window->importFiles({test::dataPath(u"feeds/rss20-full.xml"_s)});
        QTRY_COMPARE(done.size(), 1);
        TimelineStrip* strip = s.window->search()->timelineStrip();
        QTRY_VERIFY(!strip->timeline().starts.isEmpty());
        QVERIFY(!strip->axisLabels().isEmpty());
        close(s);
        Session again = open(m_dir.filePath(u"timeline"_s));
        QTRY_VERIFY(!again.window->search()->timelineStrip()->timeline().starts.isEmpty()); // at start, no filter change
        // An empty tag intersection clears the bars.
        auto* filter = again.window->findChild<FilterBar*>(u"filterBar"_s);
        filter->searchLineEdit()->setText(u"tag:nergens"_s);
        QTRY_VERIFY(again.window->search()->timelineStrip()->timeline().starts.isEmpty());
        close(again);
    }

    void changesByAnotherProcessShowWithoutLosingTheSelection()
    {
        const QString profile = m_dir.filePath(u"watch"_s);
        Session s = open(profile);
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QVERIFY(s.window->selectArticle(s.window->articleModel()->articleId(2)));
        const qint64 selected = s.window->currentArticleId();
        // A second library on the same file stands in for folio-cli.
        auto other = std::move(Library::open(profile).value());
        auto imported = other->importFile(test::dataPath(u"tagpages/kazachstan.txt"_s));
        imported.waitForFinished();
        QVERIFY(imported.result().hasValue());
        other.reset();
        QTRY_COMPARE_WITH_TIMEOUT(s.list->model()->rowCount(), 7, 4000);
        QTRY_VERIFY(s.window->tagModel()->indexForKey(u"tag:Kazachstan"_s).isValid());
        QCOMPARE(s.window->currentArticleId(), selected);
        QTRY_VERIFY(s.window->findChild<QLabel*>(u"countLabel"_s)->text().startsWith(u"7"_s));
        close(s);
    }

    void markAllReadIsUndoable()
    {
        Session s = open(m_dir.filePath(u"markall"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.window->markAllRead();
        const QModelIndex unread = s.window->tagModel()->indexForKey(u"unread"_s);
        QTRY_COMPARE(s.window->tagModel()->indexForKey(u"unread"_s).data(TagTreeModel::CountRole).toInt(), 0);
        QTRY_VERIFY2(s.list->model()->index(0, 0).data(ArticleListModel::ReadRole).toBool(),
                     qPrintable(s.list->model()->index(0, ArticleListModel::Title).data().toString()));
        s.window->findChild<AnnotationController*>(u"annotationController"_s)->undoStack()->undo();
        QTRY_COMPARE(s.window->tagModel()->indexForKey(u"unread"_s).data(TagTreeModel::CountRole).toInt(), 6);
        Q_UNUSED(unread);
        close(s);
    }

    void linkActionsFollowTheCurrentArticle()
    {
        Session s = open(m_dir.filePath(u"links"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        QAction* open = s.action(u"openLinkAction"_s);
        QAction* copy = s.action(u"copyLinkAction"_s);
        QAction* cite = s.action(u"copyCitationAction"_s);
        QVERIFY(open && copy && cite);
        s.list->setCurrentIndex({});
        QTRY_VERIFY(!open->isEnabled() && !copy->isEnabled() && !cite->isEnabled());
        // A tag-page article has no link: only a citation (its title, source and date).
        QVERIFY(s.window->selectArticle(s.window->articleModel()->articleId(0)));
        QVERIFY(s.list->model()->index(0, 0).data(ArticleListModel::LinkRole).toString().isEmpty());
        QVERIFY(!open->isEnabled() && !copy->isEnabled() && cite->isEnabled());
        cite->trigger();
        QCOMPARE(QApplication::clipboard()->text().left(10),
                 s.list->model()->index(0, ArticleListModel::Title).data().toString().left(10));
        // Feed articles have one.
        auto imported = s.library->importFile(test::dataPath(u"feeds/rss20-full.xml"_s));
        imported.waitForFinished();
        QVERIFY(imported.result().hasValue());
        QTRY_VERIFY(s.list->model()->rowCount() > 6);
        int linked = -1;
        for (int r = 0; r < s.list->model()->rowCount() && linked < 0; ++r) {
            if (!s.list->model()->index(r, 0).data(ArticleListModel::LinkRole).toString().isEmpty()) {
                linked = r;
            }
        }
        QVERIFY(linked >= 0);
        QVERIFY(s.window->selectArticle(s.window->articleModel()->articleId(linked)));
        const QString link = s.list->model()->index(linked, 0).data(ArticleListModel::LinkRole).toString();
        QVERIFY(open->isEnabled() && copy->isEnabled() && cite->isEnabled());
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), link);
        cite->trigger();
        const QString citation = QApplication::clipboard()->text();
        QVERIFY2(citation.startsWith(u"["_s) && citation.contains(u"]("_s + link + u")"_s), qPrintable(citation));
        close(s);
    }

    void loadImagesButtonNeverCoversTheText()
    {
        // The button sits in the reader's top right corner: beside the column in a wide reader,
        // above the title in a narrow one (it covered the title's end).
        ReaderPane reader;
        Article article;
        article.id = 1;
        article.title = u"Bisjkek: in provincie niet bergen om zijn Boechara al gaat Mongolië Wuhan"_s;
        article.contentHtml = u"<p>Tekst over de spoorlijn.</p><img src=\"https://beeld.example.nl/1.jpg\" alt=\"spoor\">"_s;
        reader.showArticle(article);
        for (const int width : {420, 1400}) {
            reader.resize(width, 500);
            reader.show();
            QCoreApplication::processEvents();
            auto* button = reader.findChild<QToolButton*>(u"loadImagesButton"_s);
            QVERIFY(button && button->isVisible());
            QTextBlock first = reader.document()->begin();
            while (first.isValid() && first.text().trimmed().isEmpty()) {
                first = first.next();
            }
            QVERIFY(first.isValid());
            const QRectF title = reader.document()->documentLayout()->blockBoundingRect(first);
            QVERIFY2(!button->geometry().intersects(title.toAlignedRect()),
                     qPrintable(u"width %1: button %2,%3 %4x%5, title %6,%7 %8x%9"_s.arg(width)
                                    .arg(button->x()).arg(button->y()).arg(button->width()).arg(button->height())
                                    .arg(title.x()).arg(title.y()).arg(title.width()).arg(title.height())));
        }
    }

    void anImageBetweenParagraphsIsABlockOfItsOwn()
    {
        // Not loaded, an image shows its alt text in a box: run into the line before it, the box
        // made that line taller than the others. It gets a paragraph of its own, as in a browser;
        // an image in a line of text stays in it.
        ReaderPane reader;
        Article article;
        article.id = 1;
        article.title = u"Spoorlijn"_s;
        article.contentHtml = u"<p>Tekst over de spoorlijn.</p><img src=\"https://beeld.example.nl/1.jpg\" alt=\"spoor\">"
                              u"<p>Meer tekst <img src=\"https://beeld.example.nl/2.jpg\" alt=\"icoon\"> erna.</p>"
                              u"<a href=\"https://beeld.example.nl/groot\"><img src=\"https://beeld.example.nl/3.jpg\" alt=\"kaart\"></a>"
                              u"<p>Slot.</p>"_s;
        reader.resize(600, 500);
        reader.show();
        reader.showArticle(article);
        QStringList blocks;
        for (QTextBlock b = reader.document()->begin(); b.isValid(); b = b.next()) {
            if (!b.text().trimmed().isEmpty()) {
                blocks.append(b.text());
            }
        }
        const QString image(QChar::ObjectReplacementCharacter);
        QVERIFY2(blocks.contains(u"Tekst over de spoorlijn."_s), qPrintable(blocks.join(u'|')));
        QVERIFY2(blocks.count(image) == 2, qPrintable(blocks.join(u'|'))); // the linked one too
        QVERIFY2(blocks.contains(u"Meer tekst "_s + image + u" erna."_s), qPrintable(blocks.join(u'|')));
    }

    void shortcutsDialogListsEveryShortcut()
    {
        Session s = open(m_dir.filePath(u"keys"_s));
        s.action(u"shortcutsAction"_s)->trigger();
        QTableWidget* table = nullptr;
        QTRY_VERIFY((table = s.window->findChild<QTableWidget*>(u"shortcutsTableWidget"_s)) != nullptr);
        QStringList keys;
        for (int row = 0; row < table->rowCount(); ++row) {
            keys.append(table->item(row, 0)->text());
        }
        const QString all = keys.join(u", "_s);
        for (const QString& key : {u"F5"_s, u"F1"_s, u"F11"_s, u"Ctrl+D"_s, u"H"_s, u"O"_s, u"N"_s}) {
            QVERIFY2(all.split(u", "_s).contains(key), qPrintable(all));
        }
        // Preferences has a key on every platform (offscreen has no standard one: Ctrl+,).
        QVERIFY(!s.action(u"preferencesAction"_s)->shortcut().isEmpty());
        close(s);
    }

    void addSubscriptionStartsUntaggedAndSuggestsTheSelectedTag()
    {
        Session s = open(m_dir.filePath(u"addsub"_s));
        QTRY_VERIFY(s.window->selectSidebarKey(u"tag:Centraal-Azië"_s));
        s.action(u"addSubscriptionAction"_s)->trigger();
        AddSubscriptionDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = s.window->findChild<AddSubscriptionDialog*>()) != nullptr);
        QVERIFY(dialog->tags().isEmpty());
        auto* suggest = dialog->findChild<QPushButton*>(u"suggestTagPushButton"_s);
        QVERIFY(suggest->isVisible());
        suggest->click();
        QCOMPARE(dialog->tags(), QStringList{u"Centraal-Azië"_s});
        dialog->reject();
        close(s);
    }

    void searchHitsAreMarkedInTheReaderAndStepped()
    {
        QCOMPARE(ReaderFind::termsOf(u"zijderoute tag:x -china \"nieuwe zijderoutes\" OR is:unread"_s),
                 (QStringList{u"zijderoute"_s, u"nieuwe zijderoutes"_s}));
        Session s = open(m_dir.filePath(u"hits"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.window->findChild<FilterBar*>(u"filterBar"_s)->searchLineEdit()->setText(u"zijderoutes"_s);
        QTRY_VERIFY(s.list->model()->rowCount() >= 1 && s.list->model()->rowCount() < 6);
        const QString snippet = s.list->model()->index(0, 0).data(ArticleListModel::SnippetRole).toString();
        QVERIFY2(snippet.contains(QChar(2)), qPrintable(snippet)); // the hit is marked
        QVERIFY(s.window->selectArticle(s.window->articleModel()->articleId(0)));
        auto* reader = s.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        auto* find = s.window->findChild<ReaderFind*>(u"readerFind"_s);
        QTRY_VERIFY(find->hitCount() >= 1);
        QVERIFY(!reader->extraSelections().isEmpty());
        s.action(u"nextHitAction"_s)->trigger();
        QCOMPARE(find->currentHit(), 0);
        close(s);
    }

    void snippetCentresOnTheHit()
    {
        const QString marked = u"Premier Li Qiang brengt deze week een bezoek aan buurland \u0002Kirgizië\u0003 voor overleg"_s;
        const QString shown = SnippetDelegate::centredText(marked, QFont(), 200);
        QVERIFY2(shown.contains(u"Kirgizië"_s), qPrintable(shown));
        QVERIFY(!shown.startsWith(u"Premier"_s));
    }

    void dragsSnapToWholeWords()
    {
        const QString text = u"de samenwerking met de landen van Centraal-Azië"_s;
        int start = static_cast<int>(text.indexOf(u"werking"_s)) + 2; // "rking met de landen v"
        int end = static_cast<int>(text.indexOf(u"van"_s)) + 1;
        AnnotationController::snapToWords(text, start, end);
        QCOMPARE(text.mid(start, end - start), u"samenwerking met de landen van"_s);
        start = static_cast<int>(text.indexOf(u"met"_s)) - 1; // a blank before the word
        end = static_cast<int>(text.indexOf(u"met"_s)) + 4;   // and one after it
        AnnotationController::snapToWords(text, start, end);
        QCOMPARE(text.mid(start, end - start), u"met"_s);
    }

    void sidebarGroupsBadgesFilterAndFolding()
    {
        const QString profile = m_dir.filePath(u"sidebar"_s);
        Session s = open(profile);
        s.library->importFile(test::dataPath(u"tagpages/kazachstan.txt"_s));
        TagTreeModel* tags = s.window->tagModel();
        QTRY_VERIFY(tags->indexForKey(u"tag:Kazachstan"_s).isValid());
        QStringList groups;
        for (int row = 0; row < tags->rowCount(); ++row) {
            groups.append(tags->index(row, 0).data(TagTreeModel::KeyRole).toString());
        }
        QCOMPARE(groups, (QStringList{u"section:library"_s, u"section:feeds"_s, u"section:saved"_s, u"section:tags"_s}));
        const QModelIndex kazachstan = tags->indexForKey(u"tag:Kazachstan"_s);
        QCOMPARE(kazachstan.siblingAtColumn(TagTreeModel::Counts).data().toString(), u"2"_s); // unread badge
        QVERIFY(kazachstan.data(Qt::ToolTipRole).toString().contains(u"Kazachstan"_s));
        auto* tree = s.window->findChild<QTreeView*>(u"tagTreeView"_s);
        tree->setFocus();
        QTest::keyClicks(tree, u"kaz"_s); // typing in the sidebar filters the tags
        auto* filter = s.window->search()->sidebarFilter();
        QCOMPARE(filter->text(), u"kaz"_s);
        const QModelIndex tagGroup = tags->tagSectionIndex();
        QVERIFY(!tree->isRowHidden(kazachstan.row(), tagGroup));
        QVERIFY(tree->isRowHidden(tags->indexForKey(u"tag:Centraal-Azië"_s).row(), tagGroup));
        filter->clear();
        QVERIFY(!tree->isRowHidden(tags->indexForKey(u"tag:Centraal-Azië"_s).row(), tagGroup));
        tree->collapse(tagGroup);
        close(s);
        Session again = open(profile);
        auto* tree2 = again.window->findChild<QTreeView*>(u"tagTreeView"_s);
        QTRY_VERIFY(again.window->tagModel()->indexForKey(u"tag:Kazachstan"_s).isValid());
        QVERIFY(!tree2->isExpanded(again.window->tagModel()->tagSectionIndex()));
        QVERIFY(tree2->isExpanded(again.window->tagModel()->index(0, 0)));
        close(again);
    }

    void annotatedArticlesAreMarkedInTheList()
    {
        Session s = open(m_dir.filePath(u"marked"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        const qint64 id = s.window->articleModel()->articleId(1);
        Annotation a;
        a.articleId = id;
        a.note = u"Nalezen"_s;
        QVERIFY(s.library->addAnnotation(a).result().hasValue());
        const QModelIndex row = s.list->model()->index(s.window->articleModel()->rowOf(id), ArticleListModel::Title);
        QTRY_COMPARE(row.data(ArticleListModel::AnnotationsRole).toInt(), 1);
        QVERIFY(!row.data(Qt::DecorationRole).isNull());
        auto* filter = s.window->findChild<FilterBar*>(u"filterBar"_s);
        filter->searchLineEdit()->setText(u"has:note"_s);
        QTRY_COMPARE(s.list->model()->rowCount(), 1);
        close(s);
    }

    void languageChangesInTheOpenWindow()
    {
        Session s = open(m_dir.filePath(u"language"_s));
        QMenu* view = s.window->findChild<QMenu*>(u"viewMenu"_s);
        QCOMPARE(view->title(), u"&View"_s);
        QSettings settings(QDir(m_dir.filePath(u"language"_s)).filePath(u"folio.ini"_s), QSettings::IniFormat);
        settings.setValue(u"appearance/language"_s, u"nl"_s);
        settings.sync();
        s.window->applyPreferences();
        QTRY_COMPARE(view->title(), u"&Beeld"_s);
        QTRY_COMPARE(s.window->tagModel()->index(2, 0).data().toString(), u"Bewaarde zoekopdrachten"_s);
        settings.setValue(u"appearance/language"_s, u"en"_s);
        settings.sync();
        s.window->applyPreferences();
        QTRY_COMPARE(view->title(), u"&View"_s);
        close(s);
    }

    void hasAnnotationsAndHasNoteParse()
    {
        const auto q = QueryParser::parse(u"has:annotations has:note china"_s);
        QVERIFY(q.hasValue());
        QVERIFY(q->annotatedOnly);
        QVERIFY(q->notedOnly);
        QCOMPARE(QueryParser::format(q.value()).contains(u"has:annotations"_s), true);
        QVERIFY(!QueryParser::parse(u"has:nothing"_s).hasValue());
    }
};

QTEST_MAIN(TestWorkbench)
#include "TestWorkbench.moc"
