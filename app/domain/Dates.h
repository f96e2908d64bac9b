// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace folio::dates {

/// "YYYY-MM-DDTHH:MM:SSZ" for a UTC instant.
inline QString isoUtc(const QDateTime& dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

inline QString isoUtc(qint64 secs)
{
    return isoUtc(QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()));
}

/// The ISO string, or JSON null when the date is unknown.
inline QJsonValue isoOrNull(const std::optional<qint64>& secs)
{
    return secs ? QJsonValue(isoUtc(*secs)) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue isoOrNull(const QDateTime& dt)
{
    return dt.isValid() ? QJsonValue(isoUtc(dt)) : QJsonValue(QJsonValue::Null);
}

inline std::optional<qint64> toSecs(const QDateTime& dt)
{
    return dt.isValid() ? std::optional<qint64>(dt.toSecsSinceEpoch()) : std::nullopt;
}

} // namespace folio::dates
