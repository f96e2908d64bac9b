// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"
#include "TestSupport.h"

#include "AnnotationController.h"
#include "MainWindow.h"
#include "NoteDialog.h"
#include "PreferencesDialog.h"
#include "ReaderPane.h"
#include "html/AnchorText.h"
#include "models/ArticleListModel.h"
#include "storage/AnnotationStore.h"
#include "storage/Database.h"
#include "storage/Library.h"
#include "storage/OfflineStore.h"
#include "storage/ResourceStore.h"
#include "html/HtmlText.h"

#include <QAction>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace folio;

class TestAnnotations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Session
    {
        std::unique_ptr<Library> library;
        std::unique_ptr<MainWindow> window;
        ArticleListView* list = nullptr;
        ReaderPane* reader = nullptr;
        QListWidget* panel = nullptr;
        AnnotationController* controller = nullptr;
    };

    Session open(const QString& profile)
    {
        Session s;
        auto lib = Library::open(profile);
        if (!lib) {
            return s;
        }
        s.library = std::move(lib.value());
        s.window = std::make_unique<MainWindow>(s.library.get());
        s.window->setMarkReadDelay(50);
        s.window->show();
        s.library->importSeedsIfNew();
        s.list = s.window->findChild<ArticleListView*>(u"articleListView"_s);
        s.reader = s.window->findChild<ReaderPane*>(u"readerTextBrowser"_s);
        s.panel = s.window->findChild<QListWidget*>(u"annotationListWidget"_s);
        s.controller = s.window->findChild<AnnotationController*>(u"annotationController"_s);
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

    // The background of the character at pos of the reader's document.
    static QBrush backgroundAt(ReaderPane* reader, int pos)
    {
        QTextCursor c(reader->document());
        c.setPosition(pos + 1);
        return c.charFormat().background();
    }

    static const QString& phrase()
    {
        static const QString p = u"driedaags bezoek"_s;
        return p;
    }

    // Selects phrase in the article body of the reader; returns the cursor.
    static QTextCursor selectPhrase(ReaderPane* reader)
    {
        const html::DocumentAnchors anchors(*reader->document(), QString());
        QTextCursor found = reader->document()->find(phrase(), anchors.bodyStart());
        reader->setTextCursor(found);
        return found;
    }

    // Shows the first article and opens the note dialog with nothing selected (an article note);
    // nullptr when any step does not happen in time.
    static NoteDialog* openArticleNoteDialog(Session& s)
    {
        if (!QTest::qWaitFor([&s] { return s.list->model()->rowCount() == 6; })) {
            return nullptr;
        }
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        if (!QTest::qWaitFor([&s] {
                return s.reader->toPlainText().contains(phrase()) && s.controller->noteAction()->isEnabled();
            })) {
            return nullptr;
        }
        s.reader->setTextCursor(QTextCursor(s.reader->document()));
        s.controller->noteAction()->trigger();
        return s.window->findChild<NoteDialog*>(u"noteDialog"_s);
    }

private Q_SLOTS:
    void highlightedTextIsDarkAndItsLinksStayLinks()
    {
        QTextDocument document;
        document.setDefaultStyleSheet(u"body { color: #e6e6e6; } a { color: #8ab4f8; }"_s);
        document.setHtml(u"<p>Een <a href=\"https://x.example/\">link</a> in de tekst.</p>"_s);
        const QString text = document.toPlainText();
        const html::DocumentAnchors anchors(document, text);
        Annotation a;
        a.id = 1;
        a.start = 0;
        a.end = static_cast<int>(text.size());
        a.quote = text;
        html::applyHighlights(&document, anchors, {a});
        const auto formatAt = [&document](int pos) {
            QTextCursor c(&document);
            c.setPosition(pos + 1);
            return c.charFormat();
        };
        const int link = static_cast<int>(text.indexOf(u"link"_s));
        QCOMPARE(formatAt(0).background().color(), html::highlightColor(u"yellow"_s));
        QCOMPARE(formatAt(0).foreground().color(), html::highlightTextColor());
        QVERIFY(formatAt(link).isAnchor());
        QCOMPARE(formatAt(link).foreground().color(), html::highlightLinkColor());
        QCOMPARE(formatAt(link + 5).foreground().color(), html::highlightTextColor());
    }

    void highlightSurvivesReopeningTheWindow()
    {
        const QString profile = m_dir.filePath(u"highlight"_s);
        int start = 0;
        int end = 0;
        {
            Session s = open(profile);
            QVERIFY(s.reader && s.panel && s.controller);
            QTRY_COMPARE(s.list->model()->rowCount(), 6);
            QSignalSpy applied(s.controller, &AnnotationController::highlightsApplied);
            s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            QTRY_VERIFY(s.reader->toPlainText().contains(phrase()));
            QTRY_VERIFY(applied.count() > 0);
            const QTextCursor selection = selectPhrase(s.reader);
            QVERIFY(selection.hasSelection());
            start = selection.selectionStart();
            end = selection.selectionEnd();
            s.reader->setFocus();
            QTest::keyClick(s.reader, Qt::Key_H);
            QTRY_COMPARE(s.panel->count(), 1);
            QVERIFY(s.panel->item(0)->text().contains(phrase()));
            QCOMPARE(backgroundAt(s.reader, start).color(), html::highlightColor(u"yellow"_s));
            QCOMPARE(backgroundAt(s.reader, end - 2).color(), html::highlightColor(u"yellow"_s));
            QVERIFY(backgroundAt(s.reader, end + 1).style() == Qt::NoBrush);

            // Stored with offsets in the anchor text.
            auto db = Database::connection(s.library->databasePath());
            auto stored = AnnotationStore(db.value()).forArticle(s.reader->articleId());
            QCOMPARE(stored->size(), 1);
            QCOMPARE(stored->at(0).quote, phrase());
            close(s);
        }
        {
            Session s = open(profile);
            // The same article again: its highlight is in the text and in the panel.
            QTRY_COMPARE(s.list->model()->rowCount(), 6);
            if (!s.reader->toPlainText().contains(phrase())) {
                s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            }
            QTRY_VERIFY(s.reader->toPlainText().contains(phrase()));
            QTRY_COMPARE(s.panel->count(), 1);
            QTRY_COMPARE(backgroundAt(s.reader, start).color(), html::highlightColor(u"yellow"_s));
            QCOMPARE(backgroundAt(s.reader, end - 2).color(), html::highlightColor(u"yellow"_s));
            // Readable in the dark theme: the text on the pastel is dark, not the theme's light text.
            applyTheme(Preferences::Theme::Dark);
            const auto light = qScopeGuard([] { applyTheme(Preferences::Theme::Light); });
            QTRY_VERIFY(s.reader->palette().color(QPalette::Text).lightness() > 160);
            s.list->setCurrentIndex(s.list->model()->index(1, ArticleListModel::Title));
            s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            QTRY_COMPARE(backgroundAt(s.reader, start).color(), html::highlightColor(u"yellow"_s));
            {
                // The colour a character is drawn in: its own, else the reader's text colour.
                const auto textAt = [&](int pos) {
                    QTextCursor c(s.reader->document());
                    c.setPosition(pos + 1);
                    const QTextCharFormat f = c.charFormat();
                    return f.hasProperty(QTextFormat::ForegroundBrush) ? f.foreground().color()
                                                                       : s.reader->palette().color(QPalette::Text);
                };
                QVERIFY2(html::highlightColor(u"yellow"_s).lightness() - textAt(start).lightness() > 150,
                         qPrintable(textAt(start).name()));
                QVERIFY(textAt(end + 1).lightness() > 160); // the rest keeps the theme's
            }
            // Clicking it in the panel selects its text.
            s.reader->setTextCursor(QTextCursor(s.reader->document()));
            QTest::mouseClick(s.panel->viewport(), Qt::LeftButton, {},
                              s.panel->visualItemRect(s.panel->item(0)).center());
            QCOMPARE(s.reader->textCursor().selectedText(), phrase());
            close(s);
        }
    }

    void deleteAndUndoRestoreTheHighlight()
    {
        Session s = open(m_dir.filePath(u"undo"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        QTRY_VERIFY(s.reader->toPlainText().contains(phrase()));
        QTRY_VERIFY(s.controller->highlightAction()->isEnabled());
        selectPhrase(s.reader);
        s.controller->highlightAction()->trigger();
        QTRY_COMPARE(s.panel->count(), 1);
        const qint64 id = s.panel->item(0)->data(Qt::UserRole + 1).toLongLong();
        // Undo of create deletes it; redo brings it back.
        s.controller->undoAction()->trigger();
        QTRY_COMPARE(s.panel->count(), 0);
        s.controller->redoAction()->trigger();
        QTRY_COMPARE(s.panel->count(), 1);
        // Delete, then undo: the same annotation, same id, same place.
        s.panel->setCurrentRow(0);
        s.window->findChild<QWidget*>(u"annotationDeleteButton"_s)->metaObject()->invokeMethod(
            s.window->findChild<QWidget*>(u"annotationDeleteButton"_s), "click");
        QTRY_COMPARE(s.panel->count(), 0);
        s.controller->undoStack()->undo();
        QTRY_COMPARE(s.panel->count(), 1);
        QCOMPARE(s.panel->item(0)->data(Qt::UserRole + 1).toLongLong(), id);
        close(s);
    }

    void noteOnSelectionAndOnArticle()
    {
        Session s = open(m_dir.filePath(u"notes"_s));
        // Nothing selected: an article note.
        auto* dialog = openArticleNoteDialog(s);
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(u"notePlainTextEdit"_s)->setPlainText(u"Check the treaty text"_s);
        dialog->accept();
        QTRY_COMPARE(s.panel->count(), 1);
        QVERIFY(s.panel->item(0)->text().contains(u"Check the treaty text"_s));
        close(s);
    }

    void highlightsInTheFullArticle()
    {
        const QString profile = m_dir.filePath(u"full-article"_s);
        const QString fullOnly = u"karavaanroute naar Samarkand"_s;
        auto fullPos = [](ReaderPane* reader, const QString& text) {
            return reader->document()->find(text, html::DocumentAnchors(*reader->document(), QString()).bodyStart());
        };
        qint64 id = 0;
        {
            Session s = open(profile);
            QTRY_COMPARE(s.list->model()->rowCount(), 6);
            s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            QTRY_VERIFY(s.reader->toPlainText().contains(phrase()));
            id = s.reader->articleId();
            // A highlight in the feed's version first.
            s.reader->setTextCursor(selectPhrase(s.reader));
            s.reader->setFocus();
            QTest::keyClick(s.reader, Qt::Key_H);
            QTRY_COMPARE(s.panel->count(), 1);

            // The full article arrives (as the offline downloader stores it); it has the same
            // passage and one of its own.
            const QString fullHtml = u"<p>Het volledige verhaal: de %1 werd heropend na jaren.</p>"
                                     "<p>Tijdens een driedaags bezoek aan de regio sprak men over handel.</p>"_s.arg(fullOnly);
            {
                auto db = Database::connection(s.library->databasePath());
                QVERIFY(OfflineStore(db.value(), ResourceStore::storeDirOf(s.library->profileDir()))
                            .setFullArticle(id, FullArticle{u"https://example.org/full"_s, fullHtml,
                                                            html::toPlainText(fullHtml), 1}));
            }
            s.list->setCurrentIndex(s.list->model()->index(1, ArticleListModel::Title));
            QTRY_VERIFY(s.reader->articleId() != id);
            s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            QTRY_VERIFY(s.reader->fullViewAction()->isEnabled());
            s.reader->fullViewAction()->trigger();
            QTRY_VERIFY(s.reader->toPlainText().contains(fullOnly));
            // The feed version's highlight shows where its passage is in the full article.
            QTRY_COMPARE(backgroundAt(s.reader, fullPos(s.reader, phrase()).selectionStart()).color(),
                         html::highlightColor(u"yellow"_s));

            // Highlight a passage only the full article has.
            const QTextCursor found = fullPos(s.reader, fullOnly);
            QVERIFY(found.hasSelection());
            s.reader->setTextCursor(found);
            s.reader->setFocus();
            QTest::keyClick(s.reader, Qt::Key_H);
            QTRY_COMPARE(s.panel->count(), 2);
            auto db = Database::connection(s.library->databasePath());
            auto stored = AnnotationStore(db.value()).forArticle(id);
            // (the page was rendered again: find the passage anew)
            QTRY_COMPARE(backgroundAt(s.reader, fullPos(s.reader, fullOnly).selectionStart()).color(),
                         html::highlightColor(u"yellow"_s));
            QCOMPARE(stored->size(), 2);
            QStringList quotes{stored->at(0).quote, stored->at(1).quote};
            QVERIFY2(quotes.contains(fullOnly), qPrintable(quotes.join(u" | "_s)));
            for (const Annotation& a : stored.value()) {
                QVERIFY(!a.detached);
            }

            // Back in the feed's version: its own highlight is there, the full article's passage is not.
            s.reader->feedViewAction()->trigger();
            QTRY_VERIFY(!s.reader->toPlainText().contains(fullOnly));
            QTRY_COMPARE(backgroundAt(s.reader, selectPhrase(s.reader).selectionStart()).color(),
                         html::highlightColor(u"yellow"_s));
            QCOMPARE(s.panel->count(), 2);
            close(s);
        }
        {
            // Reopened: the full article's highlight is still placed there.
            Session s = open(profile);
            QTRY_COMPARE(s.list->model()->rowCount(), 6);
            if (s.reader->articleId() != id) {
                s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
            }
            QTRY_COMPARE(s.reader->articleId(), id);
            QTRY_VERIFY(s.reader->fullViewAction()->isEnabled());
            s.reader->fullViewAction()->trigger();
            QTRY_VERIFY(s.reader->toPlainText().contains(fullOnly));
            QTRY_COMPARE(backgroundAt(s.reader, fullPos(s.reader, fullOnly).selectionStart()).color(),
                         html::highlightColor(u"yellow"_s));
            QCOMPARE(s.panel->count(), 2);
            close(s);
        }
    }

    void anAnnotationMadeElsewhereShowsUpInTheOpenArticle()
    {
        // folio-cli annotate, another window or a team sync write through another connection.
        Session s = open(m_dir.filePath(u"elsewhere"_s));
        QTRY_COMPARE(s.list->model()->rowCount(), 6);
        s.list->setCurrentIndex(s.list->model()->index(0, ArticleListModel::Title));
        QTRY_VERIFY(s.reader->toPlainText().contains(phrase()));
        QCOMPARE(s.panel->count(), 0);
        const qint64 id = s.reader->articleId();
        auto other = Database::connection(s.library->databasePath());
        QVERIFY(other);
        QVERIFY(AnnotationStore(other.value()).addQuote(id, phrase(), u"from the command line"_s, u"green"_s));
        QTRY_COMPARE_WITH_TIMEOUT(s.panel->count(), 1, 4000);
        QVERIFY(s.panel->item(0)->text().contains(u"from the command line"_s));
        QTRY_COMPARE(backgroundAt(s.reader, selectPhrase(s.reader).selectionStart()).color(),
                     html::highlightColor(u"green"_s));
        close(s);
    }

    void ctrlEnterSavesTheNote_data()
    {
        QTest::addColumn<int>("key");
        QTest::newRow("Return") << int(Qt::Key_Return);
        QTest::newRow("Enter (keypad)") << int(Qt::Key_Enter);
    }

    void ctrlEnterSavesTheNote()
    {
        QFETCH(int, key);
        Session s = open(m_dir.filePath(u"ctrl-enter-%1"_s.arg(key)));
        auto* dialog = openArticleNoteDialog(s);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* edit = dialog->findChild<QPlainTextEdit*>(u"notePlainTextEdit"_s);
        edit->setFocus();
        // Enter alone is a new line inside the note; Ctrl+Enter saves it.
        QTest::keyClicks(edit, u"First line"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, u"second line"_s);
        QVERIFY(dialog->isVisible());
        QTest::keyClick(edit, Qt::Key(key), key == Qt::Key_Enter ? Qt::ControlModifier | Qt::KeypadModifier
                                                                  : Qt::ControlModifier);
        QTRY_COMPARE(s.panel->count(), 1);
        QVERIFY(s.panel->item(0)->text().contains(u"First line"_s));
        QVERIFY(s.panel->item(0)->text().contains(u"second line"_s));
        close(s);
    }
};

QTEST_MAIN(TestAnnotations)
#include "TestAnnotations.moc"
