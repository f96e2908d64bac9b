// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "net/FeedDiscovery.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestFeedDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsAlternateFeedLinksInOrder()
    {
        const QList<QUrl> links = FeedDiscovery::alternateLinks(test::readData(u"feeds/http/page.html"_s),
                                                                QUrl(u"https://alpha.example.org/news/"_s));
        QCOMPARE(links, (QList<QUrl>{QUrl(u"https://alpha.example.org/feeds/alpha.xml"_s),
                                     QUrl(u"https://alpha.example.org/feeds/beta.atom"_s)}));
    }

    void readsAttributesInAnyOrderAndQuoting()
    {
        const QByteArray html = "<html><head>"
                                "<LINK HREF='/a?x=1&amp;y=2' TYPE=\"application/feed+json\" REL=\"Alternate\">"
                                "<link type=application/json rel=alternate href=/b.json>"
                                "<link rel=\"alternate stylesheet\" type=\"text/css\" href=\"/c.css\">"
                                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/a?x=1&y=2\">"
                                "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
                                "</head></html>";
        const QList<QUrl> links = FeedDiscovery::alternateLinks(html, QUrl(u"http://example.org/"_s));
        QCOMPARE(links, (QList<QUrl>{QUrl(u"http://example.org/a?x=1&y=2"_s), QUrl(u"http://example.org/b.json"_s)}));
    }

    void honoursBaseHref()
    {
        const QByteArray html = "<head><base href=\"https://cdn.example.net/site/\">"
                                "<link rel=alternate type=application/atom+xml href=feed.atom></head>";
        const QList<QUrl> links = FeedDiscovery::alternateLinks(html, QUrl(u"https://example.org/"_s));
        QCOMPARE(links, QList<QUrl>{QUrl(u"https://cdn.example.net/site/feed.atom"_s)});
    }

    void tellsPagesFromFeeds()
    {
        QVERIFY(FeedDiscovery::looksLikeHtml("<!DOCTYPE html><html></html>", "application/octet-stream"));
        QVERIFY(FeedDiscovery::looksLikeHtml("\xEF\xBB\xBF  <html>", ""));
        QVERIFY(FeedDiscovery::looksLikeHtml("hello", "text/html; charset=utf-8"));
        QVERIFY(!FeedDiscovery::looksLikeHtml("<?xml version=\"1.0\"?><rss/>", "text/html"));
        QVERIFY(!FeedDiscovery::looksLikeHtml("{\"version\": \"https://jsonfeed.org/version/1.1\"}", "text/html"));
        QVERIFY(!FeedDiscovery::looksLikeHtml("<rss version=\"2.0\"></rss>", "application/xml"));
    }

    void survivesGarbage()
    {
        QByteArray junk(200'000, '<');
        junk += "link rel=alternate";
        QVERIFY(FeedDiscovery::alternateLinks(junk, QUrl(u"https://example.org/"_s)).isEmpty());
        QVERIFY(FeedDiscovery::alternateLinks({}, {}).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestFeedDiscovery)
#include "TestFeedDiscovery.moc"
