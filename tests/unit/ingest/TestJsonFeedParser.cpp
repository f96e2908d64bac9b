// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dates.h"
#include "ingest/JsonFeedParser.h"
#include "ingest/TextDecoding.h"

#include "TestSupport.h"

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using folio::FeedItem;
using folio::JsonFeedParser;
using folio::ParsedFeed;

class TestJsonFeedParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJsonFeed10();
    void readsJsonFeed11();
    void usesExternalUrlWhenThereIsNoUrl();
    void turnsContentTextIntoHtml();
    void prefersAuthorsArrayIn11();
    void setsPublishedFromUpdatedWhenMissing();
    void recordsTheLineOfEachItem();
    void decidesVersionFromUrl_data();
    void decidesVersionFromUrl();
    void reportsMalformedJsonWithLine();
    void rejectsUnknownVersions_data();
    void rejectsUnknownVersions();
    void readsUtf16WithByteOrderMark();
    void survivesDeepNesting();
    void ignoresItemsOfWrongType();
    void streamingReadsTheSameItemsAndErrors_data();
    void streamingReadsTheSameItemsAndErrors();
    void refusesARepeatedItemsKey();
    void streamingRefusesWhatItWouldHoldWhole();
    void streamingRefusesUtf16();
};

namespace {

QString iso(const QDateTime& dt)
{
    return dt.isValid() ? folio::dates::isoUtc(dt) : QString();
}

ParsedFeed parseOk(const QByteArray& bytes, const QUrl& baseUrl = {})
{
    auto result = JsonFeedParser::parse(bytes, u"feed.json"_s, baseUrl);
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

} // namespace

void TestJsonFeedParser::readsJsonFeed10()
{
    const ParsedFeed feed = fixture(u"jsonfeed10.json"_s);
    QCOMPARE(feed.format, u"jsonfeed1.0"_s);
    QCOMPARE(feed.title, u"Kaspische Zee Notities"_s);
    QCOMPARE(feed.link, u"https://caspian.example.com/"_s);
    QCOMPARE(feed.description, u"Een JSON Feed 1.0"_s);
    QCOMPARE(feed.items.size(), 2);

    const FeedItem& item = feed.items.at(0);
    QCOMPARE(item.id, u"2"_s);
    QCOMPARE(item.link, u"https://caspian.example.com/2024/02/olie"_s);
    QCOMPARE(item.title, u"Olie en gas in Turkmenistan"_s);
    QCOMPARE(item.contentHtml, u"<p>Over <b>olie</b> &amp; gas.</p>"_s);
    QCOMPARE(item.summary, u"Olie en gas."_s);
    QCOMPARE(iso(item.published), u"2024-02-10T14:30:00Z"_s);
    QCOMPARE(iso(item.updated), u"2024-02-11T10:00:00Z"_s);
    QCOMPARE(item.author, u"Timur Aliyev"_s); // the feed's author
    QCOMPARE(item.tags, (QStringList{u"Turkmenistan"_s, u"energie"_s}));
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures.at(0).url, u"https://caspian.example.com/podcast/olie.mp3"_s);
    QCOMPARE(item.enclosures.at(0).type, u"audio/mpeg"_s);
    QCOMPARE(item.enclosures.at(0).length, 2048000);
}

void TestJsonFeedParser::readsJsonFeed11()
{
    const ParsedFeed feed = fixture(u"jsonfeed11.json"_s);
    QCOMPARE(feed.format, u"jsonfeed1.1"_s);
    QCOMPARE(feed.title, u"Pamir Dagboek"_s);
    QCOMPARE(feed.link, u"https://pamir.example.com/"_s);
    QCOMPARE(feed.items.size(), 2);

    const FeedItem& item = feed.items.at(0);
    QCOMPARE(item.id, u"https://pamir.example.com/p/1"_s);
    QCOMPARE(item.link, u"https://pamir.example.com/p/1"_s); // relative url, resolved against home_page_url
    QCOMPARE(item.author, u"Lola Rahimova, Daler Nazarov"_s);
    QCOMPARE(iso(item.published), u"2024-03-01T01:00:00Z"_s);
    QCOMPARE(item.tags, QStringList{u"Tadzjikistan"_s});
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures.at(0).url, u"https://pamir.example.com/img/m41.jpg"_s);
}

