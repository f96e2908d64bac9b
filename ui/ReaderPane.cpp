// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReaderPane.h"

#include "html/ArticlePage.h"

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace folio {

ReaderPane::ReaderPane(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(u"readerTextBrowser"_s);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    document()->setDocumentMargin(16);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QString tag = html::tagFromUrl(url);
        if (!tag.isEmpty()) {
            Q_EMIT tagActivated(tag);
        } else if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1 || url.scheme() == "mailto"_L1) {
            Q_EMIT externalLinkActivated(url);
        }
    });
    showMessage(tr("Select an article to read it."));
}

void ReaderPane::showArticle(const Article& article)
{
    m_articleId = article.id;
    setHtml(html::articlePage(article));
    verticalScrollBar()->setValue(0);
}

void ReaderPane::showMessage(const QString& text)
{
    m_articleId = 0;
    setHtml(u"<p style=\"color:#888888\">"_s + text.toHtmlEscaped() + u"</p>"_s);
}

void ReaderPane::clearArticle()
{
    showMessage(tr("Select an article to read it."));
}

void ReaderPane::pageDown()
{
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() + bar->pageStep());
}

QVariant ReaderPane::loadResource(int type, const QUrl& name)
{
    if (type == QTextDocument::ImageResource) {
        if (name.scheme() == "data"_L1) {
            return QTextBrowser::loadResource(type, name);
        }
        // No network from the reader: a neutral placeholder keeps the layout.
        QImage placeholder(48, 32, QImage::Format_ARGB32_Premultiplied);
        placeholder.fill(QColor(0xEE, 0xEE, 0xEE));
        QPainter painter(&placeholder);
        painter.setPen(QColor(0xBB, 0xBB, 0xBB));
        painter.drawRect(0, 0, 47, 31);
        return placeholder;
    }
    return {};
}

} // namespace folio
