// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleListView.h"

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
