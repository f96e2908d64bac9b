// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationController.h"

#include "AnnotationExportDialog.h"
#include "AnnotationPanel.h"
#include "NoteDialog.h"
#include "ReaderPane.h"

#include "domain/Anchoring.h"
#include "export/AnnotationExport.h"
#include "export/HighlightedArticles.h"
#include "domain/WhenReady.h"
#include "storage/Library.h"
#include "storage/SaveFile.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// The undo commands only ask the library; the panel and the reader follow annotationsChanged.

class CreateCommand : public QUndoCommand
{
public:
    CreateCommand(Library* library, const Annotation& created)
        : QUndoCommand(AnnotationController::tr("highlight"))
        , m_library(library)
        , m_annotation(created)
    {
    }
    void redo() override
    {
        if (std::exchange(m_first, false) || !m_library) {
            return; // already stored when the command was made
        }
        m_library->restoreAnnotation(m_annotation);
    }
    void undo() override
    {
        if (m_library) {
            m_library->removeAnnotation(m_annotation);
        }
    }

private:
    QPointer<Library> m_library;
    Annotation m_annotation;
    bool m_first = true;
};

class DeleteCommand : public QUndoCommand
{
public:
    DeleteCommand(Library* library, const Annotation& removed)
        : QUndoCommand(AnnotationController::tr("delete annotation"))
        , m_library(library)
        , m_annotation(removed)
    {
    }
    void redo() override
    {
        if (m_library) {
            m_library->removeAnnotation(m_annotation);
        }
    }
    void undo() override
    {
        if (m_library) {
            m_library->restoreAnnotation(m_annotation); // same id, same anchor
        }
    }

private:
    QPointer<Library> m_library;
    Annotation m_annotation;
};

class EditCommand : public QUndoCommand
{
public:
    EditCommand(Library* library, const Annotation& before, const QString& note, const QString& color)
        : QUndoCommand(AnnotationController::tr("edit annotation"))
        , m_library(library)
        , m_before(before)
        , m_note(note)
        , m_color(color)
    {
    }
    void redo() override
    {
        if (m_library) {
            m_library->updateAnnotation(m_before.id, m_note, m_color);
        }
    }
    void undo() override
    {
        if (m_library) {
            m_library->updateAnnotation(m_before.id, m_before.note, m_before.color);
        }
    }

private:
    QPointer<Library> m_library;
    Annotation m_before;
    QString m_note;
    QString m_color;
};

} // namespace

