// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestConfig.h"
#include "TestSupport.h"

#include "ingest/DocumentParser.h"
#include "ingest/TagPageParser.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTagPageParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray seed()
    {
        QFile f(QString::fromUtf8(FOLIO_SOURCE_DIR) + u"/seeds/centraal-azie.txt"_s);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void parsesSeedIntoSixArticles()
    {
        const QByteArray bytes = seed();
        QVERIFY(!bytes.isEmpty());
        const auto result = TagPageParser::parse(bytes, u"centraal-azie.txt"_s);
        QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error().toString()));
        const ParsedFeed& feed = result.value();
        QCOMPARE(feed.format, u"tagpage"_s);
        QCOMPARE(feed.title, u"Centraal-Azië"_s);
        const QStringList expected = {
            u"Topontmoeting in Astana was vruchtbaar"_s,
            u"De praktische samenwerking van China met Centraal-Azië (upd)"_s,
            u"Xi Jinping bezoekt Kazachstan en Tadzjikistan (upd)"_s,
            u"Betrekkingen met Centraal-Azië worden meer groen en digitaal"_s,
            u"Xi schetst de samenwerking koers met Centraal-\u00A0 Azië"_s, // the seed has a no-break space here
            u"Top met Centraal-Azië te Xian"_s,
        };
        QCOMPARE(feed.items.size(), 6);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(feed.items.at(i).title, expected.at(i));
            QCOMPARE(feed.items.at(i).tags, QStringList{u"Centraal-Azië"_s});
            QVERIFY(!feed.items.at(i).summary.isEmpty());
            QVERIFY(feed.items.at(i).link.isEmpty());
            QVERIFY(!feed.items.at(i).published.isValid());
            QVERIFY(feed.items.at(i).contentHtml.isEmpty());
        }
        QVERIFY(feed.items.at(0).summary.startsWith(u"Xi Jinping heeft zijn driedaags bezoek"_s));
        QCOMPARE(feed.items.at(0).line, 3);
    }

    void acceptsBomCrlfAndTrailingWhitespace()
    {
        QByteArray bytes = seed();
        bytes.replace("\n", "  \t\r\n");
        bytes.prepend("\xEF\xBB\xBF");
        const auto result = TagPageParser::parse(bytes, u"crlf.txt"_s);
        QVERIFY(result.hasValue());
        QCOMPARE(result->title, u"Centraal-Azië"_s);
        QCOMPARE(result->items.size(), 6);
        QCOMPARE(result->items.at(5).title, u"Top met Centraal-Azië te Xian"_s);
        QVERIFY(!result->items.at(5).summary.endsWith(u' '));
    }

    void acceptsSeveralBlankLinesBetweenBlocks()
    {
        const QByteArray bytes = "Tag: Kazachstan\n\n\n\nTitel een\n\n\n\nSamenvatting een\n\n\nTitel twee\n\nSamenvatting twee\n\n\n";
        const auto result = TagPageParser::parse(bytes, u"x.txt"_s);
        QVERIFY(result.hasValue());
        QCOMPARE(result->items.size(), 2);
        QCOMPARE(result->items.at(1).title, u"Titel twee"_s);
        QCOMPARE(result->items.at(1).summary, u"Samenvatting twee"_s);
        QCOMPARE(result->items.at(1).line, 12);
    }

    void keepsMarkupCharactersAsPlainText()
    {
        const QByteArray bytes = "Tag: Test\n\nA <b>bold</b> & title\n\nSummary with <script>x</script> &amp; more\n";
        const auto result = TagPageParser::parse(bytes, u"x.txt"_s);
        QVERIFY(result.hasValue());
        QCOMPARE(result->items.at(0).title, u"A <b>bold</b> & title"_s);
        QCOMPARE(result->items.at(0).summary, u"Summary with <script>x</script> &amp; more"_s);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << 1 << u"empty"_s;
        QTest::newRow("blank") << QByteArray("\n\n  \n") << 1 << u"empty"_s;
        QTest::newRow("no tag line") << QByteArray("Title\n\nSummary\n") << 1 << u"Tag:"_s;
        QTest::newRow("tag line without name") << QByteArray("Tag:   \n\nTitle\n\nSummary\n") << 1 << u"names no tag"_s;
        QTest::newRow("title without summary") << QByteArray("Tag: X\n\nT1\n\nS1\n\nT2\n") << 7 << u"without a summary"_s;
        QTest::newRow("binary") << QByteArray("Tag: X\n\nT\x00\x01\x02\n\nS\n", 14) << 3 << u"not a text file"_s;
        QTest::newRow("invalid utf8") << QByteArray("Tag: X\n\nT\n\nS\xff\xfe\n") << 5 << u"UTF-8"_s;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << 1 << u"UTF-8"_s;
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = TagPageParser::parse(bytes, u"/tmp/bad.txt"_s);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().file, u"/tmp/bad.txt"_s);
        QCOMPARE(result.error().line, line);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        QVERIFY(result.error().toString().startsWith(u"/tmp/bad.txt:%1: "_s.arg(line)));
    }

    void acceptsTagKeywordInAnyCase()
    {
        const auto result = TagPageParser::parse("tag:  Oezbekistan  \n\nT\n\nS\n", u"x.txt"_s);
        QVERIFY(result.hasValue());
        QCOMPARE(result->title, u"Oezbekistan"_s);
    }

    // Windows editors ("Unicode" in Notepad) save UTF-16 with a byte-order mark.
    void readsUtf16WithByteOrderMark_data()
    {
        QTest::addColumn<QByteArray>("bom");
        QTest::addColumn<int>("encoding");
        QTest::newRow("utf-16le") << QByteArray("\xFF\xFE", 2) << int(QStringConverter::Utf16LE);
        QTest::newRow("utf-16be") << QByteArray("\xFE\xFF", 2) << int(QStringConverter::Utf16BE);
        QTest::newRow("utf-32le") << QByteArray("\xFF\xFE\0\0", 4) << int(QStringConverter::Utf32LE);
        QTest::newRow("utf-32be") << QByteArray("\0\0\xFE\xFF", 4) << int(QStringConverter::Utf32BE);
    }

    void readsUtf16WithByteOrderMark()
    {
        QFETCH(QByteArray, bom);
        QFETCH(int, encoding);
        const QString text = QString::fromUtf8(seed()).replace(u"\n"_s, u"\r\n"_s) + u"\r\n\U0001F4F0 emoji: Астана\r\n"_s;
        QStringEncoder encoder(static_cast<QStringConverter::Encoding>(encoding));
        const QByteArray bytes = bom + QByteArray(encoder.encode(text));
        QVERIFY(DocumentParser::parse(bytes, u"utf16.txt"_s).hasValue());
        const auto result = TagPageParser::parse(bytes, u"utf16.txt"_s);
        QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error().toString()));
        const auto utf8 = TagPageParser::parse(seed(), u"utf8.txt"_s);
        QVERIFY(utf8.hasValue());
        QCOMPARE(result->title, u"Centraal-Azië"_s);
        QCOMPARE(result->items.size(), utf8->items.size());
        for (qsizetype i = 0; i < utf8->items.size() - 1; ++i) {
            QCOMPARE(result->items.at(i).title, utf8->items.at(i).title);
            QCOMPARE(result->items.at(i).summary, utf8->items.at(i).summary);
            QCOMPARE(result->items.at(i).line, utf8->items.at(i).line);
        }
        QVERIFY(result->items.last().summary.endsWith(u"\U0001F4F0 emoji: Астана"_s));
    }

    void rejectsBrokenUtf16WithLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        // "Tag: A\n\nT\n" then a lone high surrogate on line 4.
        const QByteArray good("T\0a\0g\0:\0 \0A\0\n\0\n\0T\0\n\0", 20);
        QTest::newRow("unpaired surrogate") << QByteArray("\xFF\xFE", 2) + good + QByteArray("\x3D\xD8x\0", 4)
                                            << u"/tmp/u.txt:4: not valid UTF-16 text (unpaired surrogate)"_s;
        QTest::newRow("lone low surrogate") << QByteArray("\xFF\xFE", 2) + good + QByteArray("\x00\xDC", 2)
                                            << u"/tmp/u.txt:4: not valid UTF-16 text (unpaired surrogate)"_s;
        QTest::newRow("odd length") << QByteArray("\xFF\xFE", 2) + good + QByteArray("S", 1)
                                    << u"/tmp/u.txt:4: not valid UTF-16 text (odd number of bytes)"_s;
        QTest::newRow("nul character") << QByteArray("\xFF\xFE", 2) + good + QByteArray("S\0\0\0", 4)
                                       << u"/tmp/u.txt:4: not a text file (NUL character)"_s;
        // Without a byte-order mark, UTF-16 is not guessed: its NUL bytes make it binary.
        QTest::newRow("no mark") << good << u"/tmp/u.txt:1: not a text file (NUL byte)"_s;
    }

    void rejectsBrokenUtf16WithLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const auto result = TagPageParser::parse(bytes, u"/tmp/u.txt"_s);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().toString(), message);
    }

    // The stream (for files over the in-memory cap) reads what parse() reads: the same articles,
    // lines and errors, whatever the line endings and wherever a 1 MiB chunk ends.
    void streamingReadsTheSameArticlesAndErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("seed") << seed();
        QTest::newRow("kazachstan") << test::readData(u"tagpages/kazachstan.txt"_s);
        QTest::newRow("missing summary") << test::readData(u"tagpages/missing-summary.txt"_s);
        QTest::newRow("bom crlf") << QByteArray("\xEF\xBB\xBFTag: X  \r\n\r\nTitle one  \r\nmore\r\n\r\n\r\nSummary\r\n two\r\n");
        QTest::newRow("cr only") << QByteArray("Tag: X\r\rT1\rS1a\r\rS1b\r\rT2\r\rS2\r");
        QTest::newRow("no final newline") << QByteArray("Tag: X\n\nT\n\nS");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray("\n\n  \n");
        QTest::newRow("no tag line") << QByteArray("Title\n\nSummary\n");
        QTest::newRow("tag without name") << QByteArray("Tag:   \n\nTitle\n\nSummary\n");
        QTest::newRow("title without summary") << QByteArray("Tag: X\n\nT1\n\nS1\n\nT2\n");
        QTest::newRow("binary") << QByteArray("Tag: X\n\nT\x00\x01\x02\n\nS\n", 14);
        QTest::newRow("invalid utf8 late") << QByteArray("Tag: X\n\nT\n\nS\n\nT2\n\nS2 \xff\n");
        QTest::newRow("invalid utf8 after a structure error") << QByteArray("Title\n\nS\xff\n");
        // Around the chunk size: CR LF pairs and multi-byte characters across 1 MiB boundaries.
        QByteArray big("Tag: Groot\r\n\r\n");
        int n = 0;
        while (big.size() < 3 * 1024 * 1024 + 100) {
            big += "Titel " + QByteArray::number(n) + " over Ürümqi en Kazachstan\r\nnog een regel\r\n\r\n"
                   + QByteArray("Samenvatting met één lange regel over Tasjkent. ").repeated(n % 7 + 1) + "\r\n\r\n";
            ++n;
        }
        QTest::newRow("3 MiB crlf") << big;
        QByteArray lf = big;
        lf.replace("\r\n", "\n");
        QTest::newRow("3 MiB lf") << lf;
        QByteArray longLine("Tag: Lang\n\nTitel\n\n");
        longLine += QByteArray("één woord ").repeated(300'000) + "\n";
        QTest::newRow("a line over a chunk") << longLine;
    }

    void streamingReadsTheSameArticlesAndErrors()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"page.txt"_s);
        QVERIFY(test::writeFile(path, bytes));
        const auto whole = TagPageParser::parse(bytes, u"page.txt"_s);
        QStringList streamed;
        QString headTitle;
        const auto stream = TagPageParser::streamFile(path, [&](const ParsedFeed& head, FeedItem&& item) {
            headTitle = head.title;
            streamed.append(item.title + u'\x1f' + item.summary + u'\x1f' + item.tags.join(u'|') + u'\x1f'
                            + QString::number(item.line));
            return true;
        }, u"page.txt"_s);
        QCOMPARE(stream.hasValue(), whole.hasValue());
        if (!whole) {
            QCOMPARE(stream.error().message, whole.error().message);
            QCOMPARE(stream.error().line, whole.error().line);
            QCOMPARE(stream.error().file, u"page.txt"_s);
            return;
        }
        QStringList expected;
        for (const FeedItem& item : whole->items) {
            expected.append(item.title + u'\x1f' + item.summary + u'\x1f' + item.tags.join(u'|') + u'\x1f'
                            + QString::number(item.line));
        }
        QCOMPARE(streamed.size(), expected.size());
        QCOMPARE(streamed, expected);
        QCOMPARE(stream->title, whole->title);
        QCOMPARE(stream->format, whole->format);
        QVERIFY(stream->items.isEmpty());
    }

    void streamingRefusesUtf16()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"utf16.txt"_s);
        QStringEncoder encoder(QStringEncoder::Utf16LE);
        QVERIFY(test::writeFile(path, QByteArray("\xFF\xFE") + QByteArray(encoder(u"Tag: X\n\nT\n\nS\n"_s))));
        const auto result = TagPageParser::streamFile(path, [](const ParsedFeed&, FeedItem&&) { return true; });
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(u"UTF-8"_s), qPrintable(result.error().message));
    }
};

QTEST_APPLESS_MAIN(TestTagPageParser)
#include "TestTagPageParser.moc"
