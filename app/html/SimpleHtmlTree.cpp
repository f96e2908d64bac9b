// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/SimpleHtmlTree.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace folio::html::detail {

namespace {

// Deeper input goes to gumbo (and through limitNesting, whose limits are far above this).
constexpr size_t kMaxDepth = 32;
constexpr size_t kBlockSize = 16 * 1024;

enum class Kind {
    Refused,
    Void,       // img, br: inserted, never open
    Block,      // closes an open <p> in gumbo: accepted only when none is open
    Heading,    // a block that also closes a heading that is the current node
    ListItem,   // accepted only directly in <ul>/<ol>
    Anchor,     // <a> inside <a> runs the adoption agency: refused
    Inline,     // formatting and other phrasing elements: just inserted
};

Kind kindOf(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_IMG: case GUMBO_TAG_BR:
        return Kind::Void;
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
        return Kind::Block;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return Kind::Heading;
    case GUMBO_TAG_LI:
        return Kind::ListItem;
    case GUMBO_TAG_A:
        return Kind::Anchor;
    case GUMBO_TAG_B: case GUMBO_TAG_I: case GUMBO_TAG_EM: case GUMBO_TAG_STRONG: case GUMBO_TAG_U: case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_CODE: case GUMBO_TAG_SPAN: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_CITE: case GUMBO_TAG_ABBR: case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_VAR: case GUMBO_TAG_TIME: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
        return Kind::Inline;
    default:
        return Kind::Refused;
    }
}

bool isHeading(GumboTag tag)
{
    return kindOf(tag) == Kind::Heading;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

/// Code points a numeric reference may name here: those gumbo passes through unchanged (no
/// replacement table, no error recovery) and that are not white space (which gumbo may drop).
bool plainCodePoint(char32_t c)
{
    return (c >= 0x21 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFDCF)
           || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF && (c & 0xFFFE) != 0xFFFE);
}

} // namespace

struct SimpleHtmlTree::Builder
{
    Builder(SimpleHtmlTree& owner, const char* data, size_t size)
        : tree(owner)
        , s(data)
        , n(size)
    {
    }

    SimpleHtmlTree& tree;
    const char* s;
    size_t n;
    size_t i = 0;
    std::vector<GumboNode*> nodes; // every node below <body>, in document order
    std::vector<GumboNode*> open;  // body and the open elements
    std::string text;              // the text run being read (decoded)
    size_t textStart = 0;
    bool textIsSpace = true;

    GumboNode* node(GumboNodeType type, GumboNode* parent)
    {
        auto* p = static_cast<GumboNode*>(tree.allocate(sizeof(GumboNode)));
        std::memset(p, 0, sizeof(GumboNode));
        p->type = type;
        p->parent = parent;
        p->parse_flags = GUMBO_INSERTION_NORMAL;
        if (parent) {
            // Counted here, filled in by finish().
            p->index_within_parent = parent->v.element.children.length++;
        }
        return p;
    }

    GumboNode* element(GumboTag tag, GumboNode* parent, size_t from, size_t to)
    {
        GumboNode* e = node(GUMBO_NODE_ELEMENT, parent);
        e->v.element.tag = tag;
        e->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
        e->v.element.original_tag = {s + from, to - from};
        e->v.element.start_pos = {0, 0, unsigned(from)};
        return e;
    }

    const char* copy(std::string_view v)
    {
        auto* p = static_cast<char*>(tree.allocate(v.size() + 1));
        if (!v.empty()) {
            std::memcpy(p, v.data(), v.size()); // an empty view may have no data pointer at all
        }
        p[v.size()] = '\0';
        return p;
    }

    void flushText()
    {
        if (text.empty()) {
            return;
        }
        GumboNode* t = node(textIsSpace ? GUMBO_NODE_WHITESPACE : GUMBO_NODE_TEXT, open.back());
        t->v.text.text = copy(text);
        t->v.text.original_text = {s + textStart, i - textStart};
        t->v.text.start_pos = {0, 0, unsigned(textStart)};
        nodes.push_back(t);
        text.clear();
        textIsSpace = true;
    }

    /// A character reference at s[i] ('&') decoded onto out; false when it is not one of the plain ones.
    bool reference(std::string& out)
    {
        const size_t semicolon = std::string_view(s + i, std::min<size_t>(n - i, 12)).find(';');
        if (semicolon == std::string_view::npos || semicolon < 2) {
            return false;
        }
        const std::string_view name(s + i + 1, semicolon - 1);
        i += semicolon + 1;
        if (name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string_view digits = name.substr(hex ? 2 : 1);
            if (digits.empty() || digits.size() > 6) {
                return false;
            }
            char32_t c = 0;
            for (const char d : digits) {
                int v = -1;
                if (isDigit(d)) {
                    v = d - '0';
                } else if (hex && d >= 'a' && d <= 'f') {
                    v = d - 'a' + 10;
                } else if (hex && d >= 'A' && d <= 'F') {
                    v = d - 'A' + 10;
                }
                if (v < 0) {
                    return false;
                }
                c = c * (hex ? 16 : 10) + char32_t(v);
            }
            if (!plainCodePoint(c)) {
                return false;
            }
            appendUtf8(out, c);
            return true;
        }
        static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
        for (const auto& [key, value] : kNamed) {
            if (name == key) {
                out += value;
                return true;
            }
        }
        return false;
    }

