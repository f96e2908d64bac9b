// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dates.h"
#include "ingest/AtomParser.h"

#include "TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using folio::AtomParser;
using folio::FeedItem;
using folio::ParsedFeed;

class TestAtomParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAtom10FeedFields();
    void resolvesLinksAgainstNestedXmlBase();
    void serialisesXhtmlContentWithoutItsDiv();
    void prefersCategoryLabelOverTerm();
    void fallsBackToTheFeedAuthor();
    void fallsBackToTheSourceAuthorBeforeTheFeedAuthor();
    void setsPublishedFromUpdatedWhenMissing();
    void readsHtmlAndXhtmlTitlesAsPlainText();
    void prefersHtmlAlternateLink();
    void escapesPlainTextContent();
    void keepsTextTypeTitlesLiteral();
    void recordsTheLineOfEachEntry();
    void readsAtom03Feed();
    void readsAtom03ContentModes_data();
    void readsAtom03ContentModes();
    void resolvesAgainstBaseUrlWithoutXmlBase();
    void readsUtf16WithByteOrderMark_data();
    void readsUtf16WithByteOrderMark();
    void reportsMalformedXmlWithLine();
    void rejectsOtherRootElements();
    void usesAnHtmlSummaryAsTheContent();
};

namespace {

QString iso(const QDateTime& dt)
{
    return dt.isValid() ? folio::dates::isoUtc(dt) : QString();
}

ParsedFeed parseOk(const QByteArray& bytes, const QUrl& baseUrl = {})
{
    auto result = AtomParser::parse(bytes, u"test.atom"_s, baseUrl);
    if (!result) {
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
        return {};
    }
    return std::move(result).value();
}

ParsedFeed fixture(const QString& name)
{
    return parseOk(folio::test::readData(u"feeds/"_s + name));
}

QByteArray atom(const QByteArray& body)
{
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n" + body + "\n</feed>";
}

} // namespace

void TestAtomParser::readsAtom10FeedFields()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.format, u"atom1.0"_s);
    QCOMPARE(feed.title, u"Steppe & Zijderoute"_s);
    QCOMPARE(feed.description, u"Notities over Centraal-Azië"_s);
    QCOMPARE(feed.link, u"https://blog.example.com/central-asia/"_s); // rel-less link, xml:base applied
    QCOMPARE(feed.items.size(), 3);
}

void TestAtomParser::resolvesLinksAgainstNestedXmlBase()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QVERIFY(!feed.items.isEmpty());
    const FeedItem& item = feed.items.at(0);
    QCOMPARE(item.link, u"https://blog.example.com/central-asia/posts/2024/bishkek-sneeuw.html"_s);
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures.at(0).url, u"https://blog.example.com/media/bishkek.jpg"_s);
    QCOMPARE(item.enclosures.at(0).type, u"image/jpeg"_s);
    QCOMPARE(item.enclosures.at(0).length, 4567);
    QCOMPARE(item.id, u"tag:blog.example.com,2024:post-1"_s);
    QCOMPARE(iso(item.published), u"2024-01-15T02:30:00Z"_s);
    QCOMPARE(iso(item.updated), u"2024-01-16T04:00:00Z"_s);
    QCOMPARE(item.summary, u"Een korte samenvatting met <tekens> die tekst blijven."_s);
}

void TestAtomParser::serialisesXhtmlContentWithoutItsDiv()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QVERIFY(!feed.items.isEmpty());
    QCOMPARE(feed.items.at(0).contentHtml,
             u"<p>Het sneeuwt in <strong>Bishkek</strong>.</p>\n"
             u"        <img src=\"img/sneeuw.jpg\" alt=\"Sneeuw &amp; ijs\"><br>"_s);
}

void TestAtomParser::prefersCategoryLabelOverTerm()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QVERIFY(!feed.items.isEmpty());
    QCOMPARE(feed.items.at(0).tags, (QStringList{u"Kirgizië"_s, u"winter"_s}));
}

void TestAtomParser::fallsBackToTheFeedAuthor()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(0).author, u"Mira Karimova"_s);
    QCOMPARE(feed.items.at(1).author, u"Gastauteur"_s);
    QCOMPARE(feed.items.at(2).author, u"Mira Karimova"_s);
}

