// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dates.h"
#include "ingest/DateParser.h"

#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using folio::DateParser;

class TestDateParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRfc822Dates_data();
    void readsRfc822Dates();
    void readsIso8601Dates_data();
    void readsIso8601Dates();
    void leavesUnreadableDatesInvalid_data();
    void leavesUnreadableDatesInvalid();
    void returnsUtc();
    void refusesOverlongInput();
    void shortcutMatchesGeneralParser();
    void shortcutMatchesGeneralParserOnFixtures();
};

namespace {

QString iso(const QDateTime& dt)
{
    return dt.isValid() ? folio::dates::isoUtc(dt) : QString();
}

} // namespace

void TestDateParser::readsRfc822Dates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const QString t = u"2024-01-05T10:15:00Z"_s;
    QTest::newRow("numeric zone") << u"Fri, 05 Jan 2024 10:15:00 +0100"_s << u"2024-01-05T09:15:00Z"_s;
    QTest::newRow("numeric zone with colon") << u"Fri, 05 Jan 2024 10:15:00 +01:00"_s << u"2024-01-05T09:15:00Z"_s;
    QTest::newRow("half-hour zone") << u"Fri, 5 Jan 2024 10:15 +0530"_s << u"2024-01-05T04:45:00Z"_s;
    QTest::newRow("minus zero") << u"Fri, 05 Jan 2024 10:15:00 -0000"_s << t;
    QTest::newRow("GMT") << u"Fri, 05 Jan 2024 10:15:00 GMT"_s << t;
    QTest::newRow("UT") << u"Fri, 05 Jan 2024 10:15:00 UT"_s << t;
    QTest::newRow("UTC") << u"Fri, 05 Jan 2024 10:15:00 UTC"_s << t;
    QTest::newRow("Z") << u"Fri, 05 Jan 2024 10:15:00 Z"_s << t;
    QTest::newRow("EST") << u"Fri, 05 Jan 2024 10:15:00 EST"_s << u"2024-01-05T15:15:00Z"_s;
    QTest::newRow("EDT") << u"Fri, 05 Jan 2024 10:15:00 EDT"_s << u"2024-01-05T14:15:00Z"_s;
    QTest::newRow("CST") << u"Fri, 05 Jan 2024 10:15:00 CST"_s << u"2024-01-05T16:15:00Z"_s;
    QTest::newRow("CDT") << u"Fri, 05 Jan 2024 10:15:00 CDT"_s << u"2024-01-05T15:15:00Z"_s;
    QTest::newRow("MST") << u"Fri, 05 Jan 2024 10:15:00 MST"_s << u"2024-01-05T17:15:00Z"_s;
    QTest::newRow("MDT") << u"Fri, 05 Jan 2024 10:15:00 MDT"_s << u"2024-01-05T16:15:00Z"_s;
    QTest::newRow("PST") << u"Fri, 05 Jan 2024 10:15:00 PST"_s << u"2024-01-05T18:15:00Z"_s;
    QTest::newRow("PDT") << u"Fri, 05 Jan 2024 10:15:00 PDT"_s << u"2024-01-05T17:15:00Z"_s;
    QTest::newRow("lower-case zone") << u"Fri, 05 Jan 2024 10:15:00 pst"_s << u"2024-01-05T18:15:00Z"_s;
    QTest::newRow("CEST") << u"Fri, 05 Jan 2024 10:15:00 CEST"_s << u"2024-01-05T08:15:00Z"_s;
    QTest::newRow("GMT+offset") << u"Fri, 05 Jan 2024 10:15:00 GMT+0200"_s << u"2024-01-05T08:15:00Z"_s;
    QTest::newRow("military A is +1") << u"Fri, 05 Jan 2024 10:15:00 A"_s << u"2024-01-05T09:15:00Z"_s;
    QTest::newRow("military M is +12") << u"Fri, 05 Jan 2024 10:15:00 M"_s << u"2024-01-04T22:15:00Z"_s;
    QTest::newRow("military N is -1") << u"Fri, 05 Jan 2024 10:15:00 N"_s << u"2024-01-05T11:15:00Z"_s;
    QTest::newRow("military Y is -12") << u"Fri, 05 Jan 2024 10:15:00 Y"_s << u"2024-01-05T22:15:00Z"_s;
    QTest::newRow("unknown zone reads as UTC") << u"Fri, 05 Jan 2024 10:15:00 XYZ"_s << t;
    QTest::newRow("no zone reads as UTC") << u"Fri, 05 Jan 2024 10:15:00"_s << t;
    QTest::newRow("no weekday") << u"05 Jan 2024 10:15:00 GMT"_s << t;
    QTest::newRow("single-digit day") << u"Fri, 5 Jan 2024 10:15:00 GMT"_s << t;
    QTest::newRow("missing seconds") << u"Fri, 05 Jan 2024 10:15 GMT"_s << t;
    QTest::newRow("no space after comma") << u"Fri,05 Jan 2024 10:15:00 GMT"_s << t;
    QTest::newRow("two-digit year 24") << u"Fri, 05 Jan 24 10:15:00 GMT"_s << t;
    QTest::newRow("two-digit year 99") << u"Tue, 05 Jan 99 10:15:00 GMT"_s << u"1999-01-05T10:15:00Z"_s;
    QTest::newRow("full names") << u"Friday, 05 January 2024 10:15:00 +0000"_s << t;
    QTest::newRow("RFC 850 dashes") << u"Friday, 05-Jan-24 10:15:00 GMT"_s << t;
    QTest::newRow("asctime") << u"Fri Jan  5 10:15:00 2024"_s << t;
    QTest::newRow("zone comment") << u"Fri, 05 Jan 2024 11:15:00 +0100 (CET)"_s << t;
    QTest::newRow("date only") << u"Fri, 05 Jan 2024"_s << u"2024-01-05T00:00:00Z"_s;
    QTest::newRow("crosses into new year") << u"Sun, 31 Dec 2023 23:30:00 -0100"_s << u"2024-01-01T00:30:00Z"_s;
    QTest::newRow("leap second") << u"Fri, 05 Jan 2024 10:15:60 GMT"_s << u"2024-01-05T10:15:59Z"_s;
    QTest::newRow("surrounding white space") << u"  \n Fri, 05 Jan 2024 10:15:00 GMT \t"_s << t;
}

