// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>

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
};

} // namespace folio