void TestAtomParser::fallsBackToTheSourceAuthorBeforeTheFeedAuthor()
{
    const ParsedFeed feed = parseOk(atom("<author><name>Feed</name></author>"
                                         "<entry><title>a</title><source><author><name>Bron</name></author>"
                                         "</source></entry>"
                                         "<entry><title>b</title><author><name>Een</name></author>"
                                         "<author><name>Twee</name></author></entry>"));
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(0).author, u"Bron"_s);
    QCOMPARE(feed.items.at(1).author, u"Een, Twee"_s);
}

void TestAtomParser::setsPublishedFromUpdatedWhenMissing()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    const FeedItem& item = feed.items.at(1);
    QCOMPARE(iso(item.updated), u"2024-01-20T09:00:00Z"_s);
    QCOMPARE(iso(item.published), u"2024-01-20T09:00:00Z"_s);
    QCOMPARE(item.link, u"https://other.example.org/elders"_s);
    QCOMPARE(item.contentHtml, u"<p>HTML <b>content</b></p>"_s);
    QCOMPARE(item.summary, QString());
    // A date-only published value, and no updated at all.
    QCOMPARE(iso(feed.items.at(2).published), u"2024-01-25T00:00:00Z"_s);
    QCOMPARE(iso(feed.items.at(2).updated), QString());
}

void TestAtomParser::readsHtmlAndXhtmlTitlesAsPlainText()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(0).title, u"Bishkek in de sneeuw & kou"_s);
    QCOMPARE(feed.items.at(2).title, u"XHTML titel"_s);
}

void TestAtomParser::prefersHtmlAlternateLink()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(2).link, u"https://blog.example.com/central-asia/rapport.html"_s);
}

void TestAtomParser::escapesPlainTextContent()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(2).contentHtml, u"<p>Platte tekst<br>met een tweede regel &amp; een ampersand.</p>"_s);
}

void TestAtomParser::keepsTextTypeTitlesLiteral()
{
    const ParsedFeed feed = parseOk(atom("<entry><title type=\"text\">1 &lt; 2 &amp;amp; &lt;b&gt;</title></entry>"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"1 < 2 &amp; <b>"_s);
}

void TestAtomParser::recordsTheLineOfEachEntry()
{
    const ParsedFeed feed = fixture(u"atom10.xml"_s);
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(0).line, 13);
    QCOMPARE(feed.items.at(1).line, 32);
    QCOMPARE(feed.items.at(2).line, 40);
}

void TestAtomParser::readsAtom03Feed()
{
    const ParsedFeed feed = fixture(u"atom03.xml"_s);
    QCOMPARE(feed.format, u"atom0.3"_s);
    QCOMPARE(feed.title, u"Oud & Atom"_s);
    QCOMPARE(feed.description, u"Een Atom 0.3 feed"_s);
    QCOMPARE(feed.link, u"http://atom03.example.com/"_s);
    QCOMPARE(feed.items.size(), 3);

    const FeedItem& first = feed.items.at(0);
    QCOMPARE(first.title, u"Escaped content"_s);
    QCOMPARE(first.link, u"http://atom03.example.com/2005/07/escaped"_s);
    QCOMPARE(first.id, u"tag:atom03.example.com,2005:1"_s);
    QCOMPARE(iso(first.published), u"2005-07-31T12:29:29Z"_s); // issued
    QCOMPARE(iso(first.updated), u"2005-08-01T10:00:00Z"_s);   // modified
    QCOMPARE(first.author, u"Old Blogger"_s);
    QCOMPARE(first.tags, QStringList{u"Archief"_s});

    const FeedItem& second = feed.items.at(1);
    QCOMPARE(iso(second.published), u"2005-07-30T09:00:00Z"_s); // created, as there is no issued
    QCOMPARE(iso(second.updated), u"2005-07-30T10:00:00Z"_s);
    QCOMPARE(second.author, u"Tweede Auteur"_s);
    QCOMPARE(second.summary, u"Samenvatting"_s);

    const FeedItem& third = feed.items.at(2);
    QCOMPARE(iso(third.published), u"2005-07-29T08:00:00Z"_s); // only modified
}

