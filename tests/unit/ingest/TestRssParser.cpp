// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dates.h"
#include "ingest/IngestCommon.h"
#include "ingest/RssParser.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using folio::FeedItem;
using folio::ParsedFeed;
using folio::RssParser;

class TestRssParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRss20ChannelFields();
    void readsContentModulesOfAnRss20Item();
    void usesGuidAsLinkWhenThereIsNoLink();
    void resolvesRelativeLinksAgainstTheFeedUrl();
    void resolvesRelativeLinksAgainstTheChannelLinkWithoutBaseUrl();
    void leavesUnreadableDatesNull();
    void recordsTheLineOfEachItem();
    void readsRss091WithUndeclaredHtmlEntities();
    void readsRdfItemsOutsideTheChannel();
    void detectsTheRssVersion_data();
    void detectsTheRssVersion();
    void appliesGuidLinkRules_data();
    void appliesGuidLinkRules();
    void decodesDeclaredIso88591();
    void decodesDeclaredWindows1252();
    void readsMislabelledLatin1AsWindows1252();
    void readsUndeclaredNamespacePrefixes();
    void keepsUnknownEntitiesAsText();
    void dropsControlCharactersXmlForbids();
    void readsManyUndeclaredEntitiesQuickly();
    void setsPublishedFromUpdatedWhenMissing();
    void reportsTruncatedDocumentWithFileAndLine();
    void neverResolvesExternalEntities();
    void refusesBillionLaughsQuickly();
    void refusesQuadraticEntityBlowup();
    void refusesAttributeListDeclarations();
    void boundsTheNumberOfItems();
    void boundsFieldSizes();
    void dropsNonWebLinks();
    void usesAnHtmlDescriptionAsTheContent();
};

namespace {

QString iso(const QDateTime& dt)
{
    return dt.isValid() ? folio::dates::isoUtc(dt) : QString();
}

ParsedFeed parseOk(const QByteArray& bytes, const QUrl& baseUrl = {})
{
    auto result = RssParser::parse(bytes, u"test.xml"_s, baseUrl);
    if (!result) {
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
        return {};
    }
    return std::move(result).value();
}

ParsedFeed fixture(const QString& name, const QUrl& baseUrl = {})
{
    return parseOk(folio::test::readData(u"feeds/"_s + name), baseUrl);
}

QByteArray rss(const QByteArray& items)
{
    return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n" + items
           + "\n</channel></rss>\n";
}

const QUrl kFeedUrl(u"https://news.example.org/feed.xml"_s);

} // namespace

void TestRssParser::readsRss20ChannelFields()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QCOMPARE(feed.format, u"rss2.0"_s);
    QCOMPARE(feed.title, u"Centraal-Azië & China"_s);
    QCOMPARE(feed.link, u"https://news.example.org/"_s);
    QCOMPARE(feed.description, u"Nieuws uit Centraal-Azië en China"_s);
    QCOMPARE(feed.items.size(), 4);
}

void TestRssParser::readsContentModulesOfAnRss20Item()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QVERIFY(!feed.items.isEmpty());
    const FeedItem& item = feed.items.at(0);
    // "&amp;eacute;" is a double-escaped entity: the title is HTML once the XML is read.
    QCOMPARE(item.title, u"Café in Tasjkent & Samarkand"_s);
    QCOMPARE(item.link, u"https://news.example.org/2024/01/cafe-tasjkent"_s);
    QCOMPARE(item.id, u"news-example-1001"_s);
    QCOMPARE(iso(item.published), u"2024-01-05T09:15:00Z"_s);
    QCOMPARE(iso(item.updated), QString());
    QCOMPARE(item.author, u"Anna de Vries"_s);
    QCOMPARE(item.tags, (QStringList{u"Oezbekistan"_s, u"Reizen"_s}));
    QCOMPARE(item.summary, u"Een café aan de Zijderoute."_s);
    QCOMPARE(item.contentHtml,
             u"<p>Een <b>café</b> aan de <a href=\"/zijderoute\">Zijderoute</a>.</p><img src=\"img/cafe.jpg\">"_s);
    QCOMPARE(item.enclosures.size(), 3);
    QCOMPARE(item.enclosures.at(0).url, u"https://cdn.example.org/audio/cafe.mp3"_s);
    QCOMPARE(item.enclosures.at(0).type, u"audio/mpeg"_s);
    QCOMPARE(item.enclosures.at(0).length, 1234567);
    QCOMPARE(item.enclosures.at(1).url, u"https://cdn.example.org/img/cafe-large.jpg"_s);
    QCOMPARE(item.enclosures.at(1).type, u"image/jpeg"_s);
    QCOMPARE(item.enclosures.at(1).length, 98765);
    QCOMPARE(item.enclosures.at(2).url, u"https://cdn.example.org/img/cafe-thumb.jpg"_s);
    QCOMPARE(item.enclosures.at(2).length, -1);
}

