// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnippetDelegate.h"

#include "models/ArticleListModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace folio {

SnippetDelegate::SnippetDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

bool SnippetDelegate::searching(const QModelIndex& index)
{
    const auto* model = qobject_cast<const ArticleListModel*>(index.model());
    return model && model->isSearching();
}

QSize SnippetDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (searching(index)) {
        size.setHeight(size.height() + option.fontMetrics.height() + 2);
    }
    return size;
}

void SnippetDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!searching(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 1, -2, -1);
    const int line = opt.fontMetrics.height();
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect titleRect(text.left(), text.top(), text.width(), line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(title, Qt::ElideRight, titleRect.width()));
    QFont small = option.font;
    small.setBold(false);
    small.setItalic(true);
    painter->setFont(small);
    const QFontMetrics fm(small);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : QColor(0x70, 0x70, 0x70));
    const QRect snippetRect(text.left(), text.top() + line + 1, text.width(), fm.height());
    const QString snippet = index.data(ArticleListModel::SnippetRole).toString().simplified();
    painter->drawText(snippetRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(snippet, Qt::ElideRight, snippetRect.width()));
    painter->restore();
}

} // namespace folio
