// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AnnotatedArticle.h"
#include "domain/Annotation.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// The reader's annotations (and bookmarks) as files: pure functions over value types, the
/// same for the window and folio-cli. Documented in docs/annotations.md.
namespace folio::annotationexport {

enum class Format { Markdown, Csv, Json, W3c };

/// "markdown", "csv", "json", "w3c" (also "md", "jsonld"); nullopt for anything else.
std::optional<Format> formatFromName(const QString& name);
QString fileSuffix(Format format);

/// One annotation as `folio-cli annotations --json` prints it.
QJsonObject annotationJson(const Annotation& annotation);

/// Grouped by article: title, source, published date, link, tags, then each quote with its note.
QByteArray toMarkdown(const QList<AnnotatedArticle>& articles);
/// One row per annotation, UTF-8, RFC 4180 quoting, CRLF line ends; header
/// article_id,title,link,published,quote,note,color,created,detached.
QByteArray toCsv(const QList<AnnotatedArticle>& articles);
/// [{"id", "title", "link", "source", "published", "tags", "bookmarked", "annotations": [...]}].
QByteArray toJson(const QList<AnnotatedArticle>& articles);
/// W3C Web Annotation JSON-LD: an array of Annotation objects with TextQuoteSelector and
/// TextPositionSelector targets.
QByteArray toW3c(const QList<AnnotatedArticle>& articles);

QByteArray write(Format format, const QList<AnnotatedArticle>& articles);

} // namespace folio::annotationexport
