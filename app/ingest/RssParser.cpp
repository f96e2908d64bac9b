// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/RssParser.h"

#include "ingest/DateParser.h"
#include "ingest/IngestCommon.h"
#include "ingest/SafeXmlReader.h"
#include "ingest/XmlNames.h"

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// An item as read, before its URLs can be resolved (the channel link may come later).
struct PendingItem
{
    FeedItem item;
    QUrl base;
    QUrl contentBase; // nearest xml:base in scope of content:encoded (the item's, or its own)
    QString descriptionHtml; // <description> when it has markup: the content when there is no other
    QUrl descriptionBase;
    QString rawLink;
    QString dcTitle;
    QString dcDescription;
    QString guid;
    bool guidIsPermaLink = true;
    QStringList creators;
    QString rssAuthor;
    QString itunesAuthor;
    QDateTime pubDate;
    QDateTime dcDate;
    QDateTime otherPublished;
    QList<Enclosure> rawEnclosures;
};

bool isCoreNs(QStringView ns)
{
    // A trailing slash or '#' is dropped by some tools; compare without it.
    QStringView n = ns;
    while (n.endsWith(u'/') || n.endsWith(u'#')) {
        n.chop(1);
    }
    if (n.isEmpty()) {
        return true;
    }
    static const QLatin1StringView known[] = {xmlns::kRss10,       xmlns::kRss090,     xmlns::kRss20Userland,
                                              xmlns::kRssUserland, xmlns::kRssHarvard, xmlns::kRss20Purl,
                                              xmlns::kRss21Purl,   xmlns::kRss21Userland, xmlns::kRss091Module};
    for (QLatin1StringView k : known) {
        while (k.endsWith(u'/') || k.endsWith(u'#')) {
            k.chop(1);
        }
        if (n.compare(k, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

bool isMediaNs(QStringView ns)
{
    // Some feeds drop the trailing slash of the Media RSS namespace.
    return ns == xmlns::kMedia || ns == "http://search.yahoo.com/mrss"_L1;
}

qint64 lengthOf(QStringView s)
{
    bool ok = false;
    const qint64 n = s.trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

bool looksLikeWebUrl(const QString& s)
{
    return s.startsWith("http://"_L1, Qt::CaseInsensitive) || s.startsWith("https://"_L1, Qt::CaseInsensitive);
}

class RssReader
{
public:
    RssReader(SafeXmlReader& reader, const QUrl& baseUrl, const ItemSink* sink = nullptr)
        : m_reader(reader)
        , m_xml(reader.xml())
        , m_baseUrl(baseUrl)
        , m_sink(sink)
    {
    }

    Result<ParsedFeed> run()
    {
        const bool rdf = m_xml.name() == "RDF"_L1;
        if (rdf) {
            m_feed.format = u"rss1.0"_s;
        } else {
            const QString version = m_xml.attributes().value("version"_L1).trimmed().toString();
            m_feed.format = version.startsWith(u'2') ? u"rss2.0"_s : u"rss0.9x"_s;
        }
        const QUrl rootBase = ingest::withXmlBase(m_baseUrl, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
        while (!m_stopped && m_xml.readNextStartElement()) {
            if (rdf && m_xml.namespaceUri() == xmlns::kRss090) {
                m_feed.format = u"rss0.9x"_s;
            }
            if (m_xml.name() == "channel"_L1 && isCoreNs(m_xml.namespaceUri())) {
                readChannel(rootBase);
            } else if (m_xml.name() == "item"_L1 && isCoreNs(m_xml.namespaceUri())) {
                readItem(rootBase); // RSS 1.0 puts items beside the channel
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (auto ok = m_reader.finish(); !ok) {
            return ok.error();
        }
        if (m_stopped) {
            return makeError(Error::Code::Cancelled, u"stopped"_s, m_reader.fileName(), m_reader.line());
        }
        m_linkKnown = true;
        resolveAll();
        if (m_stopped) {
            return makeError(Error::Code::Cancelled, u"stopped"_s, m_reader.fileName(), m_reader.line());
        }
        return std::move(m_feed);
    }

private:
    void readChannel(const QUrl& parentBase)
    {
        const QUrl base = ingest::withXmlBase(parentBase, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
        m_channelBase = base;
        while (!m_stopped && m_xml.readNextStartElement()) {
            const QStringView ns = m_xml.namespaceUri();
            const QStringView name = m_xml.name();
            if (ns == xmlns::kDc && name == "title"_L1 && m_dcTitle.isEmpty()) {
                m_dcTitle = ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxShortField), true);
            } else if (ns == xmlns::kDc && name == "description"_L1 && m_dcDescription.isEmpty()) {
                m_dcDescription =
                    ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxLongField), false);
            } else if (!isCoreNs(ns)) {
                m_xml.skipCurrentElement();
            } else if (name == "item"_L1) {
                readItem(base);
            } else if (name == "title"_L1 && m_feed.title.isEmpty()) {
                m_feed.title = ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxShortField), true);
            } else if (name == "link"_L1 && m_rawFeedLink.isEmpty()) {
                m_rawFeedLink = m_reader.readText(ingest::kMaxShortField).trimmed();
                if (m_sink && !m_rawFeedLink.isEmpty()) {
                    // Items read before the link can be resolved now, and later ones at once.
                    m_linkKnown = true;
                    resolveAll();
                }
            } else if (name == "description"_L1 && m_feed.description.isEmpty()) {
                m_feed.description =
                    ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxLongField), false);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (m_sink) {
            m_linkKnown = true; // the channel is over: its link is what it is
            resolveAll();
        }
    }

    void readItem(const QUrl& parentBase)
    {
        if (!m_sink && m_pending.size() >= ingest::kMaxItems) {
            if (!m_warnedLimit) {
                qCWarning(lcIngest, "%s: more than %lld items; the rest are skipped",
                          qPrintable(m_reader.fileName()), static_cast<long long>(ingest::kMaxItems));
                m_warnedLimit = true;
            }
            m_xml.skipCurrentElement();
            return;
        }
        PendingItem p;
        p.item.line = m_reader.line();
        const QXmlStreamAttributes attributes = m_xml.attributes();
        p.base = ingest::withXmlBase(parentBase, attributes.value(xmlns::kXml, "base"_L1).toString());
        const QString about = attributes.value(xmlns::kRdf, "about"_L1).trimmed().toString();
        while (m_xml.readNextStartElement()) {
            readItemChild(p);
        }
        if (p.item.id.isEmpty()) {
            p.item.id = about;
        }
        if (p.rawLink.isEmpty() && looksLikeWebUrl(about)) {
            p.rawLink = about;
        }
        m_pending.append(std::move(p));
        if (m_sink && m_linkKnown) {
            resolveAll();
        }
    }

    void readItemChild(PendingItem& p)
    {
        const QString ns = m_xml.namespaceUri().toString();
        const QString name = m_xml.name().toString();
        if (isCoreNs(ns)) {
            readCoreChild(p, name);
        } else if (ns == xmlns::kContent && name == "encoded"_L1) {
            p.contentBase = ingest::withXmlBase(p.base, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
            p.item.contentHtml = m_reader.readHtml(ingest::kMaxLongField).trimmed();
        } else if (ns == xmlns::kDc) {
            readDublinCore(p, name);
        } else if (ns == xmlns::kDcTerms && name == "modified"_L1) {
            p.item.updated = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (ns == xmlns::kDcTerms && (name == "issued"_L1 || name == "created"_L1)) {
            const QDateTime date = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
            if (!p.otherPublished.isValid()) {
                p.otherPublished = date;
            }
        } else if (ns == xmlns::kAtom10 && name == "updated"_L1) {
            p.item.updated = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (ns == xmlns::kAtom10 && name == "published"_L1) {
            p.otherPublished = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (isMediaNs(ns)) {
            readMedia(p, name);
        } else if (ns == xmlns::kItunes && name == "author"_L1) {
            p.itunesAuthor = m_reader.readText(ingest::kMaxShortField).simplified();
        } else if (ns == xmlns::kXhtml && name == "body"_L1 && p.item.contentHtml.isEmpty()) {
            p.contentBase = ingest::withXmlBase(p.base, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
            p.item.contentHtml = m_reader.readContent(ingest::kMaxLongField, true).markup.trimmed();
        } else {
            m_xml.skipCurrentElement();
        }
    }

    void readCoreChild(PendingItem& p, const QString& name)
    {
        if (name == "title"_L1) {
            // RSS titles are HTML in practice: "&amp;eacute;" means é, "<b>" is markup.
            p.item.title = ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxShortField), true);
        } else if (name == "link"_L1) {
            const QString link = m_reader.readText(ingest::kMaxShortField).trimmed();
            if (p.rawLink.isEmpty()) {
                p.rawLink = link;
            }
        } else if (name == "guid"_L1) {
            p.guidIsPermaLink =
                m_xml.attributes().value("isPermaLink"_L1).trimmed().compare("false"_L1, Qt::CaseInsensitive) != 0;
            p.guid = m_reader.readText(ingest::kMaxShortField).trimmed();
            p.item.id = p.guid;
        } else if (name == "description"_L1) {
            p.descriptionBase =
                ingest::withXmlBase(p.base, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
            const QString html = m_reader.readHtml(ingest::kMaxLongField).trimmed();
            p.item.summary = ingest::plainFromHtml(html, false);
            if (ingest::hasMarkup(html)) {
                p.descriptionHtml = html;
            }
        } else if (name == "pubDate"_L1) {
            p.pubDate = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (name == "author"_L1) {
            p.rssAuthor = ingest::authorName(m_reader.readText(ingest::kMaxShortField));
        } else if (name == "category"_L1) {
            ingest::addTag(p.item.tags, m_reader.readText(ingest::kMaxShortField));
        } else if (name == "enclosure"_L1) {
            const QXmlStreamAttributes a = m_xml.attributes();
            p.rawEnclosures.append(Enclosure{a.value("url"_L1).trimmed().toString(),
                                             a.value("type"_L1).trimmed().toString(), lengthOf(a.value("length"_L1))});
            m_xml.skipCurrentElement();
        } else {
            m_xml.skipCurrentElement();
        }
    }

    void readDublinCore(PendingItem& p, const QString& name)
    {
        if (name == "creator"_L1) {
            const QString creator = ingest::authorName(m_reader.readText(ingest::kMaxShortField));
            if (!creator.isEmpty() && !p.creators.contains(creator) && p.creators.size() < 32) {
                p.creators.append(creator);
            }
        } else if (name == "date"_L1) {
            if (!p.dcDate.isValid()) {
                p.dcDate = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
            } else {
                m_xml.skipCurrentElement();
            }
        } else if (name == "subject"_L1) {
            ingest::addTag(p.item.tags, m_reader.readText(ingest::kMaxShortField));
        } else if (name == "title"_L1 && p.dcTitle.isEmpty()) {
            p.dcTitle = ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxShortField), true);
        } else if (name == "description"_L1 && p.dcDescription.isEmpty()) {
            p.dcDescription =
                ingest::plainFromHtml(m_reader.readHtml(ingest::kMaxLongField), false);
        } else if (name == "identifier"_L1 && p.item.id.isEmpty()) {
            p.item.id = m_reader.readText(ingest::kMaxShortField).trimmed();
        } else {
            m_xml.skipCurrentElement();
        }
    }

    // media:content and media:thumbnail, also inside media:group or nested in media:content.
    void readMedia(PendingItem& p, const QString& name)
    {
        const QXmlStreamAttributes a = m_xml.attributes();
        if (name == "content"_L1) {
            QString type = a.value("type"_L1).trimmed().toString();
            if (type.isEmpty()) {
                type = a.value("medium"_L1).trimmed().toString();
            }
            p.rawEnclosures.append(
                Enclosure{a.value("url"_L1).trimmed().toString(), type, lengthOf(a.value("fileSize"_L1))});
        } else if (name == "thumbnail"_L1) {
            p.rawEnclosures.append(Enclosure{a.value("url"_L1).trimmed().toString(), u"image"_s, -1});
            m_xml.skipCurrentElement();
            return;
        } else if (name != "group"_L1) {
            m_xml.skipCurrentElement();
            return;
        }
        while (m_xml.readNextStartElement()) {
            if (isMediaNs(m_xml.namespaceUri())) {
                readMedia(p, m_xml.name().toString());
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    // Resolves the pending items and moves them to the feed, or hands them to the sink.
    void resolveAll()
    {
        const QString feedLink = ingest::resolveWebUrl(m_rawFeedLink, m_channelBase);
        m_feed.link = feedLink;
        if (m_feed.title.isEmpty()) {
            m_feed.title = m_dcTitle;
        }
        if (m_feed.description.isEmpty()) {
            m_feed.description = m_dcDescription;
        }
        const QUrl siteBase(feedLink);
        if (!m_sink) {
            m_feed.items.reserve(m_pending.size());
        }
        for (PendingItem& p : m_pending) {
            FeedItem item = resolved(p, siteBase);
            if (!m_sink) {
                m_feed.items.append(std::move(item));
            } else if (!m_stopped && !(*m_sink)(m_feed, std::move(item))) {
                m_stopped = true;
            }
        }
        m_pending.clear();
    }

    FeedItem resolved(PendingItem& p, const QUrl& siteBase)
    {
        const QUrl base = ingest::isWebUrl(p.base) ? p.base : siteBase;
        FeedItem& item = p.item;
        item.link = ingest::resolveWebUrl(p.rawLink, base);
        // RSS 2.0: a guid is a link only when isPermaLink is not "false".
        if (item.link.isEmpty() && !p.guid.isEmpty() && p.guidIsPermaLink
            && (looksLikeWebUrl(p.guid) || p.guid.startsWith(u'/'))) {
            item.link = ingest::resolveWebUrl(p.guid, base);
        }
        if (item.title.isEmpty()) {
            item.title = p.dcTitle;
        }
        if (item.summary.isEmpty()) {
            item.summary = p.dcDescription;
        }
        // Many feeds carry the whole story, images included, only in <description>: without
        // content:encoded it is the content, so the reader shows it as HTML and its images go offline.
        if (item.contentHtml.isEmpty() && !p.descriptionHtml.isEmpty()) {
            item.contentHtml = p.descriptionHtml;
            p.contentBase = p.descriptionBase;
        }
        item.contentBase = ingest::contentBase(p.contentBase.isValid() ? p.contentBase : p.base, m_baseUrl,
                                               item.link, m_feed.link);
        const QUrl linkBase(item.link);
        for (const Enclosure& raw : std::as_const(p.rawEnclosures)) {
            Enclosure e = raw;
            e.url = ingest::resolveWebUrl(raw.url, base);
            if (e.url.isEmpty()) {
                e.url = ingest::resolveWebUrl(raw.url, linkBase);
            }
            ingest::addEnclosure(item.enclosures, e);
        }
        item.published = p.pubDate.isValid() ? p.pubDate : p.dcDate.isValid() ? p.dcDate : p.otherPublished;
        if (!p.creators.isEmpty()) {
            item.author = p.creators.join(", "_L1);
        } else if (!p.rssAuthor.isEmpty()) {
            item.author = p.rssAuthor;
        } else {
            item.author = p.itunesAuthor;
        }
        ingest::finishItem(item);
        return std::move(item);
    }

    SafeXmlReader& m_reader;
    QXmlStreamReader& m_xml;
    QUrl m_baseUrl;
    QUrl m_channelBase;
    QString m_rawFeedLink;
    QString m_dcTitle;
    QString m_dcDescription;
    ParsedFeed m_feed;
    QList<PendingItem> m_pending;
    bool m_warnedLimit = false;
    const ItemSink* m_sink = nullptr; // streaming: items go here, not into m_feed
    bool m_linkKnown = false;         // streaming: the channel link is read, items resolve at once
    bool m_stopped = false;           // the sink said stop
};

} // namespace

bool RssParser::acceptsRoot(QStringView name, QStringView namespaceUri)
{
    return (name == "rss"_L1 && isCoreNs(namespaceUri)) || (name == "RDF"_L1 && namespaceUri == xmlns::kRdf);
}

Result<ParsedFeed> RssParser::parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    SafeXmlReader reader(fileName);
    if (auto ok = reader.openAtRoot(bytes); !ok) {
        return ok.error();
    }
    if (!acceptsRoot(reader.xml().name(), reader.xml().namespaceUri())) {
        return makeError(Error::Code::Parse, u"not an RSS document"_s, fileName, reader.line());
    }
    return parse(reader, baseUrl);
}

Result<ParsedFeed> RssParser::parse(SafeXmlReader& reader, const QUrl& baseUrl)
{
    return RssReader(reader, baseUrl).run();
}

Result<ParsedFeed> RssParser::parse(SafeXmlReader& reader, const QUrl& baseUrl, const ItemSink& sink)
{
    return RssReader(reader, baseUrl, &sink).run();
}

} // namespace folio
