// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReaderPane.h"

#include "html/ArticlePage.h"
#include "html/ImageSources.h"

#include <QAction>
#include <QActionGroup>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QScrollBar>
#include <QTextDocument>
#include <QTextFrame>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kMeasureChars = 70;
// Distance of the Load images button from the viewport's top right corner.
constexpr int kButtonInset = 6;
constexpr int kMargin = 16;
constexpr int kMinZoom = -6;
constexpr int kMaxZoom = 12;

} // namespace

ReaderPane::ReaderPane(QWidget* parent)
    : QTextBrowser(parent)
    , m_baseFont(font())
{
    setObjectName(u"readerTextBrowser"_s);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // images are scaled to fit; text wraps
    document()->setDocumentMargin(kMargin);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QString tag = html::tagFromUrl(url);
        if (!tag.isEmpty()) {
            Q_EMIT tagActivated(tag);
        } else if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1 || url.scheme() == "mailto"_L1) {
            Q_EMIT externalLinkActivated(url);
        }
    });
    m_relayout.setSingleShot(true);
    m_relayout.setInterval(120);
    connect(&m_relayout, &QTimer::timeout, this, [this]() {
        if (m_articleId != 0 && std::abs(contentWidth() - m_renderedWidth) > 8) {
            render();
        } else {
            applyLayout();
        }
    });
    createActions();
    applyStyle();
    showMessage(tr("Select an article to read it."));
}

void ReaderPane::createActions()
{
    m_loadImages = new QAction(tr("Load images"), this);
    m_loadImages->setObjectName(u"loadImagesAction"_s);
    m_loadImages->setToolTip(tr("Download this article's images into the offline store"));
    connect(m_loadImages, &QAction::triggered, this, [this]() {
        if (m_articleId != 0) {
            Q_EMIT loadImagesRequested(m_articleId);
        }
    });
    m_loadImagesButton = new QToolButton(viewport());
    m_loadImagesButton->setObjectName(u"loadImagesButton"_s);
    m_loadImagesButton->setDefaultAction(m_loadImages);
    m_loadImagesButton->setAutoRaise(false);
    m_loadImagesButton->hide();

    m_viewGroup = new QActionGroup(this);
    m_feedView = new QAction(tr("Feed"), m_viewGroup);
    m_feedView->setObjectName(u"feedViewAction"_s);
    m_feedView->setCheckable(true);
    m_feedView->setChecked(true);
    m_fullView = new QAction(tr("Full article"), m_viewGroup);
    m_fullView->setObjectName(u"fullViewAction"_s);
    m_fullView->setCheckable(true);
    connect(m_feedView, &QAction::triggered, this, [this]() { setView(View::Feed); });
    connect(m_fullView, &QAction::triggered, this, [this]() { setView(View::Full); });
    m_downloadFull = new QAction(tr("Download full article"), this);
    m_downloadFull->setObjectName(u"downloadFullAction"_s);
    connect(m_downloadFull, &QAction::triggered, this, [this]() {
        if (m_articleId != 0) {
            Q_EMIT fullArticleRequested(m_articleId);
        }
    });

    m_print = new QAction(QIcon::fromTheme(u"document-print"_s), tr("Print article…"), this);
    m_print->setObjectName(u"printArticleAction"_s);
    connect(m_print, &QAction::triggered, this, [this]() {
        QPrinter printer;
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() == QDialog::Accepted) {
            document()->print(&printer);
        }
    });
    m_savePdf = new QAction(tr("Save article as PDF…"), this);
    m_savePdf->setObjectName(u"savePdfAction"_s);
    connect(m_savePdf, &QAction::triggered, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save article as PDF"), m_article.title + u".pdf"_s,
                                                          tr("PDF files (*.pdf)"));
        if (!path.isEmpty()) {
            saveAsPdf(path);
        }
    });

    m_zoomIn = new QAction(tr("Zoom in"), this);
    m_zoomIn->setObjectName(u"zoomInAction"_s);
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(u"Ctrl+="_s)});
    m_zoomOut = new QAction(tr("Zoom out"), this);
    m_zoomOut->setObjectName(u"zoomOutAction"_s);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomReset = new QAction(tr("Actual size"), this);
    m_zoomReset->setObjectName(u"zoomResetAction"_s);
    m_zoomReset->setShortcut(QKeySequence(u"Ctrl+0"_s));
    connect(m_zoomIn, &QAction::triggered, this, [this]() { setZoom(m_zoom + 1); });
    connect(m_zoomOut, &QAction::triggered, this, [this]() { setZoom(m_zoom - 1); });
    connect(m_zoomReset, &QAction::triggered, this, [this]() { setZoom(0); });
    for (QAction* a : {m_zoomIn, m_zoomOut, m_zoomReset}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    updateActions();
}