    /// A byte that gumbo passes through as it is (no normalisation, no error recovery).
    bool plainByte(size_t at) const
    {
        const auto c = static_cast<unsigned char>(s[at]);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\f';
        }
        if (c == 0x7F) {
            return false;
        }
        // C1 controls (U+0080..U+009F) are replaced by gumbo's tokenizer in references and flagged in text.
        return !(c == 0xC2 && at + 1 < n && static_cast<unsigned char>(s[at + 1]) < 0xA0);
    }

    bool endTag()
    {
        const size_t from = i;
        i += 2;
        const size_t nameFrom = i;
        while (i < n && (isLower(s[i]) || isDigit(s[i]))) {
            ++i;
        }
        if (i == nameFrom || i >= n || s[i] != '>') {
            return false;
        }
        const GumboTag tag = gumbo_tagn_enum(s + nameFrom, unsigned(i - nameFrom));
        ++i;
        if (open.size() < 2 || open.back()->v.element.tag != tag) {
            return false; // implied end tags, misnesting: gumbo's rules
        }
        open.back()->v.element.original_end_tag = {s + from, i - from};
        open.back()->v.element.end_pos = {0, 0, unsigned(from)};
        open.pop_back();
        return true;
    }

    bool hasOpen(GumboTag tag) const
    {
        return std::any_of(open.cbegin() + 1, open.cend(), [tag](const GumboNode* e) { return e->v.element.tag == tag; });
    }

    bool startTag()
    {
        const size_t from = i;
        ++i;
        const size_t nameFrom = i;
        while (i < n && (isLower(s[i]) || isDigit(s[i]))) {
            ++i;
        }
        const GumboTag tag = gumbo_tagn_enum(s + nameFrom, unsigned(i - nameFrom));
        const Kind kind = kindOf(tag);
        GumboNode* current = open.back();
        const GumboTag currentTag = open.size() > 1 ? current->v.element.tag : GUMBO_TAG_BODY;
        switch (kind) {
        case Kind::Refused:
            return false;
        case Kind::Block:
            if (hasOpen(GUMBO_TAG_P)) {
                return false;
            }
            break;
        case Kind::Heading:
            if (hasOpen(GUMBO_TAG_P) || isHeading(currentTag)) {
                return false;
            }
            break;
        case Kind::ListItem:
            if (currentTag != GUMBO_TAG_UL && currentTag != GUMBO_TAG_OL) {
                return false;
            }
            break;
        case Kind::Anchor:
            if (hasOpen(GUMBO_TAG_A)) {
                return false;
            }
            break;
        case Kind::Void:
        case Kind::Inline:
            break;
        }
        std::vector<GumboAttribute*> attributes;
        bool selfClosing = false;
        while (true) {
            if (i >= n) {
                return false;
            }
            if (s[i] == '>') {
                ++i;
                break;
            }
            if (s[i] == '/') {
                if (i + 1 >= n || s[i + 1] != '>') {
                    return false;
                }
                selfClosing = true;
                i += 2;
                break;
            }
            if (!isSpace(s[i])) {
                return false;
            }
            while (i < n && isSpace(s[i])) {
                ++i;
            }
            if (i < n && (s[i] == '>' || s[i] == '/')) {
                continue;
            }
            const size_t attrFrom = i;
            if (i >= n || !isLower(s[i])) {
                return false;
            }
            while (i < n && (isLower(s[i]) || isDigit(s[i]) || s[i] == '-' || s[i] == '_')) {
                ++i;
            }
            const std::string_view name(s + attrFrom, i - attrFrom);
            auto* a = static_cast<GumboAttribute*>(tree.allocate(sizeof(GumboAttribute)));
            std::memset(a, 0, sizeof(GumboAttribute));
            a->attr_namespace = GUMBO_ATTR_NAMESPACE_NONE;
            a->name = copy(name);
            a->original_name = {s + attrFrom, name.size()};
            a->name_start = {0, 0, unsigned(attrFrom)};
            a->name_end = {0, 0, unsigned(i)};
            if (i < n && s[i] == '=') {
                ++i;
                if (i >= n || (s[i] != '"' && s[i] != '\'')) {
                    return false;
                }
                const char quote = s[i];
                const size_t valueFrom = i;
                ++i;
                std::string value;
                while (i < n && s[i] != quote) {
                    if (s[i] == '&') {
                        if (!reference(value)) {
                            return false;
                        }
                    } else if (!plainByte(i)) {
                        return false;
                    } else {
                        value += s[i++];
                    }
                }
                if (i >= n) {
                    return false;
                }
                ++i; // the closing quote
                a->value = copy(value);
                a->original_value = {s + valueFrom, i - valueFrom};
                a->value_start = {0, 0, unsigned(valueFrom)};
                a->value_end = {0, 0, unsigned(i)};
            } else {
                a->value = copy({});
                a->original_value = {s + i, 0};
            }
            for (const GumboAttribute* other : attributes) {
                if (std::strcmp(other->name, a->name) == 0) {
                    return false; // gumbo keeps the first and reports the rest
                }
            }
            attributes.push_back(a);
            if (i < n && !isSpace(s[i]) && s[i] != '>' && s[i] != '/') {
                return false;
            }
        }
        if (selfClosing && kind != Kind::Void) {
            return false; // ignored by gumbo: the element stays open
        }
        GumboNode* e = element(tag, current, from, i);
        if (!attributes.empty()) {
            auto** data = static_cast<void**>(tree.allocate(attributes.size() * sizeof(void*)));
            std::copy(attributes.cbegin(), attributes.cend(), data);
            e->v.element.attributes = {data, unsigned(attributes.size()), unsigned(attributes.size())};
        }
        nodes.push_back(e);
        if (kind == Kind::Void) {
            e->v.element.end_pos = e->v.element.start_pos;
            if (selfClosing) {
                e->parse_flags = GumboParseFlags(e->parse_flags | GUMBO_INSERTION_IMPLICIT_END_TAG);
            }
        } else {
            if (open.size() > kMaxDepth) {
                return false;
            }
            open.push_back(e);
        }
        return true;
    }

    bool run()
    {
        while (i < n && isSpace(s[i])) {
            ++i; // white space before the body is dropped by the parser
        }
        textStart = i;
        while (i < n) {
            const char c = s[i];
            if (c == '<') {
                flushText();
                const bool ok = i + 1 < n && s[i + 1] == '/' ? endTag() : (i + 1 < n && isLower(s[i + 1]) && startTag());
                if (!ok) {
                    return false;
                }
                textStart = i;
            } else if (c == '&') {
                textIsSpace = false;
                if (!reference(text)) {
                    return false;
                }
            } else if (!plainByte(i)) {
                return false;
            } else {
                textIsSpace = textIsSpace && isSpace(c);
                text += c;
                ++i;
            }
        }
        flushText();
        return true;
    }
};

