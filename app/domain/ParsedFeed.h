// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace folio {

/// An enclosure or media attachment of a feed item.
struct Enclosure
{
    QString url;
    QString type;
    qint64 length = -1;
};

/// One entry as a parser found it, before it becomes an Article in the library.
struct FeedItem
{
    QString id;          ///< guid / id exactly as the feed gives it; empty when there is none
    QString title;       ///< plain text
    QString link;        ///< absolute URL or empty
    QDateTime published; ///< UTC; invalid when unknown (falls back to updated)
    QDateTime updated;   ///< UTC; invalid when unknown
    QString author;
    QStringList tags;
    QString summary;     ///< plain text
    QString contentHtml; ///< raw HTML from the feed (sanitised later); empty when none
    /// Base for relative URLs in contentHtml: the nearest xml:base in scope (also one on the content
    /// element), else the item link, else the feed link; invalid when none is known.
    QUrl contentBase;
    QList<Enclosure> enclosures;
    int line = 0; ///< line of the item in its file, for messages
};

/// A whole parsed document: what `folio-cli parse` prints.
struct ParsedFeed
{
    QString format; ///< rss0.9x, rss2.0, rss1.0, atom0.3, atom1.0, jsonfeed1.0, jsonfeed1.1, tagpage
    QString title;
    QString link;        ///< the site's URL, empty when unknown
    QString description; ///< plain text
    QList<FeedItem> items;
};

/// Receives the items of a document as a streaming parser finishes them, in document order,
/// with the document's head as known so far (format, title, link; items empty). Returning false
/// stops the parse, which then ends with an Error of code Cancelled.
using ItemSink = std::function<bool(const ParsedFeed& head, FeedItem&& item)>;

} // namespace folio