void TestRssParser::usesGuidAsLinkWhenThereIsNoLink()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QVERIFY(feed.items.size() > 1);
    const FeedItem& item = feed.items.at(1);
    QCOMPARE(item.link, u"https://news.example.org/2024/01/spoorlijn-kashgar"_s);
    QCOMPARE(item.id, u"https://news.example.org/2024/01/spoorlijn-kashgar"_s);
    QCOMPARE(iso(item.published), u"2024-01-06T08:00:00Z"_s);
    QCOMPARE(item.author, u"Redactie Buitenland"_s);
    QCOMPARE(item.tags, (QStringList{u"China"_s, u"Kirgizië"_s}));
    QCOMPARE(item.summary, u"Plain text summary with an undeclared entity and Kirgizië."_s);
    QCOMPARE(item.contentHtml, QString());
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures.at(0).url, u"https://news.example.org/video/spoor.mp4"_s);
    QCOMPARE(item.enclosures.at(0).type, u"video/mp4"_s);
}

void TestRssParser::resolvesRelativeLinksAgainstTheFeedUrl()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QVERIFY(feed.items.size() > 2);
    const FeedItem& item = feed.items.at(2);
    QCOMPARE(item.link, u"https://news.example.org/2024/01/relatief"_s);
    QCOMPARE(iso(item.published), u"2024-01-07T06:30:00Z"_s); // dc:date when there is no pubDate
    QCOMPARE(item.id, QString());
}

void TestRssParser::resolvesRelativeLinksAgainstTheChannelLinkWithoutBaseUrl()
{
    // A file read from disk has a file: URL, which is no base for web links.
    const ParsedFeed feed = parseOk(rss("<link>https://site.example/blog/</link>\n"
                                        "<item><link>post-1.html</link></item>\n"
                                        "<item><link>/abs</link></item>"),
                                    QUrl::fromLocalFile(u"/tmp/feed.xml"_s));
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(0).link, u"https://site.example/blog/post-1.html"_s);
    QCOMPARE(feed.items.at(1).link, u"https://site.example/abs"_s);
}

void TestRssParser::leavesUnreadableDatesNull()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QVERIFY(feed.items.size() > 3);
    QVERIFY(!feed.items.at(3).published.isValid());
    QVERIFY(!feed.items.at(3).updated.isValid());
}

void TestRssParser::recordsTheLineOfEachItem()
{
    const ParsedFeed feed = fixture(u"rss20-full.xml"_s, kFeedUrl);
    QList<int> lines;
    for (const FeedItem& item : feed.items) {
        lines.append(item.line);
    }
    QCOMPARE(lines, (QList<int>{13, 29, 41, 47}));
}

void TestRssParser::readsRss091WithUndeclaredHtmlEntities()
{
    const ParsedFeed feed = fixture(u"rss091.xml"_s);
    QCOMPARE(feed.format, u"rss0.9x"_s);
    QCOMPARE(feed.title, u"Oude Nieuwsbrief"_s);
    QCOMPARE(feed.link, u"http://old.example.org/"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(0).title, u"Cafés & theehuizen"_s);
    QCOMPARE(feed.items.at(0).link, u"http://old.example.org/1999/cafes.html"_s);
    QCOMPARE(feed.items.at(0).summary, u"Over cafés in Almaty — en meer."_s);
    QCOMPARE(feed.items.at(0).line, 15);
    QCOMPARE(feed.items.at(1).title, u"Tweede bericht"_s);
    QVERIFY(!feed.items.at(1).published.isValid());
}