void TestDateParser::readsRfc822Dates()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(iso(DateParser::parseRfc822(input)), expected);
    QCOMPARE(iso(DateParser::parse(input)), expected);
}

void TestDateParser::readsIso8601Dates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const QString t = u"2024-01-05T10:15:00Z"_s;
    QTest::newRow("Z") << u"2024-01-05T10:15:00Z"_s << t;
    QTest::newRow("positive offset") << u"2024-01-05T10:15:00+01:00"_s << u"2024-01-05T09:15:00Z"_s;
    QTest::newRow("negative offset without colon") << u"2024-01-05T10:15:00-0530"_s << u"2024-01-05T15:45:00Z"_s;
    QTest::newRow("hour-only offset") << u"2024-01-05T10:15:00+06"_s << u"2024-01-05T04:15:00Z"_s;
    QTest::newRow("fractional seconds") << u"2024-01-05T10:15:00.123456Z"_s << t;
    QTest::newRow("fraction and offset") << u"2024-01-05T16:15:00.5+06:00"_s << t;
    QTest::newRow("no offset reads as UTC") << u"2024-01-05T10:15:00"_s << t;
    QTest::newRow("space instead of T") << u"2024-01-05 10:15:00"_s << t;
    QTest::newRow("space and offset") << u"2024-01-05 11:15:00 +01:00"_s << t;
    QTest::newRow("no seconds") << u"2024-01-05T10:15Z"_s << t;
    QTest::newRow("lower-case t and z") << u"2024-01-05t10:15:00z"_s << t;
    QTest::newRow("date only") << u"2024-01-05"_s << u"2024-01-05T00:00:00Z"_s;
    QTest::newRow("year and month") << u"2024-01"_s << u"2024-01-01T00:00:00Z"_s;
    QTest::newRow("year") << u"2024"_s << u"2024-01-01T00:00:00Z"_s;
    QTest::newRow("basic format") << u"20240105T101500Z"_s << t;
    QTest::newRow("24:00 is next midnight") << u"2024-01-05T24:00:00Z"_s << u"2024-01-06T00:00:00Z"_s;
    QTest::newRow("offset crosses day") << u"2024-01-01T01:00:00+02:00"_s << u"2023-12-31T23:00:00Z"_s;
}

