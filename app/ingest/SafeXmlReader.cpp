// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/SafeXmlReader.h"

#include "html/HtmlText.h"
#include "ingest/HtmlEntities.h"
#include "ingest/TextDecoding.h"
#include "ingest/XmlFileDevice.h"

#include <QHash>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Qt's own default; stated here so a Qt change cannot loosen it.
constexpr int kEntityExpansionLimit = 4096;
// Characters all references to internally declared entities may add to the document.
constexpr qsizetype kMaxEntityExpansionTotal = 1024 * 1024;
constexpr qsizetype kMaxDeclaredEntities = 64;
constexpr qsizetype kMaxDtdChars = 64 * 1024;

const auto kXhtmlNs = "http://www.w3.org/1999/xhtml"_L1;

// Prefixes feeds use without declaring them. A document's own declarations win.
constexpr std::array<std::pair<QLatin1StringView, QLatin1StringView>, 14> kWellKnownPrefixes = {{
    {"dc"_L1, "http://purl.org/dc/elements/1.1/"_L1},
    {"dcterms"_L1, "http://purl.org/dc/terms/"_L1},
    {"content"_L1, "http://purl.org/rss/1.0/modules/content/"_L1},
    {"media"_L1, "http://search.yahoo.com/mrss/"_L1},
    {"atom"_L1, "http://www.w3.org/2005/Atom"_L1},
    {"rdf"_L1, "http://www.w3.org/1999/02/22-rdf-syntax-ns#"_L1},
    {"slash"_L1, "http://purl.org/rss/1.0/modules/slash/"_L1},
    {"wfw"_L1, "http://wellformedweb.org/CommentAPI/"_L1},
    {"sy"_L1, "http://purl.org/rss/1.0/modules/syndication/"_L1},
    {"itunes"_L1, "http://www.itunes.com/dtds/podcast-1.0.dtd"_L1},
    {"georss"_L1, "http://www.georss.org/georss"_L1},
    {"feedburner"_L1, "http://rssnamespace.org/feedburner/ext/1.0"_L1},
    {"xhtml"_L1, "http://www.w3.org/1999/xhtml"_L1},
    {"admin"_L1, "http://webns.net/mvcb/"_L1},
}};

constexpr std::array<QLatin1StringView, 14> kVoidElements = {
    "area"_L1, "base"_L1, "br"_L1,   "col"_L1,    "embed"_L1, "hr"_L1,    "img"_L1,
    "input"_L1, "link"_L1, "meta"_L1, "param"_L1, "source"_L1, "track"_L1, "wbr"_L1,
};

