// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/JsonFeedParser.h"

#include "ingest/DateParser.h"
#include "ingest/IngestCommon.h"
#include "ingest/TextDecoding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <optional>

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

// Walks a JSON document chunk by chunk, knowing only strings, nesting and line breaks: enough to
// find the objects of the top-level "items" array (QJsonDocument keeps no positions) and to cut
// them out of a file too large to read whole. Bytes outside those objects can be kept as the
// document's skeleton, with each item object reduced to "{}" and its line breaks, so that the
// skeleton parses as JSON with the document's own line numbers.
class ItemCutter
{
public:
    /// An item object: its bytes (when cut) and the line it starts on.
    using OnItem = std::function<bool(const QByteArray& bytes, int line)>;

    ItemCutter(bool cut, bool keepSkeleton, OnItem onItem)
        : m_cut(cut)
        , m_keepSkeleton(keepSkeleton)
        , m_onItem(std::move(onItem))
    {
    }

    /// Feeds the next bytes; false when onItem stopped the walk.
    bool feed(QByteArrayView bytes)
    {
        for (const char c : bytes) {
            if (!step(c)) {
                return false;
            }
        }
        return true;
    }

    const QByteArray& skeleton() const { return m_skeleton; }
    /// The document ended inside an item object: its bytes so far (when cut) and its line.
    bool inItem() const { return m_inItem; }
    const QByteArray& pendingItem() const { return m_item; }
    int pendingItemLine() const { return m_itemLine; }
    /// Where the current (or last) item object starts in the skeleton.
    qsizetype itemSkeletonStart() const { return m_itemSkeletonStart; }
    /// How often the top level has a key spelled "items" (unescaped), and whether the first one
    /// held the array whose objects were cut.
    int itemsKeys() const { return m_itemsKeys; }
    bool sawItemsArray() const { return m_itemsDepth != -1; }
    /// Stops the walk (feed() false, overflowed() true) once the skeleton or one item object
    /// grows past limit bytes; 0: no limit.
    void setLimit(qsizetype limit) { m_limit = limit; }
    bool overflowed() const { return m_overflowed; }

private:
    bool step(char c)
    {
        if (m_inItem) {
            if (m_cut) {
                m_item.append(c);
            }
            if (c == '\n' && m_keepSkeleton) {
                m_skeleton.append(c);
            }
        } else if (m_keepSkeleton) {
            m_skeleton.append(c);
        }
        if (m_limit > 0 && (m_skeleton.size() > m_limit || m_item.size() > m_limit)) {
            m_overflowed = true;
            return false;
        }
        // Every line break counts, inside strings too: Qt's parser takes raw ones there, and
        // line numbers are those of the file.
        if (c == '\n') {
            ++m_line;
        }
        if (m_inString) {
            if (m_escaped) {
                m_escaped = false;
            } else if (c == '\\') {
                m_escaped = true;
            } else if (c == '"') {
                m_inString = false;
                m_stringEnded = true;
            } else if (m_depth == 1 && m_current.size() < 16) {
                m_current.append(c);
            }
            return true;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return true;
        }
        if (c == ':' && m_stringEnded && m_depth == 1) {
            m_lastKey = m_current;
            if (m_lastKey == "items") {
                ++m_itemsKeys;
            }
        }
        m_stringEnded = false;
        if (c == '"') {
            m_inString = true;
            m_current.clear();
        } else if (c == '{' || c == '[') {
            if (c == '{' && m_depth == m_itemsDepth) {
                m_inItem = true;
                m_itemLine = m_line;
                m_itemSkeletonStart = m_skeleton.size() - 1;
                if (m_cut) {
                    m_item = QByteArray(1, '{');
                }
            }
            if (c == '[' && m_depth == 1 && m_itemsDepth == -1 && m_lastKey == "items") {
                m_itemsDepth = m_depth + 1;
            }
            ++m_depth;
        } else if (c == '}' || c == ']') {
            --m_depth;
            if (m_inItem && m_depth == m_itemsDepth) {
                m_inItem = false;
                if (m_keepSkeleton) {
                    m_skeleton.append('}');
                }
                const bool go = m_onItem(m_item, m_itemLine);
                m_item.clear();
                if (!go) {
                    return false;
                }
            }
            if (m_itemsDepth > 0 && m_depth < m_itemsDepth) {
                m_itemsDepth = -2; // the items array is closed
            }
        }
        return true;
    }

