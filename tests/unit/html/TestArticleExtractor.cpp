// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Full-article extraction on saved pages of different shapes (tests/data/pages): each NAME.html
// has NAME.expected (a "title:" line, "image:" lines, and text that must be in the article) and
// NAME.absent (text that must not be: navigation, sidebars, footers, cookie banners, share widgets,
// comments, scripts).
#include "html/ArticleExtractor.h"
#include "html/HtmlText.h"
#include "html/ImageSources.h"

#include "TestSupport.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestArticleExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extractsTheArticle_data();
    void extractsTheArticle();
    void returnsNothingForAPageWithoutText();
    void survivesHostileInput();
};

namespace {

QStringList lines(const QString& relative)
{
    QStringList out;
    const QStringList all = QString::fromUtf8(folio::test::readData(relative)).split(u'\n');
    for (const QString& line : all) {
        if (!line.trimmed().isEmpty()) {
            out.append(line.trimmed());
        }
    }
    return out;
}

} // namespace

void TestArticleExtractor::extractsTheArticle_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("news site with article element") << u"news"_s;
    QTest::newRow("blog with div containers") << u"blog"_s;
    QTest::newRow("old table layout") << u"tables"_s;
    QTest::newRow("documentation with main") << u"docs"_s;
}

void TestArticleExtractor::extractsTheArticle()
{
    QFETCH(QString, name);
    const QString page = QString::fromUtf8(folio::test::readData(u"pages/%1.html"_s.arg(name)));
    const auto article = folio::html::extractArticle(page, QUrl(u"https://news.example/story/%1.html"_s.arg(name)));
    QVERIFY2(!article.html.isEmpty(), qPrintable(name));
    const QStringList images = folio::html::imageSources(article.html);
    for (const QString& line : lines(u"pages/%1.expected"_s.arg(name))) {
        if (line.startsWith(u"title: "_s)) {
            QCOMPARE(article.title, line.mid(7));
        } else if (line.startsWith(u"image: "_s)) {
            QVERIFY2(images.contains(line.mid(7)), qPrintable(images.join(u' ')));
        } else {
            QVERIFY2(article.text.contains(line), qPrintable(u"missing \"%1\" in:\n%2"_s.arg(line, article.text)));
        }
    }
    for (const QString& line : lines(u"pages/%1.absent"_s.arg(name))) {
        QVERIFY2(!article.text.contains(line) && !article.html.contains(line),
                 qPrintable(u"unexpected \"%1\" in:\n%2"_s.arg(line, article.text)));
    }
    // Sanitised like feed HTML.
    QVERIFY(!article.html.contains(u"<script"_s));
    QVERIFY(!article.html.contains(u"<form"_s));
    QVERIFY(!article.html.contains(u"style="_s));
    QCOMPARE(folio::html::sanitize(article.html, {}), article.html);
}

void TestArticleExtractor::returnsNothingForAPageWithoutText()
{
    const auto article = folio::html::extractArticle(
        u"<html><head><title>Empty</title></head><body><nav><a href=\"/\">Home</a></nav><script>x()</script></body></html>"_s,
        QUrl(u"https://e.example/"_s));
    QCOMPARE(article.title, u"Empty"_s);
    QVERIFY(article.html.isEmpty());
    QVERIFY(article.text.isEmpty());
}

void TestArticleExtractor::survivesHostileInput()
{
    QString deep;
    for (int i = 0; i < 5000; ++i) {
        deep += u"<div><p>"_s;
    }
    deep += u"text, text, text, and more text to score with, many words here"_s;
    const auto article = folio::html::extractArticle(deep, QUrl(u"https://e.example/"_s));
    QVERIFY(article.text.contains(u"more text to score"_s));
    QVERIFY(folio::html::extractArticle(QString(), QUrl()).html.isEmpty());
}

QTEST_APPLESS_MAIN(TestArticleExtractor)
#include "TestArticleExtractor.moc"