void TestJsonFeedParser::usesExternalUrlWhenThereIsNoUrl()
{
    const ParsedFeed feed = fixture(u"jsonfeed10.json"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(1).link, u"https://elsewhere.example.org/kaspisch"_s);
    QCOMPARE(feed.items.at(1).id, u"1"_s); // a numeric id, as written
    QCOMPARE(feed.items.at(1).author, u"Gast Schrijver"_s);
    QCOMPARE(iso(feed.items.at(1).published), u"2024-02-01T00:00:00Z"_s);
}

void TestJsonFeedParser::turnsContentTextIntoHtml()
{
    const ParsedFeed feed = fixture(u"jsonfeed10.json"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(1).contentHtml, u"<p>Eerste alinea.</p><p>Tweede alinea met &lt;tekens&gt;.</p>"_s);
    QCOMPARE(feed.items.at(1).summary, QString());
}

void TestJsonFeedParser::prefersAuthorsArrayIn11()
{
    const ParsedFeed feed = fixture(u"jsonfeed11.json"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(1).author, u"Farrukh"_s);
}

void TestJsonFeedParser::setsPublishedFromUpdatedWhenMissing()
{
    const ParsedFeed feed = fixture(u"jsonfeed11.json"_s);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(iso(feed.items.at(1).updated), u"2024-03-02T07:15:00Z"_s);
    QCOMPARE(iso(feed.items.at(1).published), u"2024-03-02T07:15:00Z"_s);
    QCOMPARE(feed.items.at(1).summary, u"Zonder publicatiedatum."_s);
    QCOMPARE(feed.items.at(1).contentHtml, u"<p>Tekst.</p>"_s);
}

void TestJsonFeedParser::recordsTheLineOfEachItem()
{
    const ParsedFeed feed10 = fixture(u"jsonfeed10.json"_s);
    QCOMPARE(feed10.items.size(), 2);
    QCOMPARE(feed10.items.at(0).line, 9);
    QCOMPARE(feed10.items.at(1).line, 22);
    const ParsedFeed feed11 = fixture(u"jsonfeed11.json"_s);
    QCOMPARE(feed11.items.size(), 2);
    QCOMPARE(feed11.items.at(0).line, 8);
    QCOMPARE(feed11.items.at(1).line, 17);
}

void TestJsonFeedParser::decidesVersionFromUrl_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("format");
    QTest::newRow("1") << u"https://jsonfeed.org/version/1"_s << u"jsonfeed1.0"_s;
    QTest::newRow("1.1") << u"https://jsonfeed.org/version/1.1"_s << u"jsonfeed1.1"_s;
    QTest::newRow("http 1") << u"http://jsonfeed.org/version/1"_s << u"jsonfeed1.0"_s;
    QTest::newRow("trailing slash") << u"https://jsonfeed.org/version/1.1/"_s << u"jsonfeed1.1"_s;
}

void TestJsonFeedParser::decidesVersionFromUrl()
{
    QFETCH(QString, version);
    QFETCH(QString, format);
    const ParsedFeed feed = parseOk(u"{\"version\": \"%1\", \"title\": \"v\", \"items\": []}"_s.arg(version).toUtf8());
    QCOMPARE(feed.format, format);
}

void TestJsonFeedParser::reportsMalformedJsonWithLine()
{
    const auto result = JsonFeedParser::parse(folio::test::readData(u"feeds/malformed.json"_s), u"malformed.json"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"malformed.json"_s);
    QCOMPARE(result.error().line, 6);
    QVERIFY(result.error().message.startsWith(u"malformed JSON"_s));

    const auto truncated = JsonFeedParser::parse("{\n\"version\": \"https://jsonfeed.org/version/1\",\n\"items\": [",
                                                 u"cut.json"_s);
    QVERIFY(!truncated);
    QCOMPARE(truncated.error().line, 3);
}

void TestJsonFeedParser::rejectsUnknownVersions_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("no version") << QByteArray("{\"title\": \"x\", \"items\": []}");
    QTest::newRow("version 2") << QByteArray("{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}");
    QTest::newRow("other site") << QByteArray("{\"version\": \"https://example.org/version/1\", \"items\": []}");
    QTest::newRow("array") << QByteArray("[1, 2, 3]");
    QTest::newRow("items not an array")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": {}}");
}

void TestJsonFeedParser::rejectsUnknownVersions()
{
    QFETCH(QByteArray, json);
    const auto result = JsonFeedParser::parse(json, u"v.json"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"v.json"_s);
    QCOMPARE(result.error().line, 1);
}

