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

Q_SIGNALS:
    void spaceInList();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    /// A narrow list drops the Tags column, then the Source column: the title keeps the room.
    void resizeEvent(QResizeEvent* event) override;
};

} // namespace folio
