// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"

#include "models/ArticleListModel.h"

#include <QKeyEvent>

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
}

void ArticleListView::resizeEvent(QResizeEvent* event)
{
    QTreeView::resizeEvent(event);
    if (!model() || model()->columnCount() <= ArticleListModel::Tags) {
        return;
    }
    const int w = viewport()->width();
    setColumnHidden(ArticleListModel::Tags, w < 560);
    setColumnHidden(ArticleListModel::Source, w < 420);
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
