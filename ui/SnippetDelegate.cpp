// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnippetDelegate.h"

#include "models/ArticleListModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace folio {

SnippetDelegate::SnippetDelegate(QObject* parent)
    : ArticleListDelegate(parent)
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

void SnippetDelegate::drawSnippet(QPainter* painter, const QRect& rect, const QFont& font, const QColor& color,
                                  const QString& marked)
{
    // The passage is centred on its first hit, which is bold: context before it takes at most
    // a third of the width, the rest follows.
    const QString plain = QString(marked).simplified();
    const qsizetype open = plain.indexOf(QChar(2));
    const qsizetype close = open < 0 ? -1 : plain.indexOf(QChar(3), open);
    auto strip = [](QString t) { return t.remove(QChar(2)).remove(QChar(3)); };
    painter->setPen(color);
    if (open < 0 || close < 0) {
        const QFontMetrics fm(font);
        painter->setFont(font);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(strip(plain), Qt::ElideRight, rect.width()));
        return;
    }
    const QString before = strip(plain.left(open));
    const QString hit = strip(plain.mid(open + 1, close - open - 1));
    const QString after = strip(plain.mid(close + 1));
    QFont bold = font;
    bold.setBold(true);
    bold.setItalic(false);
    const QFontMetrics fm(font);
    const QFontMetrics bm(bold);
    const QString shownHit = bm.elidedText(hit, Qt::ElideRight, rect.width());
    const int hitWidth = bm.horizontalAdvance(shownHit);
    const int room = qMax(0, rect.width() - hitWidth);
    const QString shownBefore = fm.elidedText(before, Qt::ElideLeft, qMin(fm.horizontalAdvance(before), room / 3));
    const int beforeWidth = fm.horizontalAdvance(shownBefore);
    const QString shownAfter = fm.elidedText(after, Qt::ElideRight, qMax(0, room - beforeWidth));
    int x = rect.left();
    painter->setFont(font);
    painter->drawText(QRect(x, rect.top(), beforeWidth, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shownBefore);
    x += beforeWidth;
    painter->setFont(bold);
    painter->drawText(QRect(x, rect.top(), hitWidth, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shownHit);
    x += hitWidth;
    painter->setFont(font);
    painter->drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shownAfter);
}

QString SnippetDelegate::centredText(const QString& marked, const QFont& font, int width)
{
    // What drawSnippet shows, as text (tests check the centring with it).
    const QString plain = QString(marked).simplified();
    const qsizetype open = plain.indexOf(QChar(2));
    const qsizetype close = open < 0 ? -1 : plain.indexOf(QChar(3), open);
    if (open < 0 || close < 0) {
        return plain;
    }
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font);
    const QString before = QString(plain.left(open)).remove(QChar(3));
    const QString hit = QString(plain.mid(open + 1, close - open - 1)).remove(QChar(2));
    const int room = qMax(0, width - QFontMetrics(bold).horizontalAdvance(hit));
    const QString shownBefore = fm.elidedText(before, Qt::ElideLeft, qMin(fm.horizontalAdvance(before), room / 3));
    const QString after = QString(plain.mid(close + 1)).remove(QChar(2)).remove(QChar(3));
    return shownBefore + hit + fm.elidedText(after, Qt::ElideRight, qMax(0, room - fm.horizontalAdvance(shownBefore)));
}

void SnippetDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!searching(index)) {
        ArticleListDelegate::paint(painter, option, index);
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
    const QColor dim = selected ? opt.palette.color(QPalette::HighlightedText)
                                : opt.palette.color(QPalette::PlaceholderText);
    const QRect snippetRect(text.left(), text.top() + line + 1, text.width(), QFontMetrics(small).height());
    drawSnippet(painter, snippetRect, small, dim, index.data(ArticleListModel::SnippetRole).toString());
    painter->restore();
}

} // namespace folio
