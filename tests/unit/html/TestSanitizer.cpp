// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// One case per construct the sanitiser removes, each with its exact expected output.
#include "html/HtmlText.h"
#include "html/ImageSources.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSanitizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesConstruct_data();
    void removesConstruct();
    void keepsRealImages_data();
    void keepsRealImages();
    void listsImageSourcesOnce();
    void tellsImagesBetweenBlocksFromImagesInText();
};

void TestSanitizer::removesConstruct_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("script") << u"<p>a<script>alert(1)</script>b</p>"_s << u"<p>ab</p>"_s;
    QTest::newRow("script src") << u"<script src=\"https://evil.example/x.js\"></script><p>ok</p>"_s << u"<p>ok</p>"_s;
    QTest::newRow("style") << u"<style>p{color:red}</style><p>ok</p>"_s << u"<p>ok</p>"_s;
    QTest::newRow("style attribute") << u"<p style=\"position:fixed\">ok</p>"_s << u"<p>ok</p>"_s;
    QTest::newRow("iframe") << u"<p>a<iframe src=\"https://x.example/\">fallback</iframe>b</p>"_s << u"<p>ab</p>"_s;
    QTest::newRow("object") << u"<object data=\"x.swf\"><param name=\"a\" value=\"b\">alt</object><p>ok</p>"_s
                            << u"<p>ok</p>"_s;
    QTest::newRow("embed") << u"<p>a<embed src=\"x.swf\">b</p>"_s << u"<p>ab</p>"_s;
    QTest::newRow("form") << u"<form action=\"https://x.example/\"><input name=\"q\"><button>Go</button></form><p>ok</p>"_s
                          << u"<p>ok</p>"_s;
    QTest::newRow("onclick") << u"<p onclick=\"steal()\">ok</p>"_s << u"<p>ok</p>"_s;
    QTest::newRow("onerror on img") << u"<img src=\"https://i.example/a.png\" onerror=\"steal()\">"_s
                                    << u"<img src=\"https://i.example/a.png\">"_s;
    QTest::newRow("onload uppercase") << u"<a href=\"https://x.example/\" ONLOAD=\"x()\">l</a>"_s
                                      << u"<a href=\"https://x.example/\">l</a>"_s;
    QTest::newRow("javascript link") << u"<a href=\"javascript:alert(1)\">x</a>"_s << u"x"_s;
    QTest::newRow("javascript link obfuscated") << u"<a href=\" JaVa\tScRiPt:alert(1)\">x</a>"_s << u"x"_s;
    QTest::newRow("javascript image") << u"<img src=\"javascript:alert(1)\">ok"_s << u"ok"_s;
    QTest::newRow("data link") << u"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>"_s << u"x"_s;
    QTest::newRow("data image link") << u"<a href=\"data:image/png;base64,iVBORw0KGgo=\">x</a>"_s << u"x"_s;
    QTest::newRow("pixel 1x1") << u"<p>a<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">b</p>"_s
                               << u"<p>ab</p>"_s;
    QTest::newRow("pixel 0x0") << u"<p>a<img src=\"https://t.example/p.gif\" width=\"0\" height=\"0\">b</p>"_s
                               << u"<p>ab</p>"_s;
    QTest::newRow("pixel zero width") << u"<img src=\"https://t.example/p.gif\" width=\"0\">ok"_s << u"ok"_s;
    QTest::newRow("pixel px units") << u"<img src=\"https://t.example/p.gif\" width=\"1px\" height=\"1px\">ok"_s
                                    << u"ok"_s;
    QTest::newRow("pixel css size") << u"<img src=\"https://t.example/p.gif\" style=\"width: 1px; height: 1px\">ok"_s
                                    << u"ok"_s;
    QTest::newRow("hidden by css") << u"<img src=\"https://t.example/p.gif\" style=\"display: none\">ok"_s << u"ok"_s;
    QTest::newRow("invisible") << u"<img src=\"https://t.example/p.gif\" style=\"visibility:hidden\">ok"_s << u"ok"_s;
    QTest::newRow("hidden attribute") << u"<img src=\"https://t.example/p.gif\" hidden>ok"_s << u"ok"_s;
}

