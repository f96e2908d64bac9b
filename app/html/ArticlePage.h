// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"

#include <QString>
#include <QUrl>

namespace folio::html {

/// URL of the link a tag becomes in the reader ("folio://tag/<name>").
QUrl tagUrl(const QString& tag);
/// The tag a tagUrl() names, or an empty string.
QString tagFromUrl(const QUrl& url);

/// The reader pane's document for an article: title, date, source and tags (as tag links),
/// then the sanitised content, or the summary as escaped plain text. Every field from the
/// library is escaped; contentHtml is already sanitised at import.
QString articlePage(const Article& article);

} // namespace folio::html
