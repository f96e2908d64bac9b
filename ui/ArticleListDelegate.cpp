// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListDelegate.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QStyle* styleOf(const QStyleOptionViewItem& option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

// Styles that draw an item's text as QCommonStyle does (the pen from Text or HighlightedText, no
// palette of their own for item views). Others (Windows Vista/11 recolour selected items, macOS
// draws its own) keep the style's whole item path.
bool drawsTextLikeCommonStyle(const QStyle* style)
{
    const QString name = style->name();
    return name.compare(u"fusion"_s, Qt::CaseInsensitive) == 0 || name.compare(u"windows"_s, Qt::CaseInsensitive) == 0;
}

// Line breaks and tabs would be drawn as boxes on a single line.
QString oneLine(QString text)
{
    for (QChar& c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            c = u' ';
        }
    }
    return text;
}

} // namespace

ArticleListDelegate::ArticleListDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

ArticleListDelegate::ArticleListDelegate(Qt::TextElideMode elide, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_elide(elide)
{
}

void ArticleListDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_elide) {
        option->textElideMode = *m_elide;
    }
}

QColor ArticleListDelegate::textColor(const QStyleOptionViewItem& option)
{
    // As QCommonStyle picks the pen for an item's text.
    QPalette::ColorGroup group = (option.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(option.state & QStyle::State_Active)) {
        group = QPalette::Inactive;
    }
    bool selected = option.state & QStyle::State_Selected;
    // The Windows Vista and 11 styles paint a selected item a pale shade of the base colour and
    // keep its text colour (they set HighlightedText to Text for item views).
    const QString style = styleOf(option)->name();
    if (selected && (style.compare(u"windowsvista"_s, Qt::CaseInsensitive) == 0
                     || style.compare(u"windows11"_s, Qt::CaseInsensitive) == 0)) {
        selected = false;
    }
    return option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
}

QRect ArticleListDelegate::drawPanel(QPainter* painter, QStyleOptionViewItem& option)
{
    option.text.clear();
    QStyle* style = styleOf(option);
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, option.widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget).adjusted(margin, 0, -margin, 0);
}

QString ArticleListDelegate::shownText(const QStyleOptionViewItem& option, int width)
{
    return option.fontMetrics.elidedText(oneLine(option.text), option.textElideMode, width);
}

void ArticleListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!drawsTextLikeCommonStyle(styleOf(option))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!(opt.features & QStyleOptionViewItem::HasDisplay) || opt.text.isEmpty()) {
        styleOf(opt)->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        return;
    }
    QStyleOptionViewItem panel = opt;
    const QRect rect = drawPanel(painter, panel);
    if (rect.width() <= 0) {
        return;
    }
    const QString shown = shownText(opt, rect.width());
    if (shown.isEmpty()) {
        return;
    }
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    const QFontMetrics& fm = opt.fontMetrics;
    int x = rect.left();
    if (align & (Qt::AlignRight | Qt::AlignHCenter)) {
        const int advance = fm.horizontalAdvance(shown);
        x = (align & Qt::AlignRight) ? rect.right() + 1 - advance : rect.left() + (rect.width() - advance) / 2;
    }
    // Without a vertical flag the text sits at the top, as QPainter::drawText(rect) puts it.
    int y = rect.top() + fm.ascent();
    if (align & Qt::AlignBottom) {
        y = rect.bottom() + 1 - fm.descent();
    } else if (align & Qt::AlignVCenter) {
        y = rect.top() + (rect.height() - fm.height()) / 2 + fm.ascent();
    }
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(textColor(opt));
    painter->drawText(QPoint(x, y), shown);
    painter->restore();
}

} // namespace folio
