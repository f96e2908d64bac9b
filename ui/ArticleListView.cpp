// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"

#include "ArticleListDelegate.h"
#include "models/ArticleListModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace folio {

ArticleListView::ArticleListView(QWidget* parent)
    : QTableView(parent)
{
    setObjectName(u"articleListView"_s);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false); // Tab leaves the list, as it leaves any other list
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setMinimumSectionSize(1);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true); // as the tree view's header was
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setItemDelegate(new ArticleListDelegate(this));
    setItemDelegateForColumn(ArticleListModel::Source, new ArticleListDelegate(Qt::ElideMiddle, this));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ArticleListView::reportLastVisibleRow);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ArticleListView::reportLastVisibleRow);
}

void ArticleListView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    if (auto* articles = qobject_cast<ArticleListModel*>(model)) {
        connect(articles, &ArticleListModel::rowsReplaced, this, &ArticleListView::updateRowHeight);
        connect(articles, &QAbstractItemModel::modelReset, this, &ArticleListView::updateRowHeight);
        connect(articles, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
            if (first == 0) {
                updateRowHeight(); // the first rows of a list that was empty
            }
        });
    }
    updateRowHeight();
    reportLastVisibleRow();
}

void ArticleListView::updateRowHeight()
{
    QAbstractItemModel* m = model();
    if (!m) {
        return;
    }
    // Every column's delegate, not sizeHintForRow(): that asks only the columns inside the
    // viewport, which before the first show may leave out the title's two-line search rows.
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    int height = 0;
    if (m->rowCount() > 0) {
        for (int column = 0; column < m->columnCount(); ++column) {
            const QModelIndex index = m->index(0, column);
            height = qMax(height, itemDelegateForIndex(index)->sizeHint(option, index).height());
        }
    }
    if (height <= 0) {
        height = fontMetrics().height() + 6; // nothing to ask yet: a line of text and its margins
    }
    if (verticalHeader()->defaultSectionSize() != height) {
        verticalHeader()->setDefaultSectionSize(height);
    }
}

void ArticleListView::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateRowHeight();
    }
}

void ArticleListView::reportLastVisibleRow()
{
    auto* articles = qobject_cast<ArticleListModel*>(model());
    if (!articles) {
        return;
    }
    const QModelIndex last = indexAt(QPoint(0, viewport()->height() - 1));
    // Below the last row (a list shorter than the view): everything loaded is visible.
    articles->setLastVisibleRow(last.isValid() ? last.row() : articles->rowCount() - 1);
}

void ArticleListView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    reportLastVisibleRow();
    if (!model() || model()->columnCount() <= ArticleListModel::Tags) {
        return;
    }
    const int w = viewport()->width();
    setColumnHidden(ArticleListModel::Tags, w < 560);
    setColumnHidden(ArticleListModel::Source, w < 420);
    keepCurrentVisible();
}

void ArticleListView::keepCurrentVisible()
{
    // A table moves and scrolls by cells: a current cell in a hidden column (a click on Source,
    // then a narrower list) would leave the arrow keys nothing to move to. The row stays current.
    const QModelIndex current = currentIndex();
    if (current.isValid() && isColumnHidden(current.column())) {
        selectionModel()->setCurrentIndex(current.siblingAtColumn(ArticleListModel::Title), QItemSelectionModel::NoUpdate);
    }
}

void ArticleListView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QTableView::currentChanged(current, previous);
    if (auto* articles = qobject_cast<ArticleListModel*>(model())) {
        articles->setCurrentArticle(current.isValid() ? current.data(ArticleListModel::IdRole).toLongLong() : 0);
    }
}

void ArticleListView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        Q_EMIT spaceInList();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

QModelIndex ArticleListView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    keepCurrentVisible();
    const QModelIndex current = currentIndex();
    switch (action) {
    case MoveLeft:
    case MoveRight:
    case MoveNext:
    case MovePrevious:
        return current;
    case MoveHome:
    case MoveEnd: {
        const int rows = model() ? model()->rowCount() : 0;
        if (rows == 0) {
            return current;
        }
        return model()->index(action == MoveHome ? 0 : rows - 1, ArticleListModel::Title);
    }
    default:
        return QTableView::moveCursor(action, modifiers);
    }
}

} // namespace folio
