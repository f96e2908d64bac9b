// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/DocumentParser.h"
#include "ingest/ParsedFeedJson.h"
#include "ingest/TextDecoding.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStringEncoder>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using folio::DocumentParser;

class TestDocumentParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsTheFormat_data();
    void detectsTheFormat();
    void skipsByteOrderMarkAndWhiteSpace_data();
    void skipsByteOrderMarkAndWhiteSpace();
    void pointsOpmlToTheImport();
    void refusesUnrecognisedFormats_data();
    void refusesUnrecognisedFormats();
    void refusesEmptyFiles();
    void refusesOversizedDocuments();
    void refusesOversizedFiles();
    void streamsJsonFeedsLargerThanTheCap();
    void streamsTagPagesLargerThanTheCap();
    void refusesBillionLaughsQuickly();
    void neverReadsExternalEntities();
    void reportsMalformedInputWithFileAndLine_data();
    void reportsMalformedInputWithFileAndLine();
    void keepsTagPagesWorking();
    void survivesRandomBytes();
    void printsPublishedFallingBackToUpdated();
};

void TestDocumentParser::detectsTheFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::newRow("RSS 2.0") << u"feeds/rss20-full.xml"_s << u"rss2.0"_s;
    QTest::newRow("RSS 0.91") << u"feeds/rss091.xml"_s << u"rss0.9x"_s;
    QTest::newRow("RSS 1.0") << u"feeds/rdf.xml"_s << u"rss1.0"_s;
    QTest::newRow("Atom 1.0") << u"feeds/atom10.xml"_s << u"atom1.0"_s;
    QTest::newRow("Atom 0.3") << u"feeds/atom03.xml"_s << u"atom0.3"_s;
    QTest::newRow("JSON Feed 1.0") << u"feeds/jsonfeed10.json"_s << u"jsonfeed1.0"_s;
    QTest::newRow("JSON Feed 1.1") << u"feeds/jsonfeed11.json"_s << u"jsonfeed1.1"_s;
    QTest::newRow("ISO-8859-1") << u"feeds/iso-8859-1.xml"_s << u"rss2.0"_s;
    QTest::newRow("windows-1252") << u"feeds/windows-1252.xml"_s << u"rss2.0"_s;
    QTest::newRow("UTF-16 LE") << u"feeds/utf16le-bom.xml"_s << u"atom1.0"_s;
    QTest::newRow("UTF-16 BE") << u"feeds/utf16be-bom.xml"_s << u"atom1.0"_s;
}

void TestDocumentParser::detectsTheFormat()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    const auto result = DocumentParser::parseFile(folio::test::dataPath(file));
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->format, format);
    QVERIFY(!result->items.isEmpty());
}

void TestDocumentParser::skipsByteOrderMarkAndWhiteSpace_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::newRow("UTF-8 BOM, XML") << QByteArray("\xEF\xBB\xBF<rss version=\"2.0\"><channel/></rss>") << u"rss2.0"_s;
    QTest::newRow("white space, XML") << QByteArray("\n\n  <rss version=\"2.0\"><channel/></rss>") << u"rss2.0"_s;
    QTest::newRow("UTF-8 BOM and white space, JSON")
        << QByteArray("\xEF\xBB\xBF \r\n\t{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}")
        << u"jsonfeed1.1"_s;
    QStringEncoder utf16be(QStringEncoder::Utf16BE);
    QTest::newRow("UTF-16 BE BOM and white space, JSON")
        << QByteArray("\xFE\xFF")
               + QByteArray(utf16be(u"  {\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}"_s))
        << u"jsonfeed1.0"_s;
    QTest::newRow("Atom with DOCTYPE and comment")
        << QByteArray("<?xml version=\"1.0\"?>\n<!-- hi -->\n<!DOCTYPE feed>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>")
        << u"atom1.0"_s;
}

void TestDocumentParser::skipsByteOrderMarkAndWhiteSpace()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    const auto result = DocumentParser::parse(bytes, u"bom"_s);
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->format, format);
}

