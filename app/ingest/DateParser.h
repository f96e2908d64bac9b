// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QStringView>

namespace folio {

/// Reads the dates feeds write. Every result is in UTC; a date that cannot be read is an
/// invalid QDateTime, never "now".
class DateParser
{
public:
    /// Tries RFC 822/2822 first, then ISO 8601 (RSS feeds write both). The shapes nearly every feed
    /// writes ("Fri, 05 Jan 2024 10:15:00 +0100", "2024-01-05T10:15:00Z") are read by a shortcut
    /// without regular expressions; whatever it reads, parseGeneral() reads the same.
    static QDateTime parse(QStringView text);

    /// parse() without the shortcut: the reference the shortcut is held to (TestDateParser).
    static QDateTime parseGeneral(QStringView text);

    /// RFC 822 / 2822 / 1123 and the ways feeds bend them: optional weekday, 2-digit years,
    /// single-digit days, full month names, missing seconds, dashes (RFC 850), named zones
    /// (UT, GMT, Z, US zones, a few European ones, military letters) or numeric zones
    /// (+0100, +01:00). No zone or an unknown zone name means UTC.
    static QDateTime parseRfc822(QStringView text);

    /// ISO 8601 / RFC 3339 / W3C-DTF: date only (YYYY, YYYY-MM, YYYY-MM-DD), or with a time
    /// after 'T' or a space, with or without seconds, fractional seconds and an offset
    /// (Z, +hh:mm, +hhmm, +hh); no offset means UTC. The basic form (20240105T101500Z) too.
    static QDateTime parseIso8601(QStringView text);
};

} // namespace folio
