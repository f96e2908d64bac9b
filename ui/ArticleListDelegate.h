// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <optional>

namespace folio {

/// The article list's cells: the style draws the background, selection, focus and icon; the text
/// is one line, elided and drawn here. QStyle's item text path lays every cell's text out about
/// four times per paint (size, elision, layout, drawing), which made it most of a scroll frame;
/// this path shapes it once to elide and once to draw. Only under styles that draw item text as
/// QCommonStyle does (Fusion, Windows classic); under any other the style draws the whole cell.
class ArticleListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ArticleListDelegate(QObject* parent = nullptr);
    /// Elides long text as `elide` says (the view's mode otherwise): the source column keeps both
    /// ends of a name, where feeds of one site differ ("Nieuws uit Azië — China").
    ArticleListDelegate(Qt::TextElideMode elide, QObject* parent);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The text as a cell of `width` pixels (text margins included) shows it: one line, elided.
    static QString shownText(const QStyleOptionViewItem& option, int width);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
    /// Draws the cell without its text (background, selection, focus, icon) and returns the
    /// rectangle the text goes in, inside the style's text margins.
    static QRect drawPanel(QPainter* painter, QStyleOptionViewItem& option);
    /// The pen colour of the cell's text in its state (selected, disabled, inactive window).
    static QColor textColor(const QStyleOptionViewItem& option);

private:
    std::optional<Qt::TextElideMode> m_elide;
};

} // namespace folio
