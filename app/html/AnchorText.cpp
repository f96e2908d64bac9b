// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/AnchorText.h"

#include "domain/Anchoring.h"
#include "html/HtmlText.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace folio::html {

QString anchorText(const QString& contentHtml, const QString& summary)
{
    return contentHtml.isEmpty() ? summary : toPlainText(contentHtml);
}

QString anchorText(const Article& article)
{
    if (article.contentHtml.isEmpty()) {
        return article.summary;
    }
    // The library stores toPlainText(content) as content_text at import: read, not re-parsed.
    // Only content without any text (an image alone) has none stored; parsing that is cheap.
    return article.contentText.isEmpty() ? toPlainText(article.contentHtml) : article.contentText;
}

QString anchorText(const Article& article, const QString& fullText)
{
    const QString feed = anchorText(article);
    return fullText.isEmpty() ? feed : feed + kFullTextSeparator.toString() + fullText;
}

qsizetype fullTextOffset(const QString& feedAnchorText)
{
    return feedAnchorText.size() + kFullTextSeparator.size();
}

QList<Annotation> annotationsInView(const QList<Annotation>& annotations, const QString& viewText, qsizetype viewBase)
{
    QList<Annotation> out;
    out.reserve(annotations.size());
    const qsizetype viewEnd = viewBase + viewText.size();
    for (Annotation a : annotations) {
        if (!a.isArticleNote() && !a.detached) {
            if (a.start >= viewBase && a.end <= viewEnd) {
                a.start -= int(viewBase);
                a.end -= int(viewBase);
            } else if (const auto placed = Anchoring::reattach(viewText, a)) {
                a.start = placed->start;
                a.end = placed->end;
            } else {
                a.detached = true;
            }
        }
        out.append(a);
    }
    return out;
}

QStringList highlightColorNames()
{
    return {u"yellow"_s, u"green"_s, u"blue"_s, u"pink"_s, u"purple"_s};
}

QColor highlightColor(const QString& name)
{
    if (name == "green"_L1) {
        return QColor(0xB8, 0xF0, 0xB0);
    }
    if (name == "blue"_L1) {
        return QColor(0xB0, 0xD8, 0xFF);
    }
    if (name == "pink"_L1) {
        return QColor(0xFF, 0xC0, 0xDC);
    }
    if (name == "purple"_L1) {
        return QColor(0xDC, 0xC0, 0xFF);
    }
    return QColor(0xFF, 0xF0, 0x80);
}

QColor highlightTextColor()
{
    return QColor(0x1A, 0x1A, 0x1A);
}

QColor highlightLinkColor()
{
    return QColor(0x0B, 0x3D, 0x91);
}

DocumentAnchors::DocumentAnchors(const QTextDocument& document, const QString& anchorText)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
            m_bodyStart = block.next().isValid() ? block.next().position() : block.position() + block.length();
            break;
        }
    }
    // toPlainText() keeps one character per document position (separators become '\n').
    m_map = AnchorMap(anchorText, document.toPlainText().mid(m_bodyStart));
}

std::pair<int, int> DocumentAnchors::documentRange(int start, int end) const
{
    const auto [s, e] = m_map.viewRange(start, end);
    return {m_bodyStart + s, m_bodyStart + e};
}

int DocumentAnchors::anchorOffset(int pos) const
{
    return m_map.toAnchor(qMax(0, pos - m_bodyStart));
}

void applyHighlights(QTextDocument* document, const DocumentAnchors& anchors, const QList<Annotation>& annotations)
{
    for (const Annotation& a : annotations) {
        if (a.isArticleNote() || a.detached || a.end <= a.start) {
            continue;
        }
        const auto [start, end] = anchors.documentRange(a.start, a.end);
        if (end <= start) {
            continue;
        }
        QTextCursor cursor(document);
        cursor.setPosition(start);
        cursor.setPosition(qMin(end, document->characterCount() - 1), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(highlightColor(a.color));
        format.setForeground(highlightTextColor()); // the dark theme's light text on a pastel was unreadable
        format.setProperty(kAnnotationIdProperty, a.id);
        cursor.mergeCharFormat(format);
        // Links in it stay links: dark blue rather than the text's near-black.
        const int last = cursor.selectionEnd();
        for (QTextBlock block = document->findBlock(cursor.selectionStart()); block.isValid() && block.position() < last;
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const int from = qMax(fragment.position(), cursor.selectionStart());
                const int to = qMin(fragment.position() + fragment.length(), last);
                if (from < to && fragment.charFormat().isAnchor()) {
                    QTextCursor link(document);
                    link.setPosition(from);
                    link.setPosition(to, QTextCursor::KeepAnchor);
                    QTextCharFormat linkFormat;
                    linkFormat.setForeground(highlightLinkColor());
                    link.mergeCharFormat(linkFormat);
                }
            }
        }
    }
}

} // namespace folio::html