void ReaderPane::showArticle(const Article& article)
{
    const bool same = article.id == m_articleId;
    m_articleId = article.id;
    m_article = article;
    if (!same) {
        m_content = OfflineContent{};
        m_content.articleId = article.id;
        m_content.missing = html::imageSources(article.contentHtml);
    }
    const int scroll = same ? verticalScrollBar()->value() : 0;
    render();
    verticalScrollBar()->setValue(scroll);
}

void ReaderPane::setOfflineContent(const OfflineContent& content)
{
    if (content.articleId != m_articleId || m_articleId == 0) {
        return;
    }
    m_content = content;
    if (m_view == View::Full && !m_content.full) {
        m_view = View::Feed;
    }
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void ReaderPane::setView(View view)
{
    if (view == View::Full && !m_content.full) {
        view = View::Feed;
    }
    if (view == m_view) {
        updateActions();
        return;
    }
    m_view = view;
    if (m_articleId != 0) {
        render();
        verticalScrollBar()->setValue(0);
    }
}

void ReaderPane::render()
{
    Article shown = m_article;
    if (m_view == View::Full && m_content.full) {
        shown.contentHtml = m_content.full->html;
    }
    QString page = html::articlePage(shown);
    // Images: no width or height from the feed (a fixed 640 px would force a horizontal scroll);
    // loadResource hands out each image already scaled to the measure.
    const QList<html::ImageTag> tags = html::imageTags(page);
    m_altText.clear();
    for (auto it = tags.crbegin(); it != tags.crend(); ++it) {
        m_altText.insert(it->src, it->alt);
        const QString replacement = u"<img src=\"%1\" alt=\"%2\">"_s.arg(it->src.toHtmlEscaped(), it->alt.toHtmlEscaped());
        // Between paragraphs, a paragraph of its own (with its link, if it has one): Qt would run
        // it into the last line of the text before. From the back, so the offsets still hold.
        if (it->betweenBlocks) {
            page.insert(it->blockTo, u"</p>"_s);
        }
        page.replace(it->start, it->length, replacement);
        if (it->betweenBlocks) {
            page.insert(it->blockFrom, u"<p class=\"image\">"_s);
        }
    }
    // Qt's rich text has no figure elements: make them blocks, so an image does not share a line.
    page.replace(u"<figure>"_s, u"<div class=\"figure\">"_s).replace(u"</figure>"_s, u"</div>"_s);
    page.replace(u"<figcaption>"_s, u"<p class=\"meta\">"_s).replace(u"</figcaption>"_s, u"</p>"_s);
    m_renderedWidth = contentWidth();
    document()->clear(); // drops cached resources so images are asked for again at the new width
    setHtml(page);
    applyLayout();
    updateActions();
}

void ReaderPane::showMessage(const QString& text)
{
    m_articleId = 0;
    m_article = Article{};
    m_content = OfflineContent{};
    setHtml(u"<p class=\"meta\">"_s + text.toHtmlEscaped() + u"</p>"_s);
    applyLayout();
    updateActions();
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

int ReaderPane::contentWidth() const
{
    const QFontMetricsF metrics(document()->defaultFont());
    const int measure = int(metrics.averageCharWidth() * kMeasureChars);
    const int available = viewport()->width() - 2 * kMargin;
    return std::max(80, std::min(measure, available));
}

void ReaderPane::applyLayout()
{
    // Centre a column of about 70 characters: the root frame's side margins take the rest.
    // The frame's own margins replace the document margin on the sides they set, so each keeps
    // kMargin besides centring the column.
    const int available = viewport()->width() - 2 * kMargin;
    const int side = std::max(0, (available - contentWidth()) / 2) + kMargin;
    // The Load images button sits in the top right corner: in the side margin when the column
    // leaves room for it, else the text starts below it (it would cover the title).
    int top = kMargin;
    if (m_loadImagesButton) {
        const bool show = m_articleId != 0 && !m_content.missing.isEmpty();
        m_loadImagesButton->setVisible(show);
        if (show) {
            m_loadImagesButton->adjustSize();
            m_loadImagesButton->move(viewport()->width() - m_loadImagesButton->width() - kButtonInset, kButtonInset);
            if (side < m_loadImagesButton->width() + 2 * kButtonInset) {
                top = std::max(kMargin, m_loadImagesButton->height() + 2 * kButtonInset);
            }
        }
    }
    QTextFrameFormat format = document()->rootFrame()->frameFormat();
    if (int(format.leftMargin()) != side || int(format.rightMargin()) != side || int(format.topMargin()) != top) {
        format.setLeftMargin(side);
        format.setRightMargin(side);
        format.setTopMargin(top);
        document()->rootFrame()->setFrameFormat(format);
    }
}

void ReaderPane::applyStyle()
{
    // Colours from the palette, so the dark theme reads as well as the light one.
    const QPalette p = palette();
    const QColor meta = p.color(QPalette::PlaceholderText).isValid() ? p.color(QPalette::PlaceholderText)
                                                                      : p.color(QPalette::Mid);
    document()->setDefaultStyleSheet(
        u"body { color: %1; } a { color: %2; } .meta { color: %3; } "
        "blockquote { margin-left: 12px; } pre, code { font-family: monospace; }"_s.arg(
            p.color(QPalette::Text).name(), p.color(QPalette::Link).name(), meta.name()));
}

void ReaderPane::setBaseFont(const QFont& font)
{
    m_baseFont = font;
    setZoom(m_zoom);
}

void ReaderPane::setZoom(int steps)
{
    steps = std::clamp(steps, kMinZoom, kMaxZoom);
    const bool changed = steps != m_zoom;
    m_zoom = steps;
    QFont f = m_baseFont;
    const qreal base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 10.0;
    f.setPointSizeF(base * std::pow(1.1, steps));
    document()->setDefaultFont(f);
    if (m_articleId != 0) {
        render();
    } else {
        applyLayout();
    }
    if (changed) {
        Q_EMIT zoomChanged(m_zoom);
    }
}

bool ReaderPane::saveAsPdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setTitle(m_article.title);
    writer.setCreator(u"Folio"_s);
    writer.setPageSize(QPageSize(QPageSize::A4));
    std::unique_ptr<QTextDocument> copy(document()->clone());
    QTextFrameFormat format = copy->rootFrame()->frameFormat();
    format.setLeftMargin(0);
    format.setRightMargin(0);
    copy->rootFrame()->setFrameFormat(format);
    copy->print(&writer);
    return QFileInfo::exists(path);
}

void ReaderPane::updateActions()
{
    const bool article = m_articleId != 0;
    m_loadImages->setEnabled(article && !m_content.missing.isEmpty());
    m_fullView->setEnabled(article && m_content.full.has_value());
    m_feedView->setEnabled(article);
    (m_view == View::Full ? m_fullView : m_feedView)->setChecked(true);
    m_downloadFull->setEnabled(article && !m_article.link.isEmpty());
    m_print->setEnabled(article);
    m_savePdf->setEnabled(article);
    applyLayout();
}

QImage ReaderPane::placeholder(const QString& alt) const
{
    const QString text = alt.isEmpty() ? tr("Image not available offline") : alt;
    const QFontMetrics metrics(font());
    const int width = std::min(contentWidth(), metrics.horizontalAdvance(text) + 2 * metrics.height());
    const int height = metrics.height() + 10;
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    const QPalette p = palette();
    image.fill(p.color(QPalette::AlternateBase));
    QPainter painter(&image);
    painter.setPen(p.color(QPalette::Mid));
    painter.drawRect(0, 0, width - 1, height - 1);
    painter.setPen(p.color(QPalette::PlaceholderText));
    painter.setFont(font());
    const QString shown = metrics.elidedText(text, Qt::ElideRight, width - 12);
    painter.drawText(QRect(6, 0, width - 12, height), Qt::AlignVCenter | Qt::AlignLeft, shown);
    return image;
}

QVariant ReaderPane::loadResource(int type, const QUrl& name)
{
    if (type != QTextDocument::ImageResource) {
        return {}; // no style sheets or anything else from outside
    }
    QImage image;
    if (name.scheme() == "data"_L1) {
        image = QTextBrowser::loadResource(type, name).value<QImage>();
        if (image.isNull()) {
            image = QImage::fromData(QTextBrowser::loadResource(type, name).toByteArray());
        }
    } else {
        // Only the store: the document asks with the URL as written in the HTML.
        const QString key = name.toString(QUrl::FullyEncoded);
        image = m_content.images.value(key);
        if (image.isNull()) {
            image = m_content.images.value(name.toString());
        }
        if (image.isNull()) {
            return placeholder(m_altText.value(key, m_altText.value(name.toString())));
        }
    }
    const int maxWidth = contentWidth();
    const qreal ratio = devicePixelRatioF();
    if (!image.isNull() && image.width() > maxWidth) {
        image = image.scaledToWidth(int(maxWidth * ratio), Qt::SmoothTransformation);
        image.setDevicePixelRatio(ratio);
    }
    return image;
}

void ReaderPane::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    applyLayout();
    m_relayout.start();
}

void ReaderPane::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyStyle();
        if (m_articleId != 0) {
            render();
        }
    }
}

void ReaderPane::contextMenuEvent(QContextMenuEvent* event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    menu->addAction(m_feedView);
    menu->addAction(m_fullView);
    menu->addAction(m_downloadFull);
    menu->addAction(m_loadImages);
    menu->addSeparator();
    menu->addAction(m_print);
    menu->addAction(m_savePdf);
    menu->exec(event->globalPos());
}

} // namespace folio
