// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/TimelineStore.h"

#include "storage/Database.h"
#include "storage/QueryBuilder.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace folio {

TimelineStore::TimelineStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Timeline::Bucket TimelineStore::bucketFor(qint64 days)
{
    if (days <= 120) {
        return Timeline::Bucket::Day;
    }
    if (days <= 3 * 366) {
        return Timeline::Bucket::Week;
    }
    return Timeline::Bucket::Month;
}

Result<Timeline> TimelineStore::timeline(const ArticleQuery& query)
{
    ArticleQuery q = query;
    q.since.reset();
    q.until.reset();
    q.includeUndated = false;
    q.sort = ArticleQuery::Sort::DateDesc;
    const QString column = q.dateField == ArticleQuery::DateField::Added ? u"a.added"_s : u"a.published"_s;
    QueryBuilder builder(q);
    if (builder.error()) {
        return *builder.error();
    }
    // Per UTC day; days are folded into weeks or months here (at most a few thousand rows).
    // The whole library by publication date is kept per day by triggers (0012_day_counts.sql);
    // any other timeline counts its own rows.
    const bool wholeLibrary = q.dateField == ArticleQuery::DateField::Published && q.text.trimmed().isEmpty()
        && !builder.hasFiltersBesidesText();
    QString sql;
    if (wholeLibrary) {
        sql = u"SELECT date(day * 86400, 'unixepoch'), articles FROM published_days WHERE articles > 0 ORDER BY day"_s;
    } else if (sql = builder.tagTimeline(); !sql.isEmpty()) {
        // one tag: its links alone
    } else {
        const QString with = builder.withHitIds();
        QString from = builder.fromWhere();
        from += from.contains(u" WHERE "_s) ? u" AND "_s : u" WHERE "_s;
        from += column + u" IS NOT NULL"_s;
        sql = with + u"SELECT date(%1, 'unixepoch') AS day, count(*)"_s.arg(column) + from
            + u" GROUP BY day ORDER BY day"_s;
    }
    QSqlQuery sq(m_db);
    sq.setForwardOnly(true);
    if (!sq.prepare(sql)) {
        return Database::sqlError(sq, u"prepare timeline"_s);
    }
    builder.bindAll(sq);
    if (!sq.exec()) {
        return Database::sqlError(sq, u"read timeline"_s);
    }
    QList<QDate> days;
    QList<int> dayCounts;
    while (sq.next()) {
        const QDate day = QDate::fromString(sq.value(0).toString(), Qt::ISODate);
        if (day.isValid()) {
            days.append(day);
            dayCounts.append(sq.value(1).toInt());
        }
    }
    Timeline t;
    if (days.isEmpty()) {
        return t;
    }
    t.bucket = bucketFor(days.first().daysTo(days.last()) + 1);
    auto startOf = [&t](const QDate& d) {
        switch (t.bucket) {
        case Timeline::Bucket::Day:
            return d;
        case Timeline::Bucket::Week:
            return d.addDays(1 - d.dayOfWeek());
        case Timeline::Bucket::Month:
            return QDate(d.year(), d.month(), 1);
        }
        return d;
    };
    for (qsizetype i = 0; i < days.size(); ++i) {
        const QDate start = startOf(days.at(i));
        if (!t.starts.isEmpty() && t.starts.last() == start) {
            t.counts.last() += dayCounts.at(i);
        } else {
            t.starts.append(start);
            t.counts.append(dayCounts.at(i));
        }
    }
    t.first = t.starts.first();
    return t;
}

} // namespace folio