void TestJsonFeedParser::readsUtf16WithByteOrderMark()
{
    const QString json = u"{\n\"version\": \"https://jsonfeed.org/version/1.1\",\n\"title\": \"Ташкент\",\n"
                         u"\"items\": [\n{\"id\": \"a\", \"title\": \"Ünïcödé\"}]}"_s;
    QStringEncoder encoder(QStringEncoder::Utf16LE);
    const QByteArray bytes = QByteArray("\xFF\xFE") + QByteArray(encoder(json));
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.title, u"Ташкент"_s);
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).title, u"Ünïcödé"_s);
    QCOMPARE(feed.items.at(0).line, 5);
}

void TestJsonFeedParser::survivesDeepNesting()
{
    const QByteArray deep = QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"x\": ")
                            + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}";
    const auto result = JsonFeedParser::parse(deep, u"deep.json"_s);
    QVERIFY(!result); // Qt's JSON parser refuses the depth instead of recursing into it
    QVERIFY(result.error().line > 0);
}

void TestJsonFeedParser::ignoresItemsOfWrongType()
{
    const ParsedFeed feed = parseOk("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                                    "[null, 3, \"x\", [], {\"id\": \"ok\", \"tags\": [1, \"t\", null], "
                                    "\"authors\": \"nobody\", \"date_published\": 42}]}");
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.at(0).id, u"ok"_s);
    QCOMPARE(feed.items.at(0).tags, (QStringList{u"1"_s, u"t"_s}));
    QVERIFY(!feed.items.at(0).published.isValid());
}

namespace {

// What a reader sees of an item: enough to tell two parses apart.
QString describe(const FeedItem& item)
{
    return QStringList{item.id, item.title, item.link, item.author, item.summary, item.contentHtml,
                       item.tags.join(u'|'), iso(item.published), iso(item.updated), QString::number(item.line),
                       item.contentBase.toString()}
        .join(u"\n"_s);
}

} // namespace

void TestJsonFeedParser::streamingReadsTheSameItemsAndErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("1.0") << folio::test::readData(u"feeds/jsonfeed10.json"_s);
    QTest::newRow("1.1") << folio::test::readData(u"feeds/jsonfeed11.json"_s);
    QTest::newRow("malformed") << folio::test::readData(u"feeds/malformed.json"_s);
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + folio::test::readData(u"feeds/jsonfeed11.json"_s);
    QTest::newRow("truncated") << QByteArray("{\n\"version\": \"https://jsonfeed.org/version/1\",\n\"items\": [");
    QTest::newRow("cut inside an item")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\",\n\"items\": [\n{\"id\": \"a\",\n\"title\": \"x");
    QTest::newRow("error inside an item")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\",\n\"items\": [\n{\"id\": \"a\"},\n"
                      "{\"id\": \"b\",\n\"title\": \"x\" \"y\"}\n]}");
    QTest::newRow("garbage between items")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\"} x {\"id\": \"b\"}]}");
    // Qt reports a missing separator at or just past the next item's brace: the error before an
    // item that has one of its own (tests/fuzz/regressions/feed/json-stream-separator-before-item.json).
    QTest::newRow("no separator before a bad item")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\"}(\n"
                      "  {\"id\": \"b\",\n%}\n]}");
    QTest::newRow("space before a bad item")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\"} {\"id\": %}]}");
    QTest::newRow("no version") << QByteArray("{\"title\": \"x\", \"items\": [{\"id\": \"a\"}]}");
    QTest::newRow("items not an array") << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": {}}");
    QTest::newRow("top level array") << QByteArray("[1, 2, 3]");
    QTest::newRow("wrong types")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                      "[null, 3, \"x\", [], {\"id\": \"ok\", \"tags\": [1, \"t\", null], "
                      "\"authors\": \"nobody\", \"date_published\": 42}]}");
    // The feed's own fields after its items: they still decide the items' base URL and author.
    QTest::newRow("head after the items")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [\n"
                      "{\"id\": \"1\", \"url\": \"/a/1\", \"content_html\": \"<p>{[\\\"braces\\\" in a string]}</p>\"},\n"
                      "{\"id\": \"2\", \"url\": \"b/2\", \"tags\": [\"Astana\"], \"attachments\": [{\"url\": \"x.mp3\"}]}\n],\n"
                      "\"title\": \"Achteraf\", \"home_page_url\": \"https://achteraf.example.nl/nieuws/\",\n"
                      "\"authors\": [{\"name\": \"Redactie\"}]}");
    // QJsonDocument keeps the last of two "items" arrays and reads an escaped key the cutter
    // cannot see: both paths refuse them alike.
    QTest::newRow("two items keys")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"a\"}], "
                      "\"items\": [{\"id\": \"b\"}, {\"id\": \"c\"}]}");
    QTest::newRow("escaped items key")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"it\\u0065ms\": [{\"id\": \"a\"}]}");
    // Raw line breaks inside strings (Qt's parser takes them) still count for the lines.
    QTest::newRow("line breaks in strings")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"two\nlines\",\n\"items\": [\n"
                      "{\"id\": \"a\", \"content_text\": \"one\ntwo\nthree\"},\n{\"id\": \"b\"},\n"
                      "{\"id\": \"c\",\n\"title\": \"x\ny\" \"z\"}]}");
    QTest::newRow("deep nesting") << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"x\": ")
                                          + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}";
}

