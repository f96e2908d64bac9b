// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/HtmlText.h"

#include "domain/WebUrl.h"
#include "html/GumboDocument.h"
#include "html/ReparsedText.h"
#include "html/TextCollector.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <gumbo.h>

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace folio::html {

namespace {

using detail::isCollapsibleSpace;
using detail::trimCollapsible;
using detail::blockBreaks;
using detail::keepsWhiteSpace;
using detail::TextCollector;

// Soft cap on the produced text; the walk stops and closes what it opened once it is passed.
constexpr qsizetype kMaxOutputChars = 4 * 1024 * 1024;
// Elements nested deeper than this are unwrapped (their text is kept, their tags are not).
constexpr int kMaxDepth = 256;
// sanitizeWithText() parses an output longer than this again, as toPlainText() would cut it.
constexpr qsizetype kMaxReparsedChars = detail::kMaxInputChars / 2;

enum class Policy { Keep, Unwrap, Drop };

/// Lower-case name of an element gumbo does not know (e.g. <picture> in gumbo 0.10), from its source text.
QByteArray unknownTagName(const GumboElement& element)
{
    const GumboStringPiece& piece = element.original_tag;
    QByteArray name;
    size_t i = (piece.length > 0 && piece.data[0] == '<') ? 1 : 0;
    for (; i < piece.length && name.size() < 64; ++i) {
        const char c = piece.data[i];
        if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            break;
        }
        name.append(c);
    }
    return name.toLower();
}

Policy policyFor(const GumboElement& element)
{
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) {
        return Policy::Drop; // SVG/MathML content (its root is dropped too)
    }
    switch (element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_I: case GUMBO_TAG_EM:
    case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_SMALL: case GUMBO_TAG_BIG: case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q: case GUMBO_TAG_CITE: case GUMBO_TAG_ABBR: case GUMBO_TAG_CODE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_VAR: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TH: case GUMBO_TAG_TD: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_IMG: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TIME: case GUMBO_TAG_ADDRESS:
        return Policy::Keep;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FORM: case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    // Fallback content browsers never show; gumbo keeps it as raw text, which would surface as markup.
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return Policy::Drop;
    case GUMBO_TAG_UNKNOWN:
        return unknownTagName(element) == "picture" ? Policy::Keep : Policy::Unwrap;
    default:
        return Policy::Unwrap;
    }
}

/// Block elements outside the allow-list keep their line structure as a bare <div> (lists as <ul>,
/// preformatted text as <pre>); an empty result means the element is unwrapped.
GumboTag replacementFor(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
        return GUMBO_TAG_DIV;
    case GUMBO_TAG_DIR: case GUMBO_TAG_MENU:
        return GUMBO_TAG_UL;
    case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        return GUMBO_TAG_PRE;
    default:
        return GUMBO_TAG_UNKNOWN;
    }
}

QLatin1StringView tagName(const GumboElement& element)
{
    if (element.tag == GUMBO_TAG_UNKNOWN) {
        return "picture"_L1; // the only unknown tag policyFor() keeps
    }
    return QLatin1StringView(gumbo_normalized_tagname(element.tag));
}

bool isVoid(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_COL;
}

const GumboVector& childrenOf(const GumboNode* node)
{
    return node->v.element.children; // document nodes are never walked
}

void appendEscaped(QString& out, QStringView text)
{
    qsizetype from = 0; // start of the run of characters not yet appended
    for (qsizetype i = 0; i < text.size(); ++i) {
        QLatin1StringView reference;
        switch (text[i].unicode()) {
        case u'&':
            reference = "&amp;"_L1;
            break;
        case u'<':
            reference = "&lt;"_L1;
            break;
        case u'>':
            reference = "&gt;"_L1;
            break;
        case u'"':
            reference = "&quot;"_L1;
            break;
        default:
            continue;
        }
        out += text.sliced(from, i - from);
        out += reference;
        from = i + 1;
    }
    out += text.sliced(from);
}

// ---------------------------------------------------------------------------------------------
// sanitize()

enum class UrlUse { Link, Image, Citation };

bool isAsciiDigits(QStringView s, qsizetype maxDigits)
{
    return !s.isEmpty() && s.size() <= maxDigits
           && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

/// A data:image/<subtype>[;params],payload URL (the only data: URLs let through, for <img src>).
bool isDataImageUrl(QStringView url)
{
    if (!url.startsWith("data:image/"_L1, Qt::CaseInsensitive)) {
        return false;
    }
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0) {
        return false;
    }
    const QStringView type = url.mid(11, comma - 11);
    return std::all_of(type.begin(), type.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'+' || c == u'-' || c == u'.' || c == u';' || c == u'=' || c == u'_';
    });
}

