// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/DateParser.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kMaxDateLength = 100;

struct NamedZone
{
    QLatin1StringView name;
    int offsetMinutes;
};

// North American zones are in RFC 822 itself; the European and Pacific ones are what feeds
// from those regions write in practice. Ambiguous abbreviations (IST, BST-as-Bangladesh) are
// left out on purpose: an unknown name reads as UTC.
constexpr std::array<NamedZone, 29> kNamedZones = {{
    {"UT"_L1, 0},       {"UTC"_L1, 0},      {"GMT"_L1, 0},      {"Z"_L1, 0},        {"EST"_L1, -5 * 60},
    {"EDT"_L1, -4 * 60}, {"CST"_L1, -6 * 60}, {"CDT"_L1, -5 * 60}, {"MST"_L1, -7 * 60}, {"MDT"_L1, -6 * 60},
    {"PST"_L1, -8 * 60}, {"PDT"_L1, -7 * 60}, {"AST"_L1, -4 * 60}, {"ADT"_L1, -3 * 60}, {"AKST"_L1, -9 * 60},
    {"AKDT"_L1, -8 * 60}, {"HST"_L1, -10 * 60}, {"WET"_L1, 0},      {"WEST"_L1, 60},    {"BST"_L1, 60},
    {"CET"_L1, 60},     {"CEST"_L1, 120},   {"MET"_L1, 60},     {"MEST"_L1, 120},   {"EET"_L1, 120},
    {"EEST"_L1, 180},   {"MSK"_L1, 180},    {"JST"_L1, 540},    {"AEST"_L1, 600},
}};

constexpr std::array<QLatin1StringView, 12> kMonths = {"jan"_L1, "feb"_L1, "mar"_L1, "apr"_L1, "may"_L1, "jun"_L1,
                                                      "jul"_L1, "aug"_L1, "sep"_L1, "oct"_L1, "nov"_L1, "dec"_L1};

constexpr std::array<QLatin1StringView, 7> kWeekdays = {"mon"_L1, "tue"_L1, "wed"_L1, "thu"_L1,
                                                       "fri"_L1, "sat"_L1, "sun"_L1};

