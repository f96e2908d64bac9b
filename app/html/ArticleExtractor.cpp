// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/ArticleExtractor.h"

#include "html/GumboDocument.h"
#include "html/HtmlText.h"

#include <QHash>
#include <QRegularExpression>

#include <gumbo.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio::html {

namespace {

using Node = GumboNode;

// Names that mean "not the article" and "the article" (after Arc90's readability).
const QRegularExpression& unlikelyRe()
{
    static const QRegularExpression re(
        u"banner|breadcrumb|combx|comment|community|consent|cookie|disqus|extra|foot|gdpr|header|legends|menu|"
        "modal|newsletter|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|"
        "subscribe|popup|promo|advert|ad-break|agegate|pagination|pager|tweet|twitter|facebook|signup|"
        "navbar|nav-|-nav|widget|toolbar|outbrain|taboola|feedback|survey|rating"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& maybeRe()
{
    static const QRegularExpression re(u"and|article|body|column|content|main|shadow|post|story|entry"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& positiveRe()
{
    static const QRegularExpression re(
        u"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& negativeRe()
{
    static const QRegularExpression re(
        u"hidden|banner|combx|comment|com-|contact|cookie|consent|foot|footer|footnote|gdpr|masthead|meta|"
        "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|social|tags|tool|"
        "widget|newsletter|subscribe|byline-share|nav|feedback|survey|rating"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString attribute(const Node* node, const char* name)
{
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

QString classAndId(const Node* node)
{
    return attribute(node, "class") + u' ' + attribute(node, "id");
}

bool isElement(const Node* node)
{
    return node->type == GUMBO_NODE_ELEMENT;
}

GumboTag tagOf(const Node* node)
{
    return node->v.element.tag;
}

const GumboVector& children(const Node* node)
{
    return node->v.element.children;
}

/// Elements never part of an article, whatever their score.
bool isRemoved(const Node* node)
{
    switch (tagOf(node)) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD:
        return true;
    default:
        break;
    }
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")
        || attribute(node, "aria-hidden").compare("true"_L1, Qt::CaseInsensitive) == 0) {
        return true;
    }
    QString style = attribute(node, "style").toLower();
    style.remove(u' ');
    if (style.contains("display:none"_L1) || style.contains("visibility:hidden"_L1)) {
        return true;
    }
    const QString role = attribute(node, "role").toLower();
    if (role == "navigation"_L1 || role == "complementary"_L1 || role == "contentinfo"_L1 || role == "banner"_L1
        || role == "dialog"_L1 || role == "alertdialog"_L1 || role == "menu"_L1 || role == "search"_L1) {
        return true;
    }
    const GumboTag tag = tagOf(node);
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_A) {
        return false;
    }
    const QString names = classAndId(node);
    return unlikelyRe().match(names).hasMatch() && !maybeRe().match(names).hasMatch();
}

bool hasBlockChild(const Node* node)
{
    const GumboVector& kids = children(node);
    for (unsigned int i = 0; i < kids.length; ++i) {
        const auto* child = static_cast<const Node*>(kids.data[i]);
        if (isElement(child)) {
            switch (tagOf(child)) {
            case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
            case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
                return true;
            default:
                break;
            }
        }
    }
    return false;
}

struct Stats
{
    qsizetype text = 0;
    qsizetype linkText = 0;
    int commas = 0;
    double score = 0;
    bool scored = false;
};

class Extractor
{
public:
    const Node* run(const Node* body)
    {
        measure(body, false, 0);
        scoreParagraphs(body, 0);
        const Node* best = nullptr;
        double bestScore = 0;
        for (auto it = m_stats.begin(); it != m_stats.end(); ++it) {
            if (!it->scored) {
                continue;
            }
            const double score = it->score * (1.0 - linkDensity(it.key()));
            it->score = score;
            if (!best || score > bestScore) {
                best = it.key();
                bestScore = score;
            }
        }
        m_bestScore = bestScore;
        return best ? best : body;
    }

    double linkDensity(const Node* node) const
    {
        const Stats s = m_stats.value(node);
        return s.text > 0 ? double(s.linkText) / double(s.text) : 0.0;
    }

    const Stats stats(const Node* node) const { return m_stats.value(node); }
    double bestScore() const { return m_bestScore; }

private:
    // Text lengths per element, without removed subtrees; link text counted separately.
    Stats measure(const Node* node, bool inLink, int depth)
    {
        Stats total;
        const GumboVector& kids = children(node);
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto* child = static_cast<const Node*>(kids.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
                const QString text = QString::fromUtf8(child->v.text.text).simplified();
                total.text += text.size();
                total.commas += int(text.count(u',') + text.count(u'\uFF0C'));
                if (inLink) {
                    total.linkText += text.size();
                }
            } else if (isElement(child) && !isRemoved(child) && depth < 512) {
                const Stats s = measure(child, inLink || tagOf(child) == GUMBO_TAG_A, depth + 1);
                total.text += s.text;
                total.linkText += s.linkText;
                total.commas += s.commas;
            }
        }
        m_stats.insert(node, total);
        return total;
    }

    double initialScore(const Node* node) const
    {
        double score = 0;
        switch (tagOf(node)) {
        case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION:
            score = 5;
            break;
        case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
            score = 3;
            break;
        case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
            score = -3;
            break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_TH:
            score = -5;
            break;
        default:
            break;
        }
        if (tagOf(node) == GUMBO_TAG_ARTICLE || tagOf(node) == GUMBO_TAG_MAIN) {
            score += 10;
        }
        const QString names = classAndId(node);
        if (negativeRe().match(names).hasMatch()) {
            score -= 25;
        }
        if (positiveRe().match(names).hasMatch()) {
            score += 25;
        }
        return score;
    }

    void addScore(const Node* node, double amount)
    {
        if (!node || !isElement(node) || tagOf(node) == GUMBO_TAG_HTML) {
            return;
        }
        Stats& s = m_stats[node];
        if (!s.scored) {
            s.scored = true;
            s.score = initialScore(node);
        }
        s.score += amount;
    }

    void scoreParagraphs(const Node* node, int depth)
    {
        const GumboVector& kids = children(node);
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto* child = static_cast<const Node*>(kids.data[i]);
            if (!isElement(child) || isRemoved(child) || depth > 512) {
                continue;
            }
            const GumboTag tag = tagOf(child);
            // A table cell counts as a paragraph only when it holds text, not paragraphs of its own.
            const bool textCell = tag == GUMBO_TAG_TD && !hasBlockChild(child);
            if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || textCell || tag == GUMBO_TAG_BLOCKQUOTE) {
                const Stats s = m_stats.value(child);
                if (s.text >= 25) {
                    const double score = 1.0 + s.commas + std::min<double>(double(s.text / 100), 3.0);
                    const Node* parent = child->parent;
                    addScore(parent, score);
                    if (parent && parent->parent) {
                        addScore(parent->parent, score / 2);
                        if (parent->parent->parent) {
                            addScore(parent->parent->parent, score / 3);
                        }
                    }
                }
            }
            scoreParagraphs(child, depth + 1);
        }
    }

    QHash<const Node*, Stats> m_stats;
    double m_bestScore = 0;
};

bool isVoidTag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
        return true;
    default:
        return false;
    }
}

void appendEscaped(QString& out, const QString& text)
{
    out += text.toHtmlEscaped();
}

class Writer
{
public:
    explicit Writer(const Extractor& extractor)
        : m_extractor(extractor)
    {
    }

    void write(const Node* node, int depth)
    {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
            appendEscaped(m_out, QString::fromUtf8(node->v.text.text));
            return;
        }
        if (!isElement(node) || isRemoved(node) || depth > 512 || isClutter(node)) {
            return;
        }
        const GumboTag tag = tagOf(node);
        const QLatin1StringView name(gumbo_normalized_tagname(tag));
        const bool writeTag = tag != GUMBO_TAG_UNKNOWN && tag != GUMBO_TAG_BODY;
        if (writeTag) {
            m_out += u'<' + QString(name);
            const GumboVector& attributes = node->v.element.attributes;
            for (unsigned int i = 0; i < attributes.length; ++i) {
                const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
                m_out += u' ' + QString::fromUtf8(a->name) + "=\""_L1;
                appendEscaped(m_out, QString::fromUtf8(a->value));
                m_out += u'"';
            }
            m_out += u'>';
        }
        if (isVoidTag(tag)) {
            return;
        }
        const GumboVector& kids = children(node);
        for (unsigned int i = 0; i < kids.length; ++i) {
            write(static_cast<const Node*>(kids.data[i]), depth + 1);
        }
        if (writeTag) {
            m_out += "</"_L1 + QString(name) + u'>';
        }
    }

    QString result() const { return m_out; }

private:
    // Readability's "conditional clean": lists, tables and blocks inside the article that are
    // mostly links (related stories, tag clouds, share bars) or are marked as clutter by their names.
    bool isClutter(const Node* node) const
    {
        const GumboTag tag = tagOf(node);
        if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_TABLE
            && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_P) {
            return false;
        }
        const Stats s = m_extractor.stats(node);
        const double density = m_extractor.linkDensity(node);
        if (s.text > 0 && density > 0.5 && s.text < 1000) {
            return true;
        }
        const QString names = classAndId(node);
        return tag != GUMBO_TAG_P && negativeRe().match(names).hasMatch() && !positiveRe().match(names).hasMatch();
    }