/// The value of a raw attribute (lower-case name), or a null string.
QString rawAttribute(const GumboElement& element, const char* name)
{
    const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute ? QString::fromUtf8(attribute->value) : QString();
}

/// A length in CSS pixels (`0`, `1px`, `0.5px`); negative when it is not one.
double pixelLength(QStringView value)
{
    QStringView v = value.trimmed();
    if (v.endsWith("px"_L1, Qt::CaseInsensitive)) {
        v.chop(2);
    }
    bool ok = false;
    const double n = v.trimmed().toDouble(&ok);
    return ok && n >= 0 ? n : -1;
}

/// Web beacons: an image of 1x1 or 0x0 pixels (attributes or inline style), one with a zero
/// dimension, or one that is hidden. They carry no content and only report that it was read.
bool isTrackingPixel(const GumboElement& element)
{
    if (gumbo_get_attribute(&element.attributes, "hidden")) {
        return true;
    }
    QString style = rawAttribute(element, "style").toLower();
    style.remove(u' ');
    if (style.contains("display:none"_L1) || style.contains("visibility:hidden"_L1)) {
        return true;
    }
    const auto styleValue = [&style](QLatin1StringView property) -> QString {
        for (const QString& declaration : style.split(u';')) {
            if (declaration.startsWith(property + u':')) {
                return declaration.mid(property.size() + 1);
            }
        }
        return {};
    };
    QString width = styleValue("width"_L1);
    QString height = styleValue("height"_L1);
    if (width.isEmpty()) {
        width = rawAttribute(element, "width");
    }
    if (height.isEmpty()) {
        height = rawAttribute(element, "height");
    }
    const double w = width.isEmpty() ? -1 : pixelLength(width);
    const double h = height.isEmpty() ? -1 : pixelLength(height);
    const bool zero = (w >= 0 && w < 0.5) || (h >= 0 && h < 0.5);
    return zero || (w >= 0 && w <= 1 && h >= 0 && h <= 1);
}

class Sanitizer
{
public:
    /// text, when given, follows the output as it is written (sanitizeWithText()).
    explicit Sanitizer(const QUrl& baseUrl, detail::ReparsedText* text = nullptr)
        : m_base(baseUrl.isValid() && !baseUrl.isRelative() ? baseUrl : QUrl())
        , m_text(text)
    {
    }

    QString run(const GumboNode* body);

private:
    struct Frame
    {
        const GumboNode* node;
        unsigned int next;
        QLatin1StringView closeTag; // empty when the element was unwrapped
    };
    using Attributes = QList<std::pair<QLatin1StringView, QString>>;

    void enterElement(const GumboNode* node, std::vector<Frame>& stack);
    Attributes allowedAttributes(const GumboElement& element) const;
    QString safeUrl(const char* raw, UrlUse use) const;

    QUrl m_base;
    QString m_out;
    int m_keptDepth = 0;
    detail::ReparsedText* m_text;
};

QString Sanitizer::run(const GumboNode* body)
{
    std::vector<Frame> stack;
    stack.push_back({body, 0, {}});
    while (!stack.empty()) {
        const GumboVector& children = childrenOf(stack.back().node);
        if (stack.back().next >= children.length || m_out.size() > kMaxOutputChars) {
            if (!stack.back().closeTag.isEmpty()) {
                m_out += "</"_L1;
                m_out += stack.back().closeTag;
                m_out += u'>';
                --m_keptDepth;
                if (m_text) {
                    m_text->close();
                }
            }
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[stack.back().next++]);
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA: {
            const QString text = QString::fromUtf8(child->v.text.text).left(kMaxOutputChars - m_out.size() + 1);
            appendEscaped(m_out, text);
            if (m_text) {
                m_text->text(text);
            }
            break;
        }
        case GUMBO_NODE_ELEMENT:
            enterElement(child, stack);
            break;
        default: // comments, templates
            break;
        }
    }
    // Leading and trailing white space means nothing in HTML (and the parser drops the leading part).
    const QStringView trimmed = trimCollapsible(m_out);
    return trimmed.size() == m_out.size() ? m_out : trimmed.toString();
}