void TestDateParser::readsIso8601Dates()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(iso(DateParser::parseIso8601(input)), expected);
    QCOMPARE(iso(DateParser::parse(input)), expected);
}

void TestDateParser::leavesUnreadableDatesInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("words") << u"binnenkort"_s;
    QTest::newRow("time only") << u"10:15:00"_s;
    QTest::newRow("day 32") << u"Fri, 32 Jan 2024 10:00:00 GMT"_s;
    QTest::newRow("29 February of a common year") << u"Wed, 29 Feb 2023 10:00:00 GMT"_s;
    QTest::newRow("unknown month") << u"Fri, 05 Foo 2024 10:00:00 GMT"_s;
    QTest::newRow("hour 25") << u"Fri, 05 Jan 2024 25:00:00 GMT"_s;
    QTest::newRow("ISO month 13") << u"2024-13-01"_s;
    QTest::newRow("ISO 30 February") << u"2024-02-30T10:00:00Z"_s;
    QTest::newRow("ISO minute 61") << u"2024-01-05T10:61:00Z"_s;
    QTest::newRow("ISO offset out of range") << u"2024-01-05T10:15:00+25:00"_s;
    QTest::newRow("ISO trailing junk") << u"2024-01-05T10:15:00Zjunk"_s;
}

void TestDateParser::leavesUnreadableDatesInvalid()
{
    QFETCH(QString, input);
    QVERIFY(!DateParser::parse(input).isValid());
}

void TestDateParser::returnsUtc()
{
    const QDateTime dt = DateParser::parse(u"Fri, 05 Jan 2024 10:15:00 +0100"_s);
    QCOMPARE(dt.offsetFromUtc(), 0);
    QCOMPARE(dt.time(), QTime(9, 15, 0));
    QCOMPARE(dt.date(), QDate(2024, 1, 5));
    QCOMPARE(DateParser::parse(u"2024-01-05T10:15:00+01:00"_s).offsetFromUtc(), 0);
}

