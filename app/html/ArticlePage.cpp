// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "html/ArticlePage.h"

#include "html/HtmlText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace folio::html {

namespace {

class ArticlePageText
{
    Q_DECLARE_TR_FUNCTIONS(ArticlePage)
};

QString paragraphs(const QString& plain)
{
    QStringList out;
    const QStringList blocks = plain.split(u"\n\n"_s, Qt::SkipEmptyParts);
    for (const QString& block : blocks) {
        out.append(u"<p>"_s + block.toHtmlEscaped().replace(u'\n', u"<br>"_s) + u"</p>"_s);
    }
    return out.join(QString());
}

} // namespace

QUrl tagUrl(const QString& tag)
{
    QUrl url;
    url.setScheme(u"folio"_s);
    url.setHost(u"tag"_s);
    url.setPath(u"/"_s + tag);
    return url;
}

QString tagFromUrl(const QUrl& url)
{
    if (url.scheme() != "folio"_L1 || url.host() != "tag"_L1) {
        return {};
    }
    return url.path().mid(1);
}

QString articlePage(const Article& a)
{
    QString page;
    page += u"<h2>"_s;
    if (!a.link.isEmpty()) {
        page += u"<a href=\"%1\">%2</a>"_s.arg(QUrl(a.link).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                a.title.toHtmlEscaped());
    } else {
        page += a.title.toHtmlEscaped();
    }
    page += u"</h2>"_s;

    QStringList meta;
    meta.append(a.published
                    ? QLocale().toString(QDateTime::fromSecsSinceEpoch(*a.published).toLocalTime(), QLocale::LongFormat)
                    : ArticlePageText::tr("Date unknown"));
    if (!a.source.isEmpty()) {
        meta.append(a.source.toHtmlEscaped());
    }
    if (!a.author.isEmpty()) {
        meta.append(a.author.toHtmlEscaped());
    }
    page += u"<p class=\"meta\">"_s + meta.join(u" \u00B7 "_s) + u"</p>"_s;
    if (!a.tags.isEmpty()) {
        QStringList links;
        for (const QString& tag : a.tags) {
            links.append(u"<a href=\"%1\">%2</a>"_s.arg(tagUrl(tag).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                          tag.toHtmlEscaped()));
        }
        page += u"<p>"_s + ArticlePageText::tr("Tags:") + u" "_s + links.join(u", "_s) + u"</p>"_s;
    }
    page += u"<hr>"_s;
    if (!a.contentHtml.isEmpty()) {
        page += a.contentHtml;
    } else {
        page += paragraphs(a.summary);
    }
    return page;
}

} // namespace folio::html