void TestJsonFeedParser::streamingReadsTheSameItemsAndErrors()
{
    QFETCH(QByteArray, json);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feed.json"_s);
    QVERIFY(folio::test::writeFile(path, json));
    const auto whole = JsonFeedParser::parse(json, u"feed.json"_s);
    QStringList streamed;
    ParsedFeed head;
    qint64 lastRead = 0;
    const auto stream = JsonFeedParser::streamFile(
        path,
        [&](const ParsedFeed& h, FeedItem&& item) {
            head = h;
            streamed.append(describe(item));
            return true;
        },
        u"feed.json"_s, {}, [&](qint64 read, qint64 total) {
            QVERIFY(read >= lastRead && read <= total);
            lastRead = read;
        });
    QCOMPARE(stream.hasValue(), whole.hasValue());
    if (!whole) {
        QCOMPARE(stream.error().message, whole.error().message);
        QCOMPARE(stream.error().line, whole.error().line);
        QCOMPARE(stream.error().file, u"feed.json"_s);
        return;
    }
    QStringList expected;
    for (const FeedItem& item : whole->items) {
        expected.append(describe(item));
    }
    QCOMPARE(streamed, expected);
    QVERIFY(stream->items.isEmpty());
    QCOMPARE(stream->title, whole->title);
    QCOMPARE(stream->link, whole->link);
    QCOMPARE(stream->format, whole->format);
    if (!expected.isEmpty()) {
        QCOMPARE(head.title, whole->title);
    }
}

void TestJsonFeedParser::refusesARepeatedItemsKey()
{
    const auto twice = JsonFeedParser::parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [], "
                                             "\"items\": [{\"id\": \"b\"}]}",
                                             u"twice.json"_s);
    QVERIFY(!twice);
    QVERIFY2(twice.error().message.contains(u"items"_s), qPrintable(twice.error().message));
    const ParsedFeed lines = parseOk("{\"version\": \"https://jsonfeed.org/version/1\",\n\"title\": \"a\nb\",\n\"items\": [\n"
                                     "{\"id\": \"1\", \"content_text\": \"x\ny\"},\n{\"id\": \"2\"}]}");
    QCOMPARE(lines.items.size(), 2);
    QCOMPARE(lines.items.at(0).line, 5);
    QCOMPARE(lines.items.at(1).line, 7);
}

void TestJsonFeedParser::streamingRefusesWhatItWouldHoldWhole()
{
    // Over the cap, but not in an "items" array: refused, not read into memory.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bulk.json"_s);
    QVERIFY(folio::test::writeFile(path, "{\"version\": \"https://jsonfeed.org/version/1\", \"entries\": \""
                                             + QByteArray(folio::text::kMaxDocumentBytes + 10, 'a') + "\"}"));
    const auto result = JsonFeedParser::streamFile(path, [](const ParsedFeed&, FeedItem&&) { return true; });
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"larger than"_s), qPrintable(result.error().message));
}

void TestJsonFeedParser::streamingRefusesUtf16()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"utf16.json"_s);
    QStringEncoder encoder(QStringEncoder::Utf16LE);
    QVERIFY(folio::test::writeFile(path, QByteArray("\xFF\xFE") + QByteArray(encoder(u"{\"version\": 1}"_s))));
    const auto result = JsonFeedParser::streamFile(path, [](const ParsedFeed&, FeedItem&&) { return true; });
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"UTF-8"_s), qPrintable(result.error().message));
    QCOMPARE(result.error().file, path);
}

QTEST_APPLESS_MAIN(TestJsonFeedParser)
#include "TestJsonFeedParser.moc"
