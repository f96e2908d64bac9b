// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace folio::html {

/// The main content of a web page.
struct ExtractedArticle
{
    QString title; ///< og:title, else <title>, else the first <h1>; plain text
    QString html;  ///< sanitised like feed HTML, every URL absolute; empty when nothing was found
    QString text;  ///< toPlainText(html)
};

/// Finds the main content of a publisher's page with readability-style rules on the parsed DOM:
/// paragraphs score their ancestors by length and commas, class/id names that mean content raise
/// a container, names that mean navigation, comments, share widgets, cookie banners, footers lower
/// it, and link density discounts it. nav/aside/footer/header/form, scripts, hidden elements and
/// link-heavy blocks inside the winner are left out. Pure and thread-safe.
ExtractedArticle extractArticle(const QString& pageHtml, const QUrl& pageUrl);

} // namespace folio::html
