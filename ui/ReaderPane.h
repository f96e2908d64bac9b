// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"

#include <QTextBrowser>

namespace folio {

/// Shows one article as sanitised rich text. Never follows links itself: tag links select the
/// tag, other links go out through externalLinkActivated. Never touches the network: remote
/// images show a placeholder.
class ReaderPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit ReaderPane(QWidget* parent = nullptr);

    void showArticle(const Article& article);
    void showMessage(const QString& text);
    void clearArticle();
    qint64 articleId() const { return m_articleId; }

    /// Scrolls one page down (Space in the article list).
    void pageDown();

Q_SIGNALS:
    void tagActivated(const QString& tag);
    void externalLinkActivated(const QUrl& url);

protected:
    QVariant loadResource(int type, const QUrl& name) override;

private:
    qint64 m_articleId = 0;
};

} // namespace folio
