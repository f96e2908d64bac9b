// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

namespace folio {

class SafeXmlReader;

/// Parses RSS 0.90/0.91/0.92/2.0 (root <rss>) and RSS 1.0 (root <rdf:RDF>), with the
/// content:, dc:, dcterms:, media: and itunes: modules feeds commonly add.
class RssParser
{
public:
    /// True for a root element this parser reads.
    static bool acceptsRoot(QStringView name, QStringView namespaceUri);

    /// Parses a whole document; baseUrl (the feed's URL) resolves relative links.
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});

    /// Parses from a reader standing on the root start tag.
    static Result<ParsedFeed> parse(SafeXmlReader& reader, const QUrl& baseUrl);

    /// Parses from a reader standing on the root start tag and hands each item to sink as soon
    /// as its links can be resolved (once the channel's link is read, which feeds put before
    /// their items); the result holds the head only. No item limit: memory stays bounded.
    static Result<ParsedFeed> parse(SafeXmlReader& reader, const QUrl& baseUrl, const ItemSink& sink);
};

} // namespace folio
