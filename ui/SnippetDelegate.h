// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArticleListDelegate.h"

namespace folio {

/// The article list's Title column while searching: the title, and under it the search hit
/// in grey. Every row is two lines tall while a text search is active (uniform row heights).
class SnippetDelegate : public ArticleListDelegate
{
    Q_OBJECT

public:
    explicit SnippetDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The snippet as shown in width: its first hit (between STX and ETX) with at most a third
    /// of the room for the text before it.
    static QString centredText(const QString& marked, const QFont& font, int width);

private:
    static bool searching(const QModelIndex& index);
    static void drawSnippet(QPainter* painter, const QRect& rect, const QFont& font, const QColor& color,
                            const QString& marked);
};

} // namespace folio