    const Extractor& m_extractor;
    QString m_out;
};

const Node* findFirst(const Node* node, GumboTag tag, int depth)
{
    if (!isElement(node) || depth > 512) {
        return nullptr;
    }
    if (tagOf(node) == tag) {
        return node;
    }
    const GumboVector& kids = children(node);
    for (unsigned int i = 0; i < kids.length; ++i) {
        if (const Node* found = findFirst(static_cast<const Node*>(kids.data[i]), tag, depth + 1)) {
            return found;
        }
    }
    return nullptr;
}

QString textOf(const Node* node)
{
    QString out;
    const GumboVector& kids = children(node);
    for (unsigned int i = 0; i < kids.length; ++i) {
        const auto* child = static_cast<const Node*>(kids.data[i]);
        if (child->type == GUMBO_NODE_TEXT) {
            out += QString::fromUtf8(child->v.text.text);
        } else if (isElement(child)) {
            out += textOf(child);
        }
    }
    return out.simplified();
}

QString titleOf(const Node* root)
{
    const Node* head = findFirst(root, GUMBO_TAG_HEAD, 0);
    if (head) {
        const GumboVector& kids = children(head);
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto* child = static_cast<const Node*>(kids.data[i]);
            if (isElement(child) && tagOf(child) == GUMBO_TAG_META && attribute(child, "property") == "og:title"_L1) {
                const QString title = attribute(child, "content").simplified();
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        if (const Node* title = findFirst(head, GUMBO_TAG_TITLE, 0)) {
            const QString text = textOf(title);
            if (!text.isEmpty()) {
                return text;
            }
        }
    }
    const Node* h1 = findFirst(root, GUMBO_TAG_H1, 0);
    return h1 ? textOf(h1) : QString();
}

} // namespace