void Sanitizer::enterElement(const GumboNode* node, std::vector<Frame>& stack)
{
    const GumboElement& element = node->v.element;
    const Policy policy = policyFor(element);
    if (policy == Policy::Drop) {
        return;
    }
    // The element as a parser of the output reads it (its tag, or the one that replaces it).
    GumboTag written = policy == Policy::Keep ? element.tag : replacementFor(element.tag);
    QLatin1StringView name = policy == Policy::Keep ? tagName(element)
                             : written != GUMBO_TAG_UNKNOWN ? QLatin1StringView(gumbo_normalized_tagname(written))
                                                            : QLatin1StringView();
    Attributes attributes;
    if (policy == Policy::Keep) {
        attributes = allowedAttributes(element);
        const auto has = [&attributes](QLatin1StringView attribute) {
            return std::any_of(attributes.cbegin(), attributes.cend(),
                               [attribute](const auto& pair) { return pair.first == attribute; });
        };
        if (element.tag == GUMBO_TAG_IMG && (!has("src"_L1) || isTrackingPixel(element))) {
            return; // nothing to show
        }
        if (element.tag == GUMBO_TAG_A && !has("href"_L1)) {
            name = {};
        }
    }
    if (m_keptDepth >= kMaxDepth && !isVoid(element.tag)) {
        name = {};
        if (m_text) {
            m_text->giveUp(); // the nesting limit of the text is far below this
        }
    }
    if (name.isEmpty()) {
        stack.push_back({node, 0, {}}); // unwrapped: the children are walked, the tag is not written
        return;
    }
    m_out += u'<';
    m_out += name;
    for (const auto& [attribute, value] : std::as_const(attributes)) {
        m_out += u' ';
        m_out += attribute;
        m_out += "=\""_L1;
        appendEscaped(m_out, value);
        m_out += u'"';
    }
    m_out += u'>';
    if (!isVoid(element.tag)) {
        stack.push_back({node, 0, name});
        ++m_keptDepth;
        if (m_text) {
            m_text->open(written);
        }
    } else if (m_text) {
        m_text->voidElement(written);
    }
}

Sanitizer::Attributes Sanitizer::allowedAttributes(const GumboElement& element) const
{
    Attributes result;
    const GumboTag tag = element.tag;
    for (unsigned int i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        const QByteArray name = QByteArray(attribute->name).toLower();
        const auto keep = [&result](QLatin1StringView key, const QString& value) {
            if (!value.isNull()) {
                result.append({key, value});
            }
        };
        const QString text = QString::fromUtf8(attribute->value);
        const QString trimmed = text.trimmed();
        if (tag == GUMBO_TAG_A && name == "href") {
            keep("href"_L1, safeUrl(attribute->value, UrlUse::Link));
        } else if (tag == GUMBO_TAG_IMG && name == "src") {
            keep("src"_L1, safeUrl(attribute->value, UrlUse::Image));
        } else if ((tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_Q) && name == "cite") {
            keep("cite"_L1, safeUrl(attribute->value, UrlUse::Citation));
        } else if (name == "title" && (tag == GUMBO_TAG_A || tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_ABBR)) {
            keep("title"_L1, text);
        } else if (tag == GUMBO_TAG_IMG && name == "alt") {
            keep("alt"_L1, text);
        } else if (tag == GUMBO_TAG_IMG && (name == "width" || name == "height") && isAsciiDigits(trimmed, 5)) {
            keep(name == "width" ? "width"_L1 : "height"_L1, trimmed);
        } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && (name == "colspan" || name == "rowspan")
                   && isAsciiDigits(trimmed, 9)) {
            // The HTML spec clamps spans at 1000 (colspan) / 65534 (rowspan); we clamp both at 1000 so a
            // hostile table cannot make the reader pane lay out a huge grid.
            keep(name == "colspan" ? "colspan"_L1 : "rowspan"_L1, QString::number(std::min(trimmed.toInt(), 1000)));
        } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && name == "align") {
            const QString align = trimmed.toLower();
            if (align == "left"_L1 || align == "center"_L1 || align == "right"_L1 || align == "justify"_L1) {
                keep("align"_L1, align);
            }
        } else if (tag == GUMBO_TAG_OL && name == "start") {
            const bool negative = trimmed.startsWith(u'-');
            if (isAsciiDigits(QStringView(trimmed).mid(negative ? 1 : 0), 9)) {
                keep("start"_L1, trimmed);
            }
        } else if (tag == GUMBO_TAG_TIME && name == "datetime") {
            keep("datetime"_L1, text);
        }
    }
    return result;
}

