// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/TimelineStore.h"

#include <QWidget>

#include <utility>

class QPainter;

namespace folio {

/// A thin bar chart above the article list: matching articles per day, week or month.
/// Dragging across it picks a date range (rangeSelected); a click picks one bucket.
class TimelineStrip : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineStrip(QWidget* parent = nullptr);

    void setTimeline(const Timeline& timeline);
    /// Marks the filter's date range (invalid dates: open ends; both invalid: none).
    void setSelection(const QDate& from, const QDate& to);
    const Timeline& timeline() const { return m_timeline; }

    /// The first day of the bucket under x, or an invalid date.
    QDate dateAt(int x) const;
    /// The x of the middle of the bucket holding day (tests drag with it), or -1.
    int xFor(const QDate& day) const;

    QSize sizeHint() const override;
    /// The axis labels: bucket index and text (years, or months for spans up to two years).
    QList<std::pair<int, QString>> axisLabels() const;

Q_SIGNALS:
    /// The days from the start of one bucket to the end of another, inclusive.
    void rangeSelected(const QDate& from, const QDate& to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int bucketCount() const;
    int barsHeight() const;
    void paintAxis(QPainter& painter, double w);
    int bucketIndex(int x) const;
    QDate bucketStart(int i) const;
    QDate bucketEnd(int i) const;

    Timeline m_timeline;
    QList<int> m_dense; ///< counts for every bucket from first to last, gaps included
    int m_dragFrom = -1;
    int m_dragTo = -1;
    QDate m_selectedFrom;
    QDate m_selectedTo;
    bool m_loaded = false; ///< a timeline arrived (before that the strip stays blank, not "none")
};

} // namespace folio
