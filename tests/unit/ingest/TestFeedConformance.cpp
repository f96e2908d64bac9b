// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cases an independent feed-parser test suite found Folio missing (issue 8, point 1), and the
// rule that content HTML is stored, and printed by `folio-cli parse`, sanitised and absolute.
#include "ingest/DocumentParser.h"
#include "ingest/IngestCommon.h"
#include "ingest/ParsedFeedJson.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using folio::DocumentParser;
using folio::FeedItem;
using folio::ParsedFeed;

class TestFeedConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsByteOrderMarkAndWhiteSpaceBeforeTheDeclaration_data();
    void readsByteOrderMarkAndWhiteSpaceBeforeTheDeclaration();
    void stillRefusesBrokenXml();
    void readsRssInADefaultNamespace_data();
    void readsRssInADefaultNamespace();
    void neverUsesANonPermalinkGuidAsLink();
    void appliesItemXmlBaseToEncodedContent();
    void appliesXmlBaseOnTheContentElementItself();
    void resolvesContentAgainstItemLinkThenFeedLink();
    void fallsBackToDublinCoreTitleAndDescription();
    void readsAtomTitleOfTypeApplicationXhtml();
    void parseJsonPrintsSanitisedAbsoluteContent();
};

namespace {

ParsedFeed parseOk(const QByteArray& bytes, const QUrl& base = QUrl(u"https://feeds.example.org/feed.xml"_s))
{
    auto result = DocumentParser::parse(bytes, u"test.xml"_s, base);
    if (!result) {
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
        return {};
    }
    return std::move(result).value();
}

QString stored(const ParsedFeed& feed, int index = 0)
{
    return feed.items.size() > index ? folio::ingest::storedContentHtml(feed.items.at(index), feed.link) : QString();
}

const QByteArray kRss = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        "<rss version=\"2.0\"><channel><title>T</title><link>https://site.example/</link>"
                        "<item><title>One</title><link>https://site.example/1</link></item></channel></rss>";

} // namespace

void TestFeedConformance::readsByteOrderMarkAndWhiteSpaceBeforeTheDeclaration_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("bom + newline") << QByteArray("\xEF\xBB\xBF\n") + kRss;
    QTest::newRow("bom + blank line") << QByteArray("\xEF\xBB\xBF\r\n\r\n") + kRss;
    QTest::newRow("spaces") << QByteArray("   ") + kRss;
    QTest::newRow("bom + tab + newline") << QByteArray("\xEF\xBB\xBF\t\n") + kRss;
}

void TestFeedConformance::readsByteOrderMarkAndWhiteSpaceBeforeTheDeclaration()
{
    QFETCH(QByteArray, bytes);
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.format, u"rss2.0"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.first().title, u"One"_s);
}

void TestFeedConformance::stillRefusesBrokenXml()
{
    auto result = DocumentParser::parse(QByteArray("\xEF\xBB\xBF\n<?xml version=\"1.0\"?>\n<rss><channel><item></rss>"),
                                        u"broken.xml"_s);
    QVERIFY(!result);
    QVERIFY(result.error().toString().startsWith(u"broken.xml:"_s));
}

void TestFeedConformance::readsRssInADefaultNamespace_data()
{
    QTest::addColumn<QString>("ns");
    QTest::newRow("userland rss") << u"http://backend.userland.com/rss"_s;
    QTest::newRow("userland rss2") << u"http://backend.userland.com/rss2"_s;
    QTest::newRow("harvard") << u"http://blogs.law.harvard.edu/tech/rss"_s;
    QTest::newRow("rss 2.1") << u"http://purl.org/rss/2.1/"_s;
    QTest::newRow("rss 2.0 purl") << u"http://purl.org/rss/2.0/"_s;
}

void TestFeedConformance::readsRssInADefaultNamespace()
{
    QFETCH(QString, ns);
    const QByteArray bytes = "<rss version=\"2.0\" xmlns=\"" + ns.toUtf8()
                             + "\"><channel><title>Namespaced</title><link>https://n.example/</link>"
                               "<item><title>Item</title><description>Text</description>"
                               "<link>https://n.example/i</link></item></channel></rss>";
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.title, u"Namespaced"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.first().title, u"Item"_s);
    QCOMPARE(feed.items.first().summary, u"Text"_s);
    QCOMPARE(feed.items.first().link, u"https://n.example/i"_s);
}

void TestFeedConformance::neverUsesANonPermalinkGuidAsLink()
{
    const ParsedFeed feed = parseOk("<rss version=\"2.0\"><channel><title>T</title>"
                                    "<item><title>A</title><guid isPermaLink=\"false\">https://g.example/a</guid></item>"
                                    "<item><title>B</title><guid isPermaLink=\"FALSE\">/b</guid></item>"
                                    "<item><title>C</title><guid>https://g.example/c</guid></item>"
                                    "</channel></rss>");
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(0).link, QString());
    QCOMPARE(feed.items.at(0).id, u"https://g.example/a"_s); // still its identity
    QCOMPARE(feed.items.at(1).link, QString());
    QCOMPARE(feed.items.at(2).link, u"https://g.example/c"_s);
}

