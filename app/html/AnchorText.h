// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AnchorMap.h"
#include "domain/Annotation.h"
#include "domain/Article.h"

#include <QColor>
#include <QList>
#include <QString>

class QTextDocument;

namespace folio::html {

/// THE text annotation offsets count in: toPlainText(contentHtml) when the article has content,
/// else its summary. Defined here only; the store, the reader and the exports all call it.
QString anchorText(const QString& contentHtml, const QString& summary);
/// The same for an article read from the library: its stored contentText (no HTML parsing),
/// else its summary when it has no content.
QString anchorText(const Article& article);
/// With a full article stored for offline reading, annotations count in the feed's text, this
/// separator, then the full article's text: highlights made in either version have one place,
/// and those of the feed version keep their offsets when the full article arrives.
inline constexpr QStringView kFullTextSeparator = u"\n\n";
QString anchorText(const Article& article, const QString& fullText);
/// Where the full article's text starts in anchorText(article, fullText) (its length when there is none).
qsizetype fullTextOffset(const QString& feedAnchorText);

/// annotations as they fall in one version's text (viewText, which starts at viewBase of the anchor
/// text): offsets made relative to it; one made in the other version is placed where its quote is
/// in this one, or marked detached (for the page only) when it is not there.
QList<Annotation> annotationsInView(const QList<Annotation>& annotations, const QString& viewText, qsizetype viewBase);

/// The colours a highlight can have, by name ("yellow", "green", "blue", "pink", "purple").
QStringList highlightColorNames();
/// The background for a colour name (yellow for an unknown name).
QColor highlightColor(const QString& name);
/// The text colour of highlighted text: dark, on every highlight colour and in every theme.
QColor highlightTextColor();
/// The colour of a link in highlighted text: dark blue, so it still reads as a link.
QColor highlightLinkColor();

/// Where an article's anchor text sits in a document made by articlePage(): the body starts
/// after the block that carries the <hr>; from there document positions and anchor offsets are
/// paired by an AnchorMap.
class DocumentAnchors
{
public:
    DocumentAnchors() = default;
    DocumentAnchors(const QTextDocument& document, const QString& anchorText);

    int bodyStart() const { return m_bodyStart; }
    /// Document range [start, end) of anchor range [start, end).
    std::pair<int, int> documentRange(int start, int end) const;
    /// Anchor offset of document position pos (clamped to the body).
    int anchorOffset(int pos) const;

private:
    int m_bodyStart = 0;
    AnchorMap m_map;
};

/// Gives each placed highlight its colour as the character background (and the annotation id
/// as a char format property, kAnnotationIdProperty). Detached ones and article notes are skipped.
void applyHighlights(QTextDocument* document, const DocumentAnchors& anchors, const QList<Annotation>& annotations);

/// QTextFormat property holding the annotation id on highlighted text.
constexpr int kAnnotationIdProperty = 0x100000 + 41;

} // namespace folio::html
