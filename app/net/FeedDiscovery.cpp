// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/FeedDiscovery.h"

#include <QRegularExpression>
#include <QSet>
#include <QString>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Feed links live in <head>; a page whose head is larger than this is not worth reading further.
constexpr qsizetype kMaxScannedBytes = 1024 * 1024;
constexpr int kMaxLinks = 32;

QByteArray leadingText(const QByteArray& bytes)
{
    QByteArray head = bytes.left(512);
    if (head.startsWith("\xEF\xBB\xBF")) {
        head.remove(0, 3);
    }
    return head.trimmed().toLower();
}

QString decodeEntities(QString value)
{
    value.replace(u"&quot;"_s, u"\""_s);
    value.replace(u"&#39;"_s, u"'"_s);
    value.replace(u"&apos;"_s, u"'"_s);
    value.replace(u"&lt;"_s, u"<"_s);
    value.replace(u"&gt;"_s, u">"_s);
    value.replace(u"&amp;"_s, u"&"_s);
    return value.trimmed();
}

QHash<QString, QString> attributes(const QString& tag)
{
    static const QRegularExpression re(
        uR"re(([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?)re"_s);
    QHash<QString, QString> out;
    // Skip the tag name itself ("<link").
    const qsizetype start = tag.indexOf(QRegularExpression(u"\\s"_s));
    if (start < 0) {
        return out;
    }
    auto it = re.globalMatch(tag, start);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString name = m.captured(1).toLower();
        if (out.contains(name)) {
            continue;
        }
        QString value = m.captured(2);
        if (value.isNull()) {
            value = m.captured(3);
        }
        if (value.isNull()) {
            value = m.captured(4);
        }
        out.insert(name, decodeEntities(value));
    }
    return out;
}

bool isFeedType(const QString& type)
{
    static const QSet<QString> types = {u"application/rss+xml"_s, u"application/atom+xml"_s,
                                        u"application/feed+json"_s, u"application/json"_s,
                                        u"application/rdf+xml"_s};
    return types.contains(type.section(u';', 0, 0).trimmed().toLower());
}

} // namespace

bool FeedDiscovery::looksLikeHtml(const QByteArray& bytes, const QByteArray& contentType)
{
    const QByteArray head = leadingText(bytes);
    for (const char* feedStart : {"<?xml", "<rss", "<feed", "<rdf", "{"}) {
        if (head.startsWith(feedStart)) {
            return false;
        }
    }
    for (const char* htmlStart : {"<!doctype html", "<html", "<head", "<!--"}) {
        if (head.startsWith(htmlStart)) {
            return true;
        }
    }
    return contentType.toLower().contains("html");
}

QList<QUrl> FeedDiscovery::alternateLinks(const QByteArray& html, const QUrl& baseUrl)
{
    const QString text = QString::fromUtf8(html.left(kMaxScannedBytes));
    static const QRegularExpression tagRe(u"<(link|base)\\b[^>]*>"_s, QRegularExpression::CaseInsensitiveOption);
    QUrl base = baseUrl;
    QList<QUrl> links;
    QSet<QUrl> seen;
    auto it = tagRe.globalMatch(text);
    while (it.hasNext() && links.size() < kMaxLinks) {
        const auto m = it.next();
        const QHash<QString, QString> attrs = attributes(m.captured(0));
        if (m.captured(1).compare(u"base"_s, Qt::CaseInsensitive) == 0) {
            const QString href = attrs.value(u"href"_s);
            if (!href.isEmpty()) {
                base = baseUrl.resolved(QUrl(href));
            }
            continue;
        }
        const QStringList rel = attrs.value(u"rel"_s).toLower().split(u' ', Qt::SkipEmptyParts);
        if (!rel.contains(u"alternate"_s) || !isFeedType(attrs.value(u"type"_s))) {
            continue;
        }
        const QString href = attrs.value(u"href"_s);
        if (href.isEmpty()) {
            continue;
        }
        const QUrl url = base.resolved(QUrl(href));
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1) || seen.contains(url)) {
            continue;
        }
        seen.insert(url);
        links.append(url);
    }
    return links;
}

} // namespace folio
