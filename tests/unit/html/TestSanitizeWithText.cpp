// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// sanitizeWithText() works the text out while it sanitises, from one parse; what it returns must be
// exactly what two parses return: sanitize(), then toPlainText() of that. The import stores both, so
// a difference would change stored content_text (and the anchoring of highlights) for the same input.
#include "html/HtmlText.h"

#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using folio::html::sanitize;
using folio::html::sanitizeWithText;
using folio::html::toPlainText;

namespace {

const QUrl kBase(u"https://example.com/dir/page.html"_s);

/// Tag soup from the elements the sanitizer keeps, replaces, unwraps and drops, with the shapes
/// where an HTML parser restructures: implied ends, misnesting, tables, <pre> line feeds.
QString randomHtml(QRandomGenerator& random)
{
    static const std::array<const char*, 78> kOpen = {
        "<p>", "<p class=x>", "<div>", "<span>", "<a href=\"/x\">", "<a href=\"https://e.org/\">", "<a name=n>",
        "<b>", "<i>", "<em>", "<strong>", "<font color=red>", "<center>", "<section>", "<article>", "<pre>",
        "<listing>", "<xmp>", "<table>", "<tr>", "<td>", "<th>", "<tbody>", "<thead>", "<tfoot>", "<caption>",
        "<colgroup>", "<col>", "<ul>", "<ol>", "<li>", "<dl>", "<dt>", "<dd>", "<h1>", "<h2>", "<h3>",
        "<blockquote>", "<br>", "<hr>", "<img src=\"a.png\">", "<img>", "<img src=\"b.png\" width=1 height=1>",
        "<marquee>", "<object>", "<button>", "<form>", "<select>", "<option>", "<textarea>", "<script>",
        "<style>", "<template>", "<svg>", "<math>", "<noscript>", "<iframe>", "<label>", "<nobr>", "<tt>",
        "<code>", "<q>", "<sup>", "<figure>", "<figcaption>", "<picture>", "<source>", "<address>", "<details>",
        "<summary>", "<menu>", "<dir>", "<noembed>", "<title>", "<body>", "<input>", "<s>", "<u>"};
    static const std::array<const char*, 40> kClose = {
        "</p>", "</div>", "</span>", "</a>", "</b>", "</i>", "</em>", "</font>", "</center>", "</section>",
        "</pre>", "</listing>", "</xmp>", "</table>", "</tr>", "</td>", "</th>", "</tbody>", "</caption>",
        "</colgroup>", "</ul>", "</ol>", "</li>", "</dl>", "</dt>", "</dd>", "</h1>", "</h2>", "</blockquote>",
        "</marquee>", "</object>", "</button>", "</form>", "</select>", "</script>", "</label>", "</nobr>",
        "</figure>", "</br>", "</body>"};
    static const std::array<const char*, 22> kText = {
        "word", "two words", " ", "  ", "\n", "\n\n", "\t", "x\ny", "&amp;", "&lt;b&gt;", "&nbsp;", "&eacute;t&eacute;",
        "\"q\"", "caf\u00e9", "a<b", "<!-- c -->", "\r\n", "&#8217;", "1 > 0", "\u00a0", "&", "\u4e2d\u6587"};
    QString html;
    const int tokens = 1 + int(random.bounded(40));
    for (int i = 0; i < tokens; ++i) {
        const quint32 kind = random.bounded(10);
        if (kind < 4) {
            html += QString::fromUtf8(kOpen[random.bounded(quint32(kOpen.size()))]);
        } else if (kind < 6) {
            html += QString::fromUtf8(kClose[random.bounded(quint32(kClose.size()))]);
        } else {
            html += QString::fromUtf8(kText[random.bounded(quint32(kText.size()))]);
        }
    }
    return html;
}

void compareWithTwoParses(const QString& html)
{
    const folio::html::SanitizedHtml once = sanitizeWithText(html, kBase);
    const QString sanitized = sanitize(html, kBase);
    QCOMPARE(once.html, sanitized);
    QCOMPARE(once.text, toPlainText(sanitized));
}

} // namespace

