// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace folio {

/// One feed subscription of an OPML list: what OpmlParser reads and OpmlWriter writes.
struct OpmlOutline
{
    QString title;          ///< the outline's text attribute, else its title attribute
    QString xmlUrl;         ///< the feed's URL: absolute http(s) (feed: URLs are rewritten)
    QString htmlUrl;        ///< the site's URL; empty when unknown
    QStringList folders;    ///< folder path from the enclosing outlines, outermost first
    QStringList categories; ///< OPML 2.0 category entries, "/News/World" read as "News/World"
    QString offlinePolicy;  ///< Folio's folioOffline attribute: "none", "images", "full"; empty when absent
    int line = 0;           ///< line of the outline in its file (parser only)
};

/// A parsed subscription list.
struct OpmlDocument
{
    QString version; ///< the opml element's version attribute ("1.0", "2.0", ...)
    QString title;   ///< head/title; empty when none
    QList<OpmlOutline> outlines;
};

} // namespace folio
