// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QString>

/// Chosen articles as a document with their highlights (HTML or PDF). Needs QtGui (a
/// QGuiApplication for PDF fonts); safe on a worker thread.
namespace folio::highlightexport {

struct HighlightedArticle
{
    Article article;
    QList<Annotation> annotations;
};

/// One HTML document: each article as the reader shows it, highlights as background colours,
/// notes listed after the article.
QString toHtml(const QList<HighlightedArticle>& articles);
/// The same document as PDF (A4), one article after the other.
Result<void> writePdf(const QList<HighlightedArticle>& articles, const QString& path);

} // namespace folio::highlightexport
