// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/NestingLimiter.h"

#include <gumbo.h>

#include <array>
#include <cstring>
#include <utility>
#include <vector>

namespace folio::html::detail {

namespace {

// Tag classes of the HTML5 tree-construction algorithm, as far as the model below needs them.

bool isVoid(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
    // Never pushed either: merged into the existing root elements.
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY: case GUMBO_TAG_FRAMESET:
        return true;
    default:
        return false;
    }
}

bool isHeading(GumboTag tag)
{
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4
           || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool isIntegrationPoint(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_FOREIGNOBJECT: case GUMBO_TAG_DESC: case GUMBO_TAG_TITLE: case GUMBO_TAG_MI: case GUMBO_TAG_MO:
    case GUMBO_TAG_MN: case GUMBO_TAG_MS: case GUMBO_TAG_MTEXT: case GUMBO_TAG_ANNOTATION_XML:
        return true;
    default:
        return false;
    }
}

/// "has an element in scope" stops at these.
bool isScopeBoundary(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
        return true;
    default:
        return isIntegrationPoint(tag);
    }
}

bool isSpecial(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_APPLET: case GUMBO_TAG_AREA: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_EMBED: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME: case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LI: case GUMBO_TAG_LINK: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NAV:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PARAM: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SECTION: case GUMBO_TAG_SELECT: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_TR: case GUMBO_TAG_TRACK: case GUMBO_TAG_UL:
    case GUMBO_TAG_WBR: case GUMBO_TAG_XMP:
        return true;
    default:
        return isIntegrationPoint(tag);
    }
}

/// Start tags that first close an open <p> (tables only do so outside quirks mode; ignored here).
bool closesParagraph(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_LI: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_HR: case GUMBO_TAG_XMP:
        return true;
    default:
        return isHeading(tag);
    }
}

/// Elements whose content the tokenizer reads as text up to the matching end tag.
bool isRawText(GumboTag tag)
{
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_IFRAME
           || tag == GUMBO_TAG_NOEMBED || tag == GUMBO_TAG_NOFRAMES || tag == GUMBO_TAG_TEXTAREA
           || tag == GUMBO_TAG_TITLE;
}

/// HTML start tags that end SVG/MathML content.
bool breaksOutOfForeign(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_CODE: case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_EM: case GUMBO_TAG_EMBED: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MENU: case GUMBO_TAG_META: case GUMBO_TAG_NOBR: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_RUBY: case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_STRIKE: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_UL: case GUMBO_TAG_VAR:
        return true;
    default:
        return false;
    }
}

constexpr std::array kFormattingTags = {GUMBO_TAG_A,     GUMBO_TAG_B,      GUMBO_TAG_BIG,    GUMBO_TAG_CODE,
                                        GUMBO_TAG_EM,    GUMBO_TAG_FONT,   GUMBO_TAG_I,      GUMBO_TAG_NOBR,
                                        GUMBO_TAG_S,     GUMBO_TAG_SMALL,  GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG,
                                        GUMBO_TAG_TT,    GUMBO_TAG_U};

int formattingIndex(GumboTag tag)
{
    for (size_t i = 0; i < kFormattingTags.size(); ++i) {
        if (kFormattingTags[i] == tag) {
            return int(i);
        }
    }
    return -1;
}

/// Elements that put a marker on the list of active formatting elements (cleared when they close).
bool isMarker(GumboTag tag)
{
    return tag == GUMBO_TAG_APPLET || tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_MARQUEE || tag == GUMBO_TAG_TEMPLATE
           || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_CAPTION;
}

/// An approximation of gumbo's stack of open elements and list of active formatting elements,
/// driven by the same tag sequence; it errs towards counting too deep rather than too shallow.
class Model
{
public:
    Model(int maxDepth, int maxFormatting)
        : m_maxDepth(size_t(maxDepth))
        , m_maxFormatting(maxFormatting)
    {
    }