bool isVoidElement(QStringView name)
{
    for (const QLatin1StringView v : kVoidElements) {
        if (name.compare(v, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

// Undeclared named entities are read the way an HTML parser reads them. The replacement is
// parsed again by Qt, so it is always a numeric reference (never markup). Unknown names stay
// visible as text, as browsers show them, instead of failing the whole feed.
class HtmlEntityResolver final : public QXmlStreamEntityResolver
{
public:
    QString resolveUndeclaredEntity(const QString& name) override
    {
        QString chars = HtmlEntities::resolve(name);
        if (chars.isNull()) {
            chars = html5Entity(name);
        }
        if (chars.isNull()) {
            return u"&#38;"_s + name + u';';
        }
        QString out;
        for (const char32_t cp : chars.toUcs4()) {
            out += u"&#"_s + QString::number(static_cast<uint>(cp)) + u';';
        }
        return out;
    }

private:
    // HTML5 names beyond the HTML 4 table, as the HTML parser knows them. Parsing costs
    // microseconds, so answers are cached and only a bounded number of names is ever asked.
    QString html5Entity(const QString& name)
    {
        constexpr qsizetype kMaxLookups = 256;
        if (const auto it = m_html5.constFind(name); it != m_html5.cend()) {
            return it.value();
        }
        if (m_html5.size() >= kMaxLookups || name.size() > 32) {
            return {};
        }
        const QString reference = u'&' + name + u';';
        const QString decoded = html::toPlainText(reference);
        const QString chars = !decoded.isEmpty() && decoded.size() <= 2 && decoded != reference ? decoded : QString();
        m_html5.insert(name, chars);
        return chars;
    }

    QHash<QString, QString> m_html5;
};

// XML 1.0 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF; feeds contain
// them anyway (pasted text). Dropping them keeps line numbers intact.
void dropForbiddenCharacters(QString& text)
{
    const auto forbidden = [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) || u == 0xFFFE || u == 0xFFFF;
    };
    if (std::any_of(text.cbegin(), text.cend(), forbidden)) {
        text.removeIf(forbidden);
    }
}

// Feeds seen in the wild put white space or blank lines (often after a byte-order mark) before
// the XML declaration, which XML forbids; other readers accept them. The white space moves to just
// after the declaration, so every line keeps its number.
void moveLeadingWhitespaceAfterDeclaration(QString& text)
{
    qsizetype start = 0;
    while (start < text.size() && (text.at(start) == QChar(0xFEFF) || text.at(start).isSpace())) {
        ++start;
    }
    if (start == 0 || !QStringView(text).sliced(start).startsWith("<?xml"_L1)) {
        return;
    }
    const qsizetype end = text.indexOf("?>"_L1, start);
    if (end < 0) {
        return;
    }
    QString leading = text.left(start);
    leading.remove(QChar(0xFEFF));
    text = text.mid(start, end + 2 - start) + leading + text.mid(end + 2);
}

QString escapeText(QStringView s, bool inAttribute)
{
    QString out;
    out.reserve(s.size());
    qsizetype from = 0; // start of the run of characters not yet copied
    for (qsizetype i = 0; i < s.size(); ++i) {
        QLatin1StringView reference;
        switch (s[i].unicode()) {
        case u'&':
            reference = "&amp;"_L1;
            break;
        case u'<':
            reference = "&lt;"_L1;
            break;
        case u'>':
            reference = "&gt;"_L1;
            break;
        case u'"':
            if (!inAttribute) {
                continue;
            }
            reference = "&quot;"_L1;
            break;
        default:
            continue;
        }
        out += s.sliced(from, i - from);
        out += reference;
        from = i + 1;
    }
    out += s.sliced(from);
    return out;
}

void appendBounded(QString& out, QStringView piece, qsizetype max)
{
    if (out.size() < max) {
        out += piece.first(qMin(piece.size(), max - out.size()));
    }
}

// Length of the declared entity name once expanded, capped just past the per-entity limit.
qsizetype expandedLength(const QString& name, const QHash<QString, QString>& values,
                         QHash<QString, qsizetype>& memo, int depth)
{
    if (const auto it = memo.constFind(name); it != memo.cend()) {
        return it.value();
    }
    if (depth > 16) {
        return kEntityExpansionLimit + 1;
    }
    const QString value = values.value(name);
    qsizetype total = 0;
    for (qsizetype i = 0; i < value.size() && total <= kEntityExpansionLimit; ++i) {
        if (value.at(i) == u'&') {
            const qsizetype semi = value.indexOf(u';', i);
            if (semi > i) {
                const QString ref = value.mid(i + 1, semi - i - 1);
                if (values.contains(ref)) {
                    total += expandedLength(ref, values, memo, depth + 1);
                    i = semi;
                    continue;
                }
            }
        }
        ++total;
    }
    total = qMin(total, qsizetype(kEntityExpansionLimit + 1));
    memo.insert(name, total);
    return total;
}

} // namespace

SafeXmlReader::SafeXmlReader(QString fileName)
    : m_fileName(std::move(fileName))
    , m_resolver(std::make_unique<HtmlEntityResolver>())
{
}

SafeXmlReader::~SafeXmlReader() = default;

Result<void> SafeXmlReader::open(const QByteArray& bytes)
{
    if (bytes.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         m_fileName);
    }
    Result<QString> decoded = text::decodeXml(bytes, m_fileName);
    if (!decoded) {
        return decoded.error();
    }
    m_text = std::move(decoded).value();
    dropForbiddenCharacters(m_text);
    moveLeadingWhitespaceAfterDeclaration(m_text);
    m_device.reset();
    setUp();
    m_xml.addData(m_text);
    return {};
}

void SafeXmlReader::setUp()
{
    m_xml.clear();
    m_xml.setNamespaceProcessing(true);
    m_xml.setEntityExpansionLimit(kEntityExpansionLimit);
    m_xml.setEntityResolver(m_resolver.get());
    for (const auto& [prefix, uri] : kWellKnownPrefixes) {
        m_xml.addExtraNamespaceDeclaration(QXmlStreamNamespaceDeclaration(prefix, uri));
    }
}

Result<void> SafeXmlReader::openFileAtRoot(const QString& path)
{
    auto device = XmlFileDevice::open(path);
    if (!device) {
        return device.error();
    }
    m_text.clear();
    m_path = path;
    m_device = std::move(device).value();
    setUp();
    m_xml.setDevice(m_device.get());
    return readRoot();
}

Result<void> SafeXmlReader::readRoot()
{
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD) {
            if (auto ok = checkDtd(); !ok) {
                return ok;
            }
        } else if (token == QXmlStreamReader::StartElement) {
            return {};
        } else if (token == QXmlStreamReader::Characters && !m_xml.isWhitespace()) {
            return errorHere(u"text before the root element"_s);
        }
    }
    if (m_xml.hasError()) {
        return streamError();
    }
    return makeError(Error::Code::Parse, u"no root element"_s, m_fileName, 1);
}

