// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>

#include <functional>

namespace folio {

/// Parses a tag page: a first line `Tag: NAME`, then blocks separated by blank lines that
/// alternate article title and article summary (plain text). UTF-8 with or without BOM, or
/// UTF-16/UTF-32 (LE or BE) with a BOM; LF, CRLF or CR. Anything else is an Error naming the
/// file and line.
class TagPageParser
{
public:
    /// True when the bytes start like a tag page (used for format detection).
    static bool looksLikeTagPage(const QByteArray& bytes);

    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName);

    /// Bytes of the file read so far, and its size.
    using Progress = std::function<void(qint64 bytesRead, qint64 bytesTotal)>;
    /// A UTF-8 tag page file of any size, in bounded memory (one line at most held whole): a
    /// first pass checks that it is UTF-8, a second hands each article to sink as its summary
    /// ends. The same items and errors as parse() (an error can come after items went to sink);
    /// the result is the head (no items).
    static Result<ParsedFeed> streamFile(const QString& path, const ItemSink& sink, const QString& fileName = {},
                                         const Progress& progress = {});
};

} // namespace folio
