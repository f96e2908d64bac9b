// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "feeds/OfflineContent.h"

#include <QFont>
#include <QTextBrowser>
#include <QTimer>

class QAction;
class QActionGroup;
class QToolButton;

namespace folio {

/// Shows one article as sanitised rich text. Never follows links itself: tag links select the
/// tag, other links go out through externalLinkActivated. Never touches the network: images come
/// only from the offline store (setOfflineContent), scaled to the pane's width; a missing image
/// is a compact placeholder with its alt text and "Load images" asks for it (loadImagesRequested).
/// Text keeps a measure of about 70 characters, centred; the font follows setBaseFont and the
/// zoom (Ctrl++ / Ctrl+- / Ctrl+0, reported through zoomChanged so the window can remember it).
class ReaderPane : public QTextBrowser
{
    Q_OBJECT

public:
    enum class View { Feed, Full };

    explicit ReaderPane(QWidget* parent = nullptr);

    void showArticle(const Article& article);
    void showMessage(const QString& text);
    void clearArticle();
    qint64 articleId() const { return m_articleId; }

    /// Images and full article of the article shown (ignored when it is for another article).
    void setOfflineContent(const OfflineContent& content);
    const OfflineContent& offlineContent() const { return m_content; }

    View view() const { return m_view; }
    /// Whether the page shows the stored full article (not the feed's version).
    bool showsFullArticle() const { return m_view == View::Full && m_content.full.has_value(); }
    /// The stored full article's plain text for the article shown; empty when none is loaded.
    QString fullText() const { return m_content.full ? m_content.full->text : QString(); }
    void setView(View view);

    /// The font from Preferences; the zoom applies on top of it.
    void setBaseFont(const QFont& font);
    int zoom() const { return m_zoom; }
    void setZoom(int steps);

    /// Writes the current article to path as PDF.
    bool saveAsPdf(const QString& path);

    /// Image URLs of the article shown that the store does not have.
    QStringList missingImages() const { return m_content.missing; }

    QAction* loadImagesAction() const { return m_loadImages; }
    QAction* feedViewAction() const { return m_feedView; }
    QAction* fullViewAction() const { return m_fullView; }
    QAction* downloadFullAction() const { return m_downloadFull; }
    QAction* printAction() const { return m_print; }
    QAction* savePdfAction() const { return m_savePdf; }
    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* zoomResetAction() const { return m_zoomReset; }

    /// Scrolls one page down (Space in the article list).
    void pageDown();

Q_SIGNALS:
    void tagActivated(const QString& tag);
    void externalLinkActivated(const QUrl& url);
    void loadImagesRequested(qint64 articleId);
    void fullArticleRequested(qint64 articleId);
    void zoomChanged(int steps);

protected:
    QVariant loadResource(int type, const QUrl& name) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void createActions();
    void render();
    void applyLayout();
    void applyStyle();
    void updateActions();
    int contentWidth() const;
    QImage placeholder(const QString& alt) const;

    qint64 m_articleId = 0;
    Article m_article;
    OfflineContent m_content;
    View m_view = View::Feed;
    QFont m_baseFont;
    int m_zoom = 0;
    int m_renderedWidth = 0;
    QHash<QString, QString> m_altText; // image URL -> alt, for placeholders
    QTimer m_relayout;
    QToolButton* m_loadImagesButton = nullptr;
    QAction* m_loadImages = nullptr;
    QActionGroup* m_viewGroup = nullptr;
    QAction* m_feedView = nullptr;
    QAction* m_fullView = nullptr;
    QAction* m_downloadFull = nullptr;
    QAction* m_print = nullptr;
    QAction* m_savePdf = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_zoomReset = nullptr;
};

} // namespace folio
