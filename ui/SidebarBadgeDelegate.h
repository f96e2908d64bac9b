// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace folio {

/// Draws the sidebar's count column as a small rounded badge, so a long tag name keeps the width.
class SidebarBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SidebarBadgeDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace folio
