// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/AtomParser.h"

#include "ingest/DateParser.h"
#include "ingest/IngestCommon.h"
#include "ingest/SafeXmlReader.h"
#include "ingest/XmlNames.h"

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// A text construct (title, subtitle, summary, content) as plain text and as HTML.
struct TextValue
{
    QString text;
    QString html;
    bool present = false;
};

struct RawLink
{
    QString href;
    QUrl base;
};

struct PendingEntry
{
    FeedItem item;
    RawLink link;
    bool linkIsHtml = false;
    QUrl contentBase; // nearest xml:base in scope of <content>, its own included
    QString summaryHtml; // an HTML or XHTML <summary>: the content when there is no <content>
    QUrl summaryBase;
    QList<std::pair<Enclosure, QUrl>> rawEnclosures;
    QStringList authors;
    QStringList sourceAuthors;
    QStringList dcCreators;
    QDateTime created;
    QDateTime dcDate;
};

bool isAlternate(QStringView rel)
{
    const QStringView r = rel.trimmed();
    return r.isEmpty() || r.compare("alternate"_L1, Qt::CaseInsensitive) == 0
           || r == "http://www.iana.org/assignments/relation/alternate"_L1;
}

bool isHtmlType(QStringView type)
{
    return type.isEmpty() || type.startsWith("text/html"_L1, Qt::CaseInsensitive)
           || type.startsWith("application/xhtml+xml"_L1, Qt::CaseInsensitive);
}

