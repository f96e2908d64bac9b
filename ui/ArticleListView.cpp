// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"

#include "ArticleListDelegate.h"
#include "models/ArticleListModel.h"

#include <QKeyEvent>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace folio {

ArticleListView::ArticleListView(QWidget* parent)
    : QTreeView(parent)
{
    setObjectName(u"articleTreeView"_s);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setItemDelegate(new ArticleListDelegate(this));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ArticleListView::reportLastVisibleRow);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ArticleListView::reportLastVisibleRow);
}

void ArticleListView::setModel(QAbstractItemModel* model)
{
    QTreeView::setModel(model);
    reportLastVisibleRow();
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
    QTreeView::resizeEvent(event);
    reportLastVisibleRow();
    if (!model() || model()->columnCount() <= ArticleListModel::Tags) {
        return;
    }
    const int w = viewport()->width();
    setColumnHidden(ArticleListModel::Tags, w < 560);
    setColumnHidden(ArticleListModel::Source, w < 420);
}

void ArticleListView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QTreeView::currentChanged(current, previous);
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
    QTreeView::keyPressEvent(event);
}

} // namespace folio
