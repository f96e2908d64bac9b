// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace folio {

/// The article list: uniform rows, sortable header, star column toggles the bookmark.
/// Space is handed to the reader (spaceInList) instead of selecting.
///
/// A table view, not a tree: a tree lays out every loaded row again whenever rows arrive, so
/// each page of a long scroll costs more than the one before (40 ms a page at a million rows).
/// The table's rows are sections of its hidden vertical header, all of one height, and a page
/// costs the same wherever it lands.
class ArticleListView : public QTableView
{
    Q_OBJECT

public:
    explicit ArticleListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

    /// The column header (the tree view's name for it, which the window uses).
    QHeaderView* header() const { return horizontalHeader(); }

    /// Sets every row's height from the delegates' size hint for the first row (a search's
    /// snippet rows are taller than the plain list's); called when the rows are replaced.
    void updateRowHeight();

Q_SIGNALS:
    void spaceInList();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    /// A narrow list drops the Tags column, then the Source column: the title keeps the room.
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    /// The article model holds the current row's data whatever page it is on.
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;
    /// A list, not a grid: Left and Right do not move between cells, Home and End go to the
    /// first and last row.
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;

private:
    /// Tells the article model how far the reader has scrolled, so it loads pages just ahead.
    void reportLastVisibleRow();
    /// Moves the current cell to the title when its column is hidden (the row stays current).
    void keepCurrentVisible();
};

} // namespace folio