qint64 lengthOf(QStringView s)
{
    bool ok = false;
    const qint64 n = s.trimmed().toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

class AtomReader
{
public:
    AtomReader(SafeXmlReader& reader, const QUrl& baseUrl)
        : m_reader(reader)
        , m_xml(reader.xml())
        , m_baseUrl(baseUrl)
    {
    }

    Result<ParsedFeed> run()
    {
        m_ns = m_xml.namespaceUri().toString();
        m_v03 = m_ns == xmlns::kAtom03;
        m_feed.format = m_v03 ? u"atom0.3"_s : u"atom1.0"_s;
        const QUrl base = baseOf(m_baseUrl);
        while (m_xml.readNextStartElement()) {
            const QString name = m_xml.name().toString();
            if (m_xml.namespaceUri() != m_ns) {
                m_xml.skipCurrentElement();
            } else if (name == "entry"_L1) {
                readEntry(base);
            } else if (name == "title"_L1) {
                m_feed.title = readTextConstruct(false, true).text;
            } else if (name == "subtitle"_L1 || name == "tagline"_L1) {
                m_feed.description = readTextConstruct(false, false).text;
            } else if (name == "link"_L1) {
                readLink(base, m_feedLink, m_feedLinkIsHtml, nullptr);
            } else if (name == "author"_L1) {
                readPerson(m_feedAuthors);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (auto ok = m_reader.finish(); !ok) {
            return ok.error();
        }
        resolveAll();
        return std::move(m_feed);
    }

private:
    QUrl baseOf(const QUrl& parent) const
    {
        return ingest::withXmlBase(parent, m_xml.attributes().value(xmlns::kXml, "base"_L1).toString());
    }

    void readEntry(const QUrl& parentBase)
    {
        if (m_pending.size() >= ingest::kMaxItems) {
            if (!m_warnedLimit) {
                qCWarning(lcIngest, "%s: more than %lld entries; the rest are skipped",
                          qPrintable(m_reader.fileName()), static_cast<long long>(ingest::kMaxItems));
                m_warnedLimit = true;
            }
            m_xml.skipCurrentElement();
            return;
        }
        PendingEntry p;
        p.item.line = m_reader.line();
        const QUrl base = baseOf(parentBase);
        while (m_xml.readNextStartElement()) {
            if (m_xml.namespaceUri() == m_ns) {
                readEntryChild(p, base);
            } else if (m_xml.namespaceUri() == xmlns::kDc) {
                readDublinCore(p);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        m_pending.append(std::move(p));
    }

    void readEntryChild(PendingEntry& p, const QUrl& base)
    {
        const QString name = m_xml.name().toString();
        FeedItem& item = p.item;
        if (name == "id"_L1) {
            item.id = m_reader.readText(ingest::kMaxShortField).trimmed();
        } else if (name == "title"_L1) {
            item.title = readTextConstruct(false, true).text;
        } else if (name == "link"_L1) {
            readLink(base, p.link, p.linkIsHtml, &p.rawEnclosures);
        } else if (name == "published"_L1 || name == "issued"_L1) {
            item.published = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (name == "updated"_L1 || name == "modified"_L1) {
            item.updated = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (name == "created"_L1) {
            p.created = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else if (name == "author"_L1) {
            readPerson(p.authors);
        } else if (name == "category"_L1) {
            // RFC 4287 4.2.2: label is the human-readable form of term.
            const QXmlStreamAttributes a = m_xml.attributes();
            const QString label = a.value("label"_L1).toString().simplified();
            ingest::addTag(item.tags, label.isEmpty() ? a.value("term"_L1).toString() : label);
            m_xml.skipCurrentElement();
        } else if (name == "summary"_L1) {
            const bool markup = m_xml.attributes().value("type"_L1).contains("html"_L1, Qt::CaseInsensitive)
                                || m_xml.attributes().value("mode"_L1).trimmed() == "escaped"_L1;
            const QUrl summaryBase = baseOf(base);
            const TextValue summary = readTextConstruct(false, false);
            item.summary = summary.text;
            if (markup && ingest::hasMarkup(summary.html)) {
                p.summaryHtml = summary.html.trimmed();
                p.summaryBase = summaryBase;
            }
        } else if (name == "content"_L1) {
            p.contentBase = baseOf(base);
            const TextValue content = readTextConstruct(true, false);
            if (content.present) {
                item.contentHtml = content.html.trimmed();
            }
        } else if (name == "source"_L1) {
            readSource(p.sourceAuthors);
        } else {
            m_xml.skipCurrentElement();
        }
    }

    void readDublinCore(PendingEntry& p)
    {
        const QStringView name = m_xml.name();
        if (name == "subject"_L1) {
            ingest::addTag(p.item.tags, m_reader.readText(ingest::kMaxShortField));
        } else if (name == "creator"_L1) {
            p.dcCreators.append(m_reader.readText(ingest::kMaxShortField).simplified());
        } else if (name == "date"_L1) {
            p.dcDate = DateParser::parse(m_reader.readText(ingest::kMaxShortField));
        } else {
            m_xml.skipCurrentElement();
        }
    }

    // An alternate link becomes target (the first one, or the first text/html one);
    // enclosure links go to enclosures when given.
    void readLink(const QUrl& parentBase, RawLink& target, bool& targetIsHtml,
                  QList<std::pair<Enclosure, QUrl>>* enclosures)
    {
        const QXmlStreamAttributes a = m_xml.attributes();
        const QUrl base = baseOf(parentBase);
        const QString href = a.value("href"_L1).trimmed().toString();
        const QStringView rel = a.value("rel"_L1);
        const QStringView type = a.value("type"_L1).trimmed();
        if (isAlternate(rel) && !href.isEmpty()) {
            const bool html = isHtmlType(type);
            if (target.href.isEmpty() || (html && !targetIsHtml)) {
                target = RawLink{href, base};
                targetIsHtml = html;
            }
        } else if (enclosures && rel.trimmed().compare("enclosure"_L1, Qt::CaseInsensitive) == 0
                   && enclosures->size() < ingest::kMaxEnclosuresPerItem) {
            enclosures->append({Enclosure{href, type.toString(), lengthOf(a.value("length"_L1))}, base});
        }
        m_xml.skipCurrentElement();
    }

    void readPerson(QStringList& names)
    {
        QString name;
        QString email;
        while (m_xml.readNextStartElement()) {
            if (m_xml.namespaceUri() == m_ns && m_xml.name() == "name"_L1) {
                name = m_reader.readText(ingest::kMaxShortField).simplified();
            } else if (m_xml.namespaceUri() == m_ns && m_xml.name() == "email"_L1) {
                email = m_reader.readText(ingest::kMaxShortField).simplified();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        const QString person = name.isEmpty() ? email : name;
        if (!person.isEmpty() && !names.contains(person) && names.size() < 32) {
            names.append(person);
        }
    }

    void readSource(QStringList& authors)
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.namespaceUri() == m_ns && m_xml.name() == "author"_L1) {
                readPerson(authors);
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    TextValue readTextConstruct(bool isContent, bool singleLine)
    {
        const QXmlStreamAttributes a = m_xml.attributes();
        const qsizetype max = singleLine ? ingest::kMaxShortField : ingest::kMaxLongField;
        if (isContent && a.hasAttribute("src"_L1)) {
            m_xml.skipCurrentElement(); // out-of-line content: nothing to show inline
            return {};
        }
        const QString type = a.value("type"_L1).trimmed().toString().toLower();
        return m_v03 ? readText03(type, a.value("mode"_L1).trimmed().toString().toLower(), max, singleLine)
                     : readText10(type, isContent, max, singleLine);
    }

    TextValue fromPlain(const QString& raw, bool singleLine) const
    {
        const QString text = singleLine ? raw.simplified() : raw.trimmed();
        return TextValue{text, ingest::htmlFromPlain(raw), true};
    }

    TextValue fromHtml(const QString& html, bool singleLine) const
    {
        return TextValue{ingest::plainFromHtml(html, singleLine), html, true};
    }

    TextValue readText10(const QString& type, bool isContent, qsizetype max, bool singleLine)
    {
        const bool xmlType = type.endsWith("+xml"_L1) || type.endsWith("/xml"_L1);
        // application/xhtml+xml is what early Atom 1.0 drafts called "xhtml".
        if (type == "xhtml"_L1 || type == "application/xhtml+xml"_L1 || (isContent && xmlType)) {
            const XmlContent c = m_reader.readContent(max, true, SafeXmlReader::Wrapper::UnwrapXhtmlDiv);
            return fromHtml(c.markup, singleLine);
        }
        if (type == "html"_L1 || type == "text/html"_L1) {
            return fromHtml(m_reader.readText(max), singleLine);
        }
        if (type.isEmpty() || type == "text"_L1 || type.startsWith("text/"_L1)) {
            return fromPlain(m_reader.readText(max), singleLine);
        }
        m_xml.skipCurrentElement(); // base64 media content
        return {};
    }

    TextValue readText03(const QString& type, const QString& mode, qsizetype max, bool singleLine)
    {
        const bool html = type.contains("html"_L1);
        if (mode == "escaped"_L1 || mode == "base64"_L1) {
            QString raw = m_reader.readText(max);
            if (mode == "base64"_L1) {
                if (!type.isEmpty() && !type.startsWith("text/"_L1) && !html) {
                    return {}; // binary content
                }
                raw = QString::fromUtf8(QByteArray::fromBase64(raw.toLatin1()));
            }
            return html ? fromHtml(raw, singleLine) : fromPlain(raw, singleLine);
        }
        // mode="xml", the default: inline markup, or text when there is none.
        const XmlContent c = m_reader.readContent(max, true, SafeXmlReader::Wrapper::UnwrapXhtmlDiv);
        if (c.hasElements) {
            return fromHtml(c.markup, singleLine);
        }
        return html ? fromHtml(c.text, singleLine) : fromPlain(c.text, singleLine);
    }

    void resolveAll()
    {
        m_feed.link = ingest::resolveWebUrl(m_feedLink.href, m_feedLink.base);
        const QUrl siteBase(m_feed.link);
        const auto resolve = [&siteBase](const QString& href, const QUrl& base) {
            const QString url = ingest::resolveWebUrl(href, base);
            return url.isEmpty() ? ingest::resolveWebUrl(href, siteBase) : url;
        };
        m_feed.items.reserve(m_pending.size());
        for (PendingEntry& p : m_pending) {
            FeedItem& item = p.item;
            item.link = resolve(p.link.href, p.link.base);
            if (item.contentHtml.isEmpty() && !p.summaryHtml.isEmpty()) {
                item.contentHtml = p.summaryHtml;
                p.contentBase = p.summaryBase;
            }
            item.contentBase = ingest::contentBase(p.contentBase, m_baseUrl, item.link, m_feed.link);
            for (const auto& [raw, base] : std::as_const(p.rawEnclosures)) {
                Enclosure e = raw;
                e.url = resolve(raw.url, base);
                ingest::addEnclosure(item.enclosures, e);
            }
            if (!item.published.isValid()) {
                item.published = p.created.isValid() ? p.created : p.dcDate;
            }
            // RFC 4287 4.2.1: an entry without author takes its source's, then the feed's.
            const QStringList& authors = !p.authors.isEmpty()         ? p.authors
                                         : !p.dcCreators.isEmpty()    ? p.dcCreators
                                         : !p.sourceAuthors.isEmpty() ? p.sourceAuthors
                                                                      : m_feedAuthors;
            item.author = authors.join(", "_L1);
            ingest::finishItem(item);
            m_feed.items.append(std::move(item));
        }
    }

    SafeXmlReader& m_reader;
    QXmlStreamReader& m_xml;
    QUrl m_baseUrl;
    QString m_ns;
    bool m_v03 = false;
    RawLink m_feedLink;
    bool m_feedLinkIsHtml = false;
    QStringList m_feedAuthors;
    ParsedFeed m_feed;
    QList<PendingEntry> m_pending;
    bool m_warnedLimit = false;
};

} // namespace

bool AtomParser::acceptsRoot(QStringView name, QStringView namespaceUri)
{
    return name == "feed"_L1 && (namespaceUri == xmlns::kAtom10 || namespaceUri == xmlns::kAtom03);
}

Result<ParsedFeed> AtomParser::parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    SafeXmlReader reader(fileName);
    if (auto ok = reader.openAtRoot(bytes); !ok) {
        return ok.error();
    }
    if (!acceptsRoot(reader.xml().name(), reader.xml().namespaceUri())) {
        return makeError(Error::Code::Parse, u"not an Atom document"_s, fileName, reader.line());
    }
    return parse(reader, baseUrl);
}

Result<ParsedFeed> AtomParser::parse(SafeXmlReader& reader, const QUrl& baseUrl)
{
    return AtomReader(reader, baseUrl).run();
}

} // namespace folio