SimpleHtmlTree::SimpleHtmlTree() = default;
SimpleHtmlTree::~SimpleHtmlTree() = default;

void* SimpleHtmlTree::allocate(size_t size)
{
    constexpr size_t kAlign = alignof(std::max_align_t);
    size = std::max<size_t>((size + kAlign - 1) / kAlign * kAlign, kAlign);
    if (size > m_left) {
        const size_t block = std::max(size, kBlockSize);
        m_blocks.emplace_back(new char[block]);
        m_next = m_blocks.back().get();
        m_left = block;
    }
    void* p = m_next;
    m_next += size;
    m_left -= size;
    return p;
}

const GumboNode* SimpleHtmlTree::build(const QByteArray& utf8)
{
    Builder b(*this, utf8.constData(), size_t(utf8.size()));
    GumboNode* html = b.node(GUMBO_NODE_ELEMENT, nullptr);
    html->v.element.tag = GUMBO_TAG_HTML;
    html->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
    html->parse_flags = GumboParseFlags(GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_IMPLIED);
    GumboNode* head = b.node(GUMBO_NODE_ELEMENT, html);
    head->v.element.tag = GUMBO_TAG_HEAD;
    head->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
    head->parse_flags = html->parse_flags;
    GumboNode* body = b.node(GUMBO_NODE_ELEMENT, html);
    body->v.element.tag = GUMBO_TAG_BODY;
    body->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
    body->parse_flags = html->parse_flags;
    b.open.push_back(body);
    if (!b.run()) {
        return nullptr;
    }
    // Children were counted as they came; now the arrays, in document order.
    auto fill = [this](GumboNode* parent) {
        GumboVector& children = parent->v.element.children;
        if (children.length > 0) {
            children.data = static_cast<void**>(allocate(children.length * sizeof(void*)));
            children.capacity = children.length;
        }
    };
    fill(html);
    html->v.element.children.data[0] = head;
    html->v.element.children.data[1] = body;
    fill(body);
    for (GumboNode* p : b.nodes) {
        if (p->type == GUMBO_NODE_ELEMENT) {
            fill(p);
        }
    }
    for (GumboNode* p : b.nodes) {
        p->parent->v.element.children.data[p->index_within_parent] = p;
    }
    return html;
}

} // namespace folio::html::detail