AnnotationController::AnnotationController(Library* library, ReaderPane* reader, QWidget* window)
    : QObject(window)
    , m_library(library)
    , m_reader(reader)
    , m_window(window)
{
    m_undo = new QUndoStack(this);
    m_panel = new AnnotationPanel(window);
    m_dock = new QDockWidget(tr("Annotations"), window);
    m_dock->setObjectName(u"annotationDockWidget"_s);
    m_dock->setWidget(m_panel);

    m_highlight = new QAction(tr("&Highlight selection"), this);
    m_highlight->setObjectName(u"highlightAction"_s);
    m_highlight->setShortcut(QKeySequence(Qt::Key_H));
    m_highlight->setStatusTip(tr("Highlight the text selected in the article"));
    connect(m_highlight, &QAction::triggered, this, [this] { highlightSelection(); });
    m_note = new QAction(tr("Add &note…"), this);
    m_note->setObjectName(u"addNoteAction"_s);
    m_note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_note->setStatusTip(tr("Add a note to the selected text, or to the article"));
    connect(m_note, &QAction::triggered, this, &AnnotationController::addNote);
    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undoAnnotationAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redoAnnotationAction"_s);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_export = new QAction(tr("Export &annotations…"), this);
    m_export->setObjectName(u"exportAnnotationsAction"_s);
    m_export->setStatusTip(tr("Write highlights, notes and bookmarks to a file"));
    connect(m_export, &QAction::triggered, this, &AnnotationController::showExportDialog);
    m_highlight->setEnabled(false);
    m_note->setEnabled(false);

    connect(m_panel, &AnnotationPanel::annotationActivated, this, &AnnotationController::reveal);
    connect(m_panel, &AnnotationPanel::deleteRequested, this, &AnnotationController::removeAnnotation);
    connect(m_panel, &AnnotationPanel::colorChosen, this,
            [this](const Annotation& a, const QString& color) { editAnnotation(a, a.note, color); });
    connect(m_panel, &AnnotationPanel::editNoteRequested, this, [this](const Annotation& a) {
        auto* dialog = new NoteDialog(a.quote, a.note, a.color, m_window);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog, a] { editAnnotation(a, dialog->note(), a.isArticleNote() ? a.color : dialog->color()); });
        dialog->open();
    });
    connect(m_panel, &AnnotationPanel::articleNoteRequested, this, [this] {
        if (m_article.id == 0) {
            return;
        }
        auto* dialog = new NoteDialog({}, {}, {}, m_window);
        connect(dialog, &QDialog::accepted, this, [this, dialog, id = m_article.id] {
            if (!dialog->note().isEmpty() && id == m_article.id) {
                Annotation a;
                a.articleId = id;
                a.note = dialog->note();
                create(a);
            }
        });
        dialog->open();
    });
    // The reader may render its page again by itself (offline images, full article): put the
    // highlights back on the new page.
    m_reapply.setSingleShot(true);
    m_reapply.setInterval(0);
    connect(&m_reapply, &QTimer::timeout, this, [this] {
        if (!m_reader || m_article.id == 0 || m_reader->articleId() != m_article.id || m_shown.isEmpty()) {
            return;
        }
        m_applying = true;
        refreshAnchors();
        html::applyHighlights(m_reader->document(), m_anchors, inView(m_shown));
        m_applying = false;
    });
    connect(m_reader->document(), &QTextDocument::contentsChanged, this, [this] {
        if (!m_applying && !m_shown.isEmpty()) {
            m_reapply.start();
        }
    });
    connect(library, &Library::annotationsChanged, this, [this](qint64 articleId) {
        if (articleId == m_article.id) {
            reload();
        }
    });
    // Another process (folio-cli, another window) or a team sync changed the library: the shown
    // article's annotations may have changed with it; the page is drawn again only if they did.
    // One look per burst of changes (a refresh of many feeds changes the library many times).
    m_externalReload.setSingleShot(true);
    m_externalReload.setInterval(150);
    connect(&m_externalReload, &QTimer::timeout, this, [this] {
        if (m_article.id != 0) {
            reload(true);
        }
    });
    connect(library, &Library::contentChanged, this, [this] {
        if (!m_externalReload.isActive()) {
            m_externalReload.start();
        }
    });
}

void AnnotationController::setArticle(const Article& article)
{
    m_article = article;
    refreshAnchors();
    m_reader->document()->setUndoRedoEnabled(false);
    const bool writable = m_library && !m_library->isReadOnly();
    m_highlight->setEnabled(writable);
    m_note->setEnabled(writable);
    reload();
}

void AnnotationController::clearArticle()
{
    m_article = Article();
    m_anchorText.clear();
    m_viewText.clear();
    m_viewBase = 0;
    ++m_request;
    m_highlight->setEnabled(false);
    m_note->setEnabled(false);
    m_panel->setAnnotations({});
    m_shown.clear();
    Q_EMIT annotationCountChanged(0);
}

namespace {

bool sameAnnotations(const QList<Annotation>& a, const QList<Annotation>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Annotation& x, const Annotation& y) {
        return x.id == y.id && x.start == y.start && x.end == y.end && x.quote == y.quote && x.note == y.note
               && x.color == y.color && x.detached == y.detached && x.updated == y.updated && x.author == y.author
               && x.history.size() == y.history.size();
    });
}

} // namespace

void AnnotationController::reload(bool onlyIfChanged)
{
    if (!m_library || m_article.id == 0) {
        return;
    }
    const quint64 request = ++m_request;
    const qint64 id = m_article.id;
    whenReady(this, m_library->annotations(id),
              [this, request, id, onlyIfChanged](const Result<QList<Annotation>>& list) {
                  if (request != m_request || id != m_article.id) {
                      return;
                  }
                  if (!list) {
                      Q_EMIT message(list.error().toString());
                      return;
                  }
                  if (onlyIfChanged && sameAnnotations(list.value(), m_panel->annotations())) {
                      return;
                  }
                  render(list.value());
              });
}

void AnnotationController::render(const QList<Annotation>& annotations)
{
    if (!m_reader || m_reader->articleId() != m_article.id) {
        return;
    }
    // Start from the plain page so removed or recoloured highlights go; keep the scroll position.
    const int scroll = m_reader->verticalScrollBar()->value();
    m_applying = true;
    m_reader->showArticle(m_article);
    m_reader->document()->setUndoRedoEnabled(false);
    refreshAnchors();
    html::applyHighlights(m_reader->document(), m_anchors, inView(annotations));
    m_applying = false;
    m_shown = annotations;
    m_reader->verticalScrollBar()->setValue(scroll);
    m_panel->setAnnotations(annotations);
    Q_EMIT annotationCountChanged(static_cast<int>(annotations.size()));
    Q_EMIT highlightsApplied(m_article.id);
}

