// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

struct GumboInternalNode;
struct GumboInternalOutput;

/// Internal to app/html: gumbo parses with bounded time and memory.
namespace folio::html::detail {

/// Input beyond this many characters is ignored.
inline constexpr qsizetype kMaxInputChars = 2 * 1024 * 1024;

/// One gumbo parse of untrusted HTML with bounded cost: the input is cut at kMaxInputChars, start
/// tags that would nest absurdly deep are first replaced by empty comments (limitNesting), and a
/// parse that still runs over the memory or time budget is abandoned. The tree lives as long as this.
class SimpleHtmlTree;

class GumboDocument
{
public:
    enum class Context {
        Document, ///< a whole document or a body fragment
        Content,  ///< a body fragment, as Document; plain HTML is built by SimpleHtmlTree without gumbo
        Text,     ///< text only, as inside <title>: character references are decoded, tags are text
    };

    explicit GumboDocument(const QString& html, Context context = Context::Document);
    ~GumboDocument();
    GumboDocument(const GumboDocument&) = delete;
    GumboDocument& operator=(const GumboDocument&) = delete;

    /// The <body> element (Document), or the element holding the text (Text); nullptr for a
    /// frameset document or an abandoned parse.
    const GumboInternalNode* body() const;
    /// The <html> element of a Document parse; nullptr for an abandoned parse.
    const GumboInternalNode* root() const;
    /// True when the parse ran over budget and was abandoned.
    bool abandoned() const { return m_output == nullptr && m_simpleRoot == nullptr; }

private:
    class Arena;
    QByteArray m_utf8; // gumbo's tree points into this buffer
    std::unique_ptr<Arena> m_arena;
    GumboInternalOutput* m_output = nullptr;
    std::unique_ptr<SimpleHtmlTree> m_simple;
    const GumboInternalNode* m_simpleRoot = nullptr; // the tree when SimpleHtmlTree built it
    Context m_context;
};

} // namespace folio::html::detail