void TestDocumentParser::pointsOpmlToTheImport()
{
    const auto result = DocumentParser::parse(folio::test::readData(u"opml/subscriptions-opml20.xml"_s),
                                              u"subs.opml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().message, u"this is an OPML subscription list; use OPML import"_s);
    QCOMPARE(result.error().file, u"subs.opml"_s);
    QVERIFY(result.error().line > 0);
}

void TestDocumentParser::refusesUnrecognisedFormats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plain text") << QByteArray("Just some words\nand more");
    QTest::newRow("HTML page") << QByteArray("<!DOCTYPE html>\n<html><head><title>x</title></head></html>");
    QTest::newRow("unnamespaced feed") << QByteArray("<feed><entry/></feed>");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
}

void TestDocumentParser::refusesUnrecognisedFormats()
{
    QFETCH(QByteArray, bytes);
    const auto result = DocumentParser::parse(bytes, u"mystery.bin"_s);
    QVERIFY(!result);
    QVERIFY2(result.error().message.startsWith(u"unrecognised format"_s), qPrintable(result.error().message));
    QCOMPARE(result.error().file, u"mystery.bin"_s);
    QCOMPARE(result.error().line, 1);
}

void TestDocumentParser::refusesEmptyFiles()
{
    const auto result = DocumentParser::parse("  \n\t\n", u"empty.xml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"empty.xml"_s);
    QCOMPARE(result.error().line, 1);
}

void TestDocumentParser::refusesOversizedDocuments()
{
    QByteArray huge = "<rss version=\"2.0\"><channel><title>";
    huge += QByteArray(folio::text::kMaxDocumentBytes, 'a');
    huge += "</title></channel></rss>";
    QElapsedTimer timer;
    timer.start();
    const auto result = DocumentParser::parse(huge, u"huge.xml"_s);
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(u"larger than"_s));
    QCOMPARE(result.error().file, u"huge.xml"_s);
    QVERIFY(timer.elapsed() < 2000);

    const QByteArray hugeJson = "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \""
                                + QByteArray(folio::text::kMaxDocumentBytes, 'a') + "\"}";
    QVERIFY(!DocumentParser::parse(hugeJson, u"huge.json"_s));
}

void TestDocumentParser::refusesOversizedFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(folio::text::kMaxDocumentBytes + 1)); // sparse: nothing is really written
    file.close();
    const auto result = DocumentParser::parseFile(path);
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(u"larger than"_s));
    QCOMPARE(result.error().file, path);
}

void TestDocumentParser::streamsJsonFeedsLargerThanTheCap()
{
    // A local JSON Feed file over the 32 MiB a download may have: read item by item, not refused.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"archive.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Archief\",\n\"items\": [\n");
    const QByteArray body = QByteArray("<p>Een lange tekst over de spoorlijn naar Tasjkent.</p>").repeated(60);
    int written = 0;
    while (file.size() <= folio::text::kMaxDocumentBytes) {
        file.write((written ? ",\n" : "") + QByteArray("{\"id\": \"") + QByteArray::number(written)
                   + "\", \"url\": \"https://archief.example.nl/" + QByteArray::number(written)
                   + "\", \"title\": \"Bericht " + QByteArray::number(written) + "\", \"content_html\": \"" + body
                   + "\"}");
        ++written;
    }
    file.write("\n]}\n");
    file.close();
    QVERIFY(QFileInfo(path).size() > folio::text::kMaxDocumentBytes);
    int items = 0;
    int lastLine = 0;
    QString lastTitle;
    bool headKnown = true;
    const auto result = DocumentParser::streamFile(path, [&](const folio::ParsedFeed& head, folio::FeedItem&& item) {
        headKnown = headKnown && head.title == u"Archief"_s;
        ++items;
        lastLine = item.line;
        lastTitle = item.title;
        return true;
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->format, u"jsonfeed1.1"_s);
    QCOMPARE(items, written);
    QVERIFY(headKnown);
    QCOMPARE(lastTitle, u"Bericht %1"_s.arg(written - 1));
    QCOMPARE(lastLine, written + 2);
}

void TestDocumentParser::streamsTagPagesLargerThanTheCap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"archief.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Tag: Centraal-Azi\xC3\xAB\n");
    const QByteArray summary = QByteArray("Een lange samenvatting over de spoorlijn naar Tasjkent en Almaty. ").repeated(40);
    int written = 0;
    while (file.size() <= folio::text::kMaxDocumentBytes) {
        file.write("\nBericht " + QByteArray::number(written) + "\n\n" + summary + "\n");
        ++written;
    }
    file.close();
    int items = 0;
    int lastLine = 0;
    bool tagged = true;
    const auto result = DocumentParser::streamFile(path, [&](const folio::ParsedFeed&, folio::FeedItem&& item) {
        tagged = tagged && item.tags == QStringList{u"Centraal-Azië"_s};
        ++items;
        lastLine = item.line;
        return true;
    });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->format, u"tagpage"_s);
    QCOMPARE(result->title, u"Centraal-Azië"_s);
    QCOMPARE(items, written);
    QVERIFY(tagged);
    QCOMPARE(lastLine, 3 + 4 * (written - 1));
}

