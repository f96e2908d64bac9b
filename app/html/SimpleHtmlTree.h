// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>
#include <vector>

struct GumboInternalNode;

/// Internal to app/html: the tree gumbo would build, for the plain HTML most feeds carry, without gumbo.
namespace folio::html::detail {

/// Builds the tree of a body fragment in gumbo's own node types, for input so simple that the HTML
/// tree-construction rules come down to "open on a start tag, close on the matching end tag": a
/// small set of elements, properly nested, closed in order, quoted attributes, a few character
/// references. Anything else (comments, unknown or misnested tags, implied end tags, tables, CR,
/// NUL, other references …) makes build() refuse, and the caller asks gumbo. Where it accepts, the
/// tree is node for node what gumbo makes (tests/unit/html/TestSimpleHtmlTree compares them).
class SimpleHtmlTree
{
public:
    SimpleHtmlTree();
    ~SimpleHtmlTree();
    SimpleHtmlTree(const SimpleHtmlTree&) = delete;
    SimpleHtmlTree& operator=(const SimpleHtmlTree&) = delete;

    /// The <html> root (head, body) of utf8, or nullptr when the input is not simple enough.
    /// The tree points into utf8 and into this object.
    const GumboInternalNode* build(const QByteArray& utf8);

private:
    void* allocate(size_t size);
    struct Builder;

    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_next = nullptr;
    size_t m_left = 0;
};

} // namespace folio::html::detail