class TestSanitizeWithText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTwoParses_data()
    {
        QTest::addColumn<QString>("html");
        const QStringList cases = {
            u""_s,
            u"   "_s,
            u"plain text, no markup"_s,
            u"caf&eacute; &amp; more"_s,
            u"<p>one</p><p>two <a href=\"/x\">link</a> and <img src=\"i.png\" alt=\"A\"></p>"_s,
            u"<pre>\nfirst line kept</pre>"_s,
            u"<pre>\n\nsecond line feed</pre>"_s,
            u"<listing>\n\nlisting</listing><xmp>\n<b>raw</b></xmp>"_s,
            u"<pre><b>x</b>\n y</pre>"_s,
            u"<p>a<marquee><p>b</marquee>c</p>"_s,
            u"<p>a<marquee><div>b</div></marquee>c</p>"_s,
            u"<h2><font><h1>heading</h1></font></h2>"_s,
            u"<ul><li>one<font><li>two</font></ul>"_s,
            u"<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>"_s,
            u"<dl><dt>t<dd>d<dt>t2</dl>"_s,
            u"<a href=\"/1\">one<table><tr><td><a href=\"/2\">two</a></td></tr></table></a>"_s,
            u"<a name=x><a href=\"/y\">y</a></a>"_s,
            u"<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>after"_s,
            u"<table><caption>cap</caption><colgroup><col></colgroup><tbody><tr><td>x</td></tr></tbody></table>"_s,
            u"<table>text before<tr><td>cell</td></tr></table>"_s,
            u"<table><tr><td>a<table><tr><td>b</td></tr></table>c</td></tr></table>"_s,
            u"<table><font><tr><td>x</td></tr></font></table>"_s,
            u"<p><table><tr><td>in p</td></tr></table></p>"_s,
            u"<b>1<p>2</b>3</p>"_s,
            u"<div>a<br>b<br><br><br>c</div>d<br><p>e</p>"_s,
            u"<p>x<form><p>y</p></form></p>"_s,
            u"<section><article>a</article><nav>b</nav></section><center>c</center><menu><li>m</menu>"_s,
            u"<p>&nbsp;</p><p> spaced  \n text </p>"_s,
            u"<td>stray cell</td><tr>stray row</tr>"_s,
            u"<svg><p>foreign</p></svg><math><mi>x</mi></math><script>s</script>text"_s,
            u"<plaintext><b>all text"_s,
            u"<blockquote><blockquote>q</blockquote></blockquote>"_s,
            u"<h1>a<h2>b</h2></h1><h3>c"_s,
        };
        for (const QString& html : cases) {
            QTest::newRow(qPrintable(html.left(60))) << html;
        }
        QString deep;
        for (int i = 0; i < 300; ++i) {
            deep += i % 2 ? u"<div>"_s : u"<span>"_s;
        }
        QTest::newRow("deep nesting") << deep + u"deep"_s;
        QString formatting;
        for (int i = 0; i < 80; ++i) {
            formatting += u"<b>"_s;
        }
        QTest::newRow("formatting nesting") << formatting + u"bold"_s;
        QTest::newRow("long") << QString(u"<p>"_s + QString(600000, u'x') + u"</p><p>"_s + QString(600000, u'y'));
        for (const char* page : {"blog", "docs", "news", "tables"}) {
            QTest::newRow(page) << QString::fromUtf8(folio::test::readData(u"pages/%1.html"_s.arg(QLatin1StringView(page))));
        }
        QDir seeds(QStringLiteral(FOLIO_SOURCE_DIR "/tests/fuzz/seeds/html"));
        for (const QString& name : seeds.entryList(QDir::Files)) {
            QFile file(seeds.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(u"seed "_s + name)) << QString::fromUtf8(file.readAll());
        }
    }

    void matchesTwoParses()
    {
        QFETCH(QString, html);
        compareWithTwoParses(html);
    }

    /// Random tag soup; FOLIO_REPARSE_CASES=n runs more (the default keeps the suite fast).
    void matchesTwoParsesOnTagSoup()
    {
        const int cases = qEnvironmentVariableIsSet("FOLIO_REPARSE_CASES")
                              ? qEnvironmentVariableIntValue("FOLIO_REPARSE_CASES")
                              : 3000;
        QRandomGenerator random(20261201);
        for (int i = 0; i < cases; ++i) {
            const QString html = randomHtml(random);
            const folio::html::SanitizedHtml once = sanitizeWithText(html, kBase);
            const QString sanitized = sanitize(html, kBase);
            const QString text = toPlainText(sanitized);
            if (once.html != sanitized || once.text != text) {
                qWarning().noquote() << "input:" << html << "\nsanitized:" << sanitized;
            }
            QCOMPARE(once.html, sanitized);
            QCOMPARE(once.text, text);
        }
    }
};

QTEST_APPLESS_MAIN(TestSanitizeWithText)
#include "TestSanitizeWithText.moc"
