// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/DocumentParser.h"

#include "ingest/AtomParser.h"
#include "ingest/JsonFeedParser.h"
#include "ingest/RssParser.h"
#include "ingest/SafeXmlReader.h"
#include "ingest/TagPageParser.h"
#include "ingest/TextDecoding.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

Result<ParsedFeed> parseXml(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    SafeXmlReader reader(fileName);
    if (auto ok = reader.openAtRoot(bytes); !ok) {
        return ok.error();
    }
    const QStringView name = reader.xml().name();
    const QStringView ns = reader.xml().namespaceUri();
    if (RssParser::acceptsRoot(name, ns)) {
        return RssParser::parse(reader, baseUrl);
    }
    if (AtomParser::acceptsRoot(name, ns)) {
        return AtomParser::parse(reader, baseUrl);
    }
    if (name.compare("opml"_L1, Qt::CaseInsensitive) == 0) {
        return makeError(Error::Code::Invalid, u"this is an OPML subscription list; use OPML import"_s, fileName,
                         reader.line());
    }
    return makeError(Error::Code::Parse, u"unrecognised format (XML root element <%1>)"_s.arg(name), fileName, 1);
}

// Hands every item of a parsed document to sink; the head stays.
Result<ParsedFeed> handOn(Result<ParsedFeed> parsed, const ItemSink& sink, const QString& fileName,
                          const DocumentParser::ReadProgress& progress, qint64 size)
{
    if (!parsed) {
        return parsed;
    }
    QList<FeedItem> items = std::move(parsed->items);
    parsed->items.clear();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (progress) {
            progress(size * (i + 1) / items.size(), size);
        }
        if (!sink(parsed.value(), std::move(items[i]))) {
            return makeError(Error::Code::Cancelled, u"stopped"_s, fileName);
        }
    }
    return parsed;
}

} // namespace

Result<ParsedFeed> DocumentParser::streamFile(const QString& path, const ItemSink& sink, const QUrl& base,
                                              const QString& fileName, const ReadProgress& progress)
{
    const QString name = fileName.isEmpty() ? path : fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), name);
    }
    const QByteArray head = file.peek(4096);
    const QString prefix = text::decodedPrefix(head).trimmed();
    const QUrl baseUrl = base.isValid() ? base : QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    if (!TagPageParser::looksLikeTagPage(head) && prefix.startsWith(u'<')) {
        file.close();
        SafeXmlReader reader(name);
        if (auto ok = reader.openFileAtRoot(path); !ok) {
            return ok.error();
        }
        const QStringView root = reader.xml().name();
        const QStringView ns = reader.xml().namespaceUri();
        if (RssParser::acceptsRoot(root, ns)) {
            if (!progress) {
                return RssParser::parse(reader, baseUrl, sink);
            }
            return RssParser::parse(reader, baseUrl, [&](const ParsedFeed& head, FeedItem&& item) {
                progress(reader.bytesRead(), reader.bytesTotal());
                return sink(head, std::move(item));
            });
        }
        if (AtomParser::acceptsRoot(root, ns)) {
            const qint64 size = reader.bytesTotal();
            return handOn(AtomParser::parse(reader, baseUrl), sink, name, progress, size);
        }
        if (root.compare("opml"_L1, Qt::CaseInsensitive) == 0) {
            return makeError(Error::Code::Invalid, u"this is an OPML subscription list; use OPML import"_s, name,
                             reader.line());
        }
        return makeError(Error::Code::Parse, u"unrecognised format (XML root element <%1>)"_s.arg(root), name, 1);
    }
    file.close();
    QFile whole(path);
    if (!whole.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(whole.errorString()), name);
    }
    if (whole.size() > text::kMaxDocumentBytes) {
        // Too large to read whole: a JSON Feed or a tag page is streamed item by item.
        if (prefix.startsWith(u'{')) {
            whole.close();
            return JsonFeedParser::streamFile(path, sink, name, baseUrl, progress);
        }
        if (TagPageParser::looksLikeTagPage(head)) {
            whole.close();
            return TagPageParser::streamFile(path, sink, name, progress);
        }
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)), name);
    }
    return handOn(parse(whole.read(text::kMaxDocumentBytes + 1), name, baseUrl), sink, name, progress, whole.size());
}

Result<ParsedFeed> DocumentParser::parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    if (bytes.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         fileName);
    }
    if (TagPageParser::looksLikeTagPage(bytes)) {
        return TagPageParser::parse(bytes, fileName);
    }
    const QString head = text::decodedPrefix(bytes).trimmed();
    if (head.isEmpty()) {
        return makeError(Error::Code::Parse, u"empty file"_s, fileName, 1);
    }
    if (head.startsWith(u'{')) {
        return JsonFeedParser::parse(bytes, fileName, baseUrl);
    }
    if (head.startsWith(u'<')) {
        return parseXml(bytes, fileName, baseUrl);
    }
    return makeError(Error::Code::Parse, u"unrecognised format"_s, fileName, 1);
}

Result<ParsedFeed> DocumentParser::parseFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), path);
    }
    if (file.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         path);
    }
    const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
    return parse(bytes, path, QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
}

} // namespace folio
