// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

namespace folio {

/// The article list: uniform rows, sortable header, star column toggles the bookmark.
/// Space is handed to the reader (spaceInList) instead of selecting.
class ArticleListView : public QTreeView
{
    Q_OBJECT

public:
    explicit ArticleListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

Q_SIGNALS:
    void spaceInList();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    /// A narrow list drops the Tags column, then the Source column: the title keeps the room.
    void resizeEvent(QResizeEvent* event) override;
    /// The article model holds the current row's data whatever page it is on.
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;

private:
    /// Tells the article model how far the reader has scrolled, so it loads pages just ahead.
    void reportLastVisibleRow();
};

} // namespace folio
