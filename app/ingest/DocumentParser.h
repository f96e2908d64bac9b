// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

namespace folio {

/// Recognises a document's format from its bytes and hands it to the matching parser:
/// a tag page, '{' -> JSON Feed, '<' -> XML by root element (rss, rdf:RDF, Atom 1.0/0.3 feed).
/// An OPML document is an Error (it goes through OpmlParser), anything else "unrecognised format".
class DocumentParser
{
public:
    /// baseUrl resolves relative links (the feed's URL when it came over HTTP).
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});

    /// Reads a file (bounded by text::kMaxDocumentBytes) and parses it.
    static Result<ParsedFeed> parseFile(const QString& path);
};

} // namespace folio
