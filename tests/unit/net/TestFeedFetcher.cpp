// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "net/FeedFetcher.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Library.h"
#include "storage/StateStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

constexpr int kWaitMs = 15000;

TestHttpServer::Response feedResponse(const QString& fixture, const QByteArray& type = "application/rss+xml")
{
    return TestHttpServer::ok(test::readData(u"feeds/http/"_s + fixture), type);
}

} // namespace

class TestFeedFetcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FeedFetcher> m_fetcher;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;

    QList<FetchResult> fetchAll(const QList<FetchRequest>& requests)
    {
        QList<FetchResult> results;
        QObject context;
        connect(m_fetcher.get(), &FeedFetcher::feedFetched, &context,
                [&results](const FetchResult& r) { results.append(r); });
        QSignalSpy finished(m_fetcher.get(), &FeedFetcher::finished);
        m_fetcher->fetch(requests);
        if (!finished.wait(kWaitMs)) {
            qWarning("the fetcher did not finish");
        }
        return results;
    }

    FetchResult fetchOne(const QString& path, const QString& etag = {}, const QString& lastModified = {},
                         bool discover = false)
    {
        FetchRequest request;
        request.feedId = 7;
        request.token = 42;
        request.url = m_server->url(path);
        request.etag = etag;
        request.lastModified = lastModified;
        request.discover = discover;
        const QList<FetchResult> results = fetchAll({request});
        return results.value(0);
    }

    // --- Library helpers (fetch and store through the async facade) ---

    template<typename T>
    static Result<T> await(QFuture<Result<T>> future)
    {
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs)) {
            return makeError(Error::Code::Generic, u"timed out waiting for the library"_s);
        }
        return future.result();
    }

    QSqlDatabase db() { return Database::connection(m_library->databasePath()).value(); }

    Feed subscribe(const QString& path, const QStringList& tags = {})
    {
        auto report = await(m_library->subscribe(m_server->url(path), tags));
        if (!report) {
            qWarning("subscribe failed: %s", qPrintable(report.error().toString()));
            return {};
        }
        return report->feed;
    }

    Feed storedFeed(qint64 id) { return FeedStore(db()).feed(id).value(); }
    int articleCount() { return ArticleStore(db()).stats().value().articles; }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_fetcher = std::make_unique<FeedFetcher>(m_network.get());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto library = Library::open(m_dir->path());
        QVERIFY2(library, library ? "" : qPrintable(library.error().toString()));
        m_library = std::move(library).value();
        m_library->setNetworkAccessManager(m_network.get());
    }

    void cleanup()
    {
        m_library.reset();
        Database::closeConnection(QDir(m_dir->path()).filePath(Database::fileName()));
        m_fetcher.reset();
        m_network.reset();
        m_server.reset();
        m_dir.reset();
    }

    // --- The requests it sends ---

    void sendsUserAgentAndLetsQtNegotiateCompression()
    {
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
        const FetchResult r = fetchOne(u"/feeds/alpha.xml"_s);
        QCOMPARE(r.status, FetchResult::Status::Ok);
        QCOMPARE(r.feedId, qint64(7));
        QCOMPARE(r.token, quint64(42));
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
        TestHttpServer::Response response = feedResponse(u"alpha.xml"_s);
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
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
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
        TestHttpServer::Response silent = feedResponse(u"alpha.xml"_s);
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
        TestHttpServer::Response slow = feedResponse(u"alpha.xml"_s);
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
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
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

        m_server->setRoute("/feed.xml", feedResponse(u"broken.xml"_s));
        const FetchResult broken = fetchOne(u"/feed.xml"_s);
        QCOMPARE(broken.status, FetchResult::Status::Failed);
        QCOMPARE(broken.error.code, Error::Code::Parse);

        TestHttpServer::Response cut = feedResponse(u"alpha.xml"_s);
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
            TestHttpServer::Response r = feedResponse(u"alpha.xml"_s);
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
            TestHttpServer::Response r = feedResponse(u"alpha.xml"_s);
            r.delayMs = 5000;
            const QByteArray path = "/wait/" + QByteArray::number(i);
            m_server->setRoute(path, r);
            FetchRequest request;
            request.feedId = i + 1;
            request.url = m_server->url(QString::fromLatin1(path));
            requests.append(request);
        }
        QList<FetchResult> results;
        connect(m_fetcher.get(), &FeedFetcher::feedFetched, this,
                [&results](const FetchResult& r) { results.append(r); });
        QSignalSpy finished(m_fetcher.get(), &FeedFetcher::finished);
        QSignalSpy received(m_server.get(), &TestHttpServer::requestReceived);
        m_fetcher->fetch(requests);
        QVERIFY(received.wait(kWaitMs));
        m_fetcher->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(results.size(), 4);
        for (const FetchResult& r : std::as_const(results)) {
            QCOMPARE(r.status, FetchResult::Status::Cancelled);
        }
        QVERIFY(!m_fetcher->isBusy());
        m_fetcher->disconnect(this);
    }

    void answersAnEmptyRequestListFromTheEventLoop()
    {
        QSignalSpy finished(m_fetcher.get(), &FeedFetcher::finished);
        m_fetcher->fetch({});
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(kWaitMs));
    }

    // --- Web pages ---

    void followsTheFeedLinkOfAWebPage()
    {
        m_server->setRoute("/", TestHttpServer::ok(test::readData(u"feeds/http/page.html"_s), "text/html"));
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
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

    // --- Through the library: what is stored ---

    void storesASubscriptionWithItsTagsAndValidators()
    {
        TestHttpServer::Response response = feedResponse(u"alpha.xml"_s);
        response.etag = "\"alpha-1\"";
        response.lastModified = "Tue, 04 Jun 2024 08:00:00 GMT";
        m_server->setRoute("/feeds/alpha.xml", response);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s, {u"Watch"_s});
        QVERIFY(feed.id > 0);
        QCOMPARE(feed.title, u"Alpha News"_s);
        QCOMPARE(feed.url, m_server->url(u"/feeds/alpha.xml"_s).toString());
        QCOMPARE(feed.siteUrl, u"https://alpha.example.org/"_s);
        QCOMPARE(feed.tags, QStringList{u"Watch"_s});
        QCOMPARE(feed.etag, u"\"alpha-1\""_s);
        QCOMPARE(feed.lastModified, u"Tue, 04 Jun 2024 08:00:00 GMT"_s);
        QVERIFY(feed.lastFetched.has_value());
        QVERIFY(feed.lastError.isEmpty());
        QCOMPARE(articleCount(), 2);

        QSqlQuery q(db());
        QVERIFY(q.exec(u"SELECT kind, key FROM sources"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"feed"_s);
        QCOMPARE(q.value(1).toString(), FeedStore::sourceKey(feed.id));
        QVERIFY(!q.next());

        ArticleQuery watch;
        watch.tags = {u"watch"_s};
        QCOMPARE(ArticleStore(db()).count(watch).value(), 2);
        ArticleQuery kazachstan;
        kazachstan.tags = {u"Kazachstan"_s};
        QCOMPARE(ArticleStore(db()).count(kazachstan).value(), 1);

        auto again = await(m_library->subscribe(m_server->url(u"/feeds/alpha.xml"_s), {}));
        QVERIFY(again);
        QVERIFY(again->alreadySubscribed);
        QCOMPARE(m_server->requestsTo("/feeds/alpha.xml").size(), 1);
    }

    void refreshUsesValidatorsAndStoresOnlyWhatChanged()
    {
        TestHttpServer::Response v1 = feedResponse(u"alpha.xml"_s);
        v1.etag = "\"alpha-1\"";
        m_server->setRoute("/feeds/alpha.xml", v1);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        // Make last_fetched visibly older, so the 304 can be seen to move it.
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE feeds SET last_fetched = 1000"_s));

        QSignalSpy progress(m_library.get(), &Library::refreshProgress);
        auto unchanged = await(m_library->refreshFeeds({feed.id}));
        QVERIFY2(unchanged, unchanged ? "" : qPrintable(unchanged.error().toString()));
        QCOMPARE(unchanged->notModified, 1);
        QCOMPARE(unchanged->added, 0);
        QCOMPARE(m_server->requestsTo("/feeds/alpha.xml").last().header("If-None-Match"), QByteArray("\"alpha-1\""));
        QVERIFY(storedFeed(feed.id).lastFetched.value() > 1000);
        QCOMPARE(articleCount(), 2);
        QCOMPARE(progress.last().at(0).toInt(), 1);
        QCOMPARE(progress.last().at(1).toInt(), 1);

        TestHttpServer::Response v2 = feedResponse(u"alpha-v2.xml"_s);
        v2.etag = "\"alpha-2\"";
        m_server->setRoute("/feeds/alpha.xml", v2);
        QSignalSpy contentChanged(m_library.get(), &Library::contentChanged);
        auto changed = await(m_library->refreshFeeds({}));
        QVERIFY(changed);
        QCOMPARE(changed->fetched, 1);
        QCOMPARE(changed->added, 1);
        QCOMPARE(articleCount(), 3);
        QCOMPARE(storedFeed(feed.id).etag, u"\"alpha-2\""_s);
        QCOMPARE(contentChanged.size(), 1);
    }

    void permanentRedirectMovesTheFeed()
    {
        m_server->setRoute("/old/feed.xml", feedResponse(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/old/feed.xml"_s);
        QVERIFY(feed.id > 0);
        m_server->setRoute("/old/feed.xml", TestHttpServer::redirect(301, "/new/feed.xml"));
        m_server->setRoute("/new/feed.xml", feedResponse(u"alpha-v2.xml"_s));
        auto report = await(m_library->refreshFeeds({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->fetched, 1);
        const Feed moved = storedFeed(feed.id);
        QCOMPARE(moved.url, m_server->url(u"/new/feed.xml"_s).toString());
        QCOMPARE(moved.sourceId, feed.sourceId);
        QCOMPARE(ArticleStore(db()).stats().value().sources, 1);
        QCOMPARE(articleCount(), 3);

        // The next refresh goes straight to the new URL.
        m_server->clearRequests();
        QVERIFY(await(m_library->refreshFeeds({feed.id})));
        QCOMPARE(m_server->requestsTo("/old/feed.xml").size(), 0);
        QCOMPARE(m_server->requestsTo("/new/feed.xml").size(), 1);
    }

    void errorsAreStoredAndEarlierArticlesStay_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<QString>("message");
        QTest::newRow("timeout") << u"timeout"_s << u"timed out"_s;
        QTest::newRow("oversize") << u"oversize"_s << u"larger than"_s;
        QTest::newRow("parse") << u"parse"_s << u"line"_s;
        QTest::newRow("http") << u"http"_s << u"HTTP 500"_s;
        QTest::newRow("closed") << u"closed"_s << u"closed the connection"_s;
    }

    void errorsAreStoredAndEarlierArticlesStay()
    {
        QFETCH(QString, failure);
        QFETCH(QString, message);
        m_server->setRoute("/feed.xml", feedResponse(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/feed.xml"_s);
        QVERIFY(feed.id > 0);
        const std::optional<qint64> fetchedBefore = storedFeed(feed.id).lastFetched;
        QCOMPARE(articleCount(), 2);

        TestHttpServer::Response bad = feedResponse(u"alpha-v2.xml"_s);
        if (failure == "timeout"_L1) {
            bad.delayMs = 10000;
            m_library->feedFetcher()->setTransferTimeout(300);
        } else if (failure == "oversize"_L1) {
            m_library->feedFetcher()->setMaxBodyBytes(200);
        } else if (failure == "parse"_L1) {
            bad = feedResponse(u"broken.xml"_s);
        } else if (failure == "http"_L1) {
            bad.status = 500;
        } else {
            bad.closeAfterBytes = 300;
        }
        m_server->setRoute("/feed.xml", bad);
        QSignalSpy refreshed(m_library.get(), &Library::feedRefreshed);
        auto report = await(m_library->refreshFeeds({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->failed, 1);
        QCOMPARE(refreshed.size(), 1);
        const Feed after = storedFeed(feed.id);
        QVERIFY2(after.lastError.contains(message), qPrintable(after.lastError));
        QVERIFY(after.lastFetched == fetchedBefore);
        QCOMPARE(articleCount(), 2);

        // The next good fetch clears the error.
        m_library->feedFetcher()->setTransferTimeout(FeedFetcher::kDefaultTransferTimeoutMs);
        m_library->feedFetcher()->setMaxBodyBytes(1024 * 1024);
        m_server->setRoute("/feed.xml", feedResponse(u"alpha-v2.xml"_s));
        QVERIFY(await(m_library->refreshFeeds({feed.id})));
        QVERIFY(storedFeed(feed.id).lastError.isEmpty());
        QCOMPARE(articleCount(), 3);
    }

    void oneFailingFeedDoesNotStopTheOthers()
    {
        m_server->setRoute("/a.xml", feedResponse(u"alpha.xml"_s));
        m_server->setRoute("/b.atom", feedResponse(u"beta.atom"_s, "application/atom+xml"));
        const Feed a = subscribe(u"/a.xml"_s);
        const Feed b = subscribe(u"/b.atom"_s);
        QVERIFY(a.id > 0 && b.id > 0);
        m_server->removeRoute("/a.xml");
        m_server->setRoute("/c.xml", feedResponse(u"alpha-v2.xml"_s));
        const Feed c = subscribe(u"/c.xml"_s);
        QCOMPARE(articleCount(), 4);

        auto report = await(m_library->refreshFeeds());
        QVERIFY(report);
        QCOMPARE(report->feeds, 3);
        QCOMPARE(report->failed, 1);
        QCOMPARE(report->fetched, 2);
        QVERIFY(storedFeed(a.id).lastError.contains(u"HTTP 404"_s));
        QVERIFY(storedFeed(b.id).lastError.isEmpty());
        QVERIFY(storedFeed(c.id).lastError.isEmpty());
        QCOMPARE(articleCount(), 4);

        auto feeds = await(m_library->feeds());
        QVERIFY(feeds);
        QCOMPARE(feeds->size(), 3);
    }

    void unsubscribeKeepsBookmarkedArticles()
    {
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        auto rows = ArticleStore(db()).page({}, std::nullopt, 10);
        QVERIFY(rows && rows->size() == 2);
        QVERIFY(await(m_library->setBookmarked({rows->front().id}, true)));
        QSignalSpy feedsChanged(m_library.get(), &Library::feedsChanged);
        auto report = await(m_library->unsubscribe(feed.id));
        QVERIFY(report);
        QCOMPARE(report->articlesRemoved, 1);
        QCOMPARE(report->articlesKept, 1);
        QCOMPARE(articleCount(), 1);
        QTRY_COMPARE(feedsChanged.size(), 1);
        QCOMPARE(await(m_library->feeds())->size(), 0);
    }

    void libraryExportsAndImportsSubscriptionLists()
    {
        m_server->setRoute("/feeds/alpha.xml", feedResponse(u"alpha.xml"_s));
        QVERIFY(subscribe(u"/feeds/alpha.xml"_s, {u"Watch"_s}).id > 0);
        const QString file = m_dir->filePath(u"feeds.opml"_s);
        QVERIFY(await(m_library->exportSubscriptions(file)));
        QVERIFY(await(m_library->unsubscribe(storedFeed(1).id)));
        QSignalSpy feedsChanged(m_library.get(), &Library::feedsChanged);
        auto report = await(m_library->importSubscriptions(file));
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->added, 1);
        QTRY_COMPARE(feedsChanged.size(), 1);
        auto feeds = await(m_library->feeds());
        QCOMPARE(feeds->size(), 1);
        QCOMPARE(feeds->first().tags, QStringList{u"Watch"_s});
        QVERIFY(!feeds->first().lastFetched.has_value());
        QVERIFY(!await(m_library->importSubscriptions(m_dir->filePath(u"missing.opml"_s))));
    }

    void libraryWithoutNetworkFailsFeedCalls()
    {
        m_library->setNetworkAccessManager(nullptr);
        QVERIFY(!m_library->feedFetcher());
        auto r = await(m_library->refreshFeeds());
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Network);
    }
};

QTEST_GUILESS_MAIN(TestFeedFetcher)
#include "TestFeedFetcher.moc"
