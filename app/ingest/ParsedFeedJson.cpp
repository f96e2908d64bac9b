// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/ParsedFeedJson.h"

#include "domain/Dates.h"
#include "ingest/IngestCommon.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QJsonValue stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject parsedFeedToJson(const ParsedFeed& feed)
{
    QJsonArray items;
    for (const FeedItem& item : feed.items) {
        const QDateTime published = item.published.isValid() ? item.published : item.updated;
        QJsonObject o;
        o.insert(u"id"_s, stringOrNull(item.id));
        o.insert(u"title"_s, item.title);
        o.insert(u"link"_s, stringOrNull(item.link));
        o.insert(u"published"_s, dates::isoOrNull(published));
        o.insert(u"updated"_s, dates::isoOrNull(item.updated));
        o.insert(u"author"_s, stringOrNull(item.author));
        o.insert(u"tags"_s, QJsonArray::fromStringList(item.tags));
        o.insert(u"summary"_s, stringOrNull(item.summary));
        // Exactly what import stores: sanitised, every URL absolute.
        o.insert(u"content_html"_s, stringOrNull(ingest::storedContentHtml(item, feed.link)));
        items.append(o);
    }
    QJsonObject root;
    root.insert(u"format"_s, feed.format);
    root.insert(u"title"_s, feed.title);
    root.insert(u"link"_s, stringOrNull(feed.link));
    root.insert(u"items"_s, items);
    return root;
}

} // namespace folio
