// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/HighlightedArticles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestHighlightedArticles : public QObject
{
    Q_OBJECT

private:
    static highlightexport::HighlightedArticle sample()
    {
        Article a;
        a.id = 7;
        a.title = u"Top met Centraal-Azië te Xian"_s;
        a.source = u"Centraal-Azië"_s;
        a.tags = {u"Centraal-Azië"_s};
        a.summary = u"Te Xian vindt de top plaats tussen de landen van Centraal-Azië en China. <script>"_s;
        Annotation h;
        h.id = 1;
        h.articleId = 7;
        h.quote = u"de top plaats"_s;
        h.start = static_cast<int>(a.summary.indexOf(h.quote));
        h.end = h.start + static_cast<int>(h.quote.size());
        h.note = u"Belangrijk & citeerbaar"_s;
        h.color = u"green"_s;
        return {a, {h}};
    }

private Q_SLOTS:
    void htmlCarriesArticleHighlightAndNote()
    {
        const QString html = highlightexport::toHtml({sample()});
        QVERIFY(html.contains(u"Top met Centraal-Azië te Xian"_s));
        QVERIFY(html.contains(u"de top plaats"_s));
        QVERIFY2(html.contains(u"background"_s), qPrintable(html.left(2000)));
        QVERIFY(html.contains(u"Belangrijk &amp; citeerbaar"_s));
        QVERIFY(!html.contains(u"<script>"_s)); // article text stays text
    }

    void writesAPdf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"report.pdf"_s);
        QVERIFY(highlightexport::writePdf({sample(), sample()}, path).hasValue());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 1000);
    }

    void pdfToUnwritablePathIsAnError()
    {
        QVERIFY(!highlightexport::writePdf({sample()}, u"/nonexistent-dir/x.pdf"_s).hasValue());
    }
};

QTEST_MAIN(TestHighlightedArticles)
#include "TestHighlightedArticles.moc"
