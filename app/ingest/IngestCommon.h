// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "html/HtmlText.h"

#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcIngest)

/// Limits and small value rules shared by the feed parsers (RSS, Atom, JSON Feed, OPML).
namespace folio::ingest {

/// Items (or OPML outlines) kept per document; later ones are skipped.
constexpr qsizetype kMaxItems = 50'000;
/// Ceiling for one-line fields: titles, links, ids, authors, tags (characters).
constexpr qsizetype kMaxShortField = 16 * 1024;
/// Ceiling for summaries and content (characters).
constexpr qsizetype kMaxLongField = 2 * 1024 * 1024;
/// Tags and enclosures kept per item.
constexpr qsizetype kMaxTagsPerItem = 256;
constexpr qsizetype kMaxEnclosuresPerItem = 64;

/// s with every run of white space (including line breaks) turned into one space, trimmed.
QString collapseWhitespace(const QString& s);

/// Plain text of an HTML fragment (entities decoded, markup dropped), on one line when singleLine.
QString plainFromHtml(const QString& html, bool singleLine);

/// Whether html has at least one element (a '<' followed by a letter), not only text and entities.
bool hasMarkup(QStringView html);

/// Escapes text so it can be shown as HTML, keeping its paragraphs and line breaks.
QString htmlFromPlain(const QString& text);

/// s cut to at most max characters (never splitting a surrogate pair).
QString truncated(QString s, qsizetype max);

/// The base for relative URLs below an element: its xml:base resolved against parent.
QUrl withXmlBase(const QUrl& parent, const QString& xmlBase);

/// raw resolved against base; returns the absolute http(s) URL, or an empty string when raw is
/// empty, cannot be made absolute, or uses another scheme (javascript:, file:, data: ...).
QString resolveWebUrl(const QString& raw, const QUrl& base);

/// The base for relative URLs in an item's content: scoped (the xml:base chain resolved from
/// documentUrl) when an xml:base changed it and it is http(s), else itemLink, else feedLink, else
/// documentUrl when it is http(s).
QUrl contentBase(const QUrl& scoped, const QUrl& documentUrl, const QString& itemLink, const QString& feedLink);

/// The content HTML of item as the library stores it: sanitised, every URL absolute (resolved
/// against item.contentBase, else the item link, else feedLink). What import stores and parse prints.
QString storedContentHtml(const FeedItem& item, const QString& feedLink);

/// storedContentHtml() and the text of that HTML (html::toPlainText), from one parse.
html::SanitizedHtml storedContent(const FeedItem& item, const QString& feedLink);

/// True for an absolute http(s) URL.
bool isWebUrl(const QUrl& url);

/// Appends tag (trimmed, white space collapsed) unless it is empty or already present
/// case-insensitively; at most kMaxTagsPerItem.
void addTag(QStringList& tags, const QString& tag);

/// Appends an enclosure unless its URL is empty or already present; at most kMaxEnclosuresPerItem.
void addEnclosure(QList<Enclosure>& enclosures, const Enclosure& enclosure);

/// "jo@example.com (Jo Smith)" -> "Jo Smith"; other author strings come back trimmed.
QString authorName(const QString& raw);

/// The common finishing rules for every parsed item: published falls back to updated,
/// fields are bounded.
void finishItem(FeedItem& item);

} // namespace folio::ingest