void TestSanitizer::removesConstruct()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString once = folio::html::sanitize(input, QUrl(u"https://base.example/"_s));
    QCOMPARE(once, expected);
    QCOMPARE(folio::html::sanitize(once, QUrl(u"https://base.example/"_s)), once); // stable
}

void TestSanitizer::keepsRealImages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sized") << u"<img src=\"a.png\" width=\"640\" height=\"480\" alt=\"A\">"_s
                           << u"<img src=\"https://base.example/a.png\" width=\"640\" height=\"480\" alt=\"A\">"_s;
    QTest::newRow("two pixels wide") << u"<img src=\"a.png\" width=\"2\" height=\"1\">"_s
                                     << u"<img src=\"https://base.example/a.png\" width=\"2\" height=\"1\">"_s;
    QTest::newRow("no size") << u"<img src=\"/b.jpg\">"_s << u"<img src=\"https://base.example/b.jpg\">"_s;
}

void TestSanitizer::keepsRealImages()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(folio::html::sanitize(input, QUrl(u"https://base.example/"_s)), expected);
}

void TestSanitizer::listsImageSourcesOnce()
{
    const QString html = folio::html::sanitize(
        u"<img src=\"a.png\"><img src=\"b.png?x=1&amp;y=2\"><img src=\"a.png\"><img src=\"data:image/png;base64,AA==\">"_s,
        QUrl(u"https://base.example/"_s));
    QCOMPARE(folio::html::imageSources(html),
             (QStringList{u"https://base.example/a.png"_s, u"https://base.example/b.png?x=1&y=2"_s}));
}

void TestSanitizer::tellsImagesBetweenBlocksFromImagesInText()
{
    // As the sanitiser writes them: an image after a paragraph, a second one after it, one in a
    // line of text, one at the start of a paragraph, one after a list and a rule, one after a link.
    const QString html = folio::html::sanitize(
        u"<p>One.</p> <img src=\"a.png\">\n<img src=\"b.png\"><p>Two <img src=\"c.png\"> three.</p>"
        "<p><img src=\"d.png\"> four</p><ul><li>x</li></ul><img src=\"e.png\"><hr><img src=\"f.png\">"
        "<p><a href=\"https://x.example/\">link</a><img src=\"g.png\"></p>"
        "<p>Five.</p><a href=\"https://x.example/big\"><img src=\"h.png\"></a><a href=\"https://x.example/\"><img src=\"i.png\"></a>"
        "<p>Six.</p><a href=\"https://x.example/\"><img src=\"j.png\"> with text</a>"
        "<figure><img src=\"k.png\"><figcaption>Caption</figcaption></figure><img src=\"l.png\">"_s,
        QUrl(u"https://base.example/"_s));
    const QList<folio::html::ImageTag> tags = folio::html::imageTags(html);
    QList<bool> between;
    for (const auto& tag : tags) {
        between.append(tag.betweenBlocks);
    }
    QCOMPARE(between, (QList<bool>{true, true, false, false, true, true, false, true, true, false, false, true}));
    // A linked image goes into its paragraph with its link.
    QVERIFY(html.mid(tags.at(7).blockFrom, tags.at(7).blockTo - tags.at(7).blockFrom).startsWith(u"<a href="_s));
    QVERIFY(html.mid(tags.at(7).blockFrom, tags.at(7).blockTo - tags.at(7).blockFrom).endsWith(u"</a>"_s));
    QCOMPARE(tags.at(0).blockFrom, tags.at(0).start);
}

QTEST_APPLESS_MAIN(TestSanitizer)
#include "TestSanitizer.moc"
