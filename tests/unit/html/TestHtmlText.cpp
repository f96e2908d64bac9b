// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/HtmlText.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using folio::html::decodeEntities;
using folio::html::sanitize;
using folio::html::toPlainText;

namespace {

const QUrl kBase(u"https://example.com/dir/page.html"_s);

/// Empty when every tag in html (as sanitize() writes it) is closed in order, else what went wrong.
QString unbalancedTag(const QString& html)
{
    static const QRegularExpression tag(u"<(/?)([a-z0-9]+)[^>]*>"_s);
    static const QStringList voids = {u"br"_s, u"hr"_s, u"img"_s, u"col"_s};
    QStringList open;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(2);
        if (voids.contains(name)) {
            continue;
        }
        if (match.captured(1).isEmpty()) {
            open.append(name);
        } else if (open.isEmpty() || open.takeLast() != name) {
            return u"unexpected </%1>"_s.arg(name);
        }
    }
    return open.isEmpty() ? QString() : u"unclosed <%1>"_s.arg(open.constLast());
}

int maxNesting(const QString& html)
{
    static const QRegularExpression tag(u"<(/?)(?!(?:br|hr|img|col)\\b)[a-z0-9]+[^>]*>"_s);
    int depth = 0;
    int deepest = 0;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        depth += it.next().captured(1).isEmpty() ? 1 : -1;
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

} // namespace

