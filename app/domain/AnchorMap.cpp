// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/AnchorMap.h"

#include <algorithm>

namespace folio {

namespace {

constexpr int kResyncRun = 8;
constexpr int kResyncWindow = 400;

bool ignorable(QChar c)
{
    // White space, the object replacement character (images), frame boundaries.
    return c.isSpace() || c == QChar::ObjectReplacementCharacter || c.unicode() == 0xFDD0 || c.unicode() == 0xFDD1;
}

} // namespace

AnchorMap::AnchorMap(const QString& anchor, const QString& view)
{
    m_toView.reserve(anchor.size() + 1);
    int j = 0;
    int i = 0;
    const int n = static_cast<int>(anchor.size());
    const int m = static_cast<int>(view.size());
    while (i < n) {
        const QChar a = anchor[i];
        if (j >= m) {
            m_toView.append(m);
            ++i;
            continue;
        }
        const QChar v = view[j];
        if (a == v || (a.isSpace() && v.isSpace())) {
            m_toView.append(j);
            ++i;
            ++j;
        } else if (a.isSpace()) {
            m_toView.append(j);
            ++i;
        } else if (ignorable(v)) {
            ++j;
        } else {
            // Mismatch: find the next run of anchor text in the view, close by.
            int runEnd = i;
            while (runEnd < n && runEnd - i < kResyncRun && !anchor[runEnd].isSpace()) {
                ++runEnd;
            }
            const QString run = anchor.mid(i, runEnd - i);
            const qsizetype at = view.indexOf(run, j);
            if (at >= 0 && at - j <= kResyncWindow) {
                j = static_cast<int>(at);
            } else {
                m_toView.append(j); // an anchor character the view does not show
                ++i;
            }
        }
    }
    m_toView.append(qMin(j, m));
}

int AnchorMap::toView(int offset) const
{
    if (m_toView.isEmpty()) {
        return 0;
    }
    return m_toView.at(qBound(0, offset, static_cast<int>(m_toView.size()) - 1));
}

int AnchorMap::toAnchor(int pos) const
{
    if (m_toView.isEmpty()) {
        return 0;
    }
    const auto it = std::lower_bound(m_toView.cbegin(), m_toView.cend() - 1, pos);
    return static_cast<int>(it - m_toView.cbegin());
}

std::pair<int, int> AnchorMap::viewRange(int start, int end) const
{
    if (end <= start) {
        const int p = toView(start);
        return {p, p};
    }
    return {toView(start), toView(end - 1) + 1};
}

} // namespace folio