void TestRssParser::readsRdfItemsOutsideTheChannel()
{
    const ParsedFeed feed = fixture(u"rdf.xml"_s);
    QCOMPARE(feed.format, u"rss1.0"_s);
    QCOMPARE(feed.title, u"RDF Site Summary"_s);
    QCOMPARE(feed.link, u"https://rdf.example.net/"_s);
    QCOMPARE(feed.description, u"Een RSS 1.0 feed"_s);
    QCOMPARE(feed.items.size(), 2);
    const FeedItem& first = feed.items.at(0);
    QCOMPARE(first.title, u"Eerste item"_s);
    QCOMPARE(first.id, u"https://rdf.example.net/a"_s);
    QCOMPARE(first.link, u"https://rdf.example.net/a"_s);
    QCOMPARE(first.author, u"Jan Jansen, Piet Pietersen"_s);
    QCOMPARE(iso(first.published), u"2023-12-31T23:59:59Z"_s);
    QCOMPARE(first.tags, QStringList{u"Kazachstan"_s});
    QCOMPARE(first.summary, u"Beschrijving van het eerste item."_s);
    QCOMPARE(first.line, 17);
    const FeedItem& second = feed.items.at(1);
    QCOMPARE(second.link, u"https://rdf.example.net/b"_s); // from rdf:about
    QCOMPARE(iso(second.published), u"2024-01-02T00:00:00Z"_s);
    QCOMPARE(second.tags, QStringList{u"Tadzjikistan"_s});
}

void TestRssParser::detectsTheRssVersion_data()
{
    QTest::addColumn<QByteArray>("root");
    QTest::addColumn<QString>("format");
    QTest::newRow("no version") << QByteArray("<rss>") << u"rss0.9x"_s;
    QTest::newRow("0.91") << QByteArray("<rss version=\"0.91\">") << u"rss0.9x"_s;
    QTest::newRow("0.92") << QByteArray("<rss version=\"0.92\">") << u"rss0.9x"_s;
    QTest::newRow("2.0") << QByteArray("<rss version=\"2.0\">") << u"rss2.0"_s;
    QTest::newRow("2.0.1") << QByteArray("<rss version=\"2.0.1\">") << u"rss2.0"_s;
    QTest::newRow("rdf 0.90") << QByteArray("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                                            "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">")
                              << u"rss0.9x"_s;
}

void TestRssParser::detectsTheRssVersion()
{
    QFETCH(QByteArray, root);
    QFETCH(QString, format);
    const QByteArray close = root.startsWith("<rss") ? "</rss>" : "</rdf:RDF>";
    const ParsedFeed feed = parseOk(root + "<channel><title>V</title></channel><item><title>x</title></item>" + close);
    QCOMPARE(feed.format, format);
    QCOMPARE(feed.title, u"V"_s);
}

void TestRssParser::appliesGuidLinkRules_data()
{
    QTest::addColumn<QByteArray>("itemXml");
    QTest::addColumn<QString>("link");
    QTest::newRow("permalink by default") << QByteArray("<guid>https://g.example/1</guid>")
                                          << u"https://g.example/1"_s;
    // RSS 2.0: isPermaLink="false" means the guid is not a link, whatever it looks like.
    QTest::newRow("not a permalink but a URL") << QByteArray("<guid isPermaLink=\"false\">https://g.example/2</guid>")
                                               << QString();
    QTest::newRow("not a permalink") << QByteArray("<guid isPermaLink=\"false\">abc-123</guid>") << QString();
    QTest::newRow("permalink path") << QByteArray("<guid isPermaLink=\"true\">/p/3</guid>")
                                    << u"https://news.example.org/p/3"_s;
    QTest::newRow("plain id is no link") << QByteArray("<guid>12345</guid>") << QString();
    QTest::newRow("link wins") << QByteArray("<guid>https://g.example/4</guid><link>https://l.example/4</link>")
                               << u"https://l.example/4"_s;
}

void TestRssParser::appliesGuidLinkRules()
{
    QFETCH(QByteArray, itemXml);
    QFETCH(QString, link);
    const ParsedFeed feed = parseOk(rss("<item>" + itemXml + "</item>"), kFeedUrl);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).link, link);
}