    /// False when the start tag should be removed from the input. The decision comes before any
    /// effect on the model, so a removed tag leaves it exactly as gumbo will see things.
    bool startTag(GumboTag tag, quint32 name, bool selfClosing)
    {
        const bool foreignChild = inForeignContent() && !breaksOutOfForeign(tag);
        const bool foreignRoot = tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH;
        const bool pushes = (foreignChild || foreignRoot)
                                ? !selfClosing
                                : !(isVoid(tag) || isRawText(tag) || tag == GUMBO_TAG_PLAINTEXT);
        const int formatting = foreignChild ? -1 : formattingIndex(tag);
        // An HTML tag inside SVG/MathML first closes that content; other implied closes are ignored here.
        size_t depth = m_stack.size();
        while (!foreignChild && depth > 0 && m_stack[depth - 1].foreign && !isIntegrationPoint(m_stack[depth - 1].tag)) {
            --depth;
        }
        if (pushes && (depth >= m_maxDepth || (formatting >= 0 && m_formattingTotal >= m_maxFormatting))) {
            return false;
        }
        if (foreignChild) {
            if (pushes) {
                push(tag, name, true);
            }
            return true;
        }
        while (inForeignContent()) {
            pop(); // an HTML start tag ends SVG/MathML content
        }
        if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
            closeListItem(tag);
        }
        if (closesParagraph(tag)) {
            popThrough(findInScope(GUMBO_TAG_P, 0, GUMBO_TAG_BUTTON));
        }
        if (isHeading(tag) && !m_stack.empty() && isHeading(m_stack.back().tag)) {
            pop();
        }
        if ((tag == GUMBO_TAG_A || tag == GUMBO_TAG_NOBR) && m_formatting[size_t(formatting)] > 0) {
            endFormatting(formatting, tag); // a second <a> first runs the adoption agency on the open one
        } else if (tag == GUMBO_TAG_BUTTON) {
            popThrough(findInScope(GUMBO_TAG_BUTTON, 0));
        } else if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && !m_stack.empty()
                   && m_stack.back().tag == GUMBO_TAG_OPTION) {
            pop();
        } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
            popThrough(findUntil({GUMBO_TAG_TD, GUMBO_TAG_TH}, {GUMBO_TAG_TR, GUMBO_TAG_TABLE}));
        } else if (tag == GUMBO_TAG_TR) {
            popThrough(findUntil({GUMBO_TAG_TR}, {GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}));
        } else if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
            popThrough(findUntil({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}, {GUMBO_TAG_TABLE}));
        }
        if (pushes) {
            push(tag, name, foreignRoot);
            if (formatting >= 0) {
                ++m_formatting[size_t(formatting)];
                ++m_formattingTotal;
            }
        }
        return true;
    }

    void endTag(GumboTag tag, quint32 name)
    {
        if (inForeignContent()) {
            for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0 && m_stack[size_t(i)].foreign; --i) {
                if (matches(m_stack[size_t(i)], tag, name)) {
                    popThrough(i);
                    return;
                }
            }
        }
        const int formatting = formattingIndex(tag);
        if (formatting >= 0) {
            endFormatting(formatting, tag);
        } else if (tag == GUMBO_TAG_P) {
            popThrough(findInScope(GUMBO_TAG_P, 0, GUMBO_TAG_BUTTON));
        } else if (tag == GUMBO_TAG_LI) {
            popThrough(findInScope(GUMBO_TAG_LI, 0, GUMBO_TAG_OL, GUMBO_TAG_UL));
        } else if (isHeading(tag)) {
            for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
                if (isHeading(m_stack[size_t(i)].tag)) {
                    popThrough(i);
                    break;
                }
                if (isScopeBoundary(m_stack[size_t(i)].tag)) {
                    break;
                }
            }
        } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TBODY
                   || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_CAPTION
                   || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_TABLE) {
            popThrough(findUntil({tag}, {GUMBO_TAG_TABLE}));
        } else if (isVoid(tag)) {
            // </br> is a <br>; </body> and </html> close nothing that matters here
        } else if (isSpecial(tag)) {
            popThrough(findInScope(tag, name));
        } else {
            // "Any other end tag": the nearest match, unless a special element is in the way.
            for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
                if (matches(m_stack[size_t(i)], tag, name)) {
                    popThrough(i);
                    break;
                }
                if (isSpecial(m_stack[size_t(i)].tag)) {
                    break;
                }
            }
        }
    }

    /// True when the current node is SVG/MathML content (not an HTML integration point).
    bool inForeignContent() const
    {
        return !m_stack.empty() && m_stack.back().foreign && !isIntegrationPoint(m_stack.back().tag);
    }

