// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"
#include "domain/Result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>

namespace folio {

/// How many articles match a filter per day, week or month (the timeline strip).
struct Timeline
{
    enum class Bucket { Day, Week, Month };
    Bucket bucket = Bucket::Day;
    QDate first;               ///< first day of the first bucket
    QList<QDate> starts;       ///< first day of each bucket with articles, ascending
    QList<int> counts;         ///< articles per bucket, parallel to starts
};

/// Counts for the timeline strip, from one GROUP BY query.
class TimelineStore
{
public:
    explicit TimelineStore(QSqlDatabase db);

    /// Counts of query's matches by the date it filters on (UTC days), with the date range of
    /// query itself ignored so the strip shows where a range could go. The bucket follows the span.
    Result<Timeline> timeline(const ArticleQuery& query);

    /// The bucket for a span of days: days up to ~4 months, weeks up to ~3 years, else months.
    static Timeline::Bucket bucketFor(qint64 days);

private:
    QSqlDatabase m_db;
};

} // namespace folio
