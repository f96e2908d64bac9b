// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/AnnotationExport.h"

#include "domain/Dates.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace folio::annotationexport {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(AnnotationExport)
};

QJsonValue stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString day(const std::optional<qint64>& secs)
{
    return secs ? QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc()).toString(u"yyyy-MM-dd"_s) : QString();
}

QString quoted(const QString& text)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines) {
        line = line.trimmed().isEmpty() ? u">"_s : u"> "_s + line;
    }
    return lines.join(u'\n');
}

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): = + - @, tab or carriage
// return first, also in their full-width forms, which some spreadsheets fold to ASCII.
bool startsLikeFormula(const QString& value)
{
    if (value.isEmpty()) {
        return false;
    }
    switch (value.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case 0xFF1D: // FULLWIDTH EQUALS SIGN
    case 0xFF0B: // FULLWIDTH PLUS SIGN
    case 0xFF0D: // FULLWIDTH HYPHEN-MINUS
    case 0xFF20: // FULLWIDTH COMMERCIAL AT
        return true;
    default:
        return false;
    }
}

// RFC 4180 quoting; a cell that starts like a formula gets a leading ' (shown as text by
// spreadsheets) and is always quoted, as OWASP recommends.
QString csvField(const QString& value)
{
    if (startsLikeFormula(value)) {
        QString escaped = value;
        escaped.replace(u"\""_s, u"\"\""_s);
        return u"\"'"_s + escaped + u"\""_s;
    }
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        QString escaped = value;
        escaped.replace(u"\""_s, u"\"\""_s);
        return u"\""_s + escaped + u"\""_s;
    }
    return value;
}

QString articleUrn(qint64 id)
{
    return u"urn:folio:article:"_s + QString::number(id);
}

} // namespace

std::optional<Format> formatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == "markdown"_L1 || n == "md"_L1) {
        return Format::Markdown;
    }
    if (n == "csv"_L1) {
        return Format::Csv;
    }
    if (n == "json"_L1) {
        return Format::Json;
    }
    if (n == "w3c"_L1 || n == "jsonld"_L1) {
        return Format::W3c;
    }
    return std::nullopt;
}

QString fileSuffix(Format format)
{
    switch (format) {
    case Format::Markdown:
        return u"md"_s;
    case Format::Csv:
        return u"csv"_s;
    case Format::Json:
        return u"json"_s;
    case Format::W3c:
        return u"jsonld"_s;
    }
    return u"txt"_s;
}

QJsonObject annotationJson(const Annotation& a)
{
    QJsonObject o;
    o.insert(u"id"_s, a.id);
    o.insert(u"quote"_s, a.quote);
    o.insert(u"prefix"_s, a.prefix);
    o.insert(u"suffix"_s, a.suffix);
    o.insert(u"start"_s, a.isArticleNote() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.start));
    o.insert(u"end"_s, a.isArticleNote() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.end));
    o.insert(u"note"_s, stringOrNull(a.note));
    o.insert(u"color"_s, a.color);
    o.insert(u"created"_s, dates::isoUtc(a.created));
    o.insert(u"detached"_s, a.detached);
    return o;
}

QByteArray toMarkdown(const QList<AnnotatedArticle>& articles)
{
    QStringList out;
    out.append(u"# "_s + Text::tr("Annotations"));
    for (const AnnotatedArticle& article : articles) {
        out.append(u"## "_s + article.title);
        QStringList meta;
        if (!article.source.isEmpty()) {
            meta.append(u"- "_s + Text::tr("Source: %1").arg(article.source));
        }
        if (article.published) {
            meta.append(u"- "_s + Text::tr("Published: %1").arg(day(article.published)));
        }
        if (!article.link.isEmpty()) {
            meta.append(u"- "_s + Text::tr("Link: <%1>").arg(article.link));
        }
        if (!article.tags.isEmpty()) {
            meta.append(u"- "_s + Text::tr("Tags: %1").arg(article.tags.join(u", "_s)));
        }
        if (article.bookmarked) {
            meta.append(u"- "_s + Text::tr("Bookmarked"));
        }
        if (!meta.isEmpty()) {
            out.append(meta.join(u'\n'));
        }
        for (const Annotation& a : article.annotations) {
            if (a.isArticleNote()) {
                out.append(Text::tr("Note: %1").arg(a.note));
                continue;
            }
            out.append(quoted(a.quote));
            if (a.detached) {
                out.append(u"*"_s + Text::tr("Detached: this passage is no longer in the article's text.") + u"*"_s);
            }
            if (!a.note.isEmpty()) {
                out.append(a.note);
            }
        }
    }
    return (out.join(u"\n\n"_s) + u'\n').toUtf8();
}