void TestFeedConformance::appliesItemXmlBaseToEncodedContent()
{
    const ParsedFeed feed = parseOk(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
        "<link>https://site.example/</link>"
        "<item xml:base=\"https://cdn.example/posts/\"><title>A</title><link>a.html</link>"
        "<content:encoded><![CDATA[<p><a href=\"more.html\">more</a> <img src=\"pic.png\" alt=\"p\"></p>]]>"
        "</content:encoded></item></channel></rss>");
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.first().link, u"https://cdn.example/posts/a.html"_s);
    QCOMPARE(stored(feed), u"<p><a href=\"https://cdn.example/posts/more.html\">more</a> "
                           "<img src=\"https://cdn.example/posts/pic.png\" alt=\"p\"></p>"_s);
}

void TestFeedConformance::appliesXmlBaseOnTheContentElementItself()
{
    const ParsedFeed rss = parseOk(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
        "<item><title>A</title><link>https://site.example/a</link>"
        "<content:encoded xml:base=\"https://img.example/x/\"><![CDATA[<img src=\"p.png\">]]></content:encoded>"
        "</item></channel></rss>");
    QCOMPARE(stored(rss), u"<img src=\"https://img.example/x/p.png\">"_s);

    const ParsedFeed atom = parseOk(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://a.example/\"><title>T</title>"
        "<entry xml:base=\"entries/\"><title>E</title><id>e1</id><link href=\"e1.html\"/>"
        "<content type=\"html\" xml:base=\"media/\">&lt;img src=\"i.png\"&gt; &lt;a href=\"../x\"&gt;x&lt;/a&gt;</content>"
        "</entry></feed>");
    QCOMPARE(atom.items.size(), 1);
    QCOMPARE(atom.items.first().link, u"https://a.example/entries/e1.html"_s);
    QCOMPARE(stored(atom), u"<img src=\"https://a.example/entries/media/i.png\"> "
                           "<a href=\"https://a.example/entries/x\">x</a>"_s);
}

void TestFeedConformance::resolvesContentAgainstItemLinkThenFeedLink()
{
    // No xml:base anywhere: the item link, then the feed (channel) link.
    const ParsedFeed feed = parseOk(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
        "<link>https://site.example/home/</link>"
        "<item><title>A</title><link>https://site.example/news/a.html</link>"
        "<content:encoded><![CDATA[<img src=\"../img/a.png\">]]></content:encoded></item>"
        "<item><title>B</title>"
        "<content:encoded><![CDATA[<img src=\"b.png\">]]></content:encoded></item>"
        "</channel></rss>",
        QUrl::fromLocalFile(u"/tmp/feed.xml"_s));
    QCOMPARE(stored(feed, 0), u"<img src=\"https://site.example/img/a.png\">"_s);
    QCOMPARE(stored(feed, 1), u"<img src=\"https://site.example/home/b.png\">"_s);
}

void TestFeedConformance::fallsBackToDublinCoreTitleAndDescription()
{
    const ParsedFeed feed = parseOk("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                                    "<dc:title>Channel by DC</dc:title><dc:description>About it</dc:description>"
                                    "<item><dc:title>Item by DC</dc:title><dc:description>Summary by DC</dc:description>"
                                    "<link>https://d.example/1</link></item>"
                                    "<item><title>Own title</title><dc:title>Not this</dc:title>"
                                    "<description>Own text</description><dc:description>Not this</dc:description></item>"
                                    "</channel></rss>");
    QCOMPARE(feed.title, u"Channel by DC"_s);
    QCOMPARE(feed.description, u"About it"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(0).title, u"Item by DC"_s);
    QCOMPARE(feed.items.at(0).summary, u"Summary by DC"_s);
    QCOMPARE(feed.items.at(1).title, u"Own title"_s);
    QCOMPARE(feed.items.at(1).summary, u"Own text"_s);
}

void TestFeedConformance::readsAtomTitleOfTypeApplicationXhtml()
{
    const ParsedFeed feed = parseOk(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"application/xhtml+xml\">"
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">Feed <b>title</b></div></title>"
        "<entry><id>1</id><title type=\"application/xhtml+xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        "Entry <i>title</i></div></title></entry></feed>");
    QCOMPARE(feed.title, u"Feed title"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.first().title, u"Entry title"_s);
}

void TestFeedConformance::parseJsonPrintsSanitisedAbsoluteContent()
{
    const ParsedFeed feed = parseOk(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
        "<item><title>A</title><link>https://site.example/a/</link>"
        "<content:encoded><![CDATA[<p onclick=\"x()\">Hi <script>alert(1)</script><img src=\"i.png\">"
        "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></p>]]></content:encoded></item>"
        "</channel></rss>");
    const QJsonObject json = folio::parsedFeedToJson(feed);
    const QString html = json.value(u"items"_s).toArray().at(0).toObject().value(u"content_html"_s).toString();
    QCOMPARE(html, u"<p>Hi <img src=\"https://site.example/a/i.png\"></p>"_s);
}

QTEST_APPLESS_MAIN(TestFeedConformance)
#include "TestFeedConformance.moc"