Result<void> SafeXmlReader::checkDtd()
{
    const QStringView dtd = m_xml.text();
    if (dtd.size() > kMaxDtdChars) {
        return errorHere(u"document type declaration too large"_s);
    }
    if (dtd.contains("<!ATTLIST"_L1)) {
        // Default attributes are copied onto every element: an amplification we do not allow.
        return errorHere(u"document type declaration with attribute lists is not supported"_s);
    }
    const QXmlStreamEntityDeclarations declarations = m_xml.entityDeclarations();
    if (declarations.isEmpty()) {
        return {};
    }
    if (declarations.size() > kMaxDeclaredEntities) {
        return errorHere(u"too many entity declarations"_s);
    }
    QHash<QString, QString> values;
    for (const QXmlStreamEntityDeclaration& d : declarations) {
        // External entities (SYSTEM/PUBLIC) are never fetched: Qt reads them as empty.
        values.insert(d.name().toString(), d.systemId().isEmpty() ? d.value().toString() : QString());
    }
    QHash<QString, qsizetype> memo;
    qsizetype total = 0;
    const auto scan = [&](QStringView text, qsizetype from) -> Result<void> {
        for (qsizetype i = text.indexOf(u'&', from); i >= 0; i = text.indexOf(u'&', i + 1)) {
            const qsizetype semi = text.indexOf(u';', i);
            if (semi < 0) {
                break;
            }
            if (semi - i > 64) {
                continue;
            }
            const QString name = text.mid(i + 1, semi - i - 1).toString();
            if (values.contains(name)) {
                const qsizetype length = expandedLength(name, values, memo, 0);
                total += length;
                if (length > kEntityExpansionLimit || total > kMaxEntityExpansionTotal) {
                    return errorHere(u"entity expansion too large (possible \"billion laughs\" attack)"_s);
                }
            }
        }
        return {};
    };
    if (!m_device) {
        return scan(m_text, m_xml.characterOffset());
    }
    // Streaming: read the file once more, line by line (a reference never spans a line), from
    // the end of the internal subset.
    auto again = XmlFileDevice::open(m_path);
    if (!again) {
        return again.error();
    }
    bool inBody = false;
    while (!again.value()->atEnd()) {
        const QString line = QString::fromUtf8(again.value()->readLine(1024 * 1024));
        qsizetype from = 0;
        if (!inBody) {
            const qsizetype end = line.indexOf("]>"_L1);
            if (end < 0) {
                continue;
            }
            inBody = true;
            from = end + 2;
        }
        if (auto ok = scan(line, from); !ok) {
            return ok;
        }
    }
    return {};
}

XmlContent SafeXmlReader::readContent(qsizetype maxChars, bool withMarkup, Wrapper wrapper)
{
    return read(maxChars, withMarkup ? Markup::Always : Markup::None, wrapper);
}