// 0 when token is not a month name ("Jan", "January", "Sept" ...), else 1..12.
int monthOf(const QString& token)
{
    if (token.size() < 3 || token.size() > 9) {
        return 0;
    }
    const QString lower = token.toLower();
    for (size_t i = 0; i < kMonths.size(); ++i) {
        if (lower.startsWith(kMonths[i])) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

bool isWeekday(const QString& token)
{
    if (token.size() < 2 || token.size() > 9) {
        return false;
    }
    const QString lower = token.toLower();
    for (const QLatin1StringView day : kWeekdays) {
        if (lower.startsWith(day.first(2)) && (lower.size() == 2 || lower.startsWith(day))) {
            return true;
        }
    }
    return false;
}

// "+0100", "-05:00", "+01": minutes east of UTC.
std::optional<int> numericOffset(QStringView s)
{
    static const QRegularExpression re(u"^([+-])(\\d{2}):?(\\d{2})?$"_s);
    const auto m = re.match(s);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const int hours = m.capturedView(2).toInt();
    const int minutes = m.capturedView(3).isEmpty() ? 0 : m.capturedView(3).toInt();
    if (hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    const int total = hours * 60 + minutes;
    return m.capturedView(1) == u"-"_s ? -total : total;
}

// Named zones, military letters and "GMT+1"-style names; unknown names read as UTC.
int namedOffset(const QString& token)
{
    const QString upper = token.toUpper();
    for (const NamedZone& zone : kNamedZones) {
        if (upper == zone.name) {
            return zone.offsetMinutes;
        }
    }
    for (const QLatin1StringView prefix : {"UTC"_L1, "GMT"_L1, "UT"_L1}) {
        if (upper.startsWith(prefix) && upper.size() > prefix.size()) {
            const QString rest = upper.mid(prefix.size());
            if (const auto offset = numericOffset(rest)) {
                return *offset;
            }
            static const QRegularExpression shortOffset(u"^([+-])(\\d{1,2})$"_s);
            const auto m = shortOffset.match(rest);
            if (m.hasMatch() && m.captured(2).toInt() <= 14) {
                return (m.captured(1) == "-"_L1 ? -60 : 60) * m.captured(2).toInt();
            }
        }
    }
    // Military zones with the signs RFC 1123 (5.2.14) says RFC 822 meant: A..I = +1..+9,
    // K..M = +10..+12, N..Y = -1..-12 (J is not a zone).
    if (upper.size() == 1) {
        const char16_t c = upper.at(0).unicode();
        if (c >= u'A' && c <= u'I') {
            return (c - u'A' + 1) * 60;
        }
        if (c >= u'K' && c <= u'M') {
            return (c - u'K' + 10) * 60;
        }
        if (c >= u'N' && c <= u'Y') {
            return -(c - u'N' + 1) * 60;
        }
    }
    return 0;
}

QDateTime makeUtc(int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
{
    const QDate date(year, month, day);
    if (!date.isValid() || hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60) {
        return {};
    }
    if (hour == 24 && (minute != 0 || second != 0)) {
        return {};
    }
    // 24:00 is the end of the day; a leap second is read as :59.
    const QTime time(hour == 24 ? 0 : hour, minute, second == 60 ? 59 : second);
    QDateTime utc(date, time, QTimeZone::utc());
    if (hour == 24) {
        utc = utc.addDays(1);
    }
    return utc.addSecs(-static_cast<qint64>(offsetMinutes) * 60);
}

int expandYear(int year, qsizetype digits)
{
    if (digits == 2) {
        return year < 50 ? 2000 + year : 1900 + year;
    }
    if (digits == 3) {
        return 1900 + year;
    }
    return year;
}

int digitsAt(QStringView s, qsizetype at, qsizetype count)
{
    if (at < 0 || at + count > s.size()) {
        return -1;
    }
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9') {
            return -1;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

// 1 + the index in names of the three letters at s[at] (any case), else 0.
template<size_t N>
int shortNameAt(QStringView s, qsizetype at, const std::array<QLatin1StringView, N>& names)
{
    if (at + 3 > s.size()) {
        return 0;
    }
    char name[3];
    for (int i = 0; i < 3; ++i) {
        const char16_t c = s.at(at + i).unicode();
        const char16_t lower = c | 0x20;
        if (lower < u'a' || lower > u'z' || (c != lower && c != lower - 0x20)) {
            return 0;
        }
        name[i] = char(lower);
    }
    for (size_t m = 0; m < N; ++m) {
        if (names[m] == QLatin1StringView(name, 3)) {
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

// "+0100", "-05:00" when colon, at the end of s: minutes east of UTC, or nullopt.
std::optional<int> offsetAtEnd(QStringView s, qsizetype at, bool colon)
{
    if (s.size() != at + (colon ? 6 : 5) || (s.at(at) != u'+' && s.at(at) != u'-')) {
        return std::nullopt;
    }
    const int hours = digitsAt(s, at + 1, 2);
    if (colon && s.at(at + 3) != u':') {
        return std::nullopt;
    }
    const int minutes = digitsAt(s, at + (colon ? 4 : 3), 2);
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    return (s.at(at) == u'-' ? -1 : 1) * (hours * 60 + minutes);
}

/// "[Wdy, ]D[D] Mon YYYY HH:MM[:SS] (+hhmm|GMT|UT|UTC|Z)", or an invalid date for any other shape
/// (which parseGeneral() then reads).
QDateTime commonRfc822(QStringView s)
{
    qsizetype i = 0;
    if (s.size() > 5 && s.at(3) == u',' && s.at(4) == u' ') {
        if (shortNameAt(s, 0, kWeekdays) == 0) {
            return {};
        }
        i = 5;
    }
    const qsizetype dayDigits = i + 1 < s.size() && s.at(i + 1) == u' ' ? 1 : 2;
    const int day = digitsAt(s, i, dayDigits);
    i += dayDigits;
    if (day < 0 || i >= s.size() || s.at(i) != u' ') {
        return {};
    }
    const int month = shortNameAt(s, i + 1, kMonths);
    i += 4;
    if (month == 0 || i >= s.size() || s.at(i) != u' ') {
        return {};
    }
    const int year = digitsAt(s, i + 1, 4);
    i += 5;
    if (year < 0 || i >= s.size() || s.at(i) != u' ') {
        return {};
    }
    const int hour = digitsAt(s, i + 1, 2);
    const int minute = digitsAt(s, i + 4, 2);
    if (hour < 0 || minute < 0 || s.at(i + 3) != u':') {
        return {};
    }
    i += 6;
    int second = 0;
    if (i < s.size() && s.at(i) == u':') {
        second = digitsAt(s, i + 1, 2);
        if (second < 0) {
            return {};
        }
        i += 3;
    }
    if (i >= s.size() || s.at(i) != u' ') {
        return {};
    }
    ++i;
    int offset = 0;
    const QStringView zone = s.sliced(i);
    if (const auto numeric = offsetAtEnd(s, i, false)) {
        offset = *numeric;
    } else if (zone != "GMT"_L1 && zone != "UT"_L1 && zone != "UTC"_L1 && zone != "Z"_L1) {
        return {};
    }
    return makeUtc(year, month, day, hour, minute, second, offset);
}

/// "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm)", or an invalid date for any other shape.
QDateTime commonIso8601(QStringView s)
{
    if (s.size() < 20 || s.at(4) != u'-' || s.at(7) != u'-' || s.at(10) != u'T' || s.at(13) != u':'
        || s.at(16) != u':') {
        return {};
    }
    const int year = digitsAt(s, 0, 4);
    const int month = digitsAt(s, 5, 2);
    const int day = digitsAt(s, 8, 2);
    const int hour = digitsAt(s, 11, 2);
    const int minute = digitsAt(s, 14, 2);
    const int second = digitsAt(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
        return {};
    }
    qsizetype i = 19;
    if (s.at(i) == u'.') {
        const qsizetype from = ++i;
        while (i < s.size() && digitsAt(s, i, 1) >= 0) {
            ++i;
        }
        if (i == from) {
            return {};
        }
    }
    int offset = 0;
    if (i + 1 == s.size() && s.at(i) == u'Z') {
        offset = 0;
    } else if (const auto numeric = offsetAtEnd(s, i, true)) {
        offset = *numeric;
    } else {
        return {};
    }
    return makeUtc(year, month, day, hour, minute, second, offset);
}

} // namespace

QDateTime DateParser::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.size() <= kMaxDateLength) {
        const QDateTime common = trimmed.size() > 4 && trimmed.at(4) == u'-' ? commonIso8601(trimmed)
                                                                              : commonRfc822(trimmed);
        if (common.isValid()) {
            return common;
        }
    }
    return parseGeneral(trimmed);
}

QDateTime DateParser::parseGeneral(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    const bool isoShaped = trimmed.size() >= 5 && trimmed.at(0).isDigit() && trimmed.at(1).isDigit()
                           && trimmed.at(2).isDigit() && trimmed.at(3).isDigit() && trimmed.at(4) == u'-';
    if (isoShaped) {
        const QDateTime iso = parseIso8601(trimmed);
        return iso.isValid() ? iso : parseRfc822(trimmed);
    }
    const QDateTime rfc = parseRfc822(trimmed);
    return rfc.isValid() ? rfc : parseIso8601(trimmed);
}

QDateTime DateParser::parseRfc822(QStringView text)
{
    if (text.size() > kMaxDateLength) {
        return {};
    }
    static const QRegularExpression separators(u"[\\s,]+"_s);
    static const QRegularExpression dashedDate(u"^(\\d{1,2})-([A-Za-z]{3,9})-(\\d{2,4})$"_s);
    static const QRegularExpression timeRe(
        u"^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?([+-]\\d{2}:?\\d{2}|[Zz])?$"_s);
    static const QRegularExpression digits(u"^\\d{1,4}$"_s);

    QStringList tokens;
    for (const QString& token : text.toString().split(separators, Qt::SkipEmptyParts)) {
        const auto m = dashedDate.match(token);
        if (m.hasMatch()) {
            tokens << m.captured(1) << m.captured(2) << m.captured(3);
        } else {
            tokens << token;
        }
    }

    int day = -1;
    int month = 0;
    int year = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool haveTime = false;
    int offset = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString& token = tokens.at(i);
        if (!haveTime && month == 0 && isWeekday(token) && monthOf(token) == 0) {
            continue;
        }
        if (month == 0 && monthOf(token) != 0 && token.at(0).isLetter()) {
            month = monthOf(token);
            continue;
        }
        if (digits.match(token).hasMatch()) {
            const int value = token.toInt();
            if (day < 0 && token.size() <= 2) {
                day = value;
            } else if (year < 0) {
                year = expandYear(value, token.size());
            } else {
                return {};
            }
            continue;
        }
        if (!haveTime) {
            const auto m = timeRe.match(token);
            if (m.hasMatch()) {
                haveTime = true;
                hour = m.captured(1).toInt();
                minute = m.captured(2).toInt();
                second = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
                if (!m.captured(4).isEmpty()) {
                    const auto zone = numericOffset(m.captured(4));
                    offset = zone ? *zone : 0;
                }
                continue;
            }
        }
        const QString upper = token.toUpper();
        if ((upper == "AM"_L1 || upper == "PM"_L1) && haveTime && hour >= 1 && hour <= 12) {
            hour = (hour % 12) + (upper == "PM"_L1 ? 12 : 0);
            continue;
        }
        if (haveTime || (day >= 0 && month != 0 && year >= 0)) {
            if (const auto zone = numericOffset(token)) {
                offset = *zone;
                continue;
            }
            if (token.size() <= 10 && token.at(0).isLetter()) {
                offset = namedOffset(token);
                continue;
            }
            if (token.startsWith(u'(')) {
                continue; // an RFC 2822 comment after the zone, e.g. "(CET)"
            }
        }
        return {};
    }
    if (day < 1 || month == 0 || year < 0) {
        return {};
    }
    return makeUtc(year, month, day, hour, minute, second, offset);
}

QDateTime DateParser::parseIso8601(QStringView text)
{
    if (text.size() > kMaxDateLength) {
        return {};
    }
    static const QRegularExpression extended(
        u"^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"
        u"(?:[Tt ]\\s*(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
        u"\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$"_s);
    static const QRegularExpression basic(
        u"^(\\d{4})(\\d{2})(\\d{2})(?:[Tt](\\d{2})(\\d{2})(?:(\\d{2})(?:[.,]\\d+)?)?)?"
        u"(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"_s);
    const QStringView trimmed = text.trimmed();
    auto m = extended.match(trimmed);
    if (!m.hasMatch()) {
        m = basic.match(trimmed);
        if (!m.hasMatch()) {
            return {};
        }
    }
    const auto number = [&m](int group, int fallback) {
        return m.capturedView(group).isEmpty() ? fallback : m.capturedView(group).toInt();
    };
    int offset = 0;
    const QStringView zone = m.capturedView(7);
    if (zone.startsWith(u'+') || zone.startsWith(u'-')) {
        const auto parsed = numericOffset(zone);
        if (!parsed) {
            return {};
        }
        offset = *parsed;
    }
    return makeUtc(number(1, 0), number(2, 1), number(3, 1), number(4, 0), number(5, 0), number(6, 0), offset);
}

} // namespace folio
