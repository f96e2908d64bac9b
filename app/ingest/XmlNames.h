// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

/// Namespace URIs the feed parsers match elements against.
namespace folio::xmlns {

inline constexpr QLatin1StringView kAtom10{"http://www.w3.org/2005/Atom"};
inline constexpr QLatin1StringView kAtom03{"http://purl.org/atom/ns#"};
inline constexpr QLatin1StringView kRdf{"http://www.w3.org/1999/02/22-rdf-syntax-ns#"};
inline constexpr QLatin1StringView kRss10{"http://purl.org/rss/1.0/"};
inline constexpr QLatin1StringView kRss090{"http://my.netscape.com/rdf/simple/0.9/"};
inline constexpr QLatin1StringView kRss20Userland{"http://backend.userland.com/rss2"};
// Default namespaces RSS 0.9x/2.0 documents were published with by their tools over the years.
inline constexpr QLatin1StringView kRssUserland{"http://backend.userland.com/rss"};
inline constexpr QLatin1StringView kRssHarvard{"http://blogs.law.harvard.edu/tech/rss"};
inline constexpr QLatin1StringView kRss20Purl{"http://purl.org/rss/2.0/"};
inline constexpr QLatin1StringView kRss21Purl{"http://purl.org/rss/2.1/"};
inline constexpr QLatin1StringView kRss21Userland{"http://backend.userland.com/rss2.1"};
inline constexpr QLatin1StringView kRss091Module{"http://purl.org/rss/1.0/modules/rss091#"};
inline constexpr QLatin1StringView kDc{"http://purl.org/dc/elements/1.1/"};
inline constexpr QLatin1StringView kDcTerms{"http://purl.org/dc/terms/"};
inline constexpr QLatin1StringView kContent{"http://purl.org/rss/1.0/modules/content/"};
inline constexpr QLatin1StringView kMedia{"http://search.yahoo.com/mrss/"};
inline constexpr QLatin1StringView kItunes{"http://www.itunes.com/dtds/podcast-1.0.dtd"};
inline constexpr QLatin1StringView kXhtml{"http://www.w3.org/1999/xhtml"};
inline constexpr QLatin1StringView kXml{"http://www.w3.org/XML/1998/namespace"};

} // namespace folio::xmlns
