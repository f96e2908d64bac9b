// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Dates.h"
#include "ingest/DateParser.h"

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

QTEST_APPLESS_MAIN(TestDateParser)
#include "TestDateParser.moc"
