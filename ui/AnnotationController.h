// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnnotationExportDialog.h"

#include "domain/Annotation.h"
#include "domain/Article.h"
#include "html/AnchorText.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QDockWidget;
class QUndoStack;
class QWidget;

namespace folio {

class AnnotationPanel;
class Library;
class ReaderPane;

/// Highlights and notes in the window: applies the article's highlights to the reader's
/// document, keeps the annotation panel in step, and turns the reader's actions (highlight,
/// note, edit, delete) into library writes that are undoable. Every write is committed the
/// moment it is made; undo writes again.
class AnnotationController : public QObject
{
    Q_OBJECT

public:
    AnnotationController(Library* library, ReaderPane* reader, QWidget* window);

    QDockWidget* dock() const { return m_dock; }
    AnnotationPanel* panel() const { return m_panel; }
    QUndoStack* undoStack() const { return m_undo; }
    QAction* highlightAction() const { return m_highlight; }
    QAction* noteAction() const { return m_note; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* exportAction() const { return m_export; }

    /// The reader now shows article (call right after ReaderPane::showArticle).
    void setArticle(const Article& article);
    void clearArticle();

    /// Widens [start, end) of text to whole words and trims blanks (how a drag becomes a quote).
    static void snapToWords(const QString& text, int& start, int& end);
    /// Highlights the reader's selection, snapped to whole words, in color ("" = the default colour).
    void highlightSelection(const QString& color = {});
    /// Adds a note: to the highlight under the selection, to a new highlight of the selection,
    /// or to the article when nothing is selected. Opens a NoteDialog.
    void addNote();
    /// Scrolls the reader to the annotation and selects its text.
    void reveal(const Annotation& annotation);
    void removeAnnotation(const Annotation& annotation);
    void editAnnotation(const Annotation& annotation, const QString& note, const QString& color);
    /// Opens the export dialog.
    void showExportDialog();
    /// Writes the export off the GUI thread; ends with exportFinished.
    void exportAnnotations(const AnnotationExportRequest& request);


Q_SIGNALS:
    void message(const QString& text);
    /// The highlights of the article in the reader are applied (tests wait for this).
    void highlightsApplied(qint64 articleId);
    /// The article in the reader has this many annotations (after every reload).
    void annotationCountChanged(int count);
    /// An export finished.
    void exportFinished(bool ok, const QString& message);

private:
    /// Reads the article's annotations again; onlyIfChanged: leave the page alone when they are
    /// what the panel shows.
    void reload(bool onlyIfChanged = false);
    void render(const QList<Annotation>& annotations);
    /// Anchor text, the shown part of it and the page's map, for what the reader shows now.
    void refreshAnchors();
    /// Annotations placed in the shown part (offsets relative to m_viewText); those that are not
    /// in it are marked detached (for the page only).
    QList<Annotation> inView(const QList<Annotation>& annotations) const;
    /// Anchor range (in m_anchorText) of the reader's selection, snapped to whole words;
    /// false when nothing of the article's text is selected.
    bool selectedRange(int* start, int* end);
    void create(const Annotation& annotation);
    qint64 highlightAtSelection() const;

    QPointer<Library> m_library;
    QPointer<ReaderPane> m_reader;
    QWidget* m_window = nullptr;
    QDockWidget* m_dock = nullptr;
    AnnotationPanel* m_panel = nullptr;
    QUndoStack* m_undo = nullptr;
    QAction* m_highlight = nullptr;
    QAction* m_note = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_export = nullptr;
    Article m_article;
    QString m_anchorText;     ///< what annotation offsets count in: feed text [+ full text]
    QString m_viewText;       ///< the part of it the reader's page shows
    qsizetype m_viewBase = 0; ///< where m_viewText starts in m_anchorText
    html::DocumentAnchors m_anchors; ///< the page against m_viewText
    quint64 m_request = 0;
    QList<Annotation> m_shown; ///< the highlights on the reader's page
    QTimer m_reapply;
    QTimer m_externalReload; ///< coalesces the library's change signals into one reload
    bool m_applying = false;
};

} // namespace folio
