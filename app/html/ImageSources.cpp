// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/ImageSources.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace folio::html {

QString unescapeAttribute(QString value)
{
    value.replace("&quot;"_L1, "\""_L1);
    value.replace("&lt;"_L1, "<"_L1);
    value.replace("&gt;"_L1, ">"_L1);
    value.replace("&amp;"_L1, "&"_L1);
    return value;
}

QList<ImageTag> imageTags(const QString& sanitisedHtml)
{
    static const QRegularExpression tagRe(u"<img(\\s[^>]*)?>"_s);
    static const QRegularExpression attrRe(u"([a-z]+)=\"([^\"]*)\""_s);
    QList<ImageTag> out;
    auto tags = tagRe.globalMatch(sanitisedHtml);
    while (tags.hasNext()) {
        const auto tag = tags.next();
        ImageTag image;
        image.start = tag.capturedStart();
        image.length = tag.capturedLength();
        auto attrs = attrRe.globalMatch(tag.capturedView(1));
        while (attrs.hasNext()) {
            const auto a = attrs.next();
            const QString value = unescapeAttribute(a.captured(2));
            const QStringView name = a.capturedView(1);
            if (name == "src"_L1) {
                image.src = value;
            } else if (name == "alt"_L1) {
                image.alt = value;
            } else if (name == "width"_L1) {
                image.width = value.toInt();
            } else if (name == "height"_L1) {
                image.height = value.toInt();
            }
        }
        out.append(image);
    }
    return out;
}

QStringList imageSources(const QString& sanitisedHtml)
{
    QStringList out;
    for (const ImageTag& tag : imageTags(sanitisedHtml)) {
        const bool web = tag.src.startsWith("http://"_L1, Qt::CaseInsensitive)
                         || tag.src.startsWith("https://"_L1, Qt::CaseInsensitive);
        if (web && !out.contains(tag.src)) {
            out.append(tag.src);
        }
    }
    return out;
}

} // namespace folio::html
