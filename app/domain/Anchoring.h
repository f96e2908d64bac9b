// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Annotation.h"

#include <QString>

#include <optional>

namespace folio {

/// Where a highlight sits in an article's anchor text, and how it finds its place again when
/// that text changes. Pure functions over strings; no database, no widgets.
///
/// Re-attachment rules, in order: (1) the quote is still exactly at [start, end); (2) the quote
/// occurs elsewhere: of all occurrences, the one whose surrounding text best matches the stored
/// prefix and suffix wins, ties going to the one nearest the old position; (3) the quote
/// occurs only with different case or white space: the nearest such occurrence; (4) otherwise
/// the annotation is detached (kept, never dropped).
class Anchoring
{
public:
    static constexpr int kContextLength = 32;

    struct Range
    {
        int start = -1;
        int end = -1;
        bool operator==(const Range&) const = default;
    };

    /// a's quote, prefix, suffix, start and end set from [start, end) of text (clamped, with
    /// white space at both edges left out). Returns false when the range holds no text.
    static bool select(const QString& text, int start, int end, Annotation* a);

    /// The occurrence-th (1-based) exact occurrence of quote in text.
    static std::optional<Range> find(const QString& text, const QString& quote, int occurrence = 1);

    /// Where a's quote is in text now, by the rules above; nullopt when it cannot be placed.
    static std::optional<Range> reattach(const QString& text, const Annotation& a);

    /// Re-attaches a to text: updates its offsets, prefix, suffix and detached flag. Returns
    /// whether anything changed. Article notes (no quote) never change.
    static bool reanchor(const QString& text, Annotation* a);
};

} // namespace folio
