// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/JsonFeedParser.h"

#include "ingest/DateParser.h"
#include "ingest/IngestCommon.h"
#include "ingest/TextDecoding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QString stringOf(const QJsonValue& v, qsizetype max = ingest::kMaxShortField)
{
    if (v.isString()) {
        return ingest::truncated(v.toString(), max);
    }
    if (v.isDouble()) {
        // Some 1.0 feeds write numeric ids; keep the digits as written where possible.
        const double d = v.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                  : QString::number(d, 'g', 17);
    }
    return {};
}

QDateTime dateOf(const QJsonValue& v)
{
    const QString s = stringOf(v);
    const QDateTime iso = DateParser::parseIso8601(s);
    return iso.isValid() ? iso : DateParser::parse(s);
}

// 1.1 has an "authors" array; 1.0 has one "author" object. Either version may carry the
// other field, so read the preferred one first and fall back to the other.
QStringList authorsOf(const QJsonObject& o, bool v11)
{
    QStringList names;
    const auto addPerson = [&names](const QJsonValue& person) {
        const QString name = stringOf(person.toObject().value("name"_L1)).simplified();
        if (!name.isEmpty() && !names.contains(name) && names.size() < 32) {
            names.append(name);
        }
    };
    const auto fromArray = [&] {
        for (const QJsonValue& person : o.value("authors"_L1).toArray()) {
            addPerson(person);
        }
    };
    if (v11) {
        fromArray();
        if (names.isEmpty()) {
            addPerson(o.value("author"_L1));
        }
    } else {
        addPerson(o.value("author"_L1));
        if (names.isEmpty()) {
            fromArray();
        }
    }
    return names;
}

// The line where each object of the top-level "items" array starts. QJsonDocument keeps no
// positions, so this is a small scan that only tracks strings, nesting and line breaks.
QList<int> itemLines(const QByteArray& json)
{
    QList<int> lines;
    int line = 1;
    int depth = 0;
    int itemsDepth = -1;
    bool inString = false;
    bool escaped = false;
    bool stringEnded = false;
    QByteArray current;
    QByteArray lastKey;
    for (const char c : json) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                stringEnded = true;
            } else if (depth == 1 && current.size() < 16) {
                current.append(c);
            }
            continue;
        }
        if (c == '\n') {
            ++line;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        if (c == ':' && stringEnded && depth == 1) {
            lastKey = current;
        }
        stringEnded = false;
        if (c == '"') {
            inString = true;
            current.clear();
        } else if (c == '{' || c == '[') {
            if (c == '{' && depth == itemsDepth) {
                lines.append(line);
            }
            if (c == '[' && depth == 1 && itemsDepth == -1 && lastKey == "items") {
                itemsDepth = depth + 1;
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
            if (itemsDepth > 0 && depth < itemsDepth) {
                itemsDepth = -2; // the items array is closed
            }
        }
    }
    return lines;
}

class JsonFeedReader
{
public:
    JsonFeedReader(const QJsonObject& root, const QUrl& baseUrl, bool v11)
        : m_root(root)
        , m_v11(v11)
    {
        m_feed.format = v11 ? u"jsonfeed1.1"_s : u"jsonfeed1.0"_s;
        m_feed.title = stringOf(root.value("title"_L1)).simplified();
        m_feed.description = stringOf(root.value("description"_L1), ingest::kMaxLongField).trimmed();
        const QUrl feedUrl(stringOf(root.value("feed_url"_L1)).trimmed());
        m_base = ingest::isWebUrl(baseUrl) ? baseUrl : feedUrl;
        m_feed.link = ingest::resolveWebUrl(stringOf(root.value("home_page_url"_L1)), m_base);
        if (!ingest::isWebUrl(m_base)) {
            m_base = QUrl(m_feed.link);
        }
        m_feedAuthors = authorsOf(root, v11);
    }

