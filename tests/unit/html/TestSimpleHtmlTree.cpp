// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SimpleHtmlTree builds the tree of plain HTML without gumbo. Wherever it accepts an input, its tree
// must be gumbo's, node for node (type, tag, attributes in order, text): the sanitizer and the text
// extraction walk it, and stored content must not change with the parser that built it.
#include "html/SimpleHtmlTree.h"

#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <gumbo.h>

#include <array>

using namespace Qt::StringLiterals;
using folio::html::detail::SimpleHtmlTree;

namespace {

void dump(const GumboNode* node, QByteArray& out, int depth)
{
    out += QByteArray(depth * 2, ' ');
    switch (node->type) {
    case GUMBO_NODE_ELEMENT: {
        const GumboElement& e = node->v.element;
        out += '<';
        out += gumbo_normalized_tagname(e.tag);
        out += " ns=" + QByteArray::number(int(e.tag_namespace));
        for (unsigned int i = 0; i < e.attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
            out += ' ';
            out += a->name;
            out += "=\"";
            out += a->value;
            out += '"';
        }
        out += ">\n";
        for (unsigned int i = 0; i < e.children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
            QCOMPARE(child->parent, node);
            QCOMPARE(child->index_within_parent, size_t(i));
            dump(child, out, depth + 1);
        }
        break;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
        out += node->type == GUMBO_NODE_TEXT ? "text " : "space ";
        out += '"';
        out += node->v.text.text;
        out += "\"\n";
        break;
    default:
        out += "other " + QByteArray::number(int(node->type)) + '\n';
        break;
    }
}

QByteArray dumpOf(const GumboNode* root)
{
    QByteArray out;
    dump(root, out, 0);
    return out;
}

/// True when SimpleHtmlTree accepts html; then its tree must equal gumbo's.
bool compareWithGumbo(const QByteArray& html)
{
    SimpleHtmlTree simple;
    const GumboNode* root = simple.build(html);
    if (!root) {
        return false;
    }
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.constData(), size_t(html.size()));
    const QByteArray expected = dumpOf(output->root);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    const QByteArray actual = dumpOf(root);
    if (actual != expected) {
        qWarning().noquote() << "input:" << html << "\ngumbo:\n" << expected << "\nsimple:\n" << actual;
    }
    return actual == expected ? true : (QTest::qFail("trees differ", __FILE__, __LINE__), true);
}

/// Mostly plain HTML, with a few of the shapes the fast path must refuse.
QByteArray randomHtml(QRandomGenerator& random, bool plain)
{
    static const std::array<const char*, 34> kOpen = {
        "<p>", "<p class=\"x\">", "<div>", "<span>", "<a href=\"/x\">", "<a href='https://e.org/?a=1&amp;b=2'>",
        "<b>", "<i>", "<em>", "<strong>", "<ul>", "<ol>", "<li>", "<h1>", "<h2>", "<blockquote>", "<br>", "<br/>",
        "<img src=\"a.png\" alt=\"A &quot;x&quot;\">", "<img src=\"b.png\" width=\"1\" height=\"1\" />", "<img hidden>",
        "<code>", "<q>", "<sup>", "<figure>", "<figcaption>", "<section>", "<time datetime=\"2024\">", "<small>",
        "<a href=\"x\" href=\"y\">", "<P>", "<pre>", "<table>", "<font>"};
    static const std::array<const char*, 24> kClose = {
        "</p>", "</div>", "</span>", "</a>", "</b>", "</i>", "</em>", "</strong>", "</ul>", "</ol>", "</li>",
        "</h1>", "</h2>", "</blockquote>", "</code>", "</q>", "</sup>", "</figure>", "</figcaption>", "</section>",
        "</time>", "</small>", "</br>", "</p >"};
    static const std::array<const char*, 26> kText = {
        "word", "two words", " ", "  ", "\n", "\t", "x\ny", "&amp;", "&lt;b&gt;", "&nbsp;", "&#8217;", "&#x41;",
        "&#32;", "&#150;", "&eacute;", "\"q\"", "caf\xC3\xA9", "1 > 0", "\xC2\xA0", "\xE4\xB8\xAD", "\f",
        "a<b", "&", "<!-- c -->", "\r\n", "\xC2\x85"};
    QByteArray html;
    const int tokens = 1 + int(random.bounded(30));
    const quint32 openCount = plain ? 29 : quint32(kOpen.size());
    const quint32 closeCount = plain ? 22 : quint32(kClose.size());
    const quint32 textCount = plain ? 20 : quint32(kText.size());
    for (int i = 0; i < tokens; ++i) {
        const quint32 kind = random.bounded(10);
        if (kind < 4) {
            html += kOpen[random.bounded(openCount)];
        } else if (kind < 6) {
            html += kClose[random.bounded(closeCount)];
        } else {
            html += kText[random.bounded(textCount)];
        }
    }
    return html;
}

} // namespace

class TestSimpleHtmlTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsPlainHtml_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::newRow("paragraphs") << "<p>one</p><p>two <a href=\"https://e.org/a\">link</a></p>"_ba;
        QTest::newRow("image") << "<p>x</p><img src=\"https://e.org/i.jpg\" alt=\"Alt\"><p>y</p>"_ba;
        QTest::newRow("leading space") << " \n <p>x</p>\n"_ba;
        QTest::newRow("text only") << "just text"_ba;
        QTest::newRow("references") << "<p>a &amp; b &lt;c&gt; &quot;d&quot; &#8217; &#x1F600; &nbsp;</p>"_ba;
        QTest::newRow("unclosed at the end") << "<p>one <b>two"_ba;
        QTest::newRow("list") << "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>"_ba;
        QTest::newRow("bare attribute") << "<img src='x.png' hidden>"_ba;
        QTest::newRow("heading in div") << "<div><h2>t</h2><p>x<br/>y</p></div>"_ba;
    }

    void acceptsPlainHtml()
    {
        QFETCH(QByteArray, html);
        QVERIFY(compareWithGumbo(html));
    }

    void refusesWhatGumboRestructures_data()
    {
        QTest::addColumn<QByteArray>("html");
        for (const char* html :
             {"<p>a<p>b", "<p>a<div>b</div>", "<b>1<p>2</b>3</p>", "<a href=x>y</a>", "<a><a>x</a></a>",
              "<P>x</P>", "<p>x</div>", "<li>x", "<h1>a<h2>b</h2></h1>", "<table><tr><td>x</td></tr></table>",
              "<pre>\nx</pre>", "a<!-- c -->b", "<!DOCTYPE html><p>x", "a\r\nb", "caf&eacute;", "&#32;x",
              "&#150;", "x&y", "<p/>", "<img src=\"a\" src=\"b\">", "a < b", "<br></br>", "</p>",
              "<font>x</font>", "<p>\xC2\x85</p>"}) {
            QTest::newRow(html) << QByteArray(html);
        }
        QTest::newRow("NUL") << QByteArray("a\0b", 3);
    }

    void refusesWhatGumboRestructures()
    {
        QFETCH(QByteArray, html);
        SimpleHtmlTree simple;
        QVERIFY(simple.build(html) == nullptr);
    }

    void matchesGumboOnRandomInput()
    {
        QRandomGenerator random(20260);
        int accepted = 0;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray html = randomHtml(random, i % 2 == 0);
            accepted += compareWithGumbo(html) ? 1 : 0;
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QVERIFY2(accepted > 1000, qPrintable(QString::number(accepted))); // the comparison must see many trees
    }

    void matchesGumboOnFixtures()
    {
        QStringList files;
        for (const char* page : {"blog", "docs", "news", "tables"}) {
            files << QString::fromUtf8(FOLIO_SOURCE_DIR) + u"/tests/data/pages/%1.html"_s.arg(QLatin1StringView(page));
        }
        QDir seeds(QStringLiteral(FOLIO_SOURCE_DIR "/tests/fuzz/seeds/html"));
        for (const QString& name : seeds.entryList(QDir::Files)) {
            files << seeds.filePath(name);
        }
        for (const QString& path : std::as_const(files)) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            compareWithGumbo(file.readAll());
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSimpleHtmlTree)
#include "TestSimpleHtmlTree.moc"
