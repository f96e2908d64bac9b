// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

#include <functional>

namespace folio {

/// Recognises a document's format from its bytes and hands it to the matching parser:
/// a tag page, '{' -> JSON Feed, '<' -> XML by root element (rss, rdf:RDF, Atom 1.0/0.3 feed).
/// An OPML document is an Error (it goes through OpmlParser), anything else "unrecognised format".
class DocumentParser
{
public:
    /// Bytes of a file read so far, and its size.
    using ReadProgress = std::function<void(qint64 bytesRead, qint64 bytesTotal)>;

    /// baseUrl resolves relative links (the feed's URL when it came over HTTP).
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});

    /// Reads a file (bounded by text::kMaxDocumentBytes) and parses it.
    static Result<ParsedFeed> parseFile(const QString& path);

    /// Parses a file and hands its items to sink one by one, in document order; the result is
    /// the document's head (items empty). RSS/RDF streams from disk with no size limit and
    /// bounded memory; Atom is read as a stream (no size limit) and its items handed on at its
    /// end; JSON Feed files and tag pages are read whole up to text::kMaxDocumentBytes and
    /// streamed item by item beyond (JsonFeedParser::streamFile, TagPageParser::streamFile; UTF-8). An Error (a
    /// malformed document, or Cancelled when sink returned false) can come after items went to sink.
    /// baseUrl resolves relative links; empty: the file's own URL. fileName names it in messages (empty: path).
    /// progress, when given, is called before each item goes to sink with how much of the file
    /// has been read (for a document read whole: its share of the items handed on so far).
    static Result<ParsedFeed> streamFile(const QString& path, const ItemSink& sink, const QUrl& baseUrl = {},
                                         const QString& fileName = {}, const ReadProgress& progress = {});
};

} // namespace folio