void TestAtomParser::readsAtom03ContentModes_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("contentHtml");
    QTest::newRow("escaped") << 0 << u"<p>Hallo <b>wereld</b></p>"_s;
    QTest::newRow("xml") << 1 << u"<p>Inline <i>xhtml</i></p>"_s;
    QTest::newRow("base64") << 2 << u"<p>Base64 <em>inhoud</em></p>"_s;
}

void TestAtomParser::readsAtom03ContentModes()
{
    QFETCH(int, index);
    QFETCH(QString, contentHtml);
    const ParsedFeed feed = fixture(u"atom03.xml"_s);
    QVERIFY(index < feed.items.size());
    QCOMPARE(feed.items.at(index).contentHtml, contentHtml);
}

void TestAtomParser::resolvesAgainstBaseUrlWithoutXmlBase()
{
    const ParsedFeed feed = parseOk(atom("<link href=\"/\"/><entry><link href=\"entries/1\"/></entry>"),
                                    QUrl(u"https://feeds.example.net/x/atom.xml"_s));
    QCOMPARE(feed.link, u"https://feeds.example.net/"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).link, u"https://feeds.example.net/x/entries/1"_s);
}

void TestAtomParser::readsUtf16WithByteOrderMark_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("little endian") << u"feeds/utf16le-bom.xml"_s;
    QTest::newRow("big endian") << u"feeds/utf16be-bom.xml"_s;
}

void TestAtomParser::readsUtf16WithByteOrderMark()
{
    QFETCH(QString, file);
    const ParsedFeed feed = parseOk(folio::test::readData(file));
    QCOMPARE(feed.title, u"UTF-16 фид 中文"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Здравствуйте 😀"_s);
    QCOMPARE(feed.items.at(0).link, u"https://utf16.example.org/1"_s);
    QCOMPARE(feed.items.at(0).line, 5);
}

void TestAtomParser::reportsMalformedXmlWithLine()
{
    const auto result = AtomParser::parse(atom("<entry>\n<title>a</titel>\n</entry>"), u"bad.atom"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"bad.atom"_s);
    QCOMPARE(result.error().line, 3);
    QVERIFY(result.error().message.startsWith(u"malformed XML"_s));
}

void TestAtomParser::rejectsOtherRootElements()
{
    const auto result = AtomParser::parse("<feed><title>no namespace</title></feed>", u"x.xml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().line, 1);
}

QTEST_APPLESS_MAIN(TestAtomParser)
#include "TestAtomParser.moc"

void TestAtomParser::usesAnHtmlSummaryAsTheContent()
{
    const ParsedFeed feed = parseOk(atom(
        "<entry><title>Html summary</title><id>a</id><link href=\"https://news.example.org/a\"/>"
        "<summary type=\"html\" xml:base=\"https://cdn.example.org/\">&lt;p&gt;Karavaan &lt;img src=\"c.jpg\"&gt;&lt;/p&gt;"
        "</summary></entry>"
        "<entry><title>Text summary</title><id>b</id><summary>Plain &lt;b&gt; text</summary></entry>"
        "<entry><title>Both</title><id>c</id><summary type=\"html\">&lt;p&gt;Teaser&lt;/p&gt;</summary>"
        "<content type=\"html\">&lt;p&gt;Story&lt;/p&gt;</content></entry>"));
    QCOMPARE(feed.items.size(), 3);
    QCOMPARE(feed.items.at(0).summary, u"Karavaan"_s);
    QCOMPARE(feed.items.at(0).contentHtml, u"<p>Karavaan <img src=\"c.jpg\"></p>"_s);
    QCOMPARE(feed.items.at(0).contentBase, QUrl(u"https://cdn.example.org/"_s));
    // type="text" is literal text, even when it looks like markup.
    QCOMPARE(feed.items.at(1).summary, u"Plain <b> text"_s);
    QVERIFY(feed.items.at(1).contentHtml.isEmpty());
    QCOMPARE(feed.items.at(2).contentHtml, u"<p>Story</p>"_s);
}