private:
    struct Entry
    {
        GumboTag tag;
        quint32 name; // hash of the name, for tags gumbo does not know
        bool foreign;
        bool marker;
    };
    struct Formatting
    {
        std::array<int, kFormattingTags.size()> counts;
        int total;
    };

    static bool matches(const Entry& entry, GumboTag tag, quint32 name)
    {
        return entry.tag == tag && (tag != GUMBO_TAG_UNKNOWN || entry.name == name);
    }

    void push(GumboTag tag, quint32 name, bool foreign)
    {
        const bool marker = !foreign && isMarker(tag);
        if (marker) {
            m_markers.push_back({m_formatting, m_formattingTotal});
        }
        m_stack.push_back({tag, name, foreign, marker});
    }

    void pop()
    {
        if (m_stack.back().marker) {
            // Closing a cell, caption, object … clears the formatting elements opened inside it.
            m_formatting = m_markers.back().counts;
            m_formattingTotal = m_markers.back().total;
            m_markers.pop_back();
        }
        m_stack.pop_back();
    }

    void popThrough(qsizetype index)
    {
        while (index >= 0 && qsizetype(m_stack.size()) > index) {
            pop();
        }
    }

    /// Index of tag in scope (the default boundaries plus extra1/extra2), or -1.
    qsizetype findInScope(GumboTag tag, quint32 name, GumboTag extra1 = GUMBO_TAG_LAST,
                          GumboTag extra2 = GUMBO_TAG_LAST) const
    {
        for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
            const Entry& entry = m_stack[size_t(i)];
            if (matches(entry, tag, name)) {
                return i;
            }
            if (isScopeBoundary(entry.tag) || entry.tag == extra1 || entry.tag == extra2) {
                return -1;
            }
        }
        return -1;
    }

    /// Index of the nearest element named in wanted, searching down to the first one in stops.
    template<size_t W, size_t S>
    qsizetype findUntil(const GumboTag (&wanted)[W], const GumboTag (&stops)[S]) const
    {
        for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
            const GumboTag tag = m_stack[size_t(i)].tag;
            if (std::find(std::begin(wanted), std::end(wanted), tag) != std::end(wanted)) {
                return i;
            }
            if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TEMPLATE
                || std::find(std::begin(stops), std::end(stops), tag) != std::end(stops)) {
                return -1;
            }
        }
        return -1;
    }

    void closeListItem(GumboTag tag)
    {
        for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
            const GumboTag open = m_stack[size_t(i)].tag;
            const bool same = tag == GUMBO_TAG_LI ? open == GUMBO_TAG_LI : (open == GUMBO_TAG_DD || open == GUMBO_TAG_DT);
            if (same) {
                popThrough(i);
                return;
            }
            if (isSpecial(open) && open != GUMBO_TAG_ADDRESS && open != GUMBO_TAG_DIV && open != GUMBO_TAG_P) {
                return;
            }
        }
    }

    /// The end tag of a formatting element: the adoption agency drops it from the active list and
    /// never leaves the stack deeper than before; it is popped here only when nothing special is above it.
    void endFormatting(int formatting, GumboTag tag)
    {
        if (m_formatting[size_t(formatting)] > 0) {
            --m_formatting[size_t(formatting)];
            --m_formattingTotal;
        }
        for (qsizetype i = qsizetype(m_stack.size()) - 1; i >= 0; --i) {
            if (m_stack[size_t(i)].tag == tag) {
                popThrough(i);
                return;
            }
            if (isSpecial(m_stack[size_t(i)].tag)) {
                return;
            }
        }
    }

    size_t m_maxDepth;
    int m_maxFormatting;
    std::vector<Entry> m_stack;
    std::vector<Formatting> m_markers;
    std::array<int, kFormattingTags.size()> m_formatting{};
    int m_formattingTotal = 0;
};

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isTagSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