void AnnotationController::refreshAnchors()
{
    const QString feed = html::anchorText(m_article);
    const QString full = m_reader ? m_reader->fullText() : QString();
    m_anchorText = html::anchorText(m_article, full);
    const bool fullShown = m_reader && m_reader->showsFullArticle() && !full.isEmpty();
    m_viewBase = fullShown ? html::fullTextOffset(feed) : 0;
    m_viewText = fullShown ? full : feed;
    if (m_reader) {
        m_anchors = html::DocumentAnchors(*m_reader->document(), m_viewText);
    }
}

QList<Annotation> AnnotationController::inView(const QList<Annotation>& annotations) const
{
    return html::annotationsInView(annotations, m_viewText, m_viewBase);
}

bool AnnotationController::selectedRange(int* start, int* end)
{
    refreshAnchors(); // the page may have changed since (Feed / Full article, content loaded)
    const QTextCursor cursor = m_reader->textCursor();
    if (!cursor.hasSelection() || cursor.selectionEnd() <= m_anchors.bodyStart()) {
        return false;
    }
    *start = m_anchors.anchorOffset(cursor.selectionStart()) + int(m_viewBase);
    *end = m_anchors.anchorOffset(cursor.selectionEnd()) + int(m_viewBase);
    snapToWords(m_anchorText, *start, *end);
    return true;
}

void AnnotationController::create(const Annotation& annotation)
{
    if (!m_library) {
        return;
    }
    whenReady(this, m_library->addAnnotation(annotation), [this](const Result<Annotation>& stored) {
        if (!stored) {
            Q_EMIT message(tr("Could not save the annotation: %1").arg(stored.error().toString()));
            return;
        }
        m_undo->push(new CreateCommand(m_library, stored.value()));
        Q_EMIT message(stored->isArticleNote() ? tr("Note saved") : tr("Highlight saved"));
    });
}

void AnnotationController::snapToWords(const QString& text, int& start, int& end)
{
    // A drag that starts or ends inside a word takes the whole word ("…landen v" → "…landen van").
    auto inWord = [&text](int i) {
        return i >= 0 && i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i) == u'\'' || text.at(i) == u'\u2019'
                                             || text.at(i).category() == QChar::Mark_NonSpacing);
    };
    start = qBound(0, start, static_cast<int>(text.size()));
    end = qBound(start, end, static_cast<int>(text.size()));
    while (start > 0 && inWord(start) && inWord(start - 1)) {
        --start;
    }
    while (end < text.size() && end > 0 && inWord(end - 1) && inWord(end)) {
        ++end;
    }
    // Leading and trailing blanks are not part of the quote.
    while (start < end && text.at(start).isSpace()) {
        ++start;
    }
    while (end > start && text.at(end - 1).isSpace()) {
        --end;
    }
}

void AnnotationController::highlightSelection(const QString& color)
{
    if (m_article.id == 0 || !m_reader) {
        return;
    }
    int start = 0;
    int end = 0;
    if (!selectedRange(&start, &end)) {
        Q_EMIT message(tr("Select some text of the article first."));
        return;
    }
    Annotation a;
    a.articleId = m_article.id;
    a.color = color.isEmpty() ? u"yellow"_s : color;
    if (!Anchoring::select(m_anchorText, start, end, &a)) {
        Q_EMIT message(tr("Select some text of the article first."));
        return;
    }
    create(a);
}

qint64 AnnotationController::highlightAtSelection() const
{
    const QTextCursor cursor = m_reader->textCursor();
    if (!cursor.hasSelection()) {
        return 0;
    }
    QTextCursor probe(m_reader->document());
    probe.setPosition(cursor.selectionStart() + 1); // the format of the first selected character
    return probe.charFormat().property(html::kAnnotationIdProperty).toLongLong();
}

