// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "net/FeedFetcher.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QTimeZone>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

constexpr int kWaitMs = 15000;

} // namespace

class TestFeedFetcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FeedFetcher> m_fetcher;

    // The results of requests, in request order, each from its own future.
    QList<FetchResult> fetchAll(const QList<FetchRequest>& requests)
    {
        const QList<QFuture<FetchResult>> futures = m_fetcher->fetch(requests);
        const bool done = QTest::qWaitFor(
            [&futures] { return std::all_of(futures.cbegin(), futures.cend(), [](const auto& f) { return f.isFinished(); }); },
            kWaitMs);
        if (!done) {
            qWarning("the fetcher did not finish");
        }
        QList<FetchResult> results;
        for (const QFuture<FetchResult>& future : futures) {
            if (future.isFinished() && future.resultCount() == 1) {
                results.append(future.result());
            }
        }
        return results;
    }

    FetchResult fetchOne(const QString& path, const QString& etag = {}, const QString& lastModified = {},
                         bool discover = false)
    {
        FetchRequest request;
        request.feedId = 7;
        request.url = m_server->url(path);
        request.etag = etag;
        request.lastModified = lastModified;
        request.discover = discover;
        const QList<FetchResult> results = fetchAll({request});
        return results.value(0);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_fetcher = std::make_unique<FeedFetcher>(m_network.get());
    }

    void cleanup()
    {
        m_fetcher.reset();
        m_network.reset();
        m_server.reset();
    }

    // --- The requests it sends ---

    void sendsUserAgentAndLetsQtNegotiateCompression()
    {
        m_server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        const FetchResult r = fetchOne(u"/feeds/alpha.xml"_s);
        QCOMPARE(r.status, FetchResult::Status::Ok);
        QCOMPARE(r.feedId, qint64(7));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.feed.title, u"Alpha News"_s);
        QCOMPARE(r.feed.items.size(), 2);
        QVERIFY(!r.urlChanged());

        const auto requests = m_server->requestsTo("/feeds/alpha.xml");
        QCOMPARE(requests.size(), 1);
        const TestHttpServer::Request& sent = requests.first();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.header("User-Agent"), QByteArray("Folio/" FOLIO_VERSION " (+" FOLIO_HOMEPAGE ")"));
        QCOMPARE(sent.header("User-Agent"), FeedFetcher::userAgent());
        // We never set Accept-Encoding: Qt adds it and decompresses for us.
        QVERIFY2(sent.header("Accept-Encoding").contains("gzip"), sent.header("Accept-Encoding").constData());
        QVERIFY(sent.header("Accept").contains("application/rss+xml"));
        QVERIFY(sent.header("If-None-Match").isEmpty());
        QVERIFY(sent.header("If-Modified-Since").isEmpty());
    }

    void sendsValidatorsAndReportsNotModified()
    {
        TestHttpServer::Response response = TestHttpServer::feed(u"alpha.xml"_s);
        response.etag = "\"alpha-1\"";
        response.lastModified = "Tue, 04 Jun 2024 08:00:00 GMT";
        m_server->setRoute("/feeds/alpha.xml", response);

        const FetchResult first = fetchOne(u"/feeds/alpha.xml"_s);
        QCOMPARE(first.status, FetchResult::Status::Ok);
        QCOMPARE(first.etag, u"\"alpha-1\""_s);
        QCOMPARE(first.lastModified, u"Tue, 04 Jun 2024 08:00:00 GMT"_s);

        const FetchResult second = fetchOne(u"/feeds/alpha.xml"_s, first.etag, first.lastModified);
        QCOMPARE(second.status, FetchResult::Status::NotModified);
        QCOMPARE(second.httpStatus, 304);
        QVERIFY(second.ok());
        QCOMPARE(second.etag, u"\"alpha-1\""_s);
        const auto requests = m_server->requestsTo("/feeds/alpha.xml");
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).header("If-None-Match"), QByteArray("\"alpha-1\""));
        QCOMPARE(requests.at(1).header("If-Modified-Since"), QByteArray("Tue, 04 Jun 2024 08:00:00 GMT"));
    }

    void notModifiedWithoutValidatorsKeepsTheOnesSent()
    {
        TestHttpServer::Response bare; // a 304 that repeats neither ETag nor Last-Modified
        bare.status = 304;
        m_server->setRoute("/feeds/bare.xml", bare);
        const FetchResult r = fetchOne(u"/feeds/bare.xml"_s, u"\"kept-1\""_s, u"Tue, 04 Jun 2024 08:00:00 GMT"_s);
        QCOMPARE(r.status, FetchResult::Status::NotModified);
        QCOMPARE(r.etag, u"\"kept-1\""_s);
        QCOMPARE(r.lastModified, u"Tue, 04 Jun 2024 08:00:00 GMT"_s);
    }

    void decompressionErrorsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("corrupt gzip") << QByteArray("gzip") << QByteArray("\x1f\x8b\x08\x08garbage, not deflate data at all");
        QTest::newRow("not gzip at all") << QByteArray("gzip") << QByteArray("<rss version=\"2.0\"><channel/></rss>");
        QTest::newRow("corrupt deflate") << QByteArray("deflate") << QByteArray("\xff\xfe\xfd garbage");
    }

    void decompressionErrorsSayWhy()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        TestHttpServer::Response response = TestHttpServer::ok(body, "application/rss+xml");
        response.addHeader("Content-Encoding", encoding);
        m_server->setRoute("/feeds/packed.xml", response);
        const FetchResult r = fetchOne(u"/feeds/packed.xml"_s);
        QCOMPARE(r.status, FetchResult::Status::Failed);
        QVERIFY2(r.error.message.contains(u"decompress"_s), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QString::fromLatin1(encoding)), qPrintable(r.error.message));
    }

    void reportsRetryAfter_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expected"); ///< seconds from now; -1: none
        QTest::newRow("429 seconds") << 429 << QByteArray("120") << qint64(120);
        QTest::newRow("503 seconds") << 503 << QByteArray("30") << qint64(30);
        QTest::newRow("cut to a week") << 429 << QByteArray("99999999") << FeedFetcher::kMaxRetryAfterSecs;
        QTest::newRow("garbage") << 429 << QByteArray("soon") << qint64(-1);
        QTest::newRow("not for 500") << 500 << QByteArray("120") << qint64(-1);
    }

    void reportsRetryAfter()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(qint64, expected);
        TestHttpServer::Response busy;
        busy.status = status;
        busy.addHeader("Retry-After", header);
        m_server->setRoute("/feeds/busy.xml", busy);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const FetchResult r = fetchOne(u"/feeds/busy.xml"_s);
        QCOMPARE(r.status, FetchResult::Status::Failed);
        QVERIFY2(r.error.message.contains(u"HTTP %1"_s.arg(status)), qPrintable(r.error.message));
        if (expected < 0) {
            QVERIFY(!r.retryAfter.has_value());
            return;
        }
        QVERIFY(r.retryAfter.has_value());
        QVERIFY(*r.retryAfter >= now + expected && *r.retryAfter <= now + expected + 5);
        QVERIFY2(r.error.message.contains(u"not to be asked again before"_s), qPrintable(r.error.message));
    }

    void parsesRetryAfterDates()
    {
        const qint64 now = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()).toSecsSinceEpoch();
        QCOMPARE(FeedFetcher::parseRetryAfter("Tue, 01 Dec 2026 10:00:00 GMT", now), now + 3600);
        QCOMPARE(FeedFetcher::parseRetryAfter("Tue, 01 Dec 2026 08:00:00 GMT", now), now); // past: now
        QCOMPARE(FeedFetcher::parseRetryAfter(" 0 ", now), now);
        QVERIFY(!FeedFetcher::parseRetryAfter("-5", now));
        QVERIFY(!FeedFetcher::parseRetryAfter("", now));
    }

    void aBatchDeadlineStopsWaitingAndRunningRequests()
    {
        TestHttpServer::Response stuck = TestHttpServer::feed(u"alpha.xml"_s);
        stuck.delayMs = 60000;
        m_server->setRoute("/stuck.xml", stuck);
        FetchRequest running;
        running.url = m_server->url(u"/stuck.xml"_s);
        running.batchDeadline = QDeadlineTimer(300);
        FetchRequest late;
        late.url = m_server->url(u"/never.xml"_s);
        late.batchDeadline = QDeadlineTimer(0);
        const QList<FetchResult> results = fetchAll({running, late});
        QCOMPARE(results.size(), 2);
        for (const FetchResult& r : results) {
            QCOMPARE(r.status, FetchResult::Status::Failed);
            QVERIFY2(r.error.message.contains(u"ran out of time"_s), qPrintable(r.error.message));
        }
        QCOMPARE(m_server->requestsTo("/never.xml").size(), 0);
    }

    void takesHostsInTurn()
    {
        // Two free slots; three slow requests to one host queued before one to another host.
        m_fetcher->setMaxConcurrent(2);
        QList<FetchRequest> requests;
        for (int i = 0; i < 3; ++i) {
            TestHttpServer::Response slow = TestHttpServer::feed(u"alpha.xml"_s);
            slow.delayMs = 300;
            const QByteArray path = "/a/" + QByteArray::number(i);
            m_server->setRoute(path, slow);
            FetchRequest request;
            request.url = m_server->url(QString::fromLatin1(path));
            requests.append(request);
        }
        m_server->setRoute("/b", TestHttpServer::feed(u"alpha.xml"_s));
        FetchRequest other;
        other.url = m_server->url(u"/b"_s);
        other.url.setHost(u"localhost"_s);
        requests.append(other);
        const QList<FetchResult> results = fetchAll(requests);
        QCOMPARE(results.size(), 4);
        QList<QByteArray> order;
        for (const TestHttpServer::Request& r : m_server->requests()) {
            order.append(r.path);
        }
        // The other host's request took the first free slot, before the third of the busy host.
        QVERIFY2(order.indexOf("/b") >= 0 && order.indexOf("/b") < order.indexOf("/a/2"), order.join(' ').constData());
    }

    void decompressesGzip()
    {
        TestHttpServer::Response response = TestHttpServer::ok(test::readData(u"feeds/http/gamma.xml.gz"_s),
                                                               "application/rss+xml");
        response.addHeader("Content-Encoding", "gzip");
        m_server->setRoute("/feeds/gamma.xml", response);
        const FetchResult r = fetchOne(u"/feeds/gamma.xml"_s);
        QVERIFY2(r.status == FetchResult::Status::Ok, qPrintable(r.error.toString()));
        QCOMPARE(r.feed.title, u"Gamma Gazette"_s);
        QCOMPARE(r.bytes, qint64(test::readData(u"feeds/http/gamma.xml"_s).size()));
    }

    // --- Redirects ---

    void reportsPermanentRedirectsOnly()
    {
        m_server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_server->setRoute("/moved", TestHttpServer::redirect(301, "/feeds/alpha.xml"));
        m_server->setRoute("/moved-308", TestHttpServer::redirect(308, "/moved"));
        m_server->setRoute("/temporary", TestHttpServer::redirect(302, "/feeds/alpha.xml"));
        m_server->setRoute("/moved-then-temporary", TestHttpServer::redirect(301, "/temporary"));

        const FetchResult moved = fetchOne(u"/moved"_s);
        QCOMPARE(moved.status, FetchResult::Status::Ok);
        QVERIFY(moved.urlChanged());
        QCOMPARE(moved.feedUrl, m_server->url(u"/feeds/alpha.xml"_s));
        QCOMPARE(moved.finalUrl, m_server->url(u"/feeds/alpha.xml"_s));

        const FetchResult twice = fetchOne(u"/moved-308"_s);
        QCOMPARE(twice.feedUrl, m_server->url(u"/feeds/alpha.xml"_s));

        const FetchResult temporary = fetchOne(u"/temporary"_s);
        QCOMPARE(temporary.status, FetchResult::Status::Ok);
        QVERIFY(!temporary.urlChanged());
        QCOMPARE(temporary.finalUrl, m_server->url(u"/feeds/alpha.xml"_s));

        // Only the permanent hops at the start of the chain count.
        const FetchResult mixed = fetchOne(u"/moved-then-temporary"_s);
        QCOMPARE(mixed.feedUrl, m_server->url(u"/temporary"_s));
    }

    void stopsAfterTooManyRedirects()
    {
        m_server->setRoute("/loop-a", TestHttpServer::redirect(302, "/loop-b"));
        m_server->setRoute("/loop-b", TestHttpServer::redirect(302, "/loop-a"));
        m_fetcher->setMaxRedirects(3);
        const FetchResult r = fetchOne(u"/loop-a"_s);
        QCOMPARE(r.status, FetchResult::Status::Failed);
        QVERIFY2(r.error.message.contains(u"too many redirects"_s), qPrintable(r.error.message));
        QCOMPARE(m_server->requests().size(), 4);
    }

    // --- Failures ---

    void timesOutWhenNoDataArrives()
    {
        TestHttpServer::Response silent = TestHttpServer::feed(u"alpha.xml"_s);
        silent.delayMs = 10000;
        m_server->setRoute("/silent", silent);
        m_fetcher->setTransferTimeout(300);
        const FetchResult r = fetchOne(u"/silent"_s);
        QCOMPARE(r.status, FetchResult::Status::Failed);
        QCOMPARE(r.error.code, Error::Code::Network);
        QVERIFY2(r.error.message.contains(u"timed out"_s), qPrintable(r.error.message));
    }

    void deadlineStopsATrickle()
    {
        TestHttpServer::Response slow = TestHttpServer::feed(u"alpha.xml"_s);
        slow.trickleBytes = 8;
        slow.trickleIntervalMs = 50; // about five seconds for the whole feed
        m_server->setRoute("/trickle", slow);
        m_fetcher->setDeadline(400);
        QElapsedTimer clock;
        clock.start();
        const FetchResult r = fetchOne(u"/trickle"_s);
        QCOMPARE(r.status, FetchResult::Status::Failed);
        QVERIFY2(r.error.message.contains(u"timed out after"_s), qPrintable(r.error.message));
        QVERIFY(clock.elapsed() < 4000);
    }

    void refusesAnOversizeBody()
    {
        m_server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_fetcher->setMaxBodyBytes(100);
        const FetchResult announced = fetchOne(u"/feeds/alpha.xml"_s);
        QCOMPARE(announced.status, FetchResult::Status::Failed);
        QVERIFY2(announced.error.message.contains(u"larger than 100 bytes"_s), qPrintable(announced.error.message));

        // Decompressed size counts, not what went over the wire.
        TestHttpServer::Response gzip = TestHttpServer::ok(test::readData(u"feeds/http/gamma.xml.gz"_s),
                                                           "application/rss+xml");
        gzip.addHeader("Content-Encoding", "gzip");
        m_server->setRoute("/feeds/gamma.xml", gzip);
        m_fetcher->setMaxBodyBytes(300); // the gzip file is 280 bytes, the feed 474
        const FetchResult inflated = fetchOne(u"/feeds/gamma.xml"_s);
        QCOMPARE(inflated.status, FetchResult::Status::Failed);
        QVERIFY2(inflated.error.message.contains(u"larger than 300 bytes"_s), qPrintable(inflated.error.message));
    }

    void reportsHttpStatusParseErrorsAndBrokenConnections()
    {
        const FetchResult missing = fetchOne(u"/nowhere"_s);
        QCOMPARE(missing.status, FetchResult::Status::Failed);
        QCOMPARE(missing.httpStatus, 404);
        QVERIFY2(missing.error.message.startsWith(u"HTTP 404"_s), qPrintable(missing.error.message));

        m_server->setRoute("/feed.xml", TestHttpServer::feed(u"broken.xml"_s));
        const FetchResult broken = fetchOne(u"/feed.xml"_s);
        QCOMPARE(broken.status, FetchResult::Status::Failed);
        QCOMPARE(broken.error.code, Error::Code::Parse);

        TestHttpServer::Response cut = TestHttpServer::feed(u"alpha.xml"_s);
        cut.closeAfterBytes = 100;
        m_server->setRoute("/cut", cut);
        const FetchResult closed = fetchOne(u"/cut"_s);
        QCOMPARE(closed.status, FetchResult::Status::Failed);
        QCOMPARE(closed.error.code, Error::Code::Network);

        FetchRequest notHttp;
        notHttp.url = QUrl(u"ftp://example.org/feed.xml"_s);
        const QList<FetchResult> refused = fetchAll({notHttp});
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().status, FetchResult::Status::Failed);

        // A port nobody listens on (taken, then released).
        QTcpServer closedPort;
        QVERIFY(closedPort.listen(QHostAddress::LocalHost));
        const quint16 port = closedPort.serverPort();
        closedPort.close();
        FetchRequest nobody;
        nobody.url = QUrl(u"http://127.0.0.1:%1/feed.xml"_s.arg(port));
        const QList<FetchResult> unreachable = fetchAll({nobody});
        QCOMPARE(unreachable.size(), 1);
        QCOMPARE(unreachable.first().status, FetchResult::Status::Failed);
        QVERIFY2(unreachable.first().error.message.contains(u"connection refused"_s),
                 qPrintable(unreachable.first().error.message));
    }

    // --- Scheduling ---

    void runsAtMostTwoRequestsPerHost()
    {
        QList<FetchRequest> requests;
        for (int i = 0; i < 5; ++i) {
            TestHttpServer::Response r = TestHttpServer::feed(u"alpha.xml"_s);
            r.delayMs = 150;
            const QByteArray path = "/slow/" + QByteArray::number(i);
            m_server->setRoute(path, r);
            FetchRequest request;
            request.feedId = i + 1;
            request.url = m_server->url(QString::fromLatin1(path));
            requests.append(request);
        }
        QSignalSpy progress(m_fetcher.get(), &FeedFetcher::progress);
        const QList<FetchResult> results = fetchAll(requests);
        QCOMPARE(results.size(), 5);
        for (const FetchResult& r : results) {
            QCOMPARE(r.status, FetchResult::Status::Ok);
        }
        QCOMPARE(m_server->maxConcurrent(), 2);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 5);
        QCOMPARE(progress.last().at(1).toInt(), 5);
        QVERIFY(!m_fetcher->isBusy());
    }

    void cancelReportsEveryRequest()
    {
        QList<FetchRequest> requests;
        for (int i = 0; i < 4; ++i) {
            TestHttpServer::Response r = TestHttpServer::feed(u"alpha.xml"_s);
            r.delayMs = 5000;
            const QByteArray path = "/wait/" + QByteArray::number(i);
            m_server->setRoute(path, r);
            FetchRequest request;
            request.feedId = i + 1;
            request.url = m_server->url(QString::fromLatin1(path));
            requests.append(request);
        }
        QSignalSpy finished(m_fetcher.get(), &FeedFetcher::finished);
        QSignalSpy received(m_server.get(), &TestHttpServer::requestReceived);
        const QList<QFuture<FetchResult>> futures = m_fetcher->fetch(requests);
        QVERIFY(received.wait(kWaitMs));
        m_fetcher->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(futures.size(), 4);
        for (const QFuture<FetchResult>& future : futures) {
            QVERIFY(future.isFinished());
            QCOMPARE(future.result().status, FetchResult::Status::Cancelled);
        }
        QVERIFY(!m_fetcher->isBusy());
    }

    void answersAnEmptyRequestListFromTheEventLoop()
    {
        QSignalSpy finished(m_fetcher.get(), &FeedFetcher::finished);
        m_fetcher->fetch(QList<FetchRequest>{});
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(kWaitMs));
    }

    // --- Web pages ---

    void followsTheFeedLinkOfAWebPage()
    {
        m_server->setRoute("/", TestHttpServer::ok(test::readData(u"feeds/http/page.html"_s), "text/html"));
        m_server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_server->setRoute("/plain.html",
                           TestHttpServer::ok(test::readData(u"feeds/http/nofeed.html"_s), "text/html; charset=utf-8"));

        const FetchResult found = fetchOne(u"/"_s, {}, {}, true);
        QVERIFY2(found.status == FetchResult::Status::Ok, qPrintable(found.error.toString()));
        QCOMPARE(found.feedUrl, m_server->url(u"/feeds/alpha.xml"_s));
        QCOMPARE(found.feed.title, u"Alpha News"_s);

        const FetchResult notAsked = fetchOne(u"/"_s);
        QCOMPARE(notAsked.status, FetchResult::Status::Failed);
        QVERIFY2(notAsked.error.message.contains(u"web page"_s), qPrintable(notAsked.error.message));

        const FetchResult none = fetchOne(u"/plain.html"_s, {}, {}, true);
        QCOMPARE(none.status, FetchResult::Status::Failed);
        QVERIFY2(none.error.message.contains(u"does not name a feed"_s), qPrintable(none.error.message));
    }

};

QTEST_GUILESS_MAIN(TestFeedFetcher)
#include "TestFeedFetcher.moc"