quint32 nameHash(const char* name, qsizetype length)
{
    quint32 hash = 2166136261u; // FNV-1a over the lower-cased name
    for (qsizetype i = 0; i < length; ++i) {
        hash = (hash ^ quint8(asciiLower(name[i]))) * 16777619u;
    }
    return hash;
}

qsizetype indexOf(const char* s, qsizetype n, qsizetype from, char c)
{
    if (from >= n) {
        return -1;
    }
    const void* hit = std::memchr(s + from, c, size_t(n - from));
    return hit ? static_cast<const char*>(hit) - s : -1;
}

/// Index of the '>' ending a tag whose attributes start at i (HTML5 tokenizer states), or -1.
qsizetype findTagEnd(const char* s, qsizetype n, qsizetype i, bool* selfClosing)
{
    enum class State { BeforeName, Name, AfterName, BeforeValue, Quoted, AfterQuoted, Unquoted };
    State state = State::BeforeName;
    char quote = 0;
    for (; i < n; ++i) {
        const char c = s[i];
        switch (state) {
        case State::Quoted:
            if (c == quote) {
                state = State::AfterQuoted;
            }
            continue;
        case State::BeforeValue:
            if (c == '"' || c == '\'') {
                quote = c;
                state = State::Quoted;
                continue;
            }
            if (isTagSpace(c)) {
                continue;
            }
            if (c == '>') {
                return i;
            }
            state = State::Unquoted;
            continue;
        case State::Unquoted:
            if (isTagSpace(c)) {
                state = State::BeforeName;
            } else if (c == '>') {
                return i;
            }
            continue;
        default:
            break;
        }
        // BeforeName, Name, AfterName, AfterQuoted
        if (c == '>') {
            return i;
        }
        if (c == '/') {
            if (i + 1 < n && s[i + 1] == '>') {
                *selfClosing = true;
                return i + 1;
            }
            state = State::BeforeName;
        } else if (isTagSpace(c)) {
            state = state == State::Name ? State::AfterName : (state == State::AfterName ? state : State::BeforeName);
        } else if (c == '=' && (state == State::Name || state == State::AfterName)) {
            state = State::BeforeValue;
        } else {
            state = State::Name;
        }
    }
    return -1;
}

/// Index of the "</name" that ends a raw-text element, or -1.
qsizetype findRawTextEnd(const char* s, qsizetype n, qsizetype i, const char* name, qsizetype length)
{
    while ((i = indexOf(s, n, i, '<')) >= 0) {
        const qsizetype after = i + 2 + length;
        if (after < n && s[i + 1] == '/') {
            bool same = true;
            for (qsizetype k = 0; k < length && same; ++k) {
                same = asciiLower(s[i + 2 + k]) == asciiLower(name[k]);
            }
            if (same && (isTagSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
                return i;
            }
        }
        ++i;
    }
    return -1;
}

/// Index just past the comment whose text starts at i (after "<!--"), or -1.
qsizetype findCommentEnd(const char* s, qsizetype n, qsizetype i)
{
    if (i < n && s[i] == '>') {
        return i + 1;
    }
    if (i + 1 < n && s[i] == '-' && s[i + 1] == '>') {
        return i + 2;
    }
    for (; i + 2 < n; ++i) {
        if (s[i] == '-' && s[i + 1] == '-') {
            if (s[i + 2] == '>') {
                return i + 3;
            }
            if (s[i + 2] == '!' && i + 3 < n && s[i + 3] == '>') {
                return i + 4;
            }
        }
    }
    return -1;
}

bool startsWith(const char* s, qsizetype n, qsizetype i, const char* prefix)
{
    const auto length = qsizetype(std::strlen(prefix));
    return i + length <= n && std::memcmp(s + i, prefix, size_t(length)) == 0;
}

} // namespace