QString SafeXmlReader::readHtml(qsizetype maxChars)
{
    XmlContent content = read(maxChars, Markup::IfElements, Wrapper::Keep);
    return content.hasElements ? std::move(content.markup) : std::move(content.text);
}

XmlContent SafeXmlReader::read(qsizetype maxChars, Markup markup, Wrapper wrapper)
{
    const bool withMarkup = markup != Markup::None;
    XmlContent content;
    // Markup is only built once an element appears: until then it would be the escaped text,
    // and most content (CDATA or escaped HTML) never has an element. pendingMarkup says the
    // escaped text is owed to markup.
    bool pendingMarkup = withMarkup;
    const auto startMarkup = [&] {
        if (pendingMarkup) {
            pendingMarkup = false;
            appendBounded(content.markup, escapeText(content.text, false), maxChars);
        }
    };
    int depth = 0;
    bool unwrapping = false;
    bool sawTopElement = false;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            content.hasElements = true;
            startMarkup();
            const bool top = depth == 0;
            ++depth;
            if (top && !sawTopElement && wrapper == Wrapper::UnwrapXhtmlDiv && m_xml.name() == "div"_L1
                && m_xml.namespaceUri() == kXhtmlNs) {
                sawTopElement = true;
                unwrapping = true;
                continue;
            }
            sawTopElement = sawTopElement || top;
            if (withMarkup && content.markup.size() < maxChars) {
                QString tag = u'<' + m_xml.name().toString();
                for (const QXmlStreamAttribute& a : m_xml.attributes()) {
                    const QString name = a.prefix() == "xml"_L1 ? a.qualifiedName().toString() : a.name().toString();
                    tag += u' ' + name + "=\""_L1 + escapeText(a.value(), true) + u'"';
                }
                tag += u'>';
                appendBounded(content.markup, tag, maxChars);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0) {
                break;
            }
            --depth;
            if (depth == 0 && unwrapping) {
                unwrapping = false;
                continue;
            }
            if (withMarkup && !isVoidElement(m_xml.name())) {
                appendBounded(content.markup, QString(u"</"_s + m_xml.name().toString() + u'>'), maxChars);
            }
        } else if (token == QXmlStreamReader::Characters) {
            if (withMarkup && !pendingMarkup) {
                appendBounded(content.markup, escapeText(m_xml.text(), false), maxChars);
            }
            appendBounded(content.text, m_xml.text(), maxChars);
        } else if (token == QXmlStreamReader::EntityReference) {
            // Only reached for entities an external DTD might define; keep them visible.
            const QString literal = u'&' + m_xml.name().toString() + u';';
            if (withMarkup && !pendingMarkup) {
                appendBounded(content.markup, escapeText(literal, false), maxChars);
            }
            appendBounded(content.text, literal, maxChars);
        }
    }
    if (markup == Markup::Always) {
        startMarkup(); // text only: its markup is the escaped text
    }
    return content;
}

QString SafeXmlReader::readText(qsizetype maxChars)
{
    return readContent(maxChars, false).text;
}

Result<void> SafeXmlReader::finish()
{
    if (m_xml.hasError()) {
        return streamError();
    }
    return {};
}

Error SafeXmlReader::streamError() const
{
    QString message;
    switch (m_xml.error()) {
    case QXmlStreamReader::PrematureEndOfDocumentError:
        message = u"truncated document: %1"_s.arg(m_xml.errorString());
        break;
    case QXmlStreamReader::CustomError:
        message = m_xml.errorString();
        break;
    default:
        message = u"malformed XML: %1"_s.arg(m_xml.errorString());
    }
    return makeError(Error::Code::Parse, message, m_fileName, qMax(1, line()));
}

Error SafeXmlReader::errorHere(const QString& message) const
{
    return makeError(Error::Code::Parse, message, m_fileName, qMax(1, line()));
}

Result<void> SafeXmlReader::openAtRoot(const QByteArray& bytes)
{
    if (auto ok = open(bytes); !ok) {
        return ok;
    }
    return readRoot();
}

qint64 SafeXmlReader::bytesRead() const
{
    return m_device ? m_device->filePosition() : 0;
}

qint64 SafeXmlReader::bytesTotal() const
{
    return m_device ? m_device->fileSize() : 0;
}

} // namespace folio