void AnnotationController::addNote()
{
    if (m_article.id == 0 || !m_reader) {
        return;
    }
    const qint64 existing = highlightAtSelection();
    for (const Annotation& a : m_panel->annotations()) {
        if (existing != 0 && a.id == existing) {
            auto* dialog = new NoteDialog(a.quote, a.note, a.color, m_window);
            connect(dialog, &QDialog::accepted, this,
                    [this, dialog, a] { editAnnotation(a, dialog->note(), dialog->color()); });
            dialog->open();
            return;
        }
    }
    Annotation a;
    a.articleId = m_article.id;
    int start = 0;
    int end = 0;
    if (selectedRange(&start, &end)) {
        Anchoring::select(m_anchorText, start, end, &a);
    }
    auto* dialog = new NoteDialog(a.quote, {}, a.color, m_window);
    connect(dialog, &QDialog::accepted, this, [this, dialog, a]() mutable {
        if (a.articleId != m_article.id) {
            return;
        }
        a.note = dialog->note();
        a.color = dialog->color();
        if (a.isArticleNote() && a.note.isEmpty()) {
            return;
        }
        create(a);
    });
    dialog->open();
}

void AnnotationController::reveal(const Annotation& annotation)
{
    if (!m_reader || annotation.articleId != m_article.id) {
        return;
    }
    const QList<Annotation> placed = inView({annotation});
    const Annotation& shown = placed.first();
    if (shown.isArticleNote() || shown.detached) {
        Q_EMIT message(annotation.detached ? tr("This passage is no longer in the article's text.")
                       : shown.detached    ? tr("This passage is in the other version of the article (Feed or Full article).")
                                           : QString());
        return;
    }
    const auto [start, end] = m_anchors.documentRange(shown.start, shown.end);
    QTextCursor cursor(m_reader->document());
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    m_reader->setTextCursor(cursor);
    m_reader->ensureCursorVisible();
}

void AnnotationController::removeAnnotation(const Annotation& annotation)
{
    m_undo->push(new DeleteCommand(m_library, annotation));
    Q_EMIT message(tr("Annotation deleted (Ctrl+Z brings it back)"));
}

void AnnotationController::editAnnotation(const Annotation& annotation, const QString& note, const QString& color)
{
    if (annotation.note == note && annotation.color == color) {
        return;
    }
    m_undo->push(new EditCommand(m_library, annotation, note, color));
}

void AnnotationController::showExportDialog()
{
    auto* dialog = new AnnotationExportDialog(m_article.id != 0, m_window);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { exportAnnotations(dialog->request()); });
    dialog->open();
}

void AnnotationController::exportAnnotations(const AnnotationExportRequest& request)
{
    if (!m_library || request.path.isEmpty()) {
        return;
    }
    using Kind = AnnotationExportRequest::Kind;
    const auto done = [this, path = request.path](const Result<void>& written) {
        const QString text = written ? tr("Exported to %1").arg(QDir::toNativeSeparators(path))
                                     : tr("Export failed: %1").arg(written.error().toString());
        Q_EMIT message(text);
        Q_EMIT exportFinished(bool(written), text);
    };
    AnnotationFilter filter;
    filter.tags = request.tags;
    if (request.currentArticleOnly) {
        filter.articleIds = {m_article.id};
    }
    Q_EMIT message(tr("Exporting…"));
    whenReady(this, m_library->annotatedArticles(filter),
              [this, request, done](const Result<QList<AnnotatedArticle>>& articles) {
        if (!articles) {
            done(articles.error());
            return;
        }
        if (request.kind != Kind::Html && request.kind != Kind::Pdf) {
            const auto format = request.kind == Kind::Csv  ? annotationexport::Format::Csv
                : request.kind == Kind::Json               ? annotationexport::Format::Json
                : request.kind == Kind::W3c                ? annotationexport::Format::W3c
                                                           : annotationexport::Format::Markdown;
            whenReady(this, QtConcurrent::run([format, list = articles.value(), path = request.path]() -> Result<void> {
                          return saveFile(path, annotationexport::write(format, list));
                      }),
                      done);
            return;
        }
        QHash<qint64, QList<Annotation>> notes;
        QList<qint64> ids;
        for (const AnnotatedArticle& a : articles.value()) {
            ids.append(a.id);
            notes.insert(a.id, a.annotations);
        }
        if (request.currentArticleOnly && ids.isEmpty()) {
            ids.append(m_article.id);
        }
        whenReady(this, m_library->articles(ids), [this, request, notes, done](const Result<QList<Article>>& full) {
            if (!full) {
                done(full.error());
                return;
            }
            QList<highlightexport::HighlightedArticle> items;
            for (const Article& a : full.value()) {
                items.append({a, notes.value(a.id)});
            }
            whenReady(this, QtConcurrent::run([items, request]() -> Result<void> {
                          if (request.kind == AnnotationExportRequest::Kind::Pdf) {
                              return highlightexport::writePdf(items, request.path);
                          }
                          return saveFile(request.path, highlightexport::toHtml(items).toUtf8());
                      }),
                      done);
        });
    });
}

} // namespace folio
