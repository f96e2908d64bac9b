// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineStrip.h"

#include <QMouseEvent>
#include <QLocale>
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
    return {400, 30 + fontMetrics().height()};
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
    m_loaded = true;
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

int TimelineStrip::barsHeight() const
{
    return height() - fontMetrics().height() - 2; // the axis labels below
}

void TimelineStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const int n = bucketCount();
    if (n == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_timeline.first.isValid() || !m_loaded ? QString()
                                                                                           : tr("No dated articles"));
        return;
    }
    const int maxCount = *std::max_element(m_dense.cbegin(), m_dense.cend());
    const double w = static_cast<double>(width()) / n;
    const int barsH = barsHeight();
    const int lo = qMin(m_dragFrom, m_dragTo);
    const int hi = qMax(m_dragFrom, m_dragTo);
    if (m_dragFrom >= 0) {
        const QColor band = palette().color(QPalette::Highlight).lighter(160);
        painter.fillRect(QRectF(lo * w, 0, (hi - lo + 1) * w, barsH), band);
    }
    if (m_dragFrom < 0 && (m_selectedFrom.isValid() || m_selectedTo.isValid())) {
        // The filter's range: every bucket that overlaps it, framed.
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
            band.setAlpha(60);
            const QRectF r(first * w, 0, (last - first + 1) * w, barsH);
            painter.fillRect(r, band);
            painter.setPen(palette().color(QPalette::Highlight));
            painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
    const QColor bar = palette().color(QPalette::Highlight);
    for (int i = 0; i < n; ++i) {
        if (m_dense.at(i) == 0) {
            continue;
        }
        const double h = (barsH - 4) * static_cast<double>(m_dense.at(i)) / qMax(1, maxCount);
        painter.fillRect(QRectF(i * w + (w > 3 ? 0.5 : 0), barsH - h - 2, qMax(1.0, w - (w > 3 ? 1 : 0)), h), bar);
    }
    paintAxis(painter, w);
}

QList<std::pair<int, QString>> TimelineStrip::axisLabels() const
{
    // Years when the strip spans more than two of them, else months; every bucket where one starts.
    QList<std::pair<int, QString>> labels;
    const int n = bucketCount();
    if (n == 0) {
        return labels;
    }
    const bool years = bucketStart(0).daysTo(bucketEnd(n - 1)) > 2 * 366;
    const QLocale locale;
    for (int i = 0; i < n; ++i) {
        const QDate start = bucketStart(i);
        const QDate previous = i == 0 ? QDate() : bucketStart(i - 1);
        const bool newYear = i == 0 || previous.year() != start.year();
        const bool newMonth = i == 0 || previous.month() != start.month() || newYear;
        if (years ? newYear : newMonth) {
            labels.append({i, years || newYear ? locale.toString(start, u"MMM yyyy"_s) : locale.toString(start, u"MMM"_s)});
        }
    }
    return labels;
}

void TimelineStrip::paintAxis(QPainter& painter, double w)
{
    const int barsH = barsHeight();
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(QPointF(0, barsH - 1.5), QPointF(width(), barsH - 1.5));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const auto labels = axisLabels();
    // Labels never overlap; the first of each year goes first, months fill the gaps.
    QList<std::pair<int, int>> taken; // x ranges in use
    auto place = [&](bool yearsOnly) {
        for (const auto& [bucket, text] : labels) {
            const bool year = text.contains(u' ');
            if (year != yearsOnly) {
                continue;
            }
            const int x = static_cast<int>(bucket * w);
            const int textWidth = fontMetrics().horizontalAdvance(text);
            const int right = x + textWidth + 6;
            bool clash = right > width() + 2;
            for (const auto& [from, to] : std::as_const(taken)) {
                clash = clash || (x < to && right > from);
            }
            if (clash) {
                continue;
            }
            taken.append({x, right});
            painter.drawLine(QPointF(x + 0.5, barsH - 2), QPointF(x + 0.5, barsH + 2));
            painter.drawText(QRect(x + 2, barsH, textWidth + 2, height() - barsH), Qt::AlignLeft | Qt::AlignVCenter,
                             text);
        }
    };
    place(true);
    place(false);
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
