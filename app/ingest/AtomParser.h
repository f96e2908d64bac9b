// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QUrl>

namespace folio {

class SafeXmlReader;

/// Parses Atom 1.0 (RFC 4287) and Atom 0.3 documents (root <feed> in either namespace).
class AtomParser
{
public:
    /// True for a root element this parser reads.
    static bool acceptsRoot(QStringView name, QStringView namespaceUri);

    /// Parses a whole document; baseUrl (the feed's URL) resolves relative links.
    static Result<ParsedFeed> parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl = {});

    /// Parses from a reader standing on the root start tag.
    static Result<ParsedFeed> parse(SafeXmlReader& reader, const QUrl& baseUrl);
};

} // namespace folio
