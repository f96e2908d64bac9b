// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

#include <functional>

namespace folio {

/// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org); the version URL decides which.
class JsonFeedParser
{
public:
    /// baseUrl (the feed's URL) resolves relative URLs, then the feed's home_page_url.
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});

    /// Bytes of the file read so far, and its size.
    using Progress = std::function<void(qint64 bytesRead, qint64 bytesTotal)>;
    /// A UTF-8 JSON Feed file of any size, in bounded memory: a first pass reads the feed's own
    /// fields (wherever they stand) and checks the document, a second hands each item object to
    /// sink as it is read. The same items and errors as parse(); the result is the head (no items).
    static Result<ParsedFeed> streamFile(const QString& path, const ItemSink& sink, const QString& fileName = {},
                                         const QUrl& baseUrl = {}, const Progress& progress = {});
};

} // namespace folio
