// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ingest/Opml.h"

#include <QByteArray>
#include <QDateTime>

namespace folio {

/// Writes subscriptions as an OPML 2.0 document (UTF-8): folders become nested outlines in
/// order of first appearance, categories become the category attribute ("/a,/b").
class OpmlWriter
{
public:
    /// dateCreated is written to the head when valid (RFC 822, as OPML 2.0 asks).
    static QByteArray write(const QList<OpmlOutline>& outlines, const QString& title,
                            const QDateTime& dateCreated = {});
};

} // namespace folio