class TestHtmlText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void returnsEmptyForEmptyInput_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << u"   "_s;
        QTest::newRow("whitespace") << u"\n\t \r\n"_s;
        QTest::newRow("comment only") << u"<!-- nothing -->"_s;
        QTest::newRow("script only") << u"<script>alert(1)</script>"_s;
        QTest::newRow("frameset") << u"<frameset><frame src=\"https://example.com/\"></frameset>"_s;
    }
    void returnsEmptyForEmptyInput()
    {
        QFETCH(QString, html);
        QCOMPARE(sanitize(html, kBase), QString());
        QCOMPARE(toPlainText(html), QString());
    }

    void removesDangerousElementsWithTheirContent_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("script") << u"<p>a<script>alert(1)</script>b</p>"_s << u"<p>ab</p>"_s;
        QTest::newRow("script with markup in it")
            << u"<p>a</p><script>document.write('<p>x</p>')</script>"_s << u"<p>a</p>"_s;
        QTest::newRow("style") << u"<style>p { color: red }</style><p>a</p>"_s << u"<p>a</p>"_s;
        QTest::newRow("iframe") << u"<p>a<iframe src=\"https://evil.example/\">fallback</iframe></p>"_s
                                << u"<p>a</p>"_s;
        QTest::newRow("object and embed")
            << u"<object data=\"x.swf\"><param name=a value=b>alt</object><embed src=\"x.swf\">ok"_s << u"ok"_s;
        QTest::newRow("form")
            << u"<form action=\"/x\"><label>Name <input name=q></label><button>Go</button></form>ok"_s << u"ok"_s;
        QTest::newRow("select and textarea")
            << u"<select><option>one</option></select><textarea>text</textarea>ok"_s << u"ok"_s;
        QTest::newRow("noscript")
            << u"<p>a</p><noscript><img src=\"https://t.example/p.gif\"></noscript>ok"_s << u"<p>a</p>ok"_s;
        QTest::newRow("template") << u"<template><p>hidden</p></template>ok"_s << u"ok"_s;
        QTest::newRow("svg") << u"<svg onload=\"alert(1)\"><a href=\"https://example.com/\"><text>t</text></a></svg>ok"_s
                             << u"ok"_s;
        QTest::newRow("math") << u"<math><mi>x</mi></math>ok"_s << u"ok"_s;
        QTest::newRow("head elements")
            << u"<title>T</title><meta http-equiv=refresh content=0><link rel=stylesheet href=x.css><base href=\"https://evil.example/\">ok"_s
            << u"ok"_s;
        QTest::newRow("full document")
            << u"<!DOCTYPE html><html><head><title>T</title><script>x</script></head><body><p>body</p></body></html>"_s
            << u"<p>body</p>"_s;
        QTest::newRow("svg after html breakout")
            << u"<svg><p>back in html</p></svg>"_s << u"<p>back in html</p>"_s;
    }
    void removesDangerousElementsWithTheirContent()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, kBase), expected);
    }

    void stripsDisallowedAttributes_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("event handlers")
            << u"<p onclick=\"x()\" onmouseover='y()'>a</p><img src=\"https://example.com/a.png\" onerror=\"z()\">"_s
            << u"<p>a</p><img src=\"https://example.com/a.png\">"_s;
        QTest::newRow("style class id")
            << u"<div style=\"background:url(javascript:x)\" class=\"c\" id=\"i\">a</div>"_s << u"<div>a</div>"_s;
        QTest::newRow("attributes of other elements")
            << u"<td>x</td><p title=\"t\" align=\"center\">a</p><span lang=en dir=rtl>b</span>"_s
            << u"x<p>a</p><span>b</span>"_s; // a <td> outside a table is no element at all
        QTest::newRow("non-numeric sizes")
            << u"<img src=\"https://example.com/a.png\" width=\"100%\" height=\"1e3\">"_s
            << u"<img src=\"https://example.com/a.png\">"_s;
        QTest::newRow("table cell attributes")
            << u"<table><tr><td colspan=\"99999\" rowspan=\"x\" align=\"LEFT\" valign=\"top\">c</td></tr></table>"_s
            << u"<table><tbody><tr><td colspan=\"1000\" align=\"left\">c</td></tr></tbody></table>"_s;
        QTest::newRow("ol start") << u"<ol start=\"-2\"><li>x</li></ol><ol start=\"2x\"><li>y</li></ol>"_s
                                  << u"<ol start=\"-2\"><li>x</li></ol><ol><li>y</li></ol>"_s;
        QTest::newRow("target and rel") << u"<a href=\"https://example.com/\" target=\"_blank\" rel=\"opener\">a</a>"_s
                                        << u"<a href=\"https://example.com/\">a</a>"_s;
    }
    void stripsDisallowedAttributes()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, kBase), expected);
    }

    void dropsUnsafeUrls_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("javascript link") << u"<a href=\"javascript:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("mixed case") << u"<a href=\"JaVaScRiPt:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("leading space and control")
            << u"<a href=\" \x01javascript:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("entity-encoded tab") << u"<a href=\"java&#x09;script:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("entity-encoded newline") << u"<a href=\"jav&#x0A;ascript:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("entity-encoded scheme") << u"<a href=\"&#106;avascript:alert(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("vbscript") << u"<a href=\"vbscript:msgbox(1)\">x</a>"_s << u"x"_s;
        QTest::newRow("data text link") << u"<a href=\"data:text/html,<script>alert(1)</script>\">x</a>"_s << u"x"_s;
        QTest::newRow("data text image") << u"<img src=\"data:text/html;base64,PHNjcmlwdD4=\">ok"_s << u"ok"_s;
        QTest::newRow("javascript image") << u"<img src=\"javascript:alert(1)\">ok"_s << u"ok"_s;
        QTest::newRow("mailto image") << u"<img src=\"mailto:a@example.com\">ok"_s << u"ok"_s;
        QTest::newRow("file") << u"<a href=\"file:///etc/passwd\">x</a><img src=\"file:///x.png\">"_s << u"x"_s;
        QTest::newRow("ftp") << u"<a href=\"ftp://example.com/f\">x</a>"_s << u"x"_s;
        QTest::newRow("javascript cite")
            << u"<blockquote cite=\"javascript:alert(1)\">q</blockquote>"_s << u"<blockquote>q</blockquote>"_s;
        QTest::newRow("http without host") << u"<a href=\"http:///path\">x</a>"_s << u"x"_s;
    }
    void dropsUnsafeUrls()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, kBase), expected);
    }

    void keepsSafeUrls_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QUrl>("base");
        QTest::addColumn<QString>("expected");
        QTest::newRow("absolute https") << u"<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>"_s << QUrl()
                                        << u"<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>"_s;
        QTest::newRow("mailto") << u"<a href=\"mailto:editor@example.org\">m</a>"_s << QUrl()
                                << u"<a href=\"mailto:editor@example.org\">m</a>"_s;
        QTest::newRow("root-relative") << u"<a href=\"/about\">x</a>"_s << kBase
                                       << u"<a href=\"https://example.com/about\">x</a>"_s;
        QTest::newRow("document-relative image") << u"<img src=\"img/a.png\" alt=\"A\">"_s << kBase
                                                 << u"<img src=\"https://example.com/dir/img/a.png\" alt=\"A\">"_s;
        QTest::newRow("parent-relative") << u"<a href=\"../up.html\">x</a>"_s << kBase
                                         << u"<a href=\"https://example.com/up.html\">x</a>"_s;
        QTest::newRow("protocol-relative") << u"<img src=\"//cdn.example.org/a.png\">"_s << kBase
                                           << u"<img src=\"https://cdn.example.org/a.png\">"_s;
        QTest::newRow("fragment") << u"<a href=\"#note-1\">1</a>"_s << kBase
                                  << u"<a href=\"https://example.com/dir/page.html#note-1\">1</a>"_s;
        QTest::newRow("query with ampersand") << u"<a href=\"?q=1&r=2\">q</a>"_s << kBase
                                              << u"<a href=\"https://example.com/dir/page.html?q=1&amp;r=2\">q</a>"_s;
        QTest::newRow("relative without base") << u"<a href=\"/about\">x</a><img src=\"a.png\">"_s << QUrl()
                                               << u"x"_s;
        QTest::newRow("relative with relative base") << u"<a href=\"/about\">x</a>"_s << QUrl(u"dir/"_s) << u"x"_s;
        QTest::newRow("data image") << u"<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">"_s << QUrl()
                                    << u"<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">"_s;
        QTest::newRow("cite") << u"<q cite=\"/source\">q</q>"_s << kBase
                              << u"<q cite=\"https://example.com/source\">q</q>"_s;
    }
    void keepsSafeUrls()
    {
        QFETCH(QString, html);
        QFETCH(QUrl, base);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, base), expected);
    }

    void keepsAllowedMarkup_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("inline") << u"<p>Hello <b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <s>s</s> "
                                   u"<strike>st</strike> <del>d</del> <ins>n</ins> <sub>1</sub><sup>2</sup> "
                                   u"<small>sm</small> <big>bg</big> <mark>m</mark> <q>q</q> <cite>c</cite> "
                                   u"<code>c</code> <kbd>k</kbd> <samp>s</samp> <var>v</var> <span>sp</span></p>"_s;
        QTest::newRow("link") << u"<a href=\"https://example.com/\" title=\"Example\">x</a>"_s;
        QTest::newRow("image") << u"<img src=\"https://example.com/a.png\" alt=\"A\" title=\"T\" width=\"10\" height=\"20\">"_s;
        QTest::newRow("headings") << u"<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>"_s;
        QTest::newRow("lists") << u"<ul><li>a</li></ul><ol start=\"3\"><li>c</li></ol><dl><dt>t</dt><dd>d</dd></dl>"_s;
        QTest::newRow("blocks") << u"<div><p>a<br>b</p><hr><blockquote cite=\"https://example.com/\">q</blockquote>"
                                   u"<pre>  code\n    indented</pre><address>addr</address></div>"_s;
        QTest::newRow("table") << u"<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>"
                                  u"<tbody><tr><td colspan=\"2\" rowspan=\"3\" align=\"right\">d</td></tr></tbody>"
                                  u"<tfoot><tr><td>f</td></tr></tfoot></table>"_s;
        QTest::newRow("figure and picture")
            << u"<figure><picture><img src=\"https://example.com/a.webp\" alt=\"a\"></picture>"
               u"<figcaption>caption</figcaption></figure>"_s;
        QTest::newRow("semantic inline") << u"<abbr title=\"HyperText Markup Language\">HTML</abbr> "
                                            u"<time datetime=\"2024-05-01T10:00Z\">May 1</time>"_s;
    }
    void keepsAllowedMarkup()
    {
        QFETCH(QString, html);
        QCOMPARE(sanitize(html, kBase), html);
    }

    void unwrapsOtherElements_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("font") << u"<font color=red face=x>red</font> text"_s << u"red text"_s;
        QTest::newRow("custom element") << u"<my-widget data-x=1>w</my-widget>"_s << u"w"_s;
        QTest::newRow("link without href") << u"<a name=\"anchor\">here</a>"_s << u"here"_s;
        QTest::newRow("image without source") << u"a<img alt=\"x\">b"_s << u"ab"_s;
        QTest::newRow("picture sources") << u"<picture><source srcset=\"a.webp\"><img src=\"a.png\"></picture>"_s
                                         << u"<picture><img src=\"https://example.com/dir/a.png\"></picture>"_s;
        // Block elements outside the allow-list keep their line structure as a bare block.
        QTest::newRow("sections") << u"<article><section class=s>A</section><section>B</section></article>"_s
                                  << u"<div><div>A</div><div>B</div></div>"_s;
        QTest::newRow("details") << u"<details open><summary>S</summary>body</details>"_s
                                 << u"<div><div>S</div>body</div>"_s;
        QTest::newRow("center and nav") << u"<center>c</center><nav>n</nav>"_s << u"<div>c</div><div>n</div>"_s;
        QTest::newRow("menu") << u"<menu><li>x</li></menu>"_s << u"<ul><li>x</li></ul>"_s;
        QTest::newRow("xmp") << u"<xmp><b> x</xmp>"_s << u"<pre>&lt;b&gt; x</pre>"_s;
    }
    void unwrapsOtherElements()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, kBase), expected);
    }

    void escapesTextAndAttributes_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text") << u"a < b & c > d"_s << u"a &lt; b &amp; c &gt; d"_s;
        QTest::newRow("entities") << u"Caf&eacute; &amp; &lt;tag&gt; &quot;q&quot; &#x1F600;"_s
                                  << u"Café &amp; &lt;tag&gt; &quot;q&quot; \U0001F600"_s;
        QTest::newRow("attribute quotes")
            << u"<a href=\"https://example.com/\" title='say \"hi\" <now> & then'>x</a>"_s
            << u"<a href=\"https://example.com/\" title=\"say &quot;hi&quot; &lt;now&gt; &amp; then\">x</a>"_s;
        QTest::newRow("quote in url") << u"<a href='https://example.com/a\"onmouseover=\"x'>x</a>"_s
                                      << u"<a href=\"https://example.com/a%22onmouseover=%22x\">x</a>"_s;
        QTest::newRow("comments and doctype") << u"<!DOCTYPE html><!-- secret --><p>x<!-- y --></p>"_s << u"<p>x</p>"_s;
        QTest::newRow("cdata outside foreign content") << u"<![CDATA[x]]>ok"_s << u"ok"_s;
    }
    void escapesTextAndAttributes()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(sanitize(html, kBase), expected);
    }

    void balancesMalformedHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed tags") << u"<p>unclosed <b>bold"_s << u"<p>unclosed <b>bold</b></p>"_s;
        QTest::newRow("stray end tags") << u"</div>stray</p></div>"_s << u"stray<p></p>"_s;
        QTest::newRow("misnested") << u"<b><i>mis</b>nested</i>"_s << u"<b><i>mis</i></b><i>nested</i>"_s;
        QTest::newRow("nested tables")
            << u"<table><tr><td><table><tr><td>in</table></td></tr></table>"_s
            << u"<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table></td></tr></tbody></table>"_s;
        QTest::newRow("content inside a table") << u"<table><b>moved</b><tr><td>c</table>"_s
                                                << u"<b>moved</b><table><tbody><tr><td>c</td></tr></tbody></table>"_s;
        QTest::newRow("orphan list item") << u"<li>orphan"_s << u"<li>orphan</li>"_s;
        QTest::newRow("block in paragraph") << u"<p><div>x</div></p>"_s << u"<p></p><div>x</div><p></p>"_s;
        QTest::newRow("unterminated tag") << u"ok<a href=\"https://example.com/>x"_s << u"ok"_s;
        QTest::newRow("lone angle brackets") << u"1 < 2 > 0 <3 </ >"_s << u"1 &lt; 2 &gt; 0 &lt;3"_s;
    }
    void balancesMalformedHtml()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        const QString result = sanitize(html, kBase);
        QCOMPARE(result, expected);
        QCOMPARE(unbalancedTag(result), QString());
    }

    void survivesDeepNesting()
    {
        QString html;
        for (int i = 0; i < 10000; ++i) {
            html += u"<div>"_s;
        }
        html += u"deep<b>bold</b>"_s;
        QElapsedTimer timer;
        timer.start();
        const QString result = sanitize(html, kBase);
        QVERIFY(result.contains(u"deep"_s));
        QCOMPARE(unbalancedTag(result), QString());
        QVERIFY2(maxNesting(result) <= 257, qPrintable(QString::number(maxNesting(result))));
        QCOMPARE(toPlainText(html), u"deepbold"_s);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void survivesHostileInput_data()
    {
        QTest::addColumn<QString>("html");
        const auto repeat = [](const QString& unit, int count) { return unit.repeated(count); };
        QTest::newRow("nested formatting") << repeat(u"<i><b><u><s>"_s, 50000);
        QTest::newRow("nested lists") << repeat(u"<ul><li>"_s, 50000);
        QTest::newRow("nested tables") << repeat(u"<table><tr><td>"_s, 30000);
        QTest::newRow("nested svg") << repeat(u"<svg><g>"_s, 50000) + u"<p>after</p>"_s;
        QTest::newRow("stray end tags over deep spans") << repeat(u"<span>"_s, 50000) + repeat(u"</x>"_s, 50000);
        QTest::newRow("misnesting that hides depth") << repeat(u"<span><div></span></div>"_s, 40000);
        QTest::newRow("reopened formatting elements")
            << u"<p>"_s + [] {
                   QString s;
                   for (int i = 0; i < 2000; ++i) {
                       s += u"<b id=%1>"_s.arg(i);
                   }
                   return s;
               }() + repeat(u"<p>x"_s, 500);
        QTest::newRow("spliced tags") << repeat(u"<<div>div>"_s, 50000);
        QTest::newRow("nul and lone surrogates") << u"a\0b<p\0>c</p>"_s + QChar(0xD800) + u"d"_s + QChar(0xDC00);
        QTest::newRow("unterminated comment") << u"<p>a<!-- never closed <p>b"_s;
        QTest::newRow("unterminated script") << u"<p>a<script>never closed <p>b"_s;
        QString noise;
        QRandomGenerator random(20260101);
        const QString alphabet = u"<>/=\"' abpdivtlrsc&#;!-\n"_s;
        for (int i = 0; i < 200000; ++i) {
            noise += alphabet.at(random.bounded(int(alphabet.size())));
        }
        QTest::newRow("random markup") << noise;
    }
    void survivesHostileInput()
    {
        QFETCH(QString, html);
        QElapsedTimer timer;
        timer.start();
        const QString result = sanitize(html, kBase);
        QCOMPARE(unbalancedTag(result), QString());
        QVERIFY(maxNesting(result) <= 257);
        QVERIFY(result.size() <= 5 * 1024 * 1024);
        QVERIFY(toPlainText(html).size() <= 5 * 1024 * 1024);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void abandonsParsesOverBudget()
    {
        // Within the nesting limits, but every paragraph re-opens 64 formatting elements: millions of nodes.
        QString html = u"<p>"_s;
        for (int i = 0; i < 64; ++i) {
            html += u"<b id=%1>"_s.arg(i);
        }
        html += u"<p>x"_s.repeated(60000);
        QElapsedTimer timer;
        timer.start();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"gave up parsing"_s));
        QCOMPARE(sanitize(html, kBase), QString());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"gave up parsing"_s));
        QCOMPARE(toPlainText(html), QString());
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void sanitizedOutputIsStable_data() { keepsAllowedMarkup_data(); }
    void sanitizedOutputIsStable()
    {
        QFETCH(QString, html);
        const QString once = sanitize(u"<p onclick=x>"_s + html + u"<script>y</script>"_s, kBase);
        QCOMPARE(sanitize(once, kBase), once);
        QCOMPARE(toPlainText(once), toPlainText(html));
    }

    void extractsPlainText_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text without markup") << u"a < b & c"_s << u"a < b & c"_s;
        QTest::newRow("title entities") << u"Caf&eacute; &amp; more"_s << u"Café & more"_s;
        QTest::newRow("numeric entities") << u"&#8220;quoted&#8221; &#x2014; AT&T"_s << u"“quoted” — AT&T"_s;
        QTest::newRow("escaped markup") << u"&lt;b&gt;not bold&lt;/b&gt;"_s << u"<b>not bold</b>"_s;
        QTest::newRow("no-break space kept") << u"x&nbsp;y"_s << u"x\u00A0y"_s;
        // Only HTML white space collapses and is trimmed; entities for other spaces are content,
        // but a line of nothing else is blank.
        QTest::newRow("em and en spaces") << u" &emsp;x&ensp; "_s << u"\u2003x\u2002"_s;
        QTest::newRow("spacer paragraph") << u"<p>a</p><p>&nbsp;</p><p>b</p>"_s << u"a\n\nb"_s;
        QTest::newRow("only a no-break space") << u"&nbsp;"_s << QString();
        // Paragraph-like blocks (p, h1-h6, blockquote, pre) are separated by a blank line.
        QTest::newRow("paragraphs") << u"<p>one</p><p>two</p>"_s << u"one\n\ntwo"_s;
        QTest::newRow("heading") << u"<h1>Title</h1>Text"_s << u"Title\n\nText"_s;
        QTest::newRow("divs") << u"<div>a</div><div>b</div>"_s << u"a\nb"_s;
        QTest::newRow("list") << u"Items:<ul><li>x</li><li>y</li></ul>done"_s << u"Items:\nx\ny\ndone"_s;
        QTest::newRow("br") << u"one<br>two<br/>three"_s << u"one\ntwo\nthree"_s;
        QTest::newRow("many br") << u"one<br><br><br><br>two"_s << u"one\n\ntwo"_s;
        QTest::newRow("br closing a block") << u"<div>a<br></div><div>b</div>"_s << u"a\nb"_s;
        QTest::newRow("whitespace collapse") << u"  lots   of \t\n spaces  "_s << u"lots of spaces"_s;
        QTest::newRow("space around blocks") << u"<p>  a  </p>  <p>  b  </p>"_s << u"a\n\nb"_s;
        QTest::newRow("blank lines in source") << u"<p>a</p>\n\n\n\n<p>b</p>"_s << u"a\n\nb"_s;
        QTest::newRow("inline elements join") << u"<b>bold</b><i>italic</i> <span>x</span>"_s << u"bolditalic x"_s;
        QTest::newRow("pre keeps spaces") << u"x<pre>  a\n    b  c</pre>y"_s << u"x\n\n  a\n    b  c\n\ny"_s;
        QTest::newRow("table") << u"<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"_s
                               << u"a b\nc"_s;
        QTest::newRow("invisible content")
            << u"<title>T</title><style>p{}</style><script>var a = '<p>';</script>Hi<noscript>js</noscript>"_s
            << u"Hi"_s;
        QTest::newRow("images have no text") << u"a<img src=x alt=picture>b"_s << u"ab"_s;
        QTest::newRow("full document") << u"<html><head><title>T</title></head><body><p>x</p></body></html>"_s
                                       << u"x"_s;
    }
    void extractsPlainText()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(toPlainText(html), expected);
    }

    void plainTextWithoutMarkupMatchesParsedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("spaces") << u"  Hello\tworld\r\n again  "_s;
        QTest::newRow("unicode") << u"Zoë — “quotes” ‘single’ 日本語"_s;
        QTest::newRow("line breaks") << u"line1\n\n\nline2"_s;
        QTest::newRow("no-break spaces") << u"\u00A0a\u00A0 b\u00A0"_s;
        QTest::newRow("form feed") << u"a\fb"_s;
    }
    void plainTextWithoutMarkupMatchesParsedText()
    {
        QFETCH(QString, text);
        // A comment makes toPlainText() take the parser; text without markup may skip it.
        QCOMPARE(toPlainText(text), toPlainText(text + u"<!-- -->"_s));
        QVERIFY(!toPlainText(text).contains(u"  "_s));
    }

    void decodesEntitiesOnly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("named") << u"Caf&eacute; &amp; more"_s << u"Café & more"_s;
        QTest::newRow("numeric") << u"&#x1F600; &#128512; &#8217;"_s << u"\U0001F600 \U0001F600 ’"_s;
        QTest::newRow("escaped markup") << u"&lt;b&gt;"_s << u"<b>"_s;
        QTest::newRow("markup stays text") << u"<b>kept</b> </title> &amp;"_s << u"<b>kept</b> </title> &"_s;
        QTest::newRow("white space kept") << u"  two  spaces&amp;\ttab "_s << u"  two  spaces&\ttab "_s;
        QTest::newRow("space entities") << u"&nbsp;&Tab;&NewLine;&emsp;"_s << u"\u00A0\t\n\u2003"_s;
        QTest::newRow("bare ampersand") << u"AT&T & co"_s << u"AT&T & co"_s;
        // Legacy references without ';' decode in text, exactly as in a browser.
        QTest::newRow("legacy reference") << u"&copy 2024 &notit;"_s << u"© 2024 ¬it;"_s;
        QTest::newRow("line breaks without entities") << u"a\r\nb\rc"_s << u"a\nb\nc"_s;
        QTest::newRow("line breaks with entities") << u"a&amp;\r\nb\rc"_s << u"a&\nb\nc"_s;
    }
    void decodesEntitiesOnly()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(decodeEntities(text), expected);
    }
};

QTEST_APPLESS_MAIN(TestHtmlText)
#include "TestHtmlText.moc"
