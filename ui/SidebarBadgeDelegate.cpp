// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SidebarBadgeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace folio {

namespace {

constexpr int kPad = 5;

} // namespace

SidebarBadgeDelegate::SidebarBadgeDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QSize SidebarBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    size.setWidth(text.isEmpty() ? 4 : QFontMetrics(small).horizontalAdvance(text) + 2 * kPad + 6);
    return size;
}

void SidebarBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty()) {
        return;
    }
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    const QFontMetrics fm(small);
    const int w = fm.horizontalAdvance(text) + 2 * kPad;
    const int h = fm.height() + 2;
    const QRect badge(opt.rect.right() - w - 3, opt.rect.center().y() - h / 2, w, h);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor fill = selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Highlight);
    fill.setAlpha(selected ? 230 : 200);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
    painter->setFont(small);
    painter->setPen(selected ? opt.palette.color(QPalette::Highlight) : opt.palette.color(QPalette::HighlightedText));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace folio
