// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/OpmlParser.h"

#include "ingest/IngestCommon.h"
#include "ingest/SafeXmlReader.h"

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Deeper folder levels are folded into the deepest kept one.
constexpr qsizetype kMaxFolderDepth = 32;

// Exporters disagree on the case of attribute names (xmlUrl, xmlURL, xmlurl).
QString attribute(const QXmlStreamAttributes& attributes, QLatin1StringView name)
{
    for (const QXmlStreamAttribute& a : attributes) {
        if (a.name().compare(name, Qt::CaseInsensitive) == 0) {
            return ingest::truncated(a.value().toString(), ingest::kMaxShortField);
        }
    }
    return {};
}

// "feed://host/x" and "feed:https://host/x" are how some apps spell subscription links.
QString feedUrl(const QString& raw)
{
    QString url = raw.trimmed();
    if (url.startsWith("feed:"_L1, Qt::CaseInsensitive)) {
        url = url.mid(5);
        if (url.startsWith("//"_L1)) {
            url = u"http:"_s + url;
        }
    }
    return ingest::resolveWebUrl(url, QUrl());
}

QStringList categoriesOf(const QString& attribute)
{
    QStringList categories;
    for (const QString& entry : attribute.split(u',', Qt::SkipEmptyParts)) {
        QString name = entry.trimmed();
        while (name.startsWith(u'/')) {
            name.remove(0, 1);
        }
        while (name.endsWith(u'/')) {
            name.chop(1);
        }
        ingest::addTag(categories, name);
    }
    return categories;
}

class OpmlReader
{
public:
    explicit OpmlReader(SafeXmlReader& reader)
        : m_reader(reader)
        , m_xml(reader.xml())
    {
    }

    Result<OpmlDocument> run()
    {
        m_document.version = m_xml.attributes().value("version"_L1).trimmed().toString();
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == "head"_L1) {
                readHead();
            } else if (m_xml.name() == "body"_L1) {
                readBody();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (auto ok = m_reader.finish(); !ok) {
            return ok.error();
        }
        return std::move(m_document);
    }

private:
    void readHead()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == "title"_L1) {
                m_document.title = m_reader.readText(ingest::kMaxShortField).simplified();
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    // Iterative, so that deeply nested outlines cannot exhaust the stack.
    void readBody()
    {
        QStringList folders;
        QList<bool> pushedFolder;
        while (!m_xml.atEnd()) {
            const QXmlStreamReader::TokenType token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (m_xml.name() != "outline"_L1) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                pushedFolder.append(readOutline(folders));
            } else if (token == QXmlStreamReader::EndElement) {
                if (pushedFolder.isEmpty()) {
                    return; // </body>
                }
                if (pushedFolder.takeLast()) {
                    folders.removeLast();
                }
            }
        }
    }

    // Records a subscription, or pushes a folder name; returns whether a folder was pushed.
    bool readOutline(QStringList& folders)
    {
        const QXmlStreamAttributes a = m_xml.attributes();
        QString title = attribute(a, "text"_L1).simplified();
        if (title.isEmpty()) {
            title = attribute(a, "title"_L1).simplified();
        }
        const QString rawXmlUrl = attribute(a, "xmlUrl"_L1);
        if (rawXmlUrl.trimmed().isEmpty()) {
            if (title.isEmpty() || folders.size() >= kMaxFolderDepth) {
                return false;
            }
            folders.append(title);
            return true;
        }
        const QString xmlUrl = feedUrl(rawXmlUrl);
        if (xmlUrl.isEmpty()) {
            qCInfo(lcIngest, "%s:%d: outline with unusable xmlUrl skipped", qPrintable(m_reader.fileName()),
                   m_reader.line());
            return false;
        }
        if (m_document.outlines.size() >= ingest::kMaxItems) {
            if (!m_warnedLimit) {
                qCWarning(lcIngest, "%s: more than %lld outlines; the rest are skipped",
                          qPrintable(m_reader.fileName()), static_cast<long long>(ingest::kMaxItems));
                m_warnedLimit = true;
            }
            return false;
        }
        OpmlOutline outline;
        outline.title = title;
        outline.xmlUrl = xmlUrl;
        outline.htmlUrl = ingest::resolveWebUrl(attribute(a, "htmlUrl"_L1), QUrl(xmlUrl));
        outline.folders = folders;
        outline.categories = categoriesOf(attribute(a, "category"_L1));
        const QString policy = attribute(a, "folioOffline"_L1).trimmed().toLower();
        if (policy == "none"_L1 || policy == "images"_L1 || policy == "full"_L1) {
            outline.offlinePolicy = policy;
        }
        outline.line = m_reader.line();
        m_document.outlines.append(std::move(outline));
        return false;
    }

    SafeXmlReader& m_reader;
    QXmlStreamReader& m_xml;
    OpmlDocument m_document;
    bool m_warnedLimit = false;
};

} // namespace

Result<OpmlDocument> OpmlParser::parse(const QByteArray& bytes, const QString& fileName)
{
    SafeXmlReader reader(fileName);
    if (auto ok = reader.openAtRoot(bytes); !ok) {
        return ok.error();
    }
    if (reader.xml().name().compare("opml"_L1, Qt::CaseInsensitive) != 0) {
        return makeError(Error::Code::Parse, u"not an OPML document (root element <%1>)"_s.arg(reader.xml().name()),
                         fileName, reader.line());
    }
    return OpmlReader(reader).run();
}

} // namespace folio