void TestRssParser::decodesDeclaredIso88591()
{
    const ParsedFeed feed = fixture(u"iso-8859-1.xml"_s);
    QCOMPARE(feed.title, u"Kranten uit België"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Naïeve cafés à la française § ½"_s);
    QCOMPARE(feed.items.at(0).summary, u"Grüße aus Köln, © 2024."_s);
    QCOMPARE(iso(feed.items.at(0).published), u"2024-01-15T13:00:00Z"_s);
}

void TestRssParser::decodesDeclaredWindows1252()
{
    const ParsedFeed feed = fixture(u"windows-1252.xml"_s);
    QCOMPARE(feed.title, u"“Slimme” aanhalingstekens"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Prijs: € 5 – ‘goedkoop’…"_s);
    QCOMPARE(feed.items.at(0).summary, u"Škoda en Žitomir ™"_s);
    QCOMPARE(iso(feed.items.at(0).published), u"2024-01-16T14:00:00Z"_s);
}

void TestRssParser::readsMislabelledLatin1AsWindows1252()
{
    // Declared (implicitly) UTF-8, but the bytes are Latin-1: not valid UTF-8.
    const QByteArray bytes = rss("<item><title>Caf\xe9 \x80</title></item>");
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Café €"_s);
}

void TestRssParser::readsUndeclaredNamespacePrefixes()
{
    const ParsedFeed feed = parseOk("<rss version=\"2.0\"><channel><item><title>x</title>"
                                    "<dc:creator>Bob</dc:creator><content:encoded>&lt;p&gt;c&lt;/p&gt;"
                                    "</content:encoded></item></channel></rss>");
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).author, u"Bob"_s);
    QCOMPARE(feed.items.at(0).contentHtml, u"<p>c</p>"_s);
}

