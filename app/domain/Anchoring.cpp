// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Anchoring.h"

#include <QList>

#include <cstdlib>

namespace folio {

namespace {

// Characters at the end of a that equal those at the end of b.
int commonTail(QStringView a, QStringView b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) {
        ++n;
    }
    return n;
}

int commonHead(QStringView a, QStringView b)
{
    int n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) {
        ++n;
    }
    return n;
}

int contextScore(const QString& text, int start, int end, const Annotation& a)
{
    const int from = qMax(0, start - Anchoring::kContextLength);
    const QStringView before = QStringView(text).mid(from, start - from);
    const QStringView after = QStringView(text).mid(end, Anchoring::kContextLength);
    return commonTail(before, a.prefix) + commonHead(after, a.suffix);
}

// The text with runs of white space made one space and folded case, with a map from each of
// its characters back to the index in text.
QString normalised(const QString& text, QList<int>* positions)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (int i = 0; i < text.size(); ++i) {
        if (text[i].isSpace()) {
            if (!space && !out.isEmpty()) {
                out.append(u' ');
                if (positions) {
                    positions->append(i);
                }
            }
            space = true;
            continue;
        }
        space = false;
        out.append(text[i].toCaseFolded());
        if (positions) {
            positions->append(i);
        }
    }
    if (out.endsWith(u' ')) {
        out.chop(1);
        if (positions) {
            positions->removeLast();
        }
    }
    return out;
}

} // namespace

bool Anchoring::select(const QString& text, int start, int end, Annotation* a)
{
    start = qBound(0, start, static_cast<int>(text.size()));
    end = qBound(start, end, static_cast<int>(text.size()));
    while (start < end && text[start].isSpace()) {
        ++start;
    }
    while (end > start && text[end - 1].isSpace()) {
        --end;
    }
    if (start == end) {
        return false;
    }
    a->start = start;
    a->end = end;
    a->quote = text.mid(start, end - start);
    const int from = qMax(0, start - kContextLength);
    a->prefix = text.mid(from, start - from);
    a->suffix = text.mid(end, kContextLength);
    a->detached = false;
    return true;
}

std::optional<Anchoring::Range> Anchoring::find(const QString& text, const QString& quote, int occurrence)
{
    if (quote.isEmpty() || occurrence < 1) {
        return std::nullopt;
    }
    qsizetype at = -1;
    for (int n = 0; n < occurrence; ++n) {
        at = text.indexOf(quote, at + 1);
        if (at < 0) {
            return std::nullopt;
        }
    }
    return Range{static_cast<int>(at), static_cast<int>(at + quote.size())};
}

std::optional<Anchoring::Range> Anchoring::reattach(const QString& text, const Annotation& a)
{
    if (a.quote.isEmpty()) {
        return std::nullopt;
    }
    // 1. Unchanged.
    if (a.start >= 0 && a.end == a.start + a.quote.size() && QStringView(text).mid(a.start, a.quote.size()) == a.quote) {
        return Range{a.start, a.end};
    }
    // 2. The best-matching exact occurrence.
    std::optional<Range> best;
    int bestScore = -1;
    int bestDistance = 0;
    for (qsizetype at = text.indexOf(a.quote); at >= 0; at = text.indexOf(a.quote, at + 1)) {
        const int start = static_cast<int>(at);
        const int end = start + static_cast<int>(a.quote.size());
        const int score = contextScore(text, start, end, a);
        const int distance = a.start >= 0 ? std::abs(start - a.start) : 0;
        if (score > bestScore || (score == bestScore && distance < bestDistance)) {
            best = Range{start, end};
            bestScore = score;
            bestDistance = distance;
        }
    }
    if (best) {
        return best;
    }
    // 3. The same words with other case or white space.
    QList<int> positions;
    const QString haystack = normalised(text, &positions);
    const QString needle = normalised(a.quote, nullptr);
    if (needle.isEmpty()) {
        return std::nullopt;
    }
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        const int start = positions.at(at);
        const int end = positions.at(at + needle.size() - 1) + 1;
        const int distance = a.start >= 0 ? std::abs(start - a.start) : 0;
        if (!best || distance < bestDistance) {
            best = Range{start, end};
            bestDistance = distance;
        }
    }
    return best;
}

bool Anchoring::reanchor(const QString& text, Annotation* a)
{
    if (a->isArticleNote()) {
        return false;
    }
    const auto range = reattach(text, *a);
    if (!range) {
        const bool changed = !a->detached;
        a->detached = true;
        return changed;
    }
    const Annotation before = *a;
    Annotation placed = *a;
    if (!select(text, range->start, range->end, &placed)) {
        a->detached = true;
        return !before.detached;
    }
    // A fuzzy match keeps the quote the reader chose only if it still reads the same.
    *a = placed;
    return a->start != before.start || a->end != before.end || a->quote != before.quote || a->prefix != before.prefix
        || a->suffix != before.suffix || a->detached != before.detached;
}

} // namespace folio
