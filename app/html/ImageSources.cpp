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

namespace {

qsizetype skipSpaceBack(const QString& html, qsizetype i)
{
    while (i > 0 && html.at(i - 1).isSpace()) {
        --i;
    }
    return i;
}

qsizetype skipSpace(const QString& html, qsizetype i)
{
    while (i < html.size() && html.at(i).isSpace()) {
        ++i;
    }
    return i;
}

/// The tag that ends right at i ("<…>", the text before i ending in '>'), or empty.
QStringView tagBefore(const QString& html, qsizetype i)
{
    if (i == 0 || html.at(i - 1) != u'>') {
        return {};
    }
    const qsizetype open = html.lastIndexOf(u'<', i - 1);
    return open < 0 ? QStringView() : QStringView(html).mid(open, i - open);
}

/// Whether html just before `end` (white space aside) closes a block element, or is the end
/// of the previous image when that one stands between blocks.
bool afterBlock(const QString& html, qsizetype end, const ImageTag* previous)
{
    const qsizetype i = skipSpaceBack(html, end);
    if (previous && previous->betweenBlocks && i == previous->blockTo) {
        return true;
    }
    const QStringView tag = tagBefore(html, i);
    if (!tag.startsWith("</"_L1)) {
        return tag.startsWith("<hr"_L1);
    }
    // (The sanitiser writes section, article and the like as div.)
    static const QStringList blocks = {u"p"_s,  u"div"_s, u"h1"_s, u"h2"_s, u"h3"_s,  u"h4"_s, u"h5"_s, u"h6"_s,
                                       u"ul"_s, u"ol"_s,  u"li"_s, u"dl"_s, u"dt"_s,  u"dd"_s, u"blockquote"_s,
                                       u"pre"_s, u"table"_s, u"caption"_s, u"figure"_s, u"figcaption"_s, u"address"_s};
    return blocks.contains(tag.mid(2, tag.size() - 3).trimmed().toString().toLower());
}

/// Sets blockFrom and blockTo: the image, or the link when the image is all there is in it.
void findBlock(const QString& html, ImageTag& image)
{
    image.blockFrom = image.start;
    image.blockTo = image.start + image.length;
    const qsizetype before = skipSpaceBack(html, image.start);
    const QStringView tag = tagBefore(html, before);
    const qsizetype after = skipSpace(html, image.blockTo);
    if (tag.startsWith("<a "_L1) && QStringView(html).mid(after).startsWith("</a>"_L1)) {
        image.blockFrom = before - tag.size();
        image.blockTo = after + 4;
    }
}

} // namespace

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
        findBlock(sanitisedHtml, image);
        image.betweenBlocks = afterBlock(sanitisedHtml, image.blockFrom, out.isEmpty() ? nullptr : &out.constLast());
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
