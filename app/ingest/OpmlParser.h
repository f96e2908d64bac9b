// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "ingest/Opml.h"

#include <QByteArray>

namespace folio {

/// Reads OPML 1.0/1.1/2.0 subscription lists. Outlines with an xmlUrl are subscriptions;
/// outlines without one are folders whose text becomes part of the folder path of the
/// subscriptions inside them. Same hostile-input rules as the feed parsers.
class OpmlParser
{
public:
    static Result<OpmlDocument> parse(const QByteArray& bytes, const QString& fileName);
};

} // namespace folio
