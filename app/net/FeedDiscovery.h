// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace folio {

/// Finds the feeds a web page announces: `<link rel="alternate" type="application/rss+xml"
/// href="…">` (also atom+xml, feed+json, json). Pure and bounded; safe on any bytes.
class FeedDiscovery
{
public:
    /// True when the bytes look like an HTML page rather than a feed (content type or first tag).
    static bool looksLikeHtml(const QByteArray& bytes, const QByteArray& contentType);

    /// The announced feed URLs in document order, resolved against baseUrl (or the page's
    /// <base href>), without duplicates; only http and https URLs.
    static QList<QUrl> alternateLinks(const QByteArray& html, const QUrl& baseUrl);
};

} // namespace folio
