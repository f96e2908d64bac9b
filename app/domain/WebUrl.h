// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace folio::weburl {

/// Where the authority of `url` ends (the index of its path, query or fragment, or its length) when
/// `url` is an absolute http or https URL that QUrl would hand back exactly as it is: for it,
/// `QUrl(url).toString(QUrl::FullyEncoded) == url`, and that URL is valid with a host. -1 for
/// anything else, which is not necessarily wrong: such a URL takes QUrl's longer way.
///
/// Most URLs in feeds are like this (a lowercase host of ASCII letters, digits and hyphens; a path
/// and query of characters QUrl keeps as they are; no percent sign), and they make up a large part
/// of what an import parses: recognising them spares a QUrl parse and a QUrl formatting each.
qsizetype canonicalAuthorityEnd(QStringView url);

/// True when canonicalAuthorityEnd(url) >= 0.
inline bool isCanonical(QStringView url)
{
    return canonicalAuthorityEnd(url) >= 0;
}

} // namespace folio::weburl