    ParsedFeed run(const QList<int>& lines, const QString& fileName)
    {
        const QJsonArray items = m_root.value("items"_L1).toArray();
        qsizetype objectIndex = 0;
        for (const QJsonValue& value : items) {
            if (!value.isObject()) {
                continue;
            }
            if (m_feed.items.size() >= ingest::kMaxItems) {
                qCWarning(lcIngest, "%s: more than %lld items; the rest are skipped", qPrintable(fileName),
                          static_cast<long long>(ingest::kMaxItems));
                break;
            }
            FeedItem item = readItem(value.toObject());
            item.line = objectIndex < lines.size() ? lines.at(objectIndex) : 0;
            ++objectIndex;
            ingest::finishItem(item);
            m_feed.items.append(std::move(item));
        }
        return std::move(m_feed);
    }

private:
    FeedItem readItem(const QJsonObject& o) const
    {
        FeedItem item;
        item.id = stringOf(o.value("id"_L1)).trimmed();
        item.link = ingest::resolveWebUrl(stringOf(o.value("url"_L1)), m_base);
        if (item.link.isEmpty()) {
            item.link = ingest::resolveWebUrl(stringOf(o.value("external_url"_L1)), m_base);
        }
        item.title = stringOf(o.value("title"_L1)).simplified();
        item.summary = stringOf(o.value("summary"_L1), ingest::kMaxLongField).trimmed();
        item.contentHtml = stringOf(o.value("content_html"_L1), ingest::kMaxLongField).trimmed();
        if (item.contentHtml.isEmpty()) {
            item.contentHtml = ingest::htmlFromPlain(stringOf(o.value("content_text"_L1), ingest::kMaxLongField));
        }
        item.published = dateOf(o.value("date_published"_L1));
        item.updated = dateOf(o.value("date_modified"_L1));
        const QStringList authors = authorsOf(o, m_v11);
        item.author = (authors.isEmpty() ? m_feedAuthors : authors).join(", "_L1);
        for (const QJsonValue& tag : o.value("tags"_L1).toArray()) {
            ingest::addTag(item.tags, stringOf(tag));
        }
        const QUrl itemBase = item.link.isEmpty() ? m_base : QUrl(item.link);
        item.contentBase = ingest::contentBase(m_base, m_base, item.link, m_feed.link);
        for (const QJsonValue& a : o.value("attachments"_L1).toArray()) {
            const QJsonObject attachment = a.toObject();
            const QJsonValue size = attachment.value("size_in_bytes"_L1);
            ingest::addEnclosure(item.enclosures,
                                 Enclosure{ingest::resolveWebUrl(stringOf(attachment.value("url"_L1)), itemBase),
                                           stringOf(attachment.value("mime_type"_L1)).trimmed(),
                                           size.isDouble() && size.toDouble() >= 0 ? size.toInteger() : -1});
        }
        const QString image = ingest::resolveWebUrl(stringOf(o.value("image"_L1)), itemBase);
        ingest::addEnclosure(item.enclosures, Enclosure{image, u"image"_s, -1});
        return item;
    }

    QJsonObject m_root;
    bool m_v11 = false;
    QUrl m_base;
    QStringList m_feedAuthors;
    ParsedFeed m_feed;
};

} // namespace

Result<ParsedFeed> JsonFeedParser::parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    if (bytes.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         fileName);
    }
    const QByteArray json = text::jsonAsUtf8(bytes);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(Error::Code::Parse, u"malformed JSON: %1"_s.arg(parseError.errorString()), fileName,
                         text::lineOfOffset(json, parseError.offset));
    }
    if (!document.isObject()) {
        return makeError(Error::Code::Parse, u"not a JSON Feed: the top level is not an object"_s, fileName, 1);
    }
    const QJsonObject root = document.object();
    const QString version = stringOf(root.value("version"_L1)).trimmed();
    static const auto prefixes = {"https://jsonfeed.org/version/"_L1, "http://jsonfeed.org/version/"_L1};
    QString number;
    for (const QLatin1StringView prefix : prefixes) {
        if (version.startsWith(prefix, Qt::CaseInsensitive)) {
            number = version.mid(prefix.size());
        }
    }
    if (number.endsWith(u'/')) {
        number.chop(1);
    }
    if (number != "1"_L1 && number != "1.0"_L1 && number != "1.1"_L1) {
        return makeError(Error::Code::Parse,
                         version.isEmpty() ? u"not a JSON Feed: no version"_s
                                           : u"unsupported JSON Feed version \"%1\""_s.arg(version),
                         fileName, 1);
    }
    if (root.contains("items"_L1) && !root.value("items"_L1).isArray()) {
        return makeError(Error::Code::Parse, u"JSON Feed \"items\" is not an array"_s, fileName, 1);
    }
    return JsonFeedReader(root, baseUrl, number == "1.1"_L1).run(itemLines(json), fileName);
}

} // namespace folio
