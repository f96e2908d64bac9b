// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/GumboDocument.h"

#include "html/NestingLimiter.h"
#include "html/SimpleHtmlTree.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace folio::html::detail {

namespace {

Q_LOGGING_CATEGORY(lcHtml, "folio.html")

// gumbo walks the open-element stack (scope checks, formatting-element lookups) for every token, so
// its cost is tokens x depth: hostile nesting 100k deep takes minutes. The input is first reduced so
// that the depth stays small, and as a backstop a parse that requests more memory or takes longer
// than this is abandoned. Real pages stay far below all of these.
constexpr int kMaxParseDepth = 256;
constexpr int kMaxFormatting = 64;
// Real pages need about 17 bytes of gumbo allocations per input byte.
constexpr size_t kParseBytesPerInputByte = 32;
constexpr size_t kMinParseBytes = 32 * 1024 * 1024;
constexpr size_t kMaxParseBytes = 256 * 1024 * 1024;
constexpr qint64 kMaxParseMillis = 3000;

} // namespace

/// Bump allocator handed to gumbo. The tree is freed at once with the arena, and a parse over budget
/// is abandoned by longjmp-ing out of gumbo (plain C, no global state, all its memory in here).
class GumboDocument::Arena
{
public:
    Arena() { m_timer.start(); }

    static void* allocate(void* userdata, size_t size)
    {
        auto* arena = static_cast<Arena*>(userdata);
        constexpr size_t kAlign = alignof(std::max_align_t);
        size = std::max<size_t>((size + kAlign - 1) / kAlign * kAlign, kAlign);
        arena->m_requested += size;
        const bool timeUp = (++arena->m_calls % 64) == 0 && arena->m_timer.hasExpired(kMaxParseMillis);
        if (arena->m_requested > arena->m_limit || timeUp) {
            std::longjmp(arena->m_escape, 1);
        }
        if (size > arena->m_left) {
            const size_t chunk = std::max(size, arena->m_nextChunk);
            auto* memory = static_cast<char*>(std::malloc(chunk));
            if (!memory) {
                std::longjmp(arena->m_escape, 1); // gumbo itself cannot handle a failed allocation
            }
            arena->m_chunks.emplace_back(memory);
            arena->m_next = memory;
            arena->m_left = chunk;
            arena->m_nextChunk = std::min<size_t>(arena->m_nextChunk * 2, 8 * 1024 * 1024);
        }
        void* result = arena->m_next;
        arena->m_next += size;
        arena->m_left -= size;
        return result;
    }

    static void deallocate(void* /*userdata*/, void* /*pointer*/) {} // freed with the arena

    /// gumbo's parse, or nullptr when it ran over budget.
    GumboOutput* parse(const QByteArray& utf8, GumboTag fragmentContext)
    {
        GumboOptions options = kGumboDefaultOptions;
        options.fragment_context = fragmentContext;
        options.allocator = &Arena::allocate;
        options.deallocator = &Arena::deallocate;
        options.userdata = this;
        options.max_errors = 0; // never read; recording them copies the open-element stack each time
        m_limit = std::clamp(kParseBytesPerInputByte * size_t(utf8.size()), kMinParseBytes, kMaxParseBytes);
        return parseOrEscape(options, utf8);
    }

private:
    // Nothing with a destructor lives in this frame or in allocate(), so leaving by longjmp is defined.
    GumboOutput* parseOrEscape(const GumboOptions& options, const QByteArray& utf8)
    {
        if (setjmp(m_escape) != 0) {
            return nullptr;
        }
        return gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    }

    struct Free
    {
        void operator()(char* memory) const { std::free(memory); }
    };
    std::jmp_buf m_escape;
    std::vector<std::unique_ptr<char, Free>> m_chunks;
    char* m_next = nullptr;
    size_t m_left = 0;
    size_t m_nextChunk = 64 * 1024;
    size_t m_requested = 0;
    size_t m_limit = kMaxParseBytes;
    quint64 m_calls = 0;
    QElapsedTimer m_timer;
};

GumboDocument::GumboDocument(const QString& html, Context context)
    : m_utf8(html.left(kMaxInputChars).toUtf8())
    , m_context(context == Context::Content ? Context::Document : context)
{
    if (context == Context::Content) {
        m_simple = std::make_unique<SimpleHtmlTree>();
        m_simpleRoot = m_simple->build(m_utf8);
        if (m_simpleRoot) {
            return;
        }
        m_simple.reset();
    }
    m_arena = std::make_unique<Arena>();
    if (m_context == Context::Document) {
        m_utf8 = limitNesting(m_utf8, kMaxParseDepth, kMaxFormatting);
    }
    m_output = m_arena->parse(m_utf8, context == Context::Text ? GUMBO_TAG_TITLE : GUMBO_TAG_LAST);
    if (!m_output) {
        qCWarning(lcHtml) << "gave up parsing" << m_utf8.size() << "bytes of HTML: over the time or memory budget";
    }
}

GumboDocument::~GumboDocument() = default; // the arena owns every node; gumbo_destroy_output is not needed

const GumboNode* GumboDocument::root() const
{
    if (m_simpleRoot) {
        return m_simpleRoot;
    }
    return m_output && m_output->root && m_output->root->type == GUMBO_NODE_ELEMENT ? m_output->root : nullptr;
}

const GumboNode* GumboDocument::body() const
{
    if (m_simpleRoot) {
        return static_cast<const GumboNode*>(m_simpleRoot->v.element.children.data[1]);
    }
    if (!m_output || !m_output->root || m_output->root->type != GUMBO_NODE_ELEMENT) {
        return nullptr;
    }
    if (m_context == Context::Text) {
        return m_output->root; // a fragment's nodes are the children of its <html> root
    }
    const GumboVector& children = m_output->root->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) {
            return child;
        }
    }
    return nullptr;
}

} // namespace folio::html::detail
