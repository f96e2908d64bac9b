// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/JsonExport.h"

#include "domain/Dates.h"

using namespace Qt::StringLiterals;

namespace folio::json {

namespace {

QJsonValue stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject articleRow(const ArticleRow& row)
{
    QJsonObject o;
    o.insert(u"id"_s, row.id);
    o.insert(u"title"_s, row.title);
    o.insert(u"link"_s, stringOrNull(row.link));
    o.insert(u"published"_s, dates::isoOrNull(row.published));
    o.insert(u"source"_s, row.source);
    o.insert(u"tags"_s, QJsonArray::fromStringList(row.tags));
    o.insert(u"read"_s, row.state.read);
    o.insert(u"bookmarked"_s, row.state.bookmarked);
    return o;
}

QJsonObject article(const Article& a)
{
    QJsonObject o;
    o.insert(u"id"_s, a.id);
    o.insert(u"title"_s, a.title);
    o.insert(u"link"_s, stringOrNull(a.link));
    o.insert(u"published"_s, dates::isoOrNull(a.published));
    o.insert(u"updated"_s, dates::isoOrNull(a.updated));
    o.insert(u"added"_s, dates::isoUtc(a.added));
    o.insert(u"author"_s, stringOrNull(a.author));
    o.insert(u"source"_s, a.source);
    o.insert(u"sources"_s, QJsonArray::fromStringList(a.sources));
    o.insert(u"tags"_s, QJsonArray::fromStringList(a.tags));
    o.insert(u"read"_s, a.state.read);
    o.insert(u"bookmarked"_s, a.state.bookmarked);
    o.insert(u"summary"_s, a.summary);
    o.insert(u"content_html"_s, stringOrNull(a.contentHtml));
    return o;
}

QJsonObject tagCount(const TagCount& tag)
{
    return QJsonObject{{u"name"_s, tag.name}, {u"count"_s, tag.count}, {u"unread"_s, tag.unread}};
}

QJsonObject stats(const LibraryStats& s)
{
    return QJsonObject{{u"articles"_s, s.articles},
                       {u"tags"_s, s.tags},
                       {u"sources"_s, s.sources},
                       {u"bookmarks"_s, s.bookmarks},
                       {u"unread"_s, s.unread}};
}

QJsonObject importReport(const ImportReport& r)
{
    return QJsonObject{{u"file"_s, r.file},
                       {u"format"_s, r.format},
                       {u"items"_s, r.items},
                       {u"added"_s, r.added},
                       {u"updated"_s, r.updated},
                       {u"tags"_s, QJsonArray::fromStringList(r.tags)}};
}

} // namespace folio::json
