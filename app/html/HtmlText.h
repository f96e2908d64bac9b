// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

/// HTML handling for untrusted content, built on the gumbo HTML5 parser.
namespace folio::html {

/// Parses html as an HTML5 fragment and returns it re-serialised through an allow-list:
/// only safe elements and attributes survive; script, style, iframe, object, embed, form and
/// event-handler attributes are dropped; links and images keep only http(s)/mailto/data:image
/// URLs, resolved against baseUrl when relative. The result is safe for QTextBrowser::setHtml.
QString sanitize(const QString& html, const QUrl& baseUrl = {});

/// The sanitised HTML of html and its text: { sanitize(html, baseUrl), toPlainText(that) }, from
/// one parse of html (the text is worked out as the sanitised HTML is written; the rare output
/// whose text that cannot follow is parsed again).
struct SanitizedHtml
{
    QString html;
    QString text;
};
SanitizedHtml sanitizeWithText(const QString& html, const QUrl& baseUrl = {});

/// The text a reader sees in html: entities decoded, block elements and <br> as line breaks,
/// runs of white space collapsed, no markup. Used for plain-text fields, search and anchoring.
QString toPlainText(const QString& html);

/// text with its HTML character references decoded (&amp;, &eacute;, &#8217;, also the legacy
/// forms without ';') and nothing else changed: markup stays text, white space is kept, only line
/// breaks are normalised to \n as an HTML parser reads them. For fields that are text with entities.
QString decodeEntities(const QString& text);

} // namespace folio::html