    bool m_cut = false;
    bool m_keepSkeleton = false;
    OnItem m_onItem;
    QByteArray m_skeleton;
    QByteArray m_item;
    QByteArray m_current;
    QByteArray m_lastKey;
    int m_line = 1;
    int m_depth = 0;
    int m_itemsDepth = -1;
    int m_itemLine = 0;
    int m_itemsKeys = 0;
    qsizetype m_itemSkeletonStart = 0;
    qsizetype m_limit = 0;
    bool m_overflowed = false;
    bool m_inItem = false;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_stringEnded = false;
};

// The items the cutter found must be the ones QJsonDocument reads: with a second "items" key it
// keeps the last, and a key written with escapes ("it\u0065ms") the cutter cannot see. Both
// paths refuse such a document rather than read different items.
std::optional<Error> checkItemsKey(const ItemCutter& cutter, const QJsonObject& root, const QString& fileName)
{
    if (cutter.itemsKeys() > 1 || root.value("items"_L1).isArray() != cutter.sawItemsArray()) {
        return makeError(Error::Code::Parse, u"unsupported JSON Feed: its \"items\" key is repeated or escaped"_s,
                         fileName, 1);
    }
    return std::nullopt;
}

// The document's top level as a JSON Feed: its version (1.1 or not), or why it is none.
Result<bool> checkRoot(const QJsonObject& root, const QString& fileName)
{
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
    return number == "1.1"_L1;
}

// A document's top level parsed, or the parse error at its line.
Result<QJsonObject> parseTop(const QByteArray& json, const QString& fileName)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(Error::Code::Parse, u"malformed JSON: %1"_s.arg(parseError.errorString()), fileName,
                         text::lineOfOffset(json, parseError.offset));
    }
    if (!document.isObject()) {
        return makeError(Error::Code::Parse, u"not a JSON Feed: the top level is not an object"_s, fileName, 1);
    }
    return document.object();
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

    /// The feed without items (what a sink hears as the head).
    const ParsedFeed& head() const { return m_feed; }

    /// One item object, finished (line set by the caller).
    FeedItem item(const QJsonObject& o, int line) const
    {
        FeedItem item = readItem(o);
        item.line = line;
        ingest::finishItem(item);
        return item;
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
    auto root = parseTop(json, fileName);
    if (!root) {
        return root.error();
    }
    auto v11 = checkRoot(root.value(), fileName);
    if (!v11) {
        return v11.error();
    }
    // The line where each object of the top-level "items" array starts.
    QList<int> lines;
    ItemCutter cutter(false, false, [&lines](const QByteArray&, int line) {
        lines.append(line);
        return true;
    });
    cutter.feed(json);
    if (auto e = checkItemsKey(cutter, root.value(), fileName)) {
        return *e;
    }
    return JsonFeedReader(root.value(), baseUrl, v11.value()).run(lines, fileName);
}

