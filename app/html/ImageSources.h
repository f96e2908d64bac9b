// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace folio::html {

/// The distinct http(s) image URLs (`<img src>`) of sanitised HTML, in document order. These are
/// what the offline store downloads for an article; data: images need nothing.
QStringList imageSources(const QString& sanitisedHtml);

/// An <img> of sanitised HTML as the reader rewrites it.
struct ImageTag
{
    qsizetype start = 0;  ///< offset of '<'
    qsizetype length = 0; ///< up to and including '>'
    QString src;
    QString alt;
    int width = 0; ///< 0 when not given
    int height = 0;
    /// Between blocks, not in a line of text: right after the end of a paragraph, heading, list,
    /// quote, table or division, or after another such image (white space aside). Qt's rich text
    /// would run it into the line before.
    bool betweenBlocks = false;
    /// What to give a paragraph of its own when betweenBlocks: the image, or the link around it.
    qsizetype blockFrom = 0;
    qsizetype blockTo = 0;
};

/// Every <img> of sanitised HTML (whose attributes are always double-quoted and escaped).
QList<ImageTag> imageTags(const QString& sanitisedHtml);

/// Undoes the escaping of an attribute value of sanitised HTML (&amp; &lt; &gt; &quot;).
QString unescapeAttribute(QString value);

} // namespace folio::html
