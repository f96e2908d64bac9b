// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

namespace folio {

/// Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org); the version URL decides which.
class JsonFeedParser
{
public:
    /// baseUrl (the feed's URL) resolves relative URLs, then the feed's home_page_url.
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});
};

} // namespace folio