void TestRssParser::keepsUnknownEntitiesAsText()
{
    const ParsedFeed feed = parseOk(rss("<item><title>a &bogus; b &hellip;</title></item>"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"a &bogus; b …"_s);
}

void TestRssParser::dropsControlCharactersXmlForbids()
{
    const ParsedFeed feed = parseOk(rss("<item><title>bad\x01\x0b title\x1b</title></item>"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"bad title"_s);
}

void TestRssParser::readsManyUndeclaredEntitiesQuickly()
{
    QByteArray description;
    for (int i = 0; i < 100'000; ++i) {
        description += "&nbsp;&e" + QByteArray::number(i) + ";";
    }
    QElapsedTimer timer;
    timer.start();
    const ParsedFeed feed = parseOk(rss("<item><title>x&eacute;</title><description>" + description
                                        + "</description></item>"));
    // A guard against quadratic work (hours), not a speed figure: generous for sanitizer builds
    // on a busy machine; the parse takes well under a second.
    QVERIFY2(timer.elapsed() < 30000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"xé"_s);
    QVERIFY(feed.items.at(0).summary.startsWith(u"&e0;"_s));
}

void TestRssParser::setsPublishedFromUpdatedWhenMissing()
{
    const ParsedFeed feed = parseOk(rss(
        "<item xmlns:dcterms=\"http://purl.org/dc/terms/\"><dcterms:modified>2024-01-09T10:00:00Z</dcterms:modified>"
        "</item>"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(iso(feed.items.at(0).updated), u"2024-01-09T10:00:00Z"_s);
    QCOMPARE(iso(feed.items.at(0).published), u"2024-01-09T10:00:00Z"_s);
}

void TestRssParser::reportsTruncatedDocumentWithFileAndLine()
{
    const auto result = RssParser::parse(folio::test::readData(u"feeds/truncated.xml"_s), u"truncated.xml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"truncated.xml"_s);
    QCOMPARE(result.error().line, 10);
    QVERIFY2(result.error().message.contains(u"truncated"_s), qPrintable(result.error().message));
}

void TestRssParser::neverResolvesExternalEntities()
{
    const auto result = RssParser::parse(folio::test::readData(u"feeds/xxe.xml"_s),
                                         folio::test::dataPath(u"feeds/xxe.xml"_s));
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    const ParsedFeed& feed = result.value();
    QCOMPARE(feed.title, u"XXE []"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Item [][]"_s);
    QCOMPARE(feed.items.at(0).summary, u"Description []"_s);
    const QString everything = feed.title + feed.description + feed.items.at(0).title + feed.items.at(0).summary;
    QVERIFY(!everything.contains(u"root:"_s));
    QVERIFY(!everything.contains(u"XXE-SECRET-MARKER"_s));
}

void TestRssParser::refusesBillionLaughsQuickly()
{
    QElapsedTimer timer;
    timer.start();
    const auto result = RssParser::parse(folio::test::readData(u"feeds/billion-laughs.xml"_s), u"laughs.xml"_s);
    QVERIFY(!result);
    QVERIFY2(timer.elapsed() < 30000, QByteArray::number(timer.elapsed()).constData()); // refused, not expanded
    QCOMPARE(result.error().file, u"laughs.xml"_s);
    QVERIFY(result.error().line > 0);
    QVERIFY2(result.error().message.contains(u"entit"_s, Qt::CaseInsensitive), qPrintable(result.error().message));
}

void TestRssParser::refusesQuadraticEntityBlowup()
{
    // One entity just under Qt's per-entity limit, referenced many times: each reference is
    // allowed, together they would be gigabytes.
    QByteArray doc = "<!DOCTYPE rss [<!ENTITY x \"" + QByteArray(4000, 'x') + "\">]>\n<rss><channel><title>";
    doc += QByteArray("&x;").repeated(200'000);
    doc += "</title></channel></rss>";
    QElapsedTimer timer;
    timer.start();
    const auto result = RssParser::parse(doc, u"quadratic.xml"_s);
    QVERIFY(!result);
    QVERIFY2(timer.elapsed() < 30000, QByteArray::number(timer.elapsed()).constData()); // refused, not expanded
    QVERIFY2(result.error().message.contains(u"entity expansion"_s), qPrintable(result.error().message));
}

void TestRssParser::refusesAttributeListDeclarations()
{
    const auto result = RssParser::parse("<!DOCTYPE rss [<!ATTLIST item x CDATA \"default\">]>\n<rss></rss>",
                                         u"attlist.xml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().line, 1);
}

void TestRssParser::boundsTheNumberOfItems()
{
    QByteArray items;
    items.reserve(40 * (folio::ingest::kMaxItems + 10));
    for (qsizetype i = 0; i < folio::ingest::kMaxItems + 10; ++i) {
        items += "<item><title>t</title></item>\n";
    }
    const ParsedFeed feed = parseOk(rss(items));
    QCOMPARE(feed.items.size(), folio::ingest::kMaxItems);
}

void TestRssParser::boundsFieldSizes()
{
    const QByteArray longTitle(folio::ingest::kMaxShortField * 4, 'a');
    const ParsedFeed feed = parseOk(rss("<item><title>" + longTitle + "</title></item>"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title.size(), folio::ingest::kMaxShortField);
}

void TestRssParser::dropsNonWebLinks()
{
    const ParsedFeed feed = parseOk(rss("<item><link>javascript:alert(1)</link>"
                                        "<enclosure url=\"file:///etc/passwd\" type=\"text/plain\"/></item>"),
                                    kFeedUrl);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).link, QString());
    QVERIFY(feed.items.at(0).enclosures.isEmpty());
}

QTEST_APPLESS_MAIN(TestRssParser)
#include "TestRssParser.moc"

void TestRssParser::usesAnHtmlDescriptionAsTheContent()
{
    const ParsedFeed feed = parseOk(rss(
        "<item><title>Only a description</title><link>https://news.example.org/a</link>"
        "<description xml:base=\"https://cdn.example.org/\">&lt;p&gt;De &lt;b&gt;karavaan&lt;/b&gt; is terug."
        "&lt;img src=\"img/camel.jpg\" alt=\"kameel\"&gt;&lt;/p&gt;</description></item>"
        "<item><title>Plain description</title><link>https://news.example.org/b</link>"
        "<description>Just text, 3 &lt; 4 &amp; no markup.</description></item>"
        "<item><title>Both</title><link>https://news.example.org/c</link>"
        "<description>&lt;p&gt;Teaser&lt;/p&gt;</description>"
        "<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "&lt;p&gt;The whole story&lt;/p&gt;</content:encoded></item>"),
        kFeedUrl);
    QCOMPARE(feed.items.size(), 3);
    // Without content:encoded, a description with markup is the content (images and all), its
    // xml:base the base of its links; the summary stays its plain text.
    QCOMPARE(feed.items.at(0).summary, u"De karavaan is terug."_s);
    QCOMPARE(feed.items.at(0).contentHtml,
             u"<p>De <b>karavaan</b> is terug.<img src=\"img/camel.jpg\" alt=\"kameel\"></p>"_s);
    QCOMPARE(feed.items.at(0).contentBase, QUrl(u"https://cdn.example.org/"_s));
    // A description that is only text stays a summary.
    QCOMPARE(feed.items.at(1).summary, u"Just text, 3 < 4 & no markup."_s);
    QVERIFY(feed.items.at(1).contentHtml.isEmpty());
    // content:encoded wins over the description.
    QCOMPARE(feed.items.at(2).summary, u"Teaser"_s);
    QCOMPARE(feed.items.at(2).contentHtml, u"<p>The whole story</p>"_s);
}
