// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/HighlightedArticles.h"

#include "html/AnchorText.h"
#include "html/ArticlePage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

#include <memory>

using namespace Qt::StringLiterals;

namespace folio::highlightexport {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HighlightedArticles)
};

QString notesHtml(const QList<Annotation>& annotations)
{
    QString html;
    for (const Annotation& a : annotations) {
        if (a.note.isEmpty() && !a.detached) {
            continue;
        }
        html += u"<li>"_s;
        if (!a.isArticleNote()) {
            html += u"<i>\u201C"_s + a.quote.toHtmlEscaped() + u"\u201D</i>"_s;
            if (a.detached) {
                html += u" ("_s + Text::tr("detached").toHtmlEscaped() + u")"_s;
            }
            if (!a.note.isEmpty()) {
                html += u": "_s;
            }
        }
        html += a.note.toHtmlEscaped() + u"</li>"_s;
    }
    return html.isEmpty() ? QString() : u"<h3>"_s + Text::tr("Notes").toHtmlEscaped() + u"</h3><ul>"_s + html + u"</ul>"_s;
}

std::unique_ptr<QTextDocument> build(const QList<HighlightedArticle>& articles)
{
    auto out = std::make_unique<QTextDocument>();
    QTextCursor cursor(out.get());
    bool first = true;
    for (const HighlightedArticle& item : articles) {
        QTextDocument page;
        page.setHtml(html::articlePage(item.article));
        // The feed's version is printed; highlights made in the full article show where their
        // passage is in it (the notes list below has them all).
        const QString text = html::anchorText(item.article);
        html::applyHighlights(&page, html::DocumentAnchors(page, text), html::annotationsInView(item.annotations, text, 0));
        if (!first) {
            QTextBlockFormat breakBefore;
            breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.insertBlock(breakBefore);
        }
        first = false;
        cursor.insertFragment(QTextDocumentFragment(&page));
        const QString notes = notesHtml(item.annotations);
        if (!notes.isEmpty()) {
            cursor.insertBlock();
            cursor.insertHtml(notes);
        }
    }
    return out;
}

} // namespace

QString toHtml(const QList<HighlightedArticle>& articles)
{
    return build(articles)->toHtml();
}

Result<void> writePdf(const QList<HighlightedArticle>& articles, const QString& path)
{
    auto document = build(articles);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(Text::tr("Folio articles"));
    writer.setCreator(u"Folio"_s);
    document->print(&writer);
    if (!QFileInfo::exists(path)) {
        return makeError(Error::Code::Io, u"cannot write PDF"_s, path);
    }
    return {};
}

} // namespace folio::highlightexport