QByteArray toCsv(const QList<AnnotatedArticle>& articles)
{
    QString out = u"article_id,title,link,published,quote,note,color,created,detached\r\n"_s;
    for (const AnnotatedArticle& article : articles) {
        for (const Annotation& a : article.annotations) {
            const QStringList row = {QString::number(article.id),
                                     csvField(article.title),
                                     csvField(article.link),
                                     article.published ? dates::isoUtc(*article.published) : QString(),
                                     csvField(a.quote),
                                     csvField(a.note),
                                     csvField(a.color),
                                     dates::isoUtc(a.created),
                                     a.detached ? u"true"_s : u"false"_s};
            out += row.join(u',') + u"\r\n"_s;
        }
    }
    return out.toUtf8();
}

QByteArray toJson(const QList<AnnotatedArticle>& articles)
{
    QJsonArray array;
    for (const AnnotatedArticle& article : articles) {
        QJsonObject o;
        o.insert(u"id"_s, article.id);
        o.insert(u"title"_s, article.title);
        o.insert(u"link"_s, stringOrNull(article.link));
        o.insert(u"source"_s, article.source);
        o.insert(u"published"_s, dates::isoOrNull(article.published));
        o.insert(u"tags"_s, QJsonArray::fromStringList(article.tags));
        o.insert(u"bookmarked"_s, article.bookmarked);
        QJsonArray notes;
        for (const Annotation& a : article.annotations) {
            notes.append(annotationJson(a));
        }
        o.insert(u"annotations"_s, notes);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray toW3c(const QList<AnnotatedArticle>& articles)
{
    QJsonArray array;
    for (const AnnotatedArticle& article : articles) {
        const QString source = article.link.isEmpty() ? articleUrn(article.id) : article.link;
        for (const Annotation& a : article.annotations) {
            QJsonObject o;
            o.insert(u"@context"_s, u"http://www.w3.org/ns/anno.jsonld"_s);
            o.insert(u"id"_s, u"urn:folio:annotation:"_s + QString::number(a.id));
            o.insert(u"type"_s, u"Annotation"_s);
            o.insert(u"created"_s, dates::isoUtc(a.created));
            o.insert(u"modified"_s, dates::isoUtc(a.updated));
            o.insert(u"motivation"_s, a.isArticleNote() ? u"commenting"_s : u"highlighting"_s);
            QJsonArray body;
            if (!a.note.isEmpty()) {
                body.append(QJsonObject{{u"type"_s, u"TextualBody"_s},
                                        {u"value"_s, a.note},
                                        {u"format"_s, u"text/plain"_s},
                                        {u"purpose"_s, u"commenting"_s}});
            }
            body.append(QJsonObject{{u"type"_s, u"TextualBody"_s}, {u"value"_s, a.color}, {u"purpose"_s, u"tagging"_s}});
            o.insert(u"body"_s, body);
            QJsonObject target{{u"source"_s, source}};
            if (!a.isArticleNote()) {
                QJsonArray selectors;
                selectors.append(QJsonObject{{u"type"_s, u"TextQuoteSelector"_s},
                                             {u"exact"_s, a.quote},
                                             {u"prefix"_s, a.prefix},
                                             {u"suffix"_s, a.suffix}});
                if (!a.detached) {
                    selectors.append(QJsonObject{{u"type"_s, u"TextPositionSelector"_s}, {u"start"_s, a.start}, {u"end"_s, a.end}});
                }
                target.insert(u"selector"_s, selectors);
            }
            o.insert(u"target"_s, target);
            array.append(o);
        }
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray write(Format format, const QList<AnnotatedArticle>& articles)
{
    switch (format) {
    case Format::Markdown:
        return toMarkdown(articles);
    case Format::Csv:
        return toCsv(articles);
    case Format::Json:
        return toJson(articles);
    case Format::W3c:
        return toW3c(articles);
    }
    return {};
}

} // namespace folio::annotationexport