void TestDateParser::refusesOverlongInput()
{
    const QString longText = u"Fri, 05 Jan 2024 10:15:00 GMT"_s + QString(10'000, u' ') + u'x';
    QVERIFY(!DateParser::parse(longText).isValid());
}

namespace {

/// parse() (with its shortcut for the common shapes) must read every input as parseGeneral() does.
void compareWithGeneral(const QString& input)
{
    const QDateTime fast = DateParser::parse(input);
    const QDateTime general = DateParser::parseGeneral(input);
    if (fast.isValid() != general.isValid() || (fast.isValid() && fast.toMSecsSinceEpoch() != general.toMSecsSinceEpoch())
        || fast.timeSpec() != general.timeSpec() || fast.offsetFromUtc() != general.offsetFromUtc()) {
        QFAIL(qPrintable(u"'%1': shortcut %2, general %3"_s.arg(input, iso(fast), iso(general))));
    }
}

QString pick(QRandomGenerator& random, const QStringList& options)
{
    return options.at(int(random.bounded(quint32(options.size()))));
}

} // namespace

void TestDateParser::shortcutMatchesGeneralParser()
{
    // The shapes the shortcut reads, and each part bent the ways feeds (and typos) bend it.
    const QStringList weekdays = {u""_s, u"Mon, "_s, u"Fri, "_s, u"sun, "_s, u"THU, "_s, u"Fri,"_s, u"Fri "_s,
                                  u"Mar, "_s, u"Xyz, "_s, u"Friday, "_s, u"Fr, "_s};
    const QStringList days = {u"1"_s, u"05"_s, u"5"_s, u"31"_s, u"30"_s, u"00"_s, u"0"_s, u"32"_s, u"123"_s, u"x"_s};
    const QStringList months = {u"Jan"_s, u"feb"_s, u"MAR"_s, u"Apr"_s, u"mAy"_s, u"Jun"_s, u"Jul"_s, u"Aug"_s,
                                u"Sep"_s, u"Sept"_s, u"Oct"_s, u"Nov"_s, u"Dec"_s, u"December"_s, u"Foo"_s, u"Ja"_s};
    const QStringList years = {u"2024"_s, u"1999"_s, u"0001"_s, u"9999"_s, u"24"_s, u"99"_s, u"024"_s, u"20245"_s,
                               u"2023"_s, u"2000"_s, u"1900"_s};
    const QStringList times = {u"10:15:00"_s, u"00:00:00"_s, u"23:59:59"_s, u"24:00:00"_s, u"24:00:01"_s,
                               u"12:60:00"_s, u"12:00:60"_s, u"12:00:61"_s, u"10:15"_s, u"1:15:00"_s, u"10:15:00.5"_s,
                               u"25:00:00"_s, u"10:1"_s, u"10:15:0"_s, u"10:15:00+0100"_s, u"10:15:00Z"_s};
    const QStringList zones = {u" +0000"_s, u" +0100"_s, u" -0500"_s, u" +2359"_s, u" +2400"_s, u" -0060"_s,
                               u" +01:00"_s, u" +01"_s, u" GMT"_s, u" UT"_s, u" UTC"_s, u" Z"_s, u" gmt"_s, u" EST"_s,
                               u" CEST"_s, u" A"_s, u" J"_s, u" GMT+1"_s, u" +0100 (CET)"_s, u""_s, u"  +0000"_s,
                               u" +0000 "_s, u" PM"_s, u" XYZ"_s, u" +00000"_s, u" 0000"_s};
    QRandomGenerator random(822);
    for (int i = 0; i < 40000; ++i) {
        compareWithGeneral(pick(random, weekdays) + pick(random, days) + u' ' + pick(random, months) + u' '
                           + pick(random, years) + u' ' + pick(random, times) + pick(random, zones));
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    const QStringList isoDates = {u"2024-01-05"_s, u"2024-13-05"_s, u"2024-02-30"_s, u"2024-00-01"_s,
                                  u"2024-1-05"_s, u"0000-01-01"_s, u"2024-12-31"_s, u"20240105"_s};
    const QStringList isoSeparators = {u"T"_s, u"t"_s, u" "_s, u"T "_s};
    const QStringList isoTimes = {u"10:15:00"_s, u"23:59:59"_s, u"24:00:00"_s, u"00:00:60"_s, u"10:15"_s,
                                  u"10:15:00.123"_s, u"10:15:00,5"_s, u"10:15:00."_s, u"10:75:00"_s, u"1015"_s};
    const QStringList isoZones = {u"Z"_s, u"z"_s, u"+01:00"_s, u"-05:30"_s, u"+0100"_s, u"+01"_s, u"+24:00"_s,
                                  u"+01:60"_s, u""_s, u" Z"_s, u"UTC"_s, u"GMT"_s, u"+1:00"_s, u"Z "_s, u"ZZ"_s};
    for (int i = 0; i < 20000; ++i) {
        compareWithGeneral(pick(random, isoDates) + pick(random, isoSeparators) + pick(random, isoTimes)
                           + pick(random, isoZones));
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    for (const QString& odd : {u""_s, u" "_s, u"2024"_s, u"2024-"_s, u"Fri, 05 Jan 2024"_s, u" Fri, 05 Jan 2024 10:15:00 +0100 "_s,
                               u"\tFri, 05 Jan 2024 10:15:00 GMT\n"_s, u"05 Jan 2024 10:15:00 +0100 extra"_s,
                               u"2024-01-05T10:15:00Z extra"_s, u"\u0665 Jan 2024 10:15:00 GMT"_s}) {
        compareWithGeneral(odd);
    }
}

void TestDateParser::shortcutMatchesGeneralParserOnFixtures()
{
    // Every date the feed fixtures write, read both ways.
    static const QRegularExpression date(
        u"<(pubDate|dc:date|updated|published|created|issued|modified|lastBuildDate)[^>]*>([^<]*)</|\"date_(?:published|modified)\"\\s*:\\s*\"([^\"]*)\""_s);
    QDir feeds(QStringLiteral(FOLIO_SOURCE_DIR "/tests/data/feeds"));
    int seen = 0;
    for (const QString& name : feeds.entryList(QDir::Files)) {
        QFile file(feeds.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromLatin1(file.readAll());
        for (auto it = date.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            compareWithGeneral(m.captured(2).isEmpty() ? m.captured(3) : m.captured(2));
            ++seen;
        }
    }
    QVERIFY(seen > 10);
}

QTEST_APPLESS_MAIN(TestDateParser)
#include "TestDateParser.moc"