QString Sanitizer::safeUrl(const char* raw, UrlUse use) const
{
    // Like the WHATWG URL parser: drop tab/newline anywhere, C0 controls and spaces at both ends.
    QString s = QString::fromUtf8(raw);
    s.removeIf([](QChar c) { return c == u'\t' || c == u'\n' || c == u'\r'; });
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && s.at(begin).unicode() <= 0x20) {
        ++begin;
    }
    while (end > begin && s.at(end - 1).unicode() <= 0x20) {
        --end;
    }
    s = s.mid(begin, end - begin);
    if (s.isEmpty()) {
        return {};
    }
    if (use == UrlUse::Image && isDataImageUrl(s)) {
        return s; // kept verbatim: re-encoding a large payload through QUrl gains nothing
    }
    if (weburl::isCanonical(s)) {
        return s; // absolute, and what QUrl would make of it
    }
    QUrl url(s, QUrl::TolerantMode);
    if (!url.isValid()) {
        return {};
    }
    if (url.isRelative()) {
        if (m_base.isEmpty()) {
            return {};
        }
        url = m_base.resolved(url);
    }
    const QString scheme = url.scheme().toLower();
    const bool web = (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
    const bool mail = scheme == "mailto"_L1 && use == UrlUse::Link;
    if (!web && !mail) {
        return {};
    }
    return url.toString(QUrl::FullyEncoded);
}

// ---------------------------------------------------------------------------------------------
// toPlainText()

QString collectText(const GumboNode* body)
{
    struct Frame
    {
        const GumboNode* node;
        unsigned int next;
        int breaks;
        bool cell;
        bool preformatted;
    };
    TextCollector collector;
    std::vector<Frame> stack;
    stack.push_back({body, 0, 0, false, false});
    while (!stack.empty()) {
        const GumboVector& children = childrenOf(stack.back().node);
        if (stack.back().next >= children.length || collector.size() > kMaxOutputChars) {
            collector.requestBreaks(stack.back().breaks);
            if (stack.back().cell) {
                collector.space();
            }
            stack.pop_back();
            continue;
        }
        const bool preformatted = stack.back().preformatted;
        const auto* child = static_cast<const GumboNode*>(children.data[stack.back().next++]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
            collector.text(QString::fromUtf8(child->v.text.text), preformatted);
            continue;
        }
        if (child->type != GUMBO_NODE_ELEMENT) {
            continue;
        }
        const GumboElement& element = child->v.element;
        if (policyFor(element) == Policy::Drop) {
            continue; // the same content sanitize() drops is invisible here too
        }
        if (element.tag == GUMBO_TAG_BR) {
            collector.lineBreak();
            continue;
        }
        const int breaks = blockBreaks(element.tag);
        const bool cell = element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH;
        collector.requestBreaks(breaks);
        if (cell) {
            collector.space();
        }
        stack.push_back({child, 0, breaks, cell, preformatted || keepsWhiteSpace(element.tag)});
    }
    return collector.finish();
}

} // namespace

QString sanitize(const QString& html, const QUrl& baseUrl)
{
    if (trimCollapsible(html).isEmpty()) {
        return {};
    }
    const detail::GumboDocument document(html, detail::GumboDocument::Context::Content);
    const GumboNode* body = document.body();
    return body ? Sanitizer(baseUrl).run(body) : QString();
}

SanitizedHtml sanitizeWithText(const QString& html, const QUrl& baseUrl)
{
    if (trimCollapsible(html).isEmpty()) {
        return {};
    }
    const detail::GumboDocument document(html, detail::GumboDocument::Context::Content);
    const GumboNode* body = document.body();
    if (!body) {
        return {};
    }
    detail::ReparsedText text(html.size() / 2);
    SanitizedHtml result;
    result.html = Sanitizer(baseUrl, &text).run(body);
    if (result.html.isEmpty()) {
        return {};
    }
    if (text.failed() || result.html.size() > kMaxReparsedChars) {
        result.text = toPlainText(result.html); // the rare output the model does not follow
    } else {
        result.text = text.finish();
    }
    return result;
}

QString toPlainText(const QString& html)
{
    if (trimCollapsible(html).isEmpty()) {
        return {};
    }
    if (!html.contains(u'<') && !html.contains(u'&') && !html.contains(QChar(0))) {
        // No markup and no entities, like most feed titles: the parser would hand back the text as is.
        TextCollector collector;
        collector.text(QStringView(html).left(detail::kMaxInputChars), false);
        return collector.finish();
    }
    const detail::GumboDocument document(html, detail::GumboDocument::Context::Content);
    const GumboNode* body = document.body();
    return body ? collectText(body) : QString();
}

QString decodeEntities(const QString& text)
{
    if (!text.contains(u'&')) {
        QString normalised = text; // what the parser does to input without references
        normalised.replace(u"\r\n"_s, u"\n"_s);
        normalised.replace(u'\r', u'\n');
        normalised.replace(QChar(0), QChar::ReplacementCharacter);
        return normalised;
    }
    const detail::GumboDocument document(text, detail::GumboDocument::Context::Text);
    const GumboNode* root = document.body();
    if (!root) {
        return {};
    }
    QString decoded;
    const GumboVector& children = childrenOf(root);
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
            decoded += QString::fromUtf8(child->v.text.text);
        }
    }
    return decoded;
}

} // namespace folio::html