ExtractedArticle extractArticle(const QString& pageHtml, const QUrl& pageUrl)
{
    ExtractedArticle article;
    const detail::GumboDocument document(pageHtml);
    const Node* root = document.root();
    const Node* body = document.body();
    if (!root || !body) {
        return article;
    }
    article.title = titleOf(root);
    Extractor extractor;
    const Node* best = extractor.run(body);
    Writer writer(extractor);
    // The winner and those of its siblings that look like part of the same article.
    const Node* parent = best->parent;
    if (best != body && parent && isElement(parent)) {
        const double threshold = std::max(10.0, extractor.bestScore() * 0.2);
        const GumboVector& siblings = children(parent);
        for (unsigned int i = 0; i < siblings.length; ++i) {
            const auto* sibling = static_cast<const Node*>(siblings.data[i]);
            if (!isElement(sibling)) {
                continue;
            }
            const Stats s = extractor.stats(sibling);
            bool append = sibling == best;
            if (!append && s.scored && s.score >= threshold) {
                append = true;
            } else if (!append && tagOf(sibling) == GUMBO_TAG_P) {
                const double density = extractor.linkDensity(sibling);
                append = (s.text > 80 && density < 0.25) || (s.text > 0 && s.text <= 80 && density == 0.0 && s.commas > 0);
            }
            if (append) {
                writer.write(sibling, 0);
            }
        }
    } else {
        writer.write(best, 0);
    }
    SanitizedHtml content = sanitizeWithText(writer.result(), pageUrl);
    article.html = std::move(content.html);
    article.text = std::move(content.text);
    if (article.text.isEmpty()) {
        article.html.clear();
    }
    return article;
}

} // namespace folio::html
