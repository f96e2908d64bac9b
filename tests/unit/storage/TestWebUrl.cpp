// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/WebUrl.h"
#include "storage/ArticleStore.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace folio;

/// weburl::canonicalAuthorityEnd, the shortcut past QUrl for URLs that QUrl keeps as they are:
/// whatever it accepts, QUrl must give back unchanged (checked on many generated URLs), and
/// ArticleStore::canonicalUrl must give what its QUrl way gives.
class TestWebUrl : public QObject
{
    Q_OBJECT

private:
    /// A URL built from pieces near the edges of what the shortcut accepts.
    static QString randomUrl(QRandomGenerator& random)
    {
        // Mostly what the shortcut accepts, with one in a few pieces from beyond its edges.
        const auto pick = [&random](const QStringList& usual, const QStringList& unusual) {
            const QStringList& from = random.bounded(4) == 0 ? unusual : usual;
            return from.at(random.bounded(from.size()));
        };
        static const QStringList schemes = {u"https://"_s, u"http://"_s};
        static const QStringList otherSchemes = {u"HTTP://"_s, u"ftp://"_s, u"https:/"_s, u"https:"_s, u"mailto:"_s, u""_s};
        static const QStringList hosts = {u"a"_s, u"example"_s, u"com"_s, u"nl"_s, u"a-b"_s, u"1"_s, u"x1"_s, u"0a"_s};
        static const QStringList otherHosts = {u"xn--nxasmq6b"_s, u"xn--zz"_s, u"-a"_s, u"a-"_s, u"a--b"_s, u"127"_s,
                                               u"0x7f"_s, u"0X7F"_s, u"Ex"_s, u"e_x"_s, u""_s, u"ë"_s, u"[::1]"_s,
                                               QString(64, u'a'), u"user@h"_s, u"%41"_s, u"09"_s, u"a."_s};
        static const QStringList ports = {u""_s, u":80"_s, u":443"_s, u":65535"_s, u":1"_s};
        static const QStringList otherPorts = {u":"_s, u":080"_s, u":0"_s, u":65536"_s, u":123456"_s, u":8a"_s};
        static const QString pathChars = u"abcXYZ019-._~!$&'()*+,;=:@/?#"_s;
        static const QString otherPathChars = u"%[]\\ \"<>^`{|}ë\t#?/"_s;
        QString url = pick(schemes, otherSchemes);
        const int labels = random.bounded(1, 4);
        for (int i = 0; i < labels; ++i) {
            url += (i ? u"."_s : QString()) + pick(hosts, otherHosts);
        }
        url += random.bounded(2) == 0 ? QString() : pick(ports, otherPorts);
        const int pathLength = random.bounded(12);
        for (int i = 0; i < pathLength; ++i) {
            const QString& from = random.bounded(12) == 0 ? otherPathChars : pathChars;
            url += from.at(random.bounded(from.size()));
        }
        return url;
    }

private Q_SLOTS:
    void acceptsPlainFeedUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("authorityEnd");
        QTest::newRow("article") << u"https://nieuws.example.nl/artikel/0-96717"_s << 25;
        QTest::newRow("no path") << u"https://example.com"_s << 19;
        QTest::newRow("query and fragment") << u"http://a.b/c?d=e&f=g#h"_s << 10;
        QTest::newRow("port") << u"https://example.com:8443/x"_s << 24;
        QTest::newRow("digits and hyphens") << u"https://1-2.co/"_s << 14;
    }
    void acceptsPlainFeedUrls()
    {
        QFETCH(QString, url);
        QFETCH(int, authorityEnd);
        QCOMPARE(weburl::canonicalAuthorityEnd(url), authorityEnd);
        QCOMPARE(QUrl(url).toString(QUrl::FullyEncoded), url);
    }

    void leavesTheRestToQUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("upper-case host") << u"https://Example.com/"_s;
        QTest::newRow("upper-case scheme") << u"HTTPS://example.com/"_s;
        QTest::newRow("escape") << u"https://example.com/%41"_s;
        QTest::newRow("space") << u"https://example.com/a b"_s;
        QTest::newRow("non-ASCII path") << u"https://example.com/Azië"_s;
        QTest::newRow("non-ASCII host") << u"https://ëxample.com/"_s;
        QTest::newRow("IDNA label") << u"https://xn--nxasmq6b.com/"_s;
        QTest::newRow("numeric host") << u"https://127.0.0.1/"_s;
        QTest::newRow("hex host") << u"https://1.0x7f/"_s;
        QTest::newRow("digit top level") << u"https://a.1com/"_s;
        QTest::newRow("empty label") << u"https://a..b/"_s;
        QTest::newRow("trailing dot") << u"https://example.com./"_s;
        QTest::newRow("leading hyphen") << u"https://-a.com/"_s;
        QTest::newRow("user") << u"https://user@example.com/"_s;
        QTest::newRow("empty port") << u"https://example.com:/"_s;
        QTest::newRow("port with zero") << u"https://example.com:080/"_s;
        QTest::newRow("port too large") << u"https://example.com:65536/"_s;
        QTest::newRow("second hash") << u"https://example.com/#a#b"_s;
        QTest::newRow("relative") << u"/artikel/1"_s;
        QTest::newRow("no host") << u"https:///a"_s;
        QTest::newRow("other scheme") << u"ftp://example.com/"_s;
    }
    void leavesTheRestToQUrl()
    {
        QFETCH(QString, url);
        QCOMPARE(weburl::canonicalAuthorityEnd(url), qsizetype(-1));
    }

    /// The property the callers rely on (resolveWebUrl, the sanitiser, canonicalUrl): an accepted
    /// URL is a valid absolute web URL that QUrl formats as it is.
    void everyAcceptedUrlIsWhatQUrlMakesOfIt()
    {
        QRandomGenerator random(20261201);
        int accepted = 0;
        for (int i = 0; i < 200000; ++i) {
            const QString url = randomUrl(random);
            const qsizetype end = weburl::canonicalAuthorityEnd(url);
            if (end < 0) {
                continue;
            }
            ++accepted;
            const QUrl parsed(url);
            QVERIFY2(parsed.isValid() && !parsed.isRelative() && !parsed.host().isEmpty(), qPrintable(url));
            QVERIFY2(parsed.scheme() == "http"_L1 || parsed.scheme() == "https"_L1, qPrintable(url));
            QCOMPARE(parsed.toString(QUrl::FullyEncoded), url);
            QCOMPARE(ArticleStore::canonicalUrl(url), ArticleStore::canonicalUrlByQUrl(url));
        }
        QVERIFY2(accepted > 10000, qPrintable(QString::number(accepted))); // the generator reaches both sides
    }

    void canonicalUrlShortcutMatchesQUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("fragment") << u"https://a.nl/x#top"_s << u"https://a.nl/x"_s;
        QTest::newRow("no path") << u"https://a.nl"_s << u"https://a.nl/"_s;
        QTest::newRow("no path, fragment") << u"https://a.nl#x"_s << u"https://a.nl/"_s;
        QTest::newRow("white space") << u"  https://a.nl/x \n"_s << u"https://a.nl/x"_s;
        QTest::newRow("default port") << u"https://a.nl:443/x"_s << u"https://a.nl/x"_s;
        QTest::newRow("other port") << u"http://a.nl:8080/x"_s << u"http://a.nl:8080/x"_s;
        QTest::newRow("tracking") << u"https://a.nl/x?utm_source=rss&id=2"_s << u"https://a.nl/x?id=2"_s;
        QTest::newRow("upper case") << u"HTTPS://A.NL/X"_s << u"https://a.nl/X"_s;
    }
    void canonicalUrlShortcutMatchesQUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, canonical);
        QCOMPARE(ArticleStore::canonicalUrl(url), canonical);
        QCOMPARE(ArticleStore::canonicalUrlByQUrl(url), canonical);
    }
};

QTEST_GUILESS_MAIN(TestWebUrl)
#include "TestWebUrl.moc"
