// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/TextCollector.h"


namespace folio::html::detail {

QStringView trimCollapsible(QStringView s)
{
    while (!s.isEmpty() && isCollapsibleSpace(s.front())) {
        s = s.sliced(1);
    }
    while (!s.isEmpty() && isCollapsibleSpace(s.back())) {
        s.chop(1);
    }
    return s;
}

int blockBreaks(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
        return 2; // paragraphs are separated by a blank line
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
        return 1;
    default:
        return 0;
    }
}

bool keepsWhiteSpace(GumboTag tag)
{
    return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT;
}

void TextCollector::text(QStringView text, bool preformatted)
{
    if (preformatted) {
        if (!text.isEmpty()) {
            flush();
            m_out += text;
        }
        return;
    }
    // Word by word: the separator owed goes before a word, and nothing between its characters.
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (isCollapsibleSpace(text[i])) {
            m_pendingSpace = true;
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        while (end < n && !isCollapsibleSpace(text[end])) {
            ++end;
        }
        flush();
        m_out += text.sliced(i, end - i);
        i = end;
    }
}

QString TextCollector::finish() const
{
    // Line by line, in one pass: trailing blanks cut, a line of spaces made empty, no empty line
    // at the start or after another.
    QString out;
    out.reserve(m_out.size());
    bool lastEmpty = true; // also at the start: leading empty lines are dropped
    bool first = true;
    qsizetype from = 0;
    while (from <= m_out.size()) {
        qsizetype to = m_out.indexOf(u'\n', from);
        if (to < 0) {
            to = m_out.size();
        }
        QStringView line = QStringView(m_out).sliced(from, to - from);
        from = to + 1;
        while (!line.isEmpty() && isCollapsibleSpace(line.back())) {
            line.chop(1);
        }
        if (std::all_of(line.cbegin(), line.cend(), [](QChar c) { return c.isSpace(); })) {
            line = {};
        }
        if (line.isEmpty() && lastEmpty) {
            continue;
        }
        if (!first) {
            out += u'\n';
        }
        out += line;
        first = false;
        lastEmpty = line.isEmpty();
    }
    const QStringView trimmed = trimCollapsible(out);
    return trimmed.size() == out.size() ? out : trimmed.toString();
}

void TextCollector::flush()
{
    if (!m_out.isEmpty()) {
        if (m_pendingBreaks > 0) {
            m_out += u'\n';
            if (m_pendingBreaks > 1) {
                m_out += u'\n';
            }
        } else if (m_pendingSpace && !m_out.endsWith(u'\n') && !m_out.endsWith(u' ')) {
            m_out += u' ';
        }
    }
    m_pendingBreaks = 0;
    m_pendingSpace = false;
}

} // namespace folio::html::detail
