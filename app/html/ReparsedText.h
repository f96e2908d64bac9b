// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "html/TextCollector.h"

#include <QString>
#include <QStringView>

#include <gumbo.h>

#include <vector>

namespace folio::html::detail {

/// The plain text of HTML that is being written, worked out while it is written: what toPlainText()
/// would return for it, without parsing it again. The writer (the sanitiser) reports each tag and
/// text it writes, in order; its output is balanced and escaped. A small model of HTML5 tree
/// construction follows the open elements as a parser of that output would: where the parser would
/// do more than nest each element in the one before (close a paragraph or list item implicitly,
/// move content out of a table, ignore a table part, drop the line break after <pre>, reach the
/// nesting limits), the model gives up and the caller parses the output after all. On every other
/// output the two texts are the same (tests/unit/html pins this on the sanitizer's inputs).
class ReparsedText
{
public:
    /// expectedChars: about how long the text will be (room is made for it at once).
    explicit ReparsedText(qsizetype expectedChars) { m_text.reserve(expectedChars); }

    /// A start tag of a non-void element, as the parser reads it (a written <div> is GUMBO_TAG_DIV).
    void open(GumboTag tag);
    /// The end tag of the innermost open element.
    void close();
    /// A void element (br, hr, img, col).
    void voidElement(GumboTag tag);
    /// Text as it reads once unescaped.
    void text(QStringView text);
    /// The output cannot be followed (too long, too deep): the caller must parse it.
    void giveUp() { m_failed = true; }

    bool failed() const { return m_failed; }
    /// The text; only meaningful when !failed().
    QString finish() const { return m_text.finish(); }

private:
    struct Frame
    {
        GumboTag tag;
        int breaks;
        bool cell;
        bool preformatted;
        bool formatting;
    };
    /// False when the parser would do more with this start tag than insert it into the current node.
    bool insertsPlainly(GumboTag tag) const;
    bool inTableStructure() const;

    std::vector<Frame> m_stack;
    TextCollector m_text;
    int m_formatting = 0;
    bool m_afterPre = false;
    bool m_failed = false;
};

} // namespace folio::html::detail
