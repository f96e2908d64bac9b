// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/IngestCommon.h"

#include "domain/WebUrl.h"
#include "html/HtmlText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIngest, "folio.ingest")

namespace folio::ingest {

QString collapseWhitespace(const QString& s)
{
    return s.simplified();
}

QString plainFromHtml(const QString& html, bool singleLine)
{
    // Text without markup or entities reads the same as HTML once white space is collapsed;
    // skipping the HTML parser for it keeps large feeds cheap.
    if (!html.contains(u'<') && !html.contains(u'&')) {
        return html.simplified();
    }
    const QString text = html::toPlainText(html);
    return singleLine ? text.simplified() : text.trimmed();
}

bool hasMarkup(QStringView html)
{
    for (qsizetype at = html.indexOf(u'<'); at >= 0 && at + 1 < html.size(); at = html.indexOf(u'<', at + 1)) {
        const char16_t next = html.at(at + 1).unicode();
        if ((next >= u'a' && next <= u'z') || (next >= u'A' && next <= u'Z')) {
            return true;
        }
    }
    return false;
}

QString htmlFromPlain(const QString& text)
{
    static const QRegularExpression paragraphBreak(u"\\n[ \\t\\r]*\\n\\s*"_s);
    QString normalised = text.trimmed();
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    QString out;
    const QStringList paragraphs = normalised.split(paragraphBreak, Qt::SkipEmptyParts);
    for (const QString& paragraph : paragraphs) {
        QString escaped = paragraph.toHtmlEscaped();
        escaped.replace(u'\n', u"<br>"_s);
        out += "<p>"_L1 + escaped + "</p>"_L1;
    }
    return out;
}

QString truncated(QString s, qsizetype max)
{
    if (s.size() <= max) {
        return s;
    }
    qsizetype cut = max;
    if (cut > 0 && s.at(cut - 1).isHighSurrogate()) {
        --cut;
    }
    s.truncate(cut);
    return s;
}

QUrl withXmlBase(const QUrl& parent, const QString& xmlBase)
{
    const QString trimmed = xmlBase.trimmed();
    if (trimmed.isEmpty()) {
        return parent;
    }
    const QUrl url(trimmed);
    if (!url.isValid()) {
        return parent;
    }
    return parent.isValid() ? parent.resolved(url) : url;
}

QUrl contentBase(const QUrl& scoped, const QUrl& documentUrl, const QString& itemLink, const QString& feedLink)
{
    if (scoped != documentUrl && isWebUrl(scoped)) {
        return scoped;
    }
    if (!itemLink.isEmpty()) {
        return QUrl(itemLink);
    }
    if (!feedLink.isEmpty()) {
        return QUrl(feedLink);
    }
    return isWebUrl(documentUrl) ? documentUrl : QUrl();
}

namespace {

QUrl contentBaseOf(const FeedItem& item, const QString& feedLink)
{
    return item.contentBase.isValid() ? item.contentBase : !item.link.isEmpty() ? QUrl(item.link) : QUrl(feedLink);
}

} // namespace

QString storedContentHtml(const FeedItem& item, const QString& feedLink)
{
    if (item.contentHtml.trimmed().isEmpty()) {
        return {};
    }
    return html::sanitize(item.contentHtml, contentBaseOf(item, feedLink));
}

html::SanitizedHtml storedContent(const FeedItem& item, const QString& feedLink)
{
    if (item.contentHtml.trimmed().isEmpty()) {
        return {};
    }
    return html::sanitizeWithText(item.contentHtml, contentBaseOf(item, feedLink));
}

bool isWebUrl(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == "http"_L1 || scheme == "https"_L1) && !url.host().isEmpty();
}

QString resolveWebUrl(const QString& raw, const QUrl& base)
{
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxShortField) {
        return {};
    }
    if (weburl::isCanonical(trimmed)) {
        return trimmed; // absolute, and what QUrl would make of it
    }
    QUrl url(trimmed);
    if (!url.isValid()) {
        return {};
    }
    if (url.isRelative()) {
        if (isWebUrl(base)) {
            url = base.resolved(url);
        } else if (trimmed.startsWith("//"_L1)) {
            url = QUrl(u"https:"_s + trimmed);
        } else {
            return {};
        }
    }
    return isWebUrl(url) ? url.toString(QUrl::FullyEncoded) : QString();
}

void addTag(QStringList& tags, const QString& tag)
{
    const QString name = truncated(tag.simplified(), kMaxShortField);
    if (name.isEmpty() || tags.size() >= kMaxTagsPerItem || tags.contains(name, Qt::CaseInsensitive)) {
        return;
    }
    tags.append(name);
}

void addEnclosure(QList<Enclosure>& enclosures, const Enclosure& enclosure)
{
    if (enclosure.url.isEmpty() || enclosures.size() >= kMaxEnclosuresPerItem) {
        return;
    }
    for (Enclosure& existing : enclosures) {
        if (existing.url == enclosure.url) {
            // media:content and enclosure often name the same file; keep what either knows.
            if (existing.type.isEmpty()) {
                existing.type = enclosure.type;
            }
            if (existing.length < 0) {
                existing.length = enclosure.length;
            }
            return;
        }
    }
    enclosures.append(enclosure);
}

QString authorName(const QString& raw)
{
    static const QRegularExpression emailWithName(u"^[^\\s@()]+@[^\\s()]+\\s*\\((.+)\\)$"_s);
    const QString s = raw.simplified();
    const auto m = emailWithName.match(s);
    return m.hasMatch() ? m.captured(1).trimmed() : s;
}

void finishItem(FeedItem& item)
{
    if (!item.published.isValid()) {
        item.published = item.updated;
    }
    item.id = truncated(item.id, kMaxShortField);
    item.title = truncated(item.title, kMaxShortField);
    item.author = truncated(item.author, kMaxShortField);
    item.summary = truncated(item.summary, kMaxLongField);
    item.contentHtml = truncated(item.contentHtml, kMaxLongField);
}

} // namespace folio::ingest
