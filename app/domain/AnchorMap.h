// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace folio {

/// Maps offsets between an article's anchor text and the text of a rendered view of it (the
/// reader's QTextDocument, from the start of the article body). The two show the same words
/// but differ in white space (paragraph and line separators, no-break spaces, collapsed runs)
/// and may differ in a few characters (list bullets, image placeholders). Characters are paired
/// greedily in order; white space pairs loosely; after a mismatch the map re-synchronises on the
/// next matching run. Pure: testable without a document.
class AnchorMap
{
public:
    AnchorMap() = default;
    AnchorMap(const QString& anchorText, const QString& viewText);

    /// The view position of anchor offset offset (0..anchorText.size()).
    int toView(int offset) const;
    /// The anchor offset of the first anchor character at or after view position pos.
    int toAnchor(int pos) const;
    /// The view range [start, end) showing anchor range [start, end).
    std::pair<int, int> viewRange(int start, int end) const;

private:
    QList<int> m_toView; // anchor offset -> view position, non-decreasing, size anchorText.size() + 1
};

} // namespace folio