Result<ParsedFeed> JsonFeedParser::streamFile(const QString& path, const ItemSink& sink, const QString& fileName,
                                              const QUrl& baseUrl, const Progress& progress)
{
    const QString name = fileName.isEmpty() ? path : fileName;
    QFile file(path);
    const auto opened = text::openUtf8Stream(file, name, u"a JSON Feed"_s);
    if (!opened) {
        return opened.error();
    }
    const int bomLength = opened.value();
    constexpr qint64 kChunk = 1024 * 1024;
    // First pass: the skeleton (the document with every item reduced to "{}"), which holds the
    // feed's own fields wherever they stand and shows whether the document is well formed.
    file.seek(bomLength);
    // An item object's own error (an unterminated or malformed one), at its line in the file.
    const auto itemError = [&name](const QByteArray& bytes, int line) -> std::optional<Error> {
        QJsonParseError parseError{};
        const QJsonDocument item = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error == QJsonParseError::NoError && item.isObject()) {
            return std::nullopt;
        }
        return makeError(Error::Code::Parse, u"malformed JSON: %1"_s.arg(parseError.errorString()), name,
                         line + text::lineOfOffset(bytes, parseError.offset) - 1);
    };
    // Only the items are streamed: a skeleton or a single item past the in-memory cap would be
    // held whole, so such a document is refused as before. Each item is checked here too, so
    // that the error reported is the first one in the document, as QJsonDocument reports it.
    std::optional<std::pair<qsizetype, Error>> badItem; // where in the skeleton, and why
    ItemCutter* self = nullptr;
    ItemCutter outline(true, true, [&](const QByteArray& bytes, int line) {
        if (!badItem) {
            if (auto e = itemError(bytes, line)) {
                badItem.emplace(self->itemSkeletonStart(), *e);
            }
        }
        return true;
    });
    self = &outline;
    outline.setLimit(text::kMaxDocumentBytes);
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty()) {
            return makeError(Error::Code::Io, u"cannot read: %1"_s.arg(file.errorString()), name);
        }
        if (!outline.feed(chunk) && outline.overflowed()) {
            return makeError(Error::Code::Parse,
                             outline.inItem()
                                 ? u"an item larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024))
                                 : u"file is larger than %1 MiB outside its \"items\" array"_s.arg(
                                       text::kMaxDocumentBytes / (1024 * 1024)),
                             name, outline.inItem() ? outline.pendingItemLine() : 1);
        }
    }
    // The first error in the document: in the skeleton, in a complete item, or in an item cut
    // off by the end of the file (the skeleton only knows that an object is unterminated).
    std::optional<std::pair<qsizetype, Error>> first = badItem;
    const auto consider = [&first](qsizetype at, const Error& e) {
        if (!first || at < first->first) {
            first.emplace(at, e);
        }
    };
    if (outline.inItem()) {
        if (auto e = itemError(outline.pendingItem(), outline.pendingItemLine())) {
            consider(outline.itemSkeletonStart(), *e);
        }
    }
    QJsonParseError skeletonError{};
    (void)QJsonDocument::fromJson(outline.skeleton(), &skeletonError);
    if (skeletonError.error != QJsonParseError::NoError) {
        // Qt reports a missing separator once it has read the next token: at or just past the
        // brace of the item that follows. Up to there, the error comes before that item's own.
        consider(skeletonError.offset - 2,
                 makeError(Error::Code::Parse, u"malformed JSON: %1"_s.arg(skeletonError.errorString()), name,
                           text::lineOfOffset(outline.skeleton(), skeletonError.offset)));
    }
    if (first) {
        return first->second;
    }
    auto root = parseTop(outline.skeleton(), name);
    if (!root) {
        return root.error();
    }
    auto v11 = checkRoot(root.value(), name);
    if (!v11) {
        return v11.error();
    }
    if (auto e = checkItemsKey(outline, root.value(), name)) {
        return *e;
    }
    JsonFeedReader reader(root.value(), baseUrl, v11.value());
    const qint64 size = file.size();
    // Second pass: each item object cut out, parsed and handed on.
    std::optional<Error> failed;
    qsizetype count = 0;
    ItemCutter items(true, false, [&](const QByteArray& bytes, int line) {
        if (count >= ingest::kMaxItems) {
            qCWarning(lcIngest, "%s: more than %lld items; the rest are skipped", qPrintable(name),
                      static_cast<long long>(ingest::kMaxItems));
            return false;
        }
        QJsonParseError parseError{};
        const QJsonDocument item = QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError || !item.isObject()) {
            failed = itemError(bytes, line);
            return false;
        }
        ++count;
        if (progress) {
            progress(file.pos(), size);
        }
        if (!sink(reader.head(), reader.item(item.object(), line))) {
            failed = makeError(Error::Code::Cancelled, u"stopped"_s, name);
            return false;
        }
        return true;
    });
    file.seek(bomLength);
    while (!file.atEnd() && !failed && count < ingest::kMaxItems + 1) {
        const QByteArray chunk = file.read(kChunk);
        if (chunk.isEmpty()) {
            return makeError(Error::Code::Io, u"cannot read: %1"_s.arg(file.errorString()), name);
        }
        if (!items.feed(chunk)) {
            break;
        }
    }
    if (failed) {
        return *failed;
    }
    return reader.head();
}

} // namespace folio
