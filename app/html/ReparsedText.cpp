// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/ReparsedText.h"

#include <algorithm>

namespace folio::html::detail {

namespace {

// Well below the limits GumboDocument applies before parsing (NestingLimiter), so that a parse
// of the output would never see them.
constexpr size_t kMaxDepth = 96;
constexpr int kMaxFormatting = 24;

bool isHeading(GumboTag tag)
{
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4
           || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool isFormatting(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        return true;
    default:
        return false;
    }
}

/// Start tags that close an open <p> (in button scope). <table> only does so outside quirks mode,
/// which a document without a doctype never is; it is listed anyway, to be safe.
bool closesParagraph(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MENU: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_LI:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_TABLE: case GUMBO_TAG_HR:
    case GUMBO_TAG_XMP:
        return true;
    default:
        return false;
    }
}

/// HTML's "special" elements among those an allow-listed output can hold open.
bool isSpecial(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
        return true;
    default:
        return false;
    }
}

bool hasNonSpace(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return !isCollapsibleSpace(c); });
}

} // namespace

bool ReparsedText::inTableStructure() const
{
    if (m_stack.empty()) {
        return false;
    }
    switch (m_stack.back().tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_COLGROUP:
        return true;
    default:
        return false;
    }
}

bool ReparsedText::insertsPlainly(GumboTag tag) const
{
    if (m_stack.size() >= kMaxDepth || m_formatting >= kMaxFormatting) {
        return false;
    }
    const GumboTag current = m_stack.empty() ? GUMBO_TAG_BODY : m_stack.back().tag;
    // Table parts only where a table expects them (elsewhere they are ignored or imply others);
    // anything else inside a table's structure is moved out of it (foster parenting).
    switch (tag) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
        return current == GUMBO_TAG_TABLE;
    case GUMBO_TAG_TR:
        return current == GUMBO_TAG_TBODY || current == GUMBO_TAG_THEAD || current == GUMBO_TAG_TFOOT;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        return current == GUMBO_TAG_TR;
    case GUMBO_TAG_COL:
        return current == GUMBO_TAG_COLGROUP;
    default:
        if (inTableStructure()) {
            return false;
        }
    }
    const auto from = m_stack.crbegin();
    const auto to = m_stack.crend();
    if (closesParagraph(tag)) {
        for (auto it = from; it != to; ++it) {
            if (it->tag == GUMBO_TAG_P) {
                return false;
            }
            if (it->tag == GUMBO_TAG_CAPTION || it->tag == GUMBO_TAG_TABLE || it->tag == GUMBO_TAG_TD
                || it->tag == GUMBO_TAG_TH) {
                break; // the edge of button scope
            }
        }
    }
    if (isHeading(tag) && isHeading(current)) {
        return false;
    }
    if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
        for (auto it = from; it != to; ++it) {
            const bool same = tag == GUMBO_TAG_LI ? it->tag == GUMBO_TAG_LI
                                                  : (it->tag == GUMBO_TAG_DD || it->tag == GUMBO_TAG_DT);
            if (same) {
                return false;
            }
            if (isSpecial(it->tag) && it->tag != GUMBO_TAG_ADDRESS && it->tag != GUMBO_TAG_DIV
                && it->tag != GUMBO_TAG_P) {
                break;
            }
        }
    }
    if (tag == GUMBO_TAG_A) {
        for (auto it = from; it != to; ++it) {
            if (it->tag == GUMBO_TAG_A) {
                return false;
            }
            if (it->tag == GUMBO_TAG_TD || it->tag == GUMBO_TAG_TH || it->tag == GUMBO_TAG_CAPTION) {
                break; // a marker in the list of active formatting elements
            }
        }
    }
    return true;
}

void ReparsedText::open(GumboTag tag)
{
    m_afterPre = false;
    if (m_failed || !insertsPlainly(tag)) {
        m_failed = true;
        return;
    }
    const int breaks = blockBreaks(tag);
    const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
    const bool preformatted = (!m_stack.empty() && m_stack.back().preformatted) || keepsWhiteSpace(tag);
    const bool formatting = isFormatting(tag);
    m_text.requestBreaks(breaks);
    if (cell) {
        m_text.space();
    }
    m_stack.push_back({tag, breaks, cell, preformatted, formatting});
    m_formatting += formatting ? 1 : 0;
    // The parser drops a line feed right after <pre> (and <listing>).
    m_afterPre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
}

void ReparsedText::close()
{
    m_afterPre = false;
    if (m_failed || m_stack.empty()) {
        m_failed = true;
        return;
    }
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    m_formatting -= frame.formatting ? 1 : 0;
    m_text.requestBreaks(frame.breaks);
    if (frame.cell) {
        m_text.space();
    }
}

void ReparsedText::voidElement(GumboTag tag)
{
    m_afterPre = false;
    if (m_failed || !insertsPlainly(tag)) {
        m_failed = true;
        return;
    }
    if (tag == GUMBO_TAG_BR) {
        m_text.lineBreak();
        return;
    }
    // An element without children: its breaks before and after.
    m_text.requestBreaks(blockBreaks(tag));
}

void ReparsedText::text(QStringView text)
{
    if (m_failed || text.isEmpty()) {
        return;
    }
    if (m_afterPre && text.front() == u'\n') {
        text = text.sliced(1);
    }
    m_afterPre = false;
    if (inTableStructure() && hasNonSpace(text)) {
        m_failed = true;
        return;
    }
    m_text.text(text, !m_stack.empty() && m_stack.back().preformatted);
}

} // namespace folio::html::detail
