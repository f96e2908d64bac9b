// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineStrip.h"

#include <QMouseEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace folio {

TimelineStrip::TimelineStrip(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"timelineStrip"_s);
    setMouseTracking(false);
    setToolTip(tr("Articles over time: drag across the strip to filter on those dates"));
}

QSize TimelineStrip::sizeHint() const
{
    return {400, 36};
}

QDate TimelineStrip::bucketStart(int i) const
{
    switch (m_timeline.bucket) {
    case Timeline::Bucket::Day:
        return m_timeline.first.addDays(i);
    case Timeline::Bucket::Week:
        return m_timeline.first.addDays(7 * i);
    case Timeline::Bucket::Month:
        return m_timeline.first.addMonths(i);
    }
    return {};
}

QDate TimelineStrip::bucketEnd(int i) const
{
    return bucketStart(i + 1).addDays(-1);
}

void TimelineStrip::setTimeline(const Timeline& timeline)
{
    m_timeline = timeline;
    m_dense.clear();
    if (!timeline.starts.isEmpty()) {
        int i = 0;
        for (qsizetype k = 0; k < timeline.starts.size(); ++k) {
            while (bucketStart(i) < timeline.starts.at(k)) {
                m_dense.append(0);
                ++i;
            }
            m_dense.append(timeline.counts.at(k));
            ++i;
        }
    }
    update();
}

void TimelineStrip::setSelection(const QDate& from, const QDate& to)
{
    m_selectedFrom = from;
    m_selectedTo = to;
    update();
}

int TimelineStrip::bucketCount() const
{
    return static_cast<int>(m_dense.size());
}

int TimelineStrip::bucketIndex(int x) const
{
    const int n = bucketCount();
    if (n == 0 || width() <= 0) {
        return -1;
    }
    return qBound(0, x * n / width(), n - 1);
}

QDate TimelineStrip::dateAt(int x) const
{
    const int i = bucketIndex(x);
    return i < 0 ? QDate() : bucketStart(i);
}

int TimelineStrip::xFor(const QDate& day) const
{
    const int n = bucketCount();
    for (int i = 0; i < n; ++i) {
        if (day >= bucketStart(i) && day <= bucketEnd(i)) {
            return static_cast<int>((i + 0.5) * width() / n);
        }
    }
    return -1;
}

void TimelineStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const int n = bucketCount();
    if (n == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No dated articles"));
        return;
    }
    const int maxCount = *std::max_element(m_dense.cbegin(), m_dense.cend());
    const double w = static_cast<double>(width()) / n;
    const int lo = qMin(m_dragFrom, m_dragTo);
    const int hi = qMax(m_dragFrom, m_dragTo);
    if (m_dragFrom >= 0) {
        const QColor band = palette().color(QPalette::Highlight).lighter(160);
        painter.fillRect(QRectF(lo * w, 0, (hi - lo + 1) * w, height()), band);
    }
    if (m_dragFrom < 0 && (m_selectedFrom.isValid() || m_selectedTo.isValid())) {
        // The filter's range: every bucket that overlaps it.
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; ++i) {
            const bool after = !m_selectedFrom.isValid() || bucketEnd(i) >= m_selectedFrom;
            const bool before = !m_selectedTo.isValid() || bucketStart(i) <= m_selectedTo;
            if (after && before) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            QColor band = palette().color(QPalette::Highlight);
            band.setAlpha(50);
            painter.fillRect(QRectF(first * w, 0, (last - first + 1) * w, height()), band);
        }
    }
    const QColor bar = palette().color(QPalette::Highlight);
    for (int i = 0; i < n; ++i) {
        if (m_dense.at(i) == 0) {
            continue;
        }
        const double h = (height() - 4) * static_cast<double>(m_dense.at(i)) / qMax(1, maxCount);
        painter.fillRect(QRectF(i * w + (w > 3 ? 0.5 : 0), height() - h - 2, qMax(1.0, w - (w > 3 ? 1 : 0)), h), bar);
    }
}

void TimelineStrip::mousePressEvent(QMouseEvent* event)
{
    m_dragFrom = m_dragTo = bucketIndex(event->position().toPoint().x());
    update();
}

void TimelineStrip::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragFrom >= 0) {
        m_dragTo = bucketIndex(event->position().toPoint().x());
        update();
    }
}

void TimelineStrip::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragFrom < 0) {
        return;
    }
    m_dragTo = bucketIndex(event->position().toPoint().x());
    const int lo = qMin(m_dragFrom, m_dragTo);
    const int hi = qMax(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    update();
    if (lo >= 0) {
        Q_EMIT rangeSelected(bucketStart(lo), bucketEnd(hi));
    }
}

} // namespace folio