void TestDocumentParser::refusesBillionLaughsQuickly()
{
    QElapsedTimer timer;
    timer.start();
    const auto result = DocumentParser::parse(folio::test::readData(u"feeds/billion-laughs.xml"_s),
                                              u"billion-laughs.xml"_s);
    QVERIFY(!result);
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(result.error().file, u"billion-laughs.xml"_s);
    QVERIFY(result.error().line > 0);
}

void TestDocumentParser::neverReadsExternalEntities()
{
    const auto result = DocumentParser::parseFile(folio::test::dataPath(u"feeds/xxe.xml"_s));
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    const QJsonObject json = folio::parsedFeedToJson(result.value());
    const QString text = QString::fromUtf8(QJsonDocument(json).toJson());
    QVERIFY(!text.contains(u"root:"_s));
    QVERIFY(!text.contains(u"XXE-SECRET-MARKER"_s));
}

void TestDocumentParser::reportsMalformedInputWithFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::newRow("truncated XML") << u"feeds/truncated.xml"_s << 10;
    QTest::newRow("malformed JSON") << u"feeds/malformed.json"_s << 6;
}

void TestDocumentParser::reportsMalformedInputWithFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    const auto result = DocumentParser::parseFile(folio::test::dataPath(file));
    QVERIFY(!result);
    QCOMPARE(result.error().file, folio::test::dataPath(file));
    QCOMPARE(result.error().line, line);
    QCOMPARE(result.error().code, folio::Error::Code::Parse);
}

void TestDocumentParser::keepsTagPagesWorking()
{
    const auto result = DocumentParser::parse("Tag: Kazachstan\n\nTitel\n\nSamenvatting\n", u"tag.txt"_s);
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->format, u"tagpage"_s);
    QCOMPARE(result->items.size(), 1);
}

void TestDocumentParser::survivesRandomBytes()
{
    // A smoke test (the fuzzers in tests/fuzz go further): mutated fixtures never crash or hang.
    const QStringList files{u"feeds/rss20-full.xml"_s, u"feeds/atom10.xml"_s, u"feeds/jsonfeed11.json"_s,
                            u"feeds/rdf.xml"_s};
    quint32 seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (const QString& name : files) {
        const QByteArray original = folio::test::readData(name);
        QVERIFY(!original.isEmpty());
        for (int round = 0; round < 200; ++round) {
            QByteArray mutated = original;
            const int edits = 1 + static_cast<int>(next() % 8);
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = static_cast<qsizetype>(next() % static_cast<quint32>(mutated.size()));
                switch (next() % 3) {
                case 0:
                    mutated[at] = static_cast<char>(next() & 0xFF);
                    break;
                case 1:
                    mutated.remove(at, static_cast<qsizetype>(next() % 16));
                    break;
                default:
                    mutated.insert(at, "<&;\"{]");
                }
            }
            const auto result = DocumentParser::parse(mutated, name);
            if (!result) {
                QCOMPARE(result.error().file, name);
            }
        }
    }
}

void TestDocumentParser::printsPublishedFallingBackToUpdated()
{
    const auto result = DocumentParser::parseFile(folio::test::dataPath(u"feeds/atom10.xml"_s));
    QVERIFY(result);
    const QJsonArray items = folio::parsedFeedToJson(result.value()).value(u"items"_s).toArray();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(1).toObject().value(u"published"_s).toString(), u"2024-01-20T09:00:00Z"_s);
    QCOMPARE(items.at(1).toObject().value(u"updated"_s).toString(), u"2024-01-20T09:00:00Z"_s);
    QVERIFY(items.at(2).toObject().value(u"updated"_s).isNull());
}

QTEST_APPLESS_MAIN(TestDocumentParser)
#include "TestDocumentParser.moc"