QByteArray limitNesting(const QByteArray& utf8, int maxDepth, int maxFormatting)
{
    Model model(maxDepth, maxFormatting);
    const char* s = utf8.constData();
    const qsizetype n = utf8.size();
    std::vector<std::pair<qsizetype, qsizetype>> removed; // [begin, end) of dropped start tags
    qsizetype i = 0;
    while ((i = indexOf(s, n, i, '<')) >= 0 && i + 1 < n) {
        const qsizetype open = i;
        const char c = s[i + 1];
        if (isAsciiAlpha(c) || (c == '/' && i + 2 < n && isAsciiAlpha(s[i + 2]))) {
            const bool end = c == '/';
            const qsizetype nameBegin = i + (end ? 2 : 1);
            qsizetype nameEnd = nameBegin;
            while (nameEnd < n && !isTagSpace(s[nameEnd]) && s[nameEnd] != '/' && s[nameEnd] != '>') {
                ++nameEnd;
            }
            bool selfClosing = false;
            const qsizetype close = findTagEnd(s, n, nameEnd, &selfClosing);
            if (close < 0) {
                break; // a tag cut off by the end of input is dropped by the tokenizer
            }
            const GumboTag tag = gumbo_tagn_enum(s + nameBegin, unsigned(nameEnd - nameBegin));
            const quint32 name = tag == GUMBO_TAG_UNKNOWN ? nameHash(s + nameBegin, nameEnd - nameBegin) : 0;
            i = close + 1;
            if (end) {
                model.endTag(tag, name);
                continue;
            }
            if (!model.startTag(tag, name, selfClosing)) {
                removed.emplace_back(open, close + 1);
            } else if (!model.inForeignContent() && tag == GUMBO_TAG_PLAINTEXT) {
                break; // the rest is text
            } else if (!model.inForeignContent() && isRawText(tag)) {
                i = findRawTextEnd(s, n, i, s + nameBegin, nameEnd - nameBegin);
            }
        } else if (startsWith(s, n, i, "<!--")) {
            i = findCommentEnd(s, n, i + 4);
        } else if (model.inForeignContent() && startsWith(s, n, i, "<![CDATA[")) {
            i = indexOf(s, n, i, ']');
            while (i >= 0 && !startsWith(s, n, i, "]]>")) {
                i = indexOf(s, n, i + 1, ']');
            }
        } else if (c == '!' || c == '?' || c == '/') {
            i = indexOf(s, n, i, '>'); // bogus comment, doctype, "</>"
        } else {
            i += 1; // a literal '<'
        }
        if (i < 0) {
            break; // the rest of the input is inside a comment or raw text
        }
    }
    if (removed.empty()) {
        return utf8;
    }
    // Each removed tag becomes an empty comment "<!>": no longer than any tag, and unlike plain removal
    // it cannot splice the surrounding text into a new tag ("<" + "<div>" + "div>").
    QByteArray result;
    result.reserve(n);
    qsizetype copied = 0;
    for (const auto& [begin, end] : removed) {
        result.append(s + copied, begin - copied);
        result.append("<!>");
        copied = end;
    }
    result.append(s + copied, n - copied);
    return result;
}

} // namespace folio::html::detail
