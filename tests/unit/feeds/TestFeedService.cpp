// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// FeedService against a local HTTP server: what subscribing and refreshing store, all or nothing,
// Retry-After, the refresh deadline and fairness across hosts.
#include "FeedTestBed.h"
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "feeds/FeedService.h"
#include "net/FeedFetcher.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Library.h"

#include <QDateTime>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

constexpr int kWaitMs = 15000;

} // namespace

class TestFeedService : public QObject
{
    Q_OBJECT

private:
    test::FeedTestBed m_bed;

    template<typename T>
    static Result<T> await(QFuture<Result<T>> future)
    {
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs)) {
            return makeError(Error::Code::Generic, u"timed out waiting for the feed service"_s);
        }
        return future.result();
    }

    QSqlDatabase db() { return Database::connection(m_bed.library->databasePath()).value(); }

    Feed subscribe(const QString& path, const QStringList& tags = {})
    {
        return subscribeUrl(m_bed.server->url(path), tags);
    }

    Feed subscribeUrl(const QUrl& url, const QStringList& tags = {})
    {
        auto report = await(m_bed.feeds->subscribe(url, tags));
        if (!report) {
            qWarning("subscribe failed: %s", qPrintable(report.error().toString()));
            return {};
        }
        return report->feed;
    }

    Feed storedFeed(qint64 id) { return FeedStore(db()).feed(id).value(); }
    int articleCount() { return ArticleStore(db()).stats().value().articles; }
    int count(const QString& table)
    {
        QSqlQuery q(db());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void init()
    {
        const QString error = m_bed.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_bed.close(); }

    // --- Subscribing, refreshing, unsubscribing: what is stored ---

    void storesASubscriptionWithItsTagsAndValidators()
    {
        TestHttpServer::Response response = TestHttpServer::feed(u"alpha.xml"_s);
        response.etag = "\"alpha-1\"";
        response.lastModified = "Tue, 04 Jun 2024 08:00:00 GMT";
        m_bed.server->setRoute("/feeds/alpha.xml", response);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s, {u"Watch"_s});
        QVERIFY(feed.id > 0);
        QCOMPARE(feed.title, u"Alpha News"_s);
        QCOMPARE(feed.url, m_bed.server->url(u"/feeds/alpha.xml"_s).toString());
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

        auto again = await(m_bed.feeds->subscribe(m_bed.server->url(u"/feeds/alpha.xml"_s), {}));
        QVERIFY(again);
        QVERIFY(again->alreadySubscribed);
        QCOMPARE(m_bed.server->requestsTo("/feeds/alpha.xml").size(), 1);
    }

    void refreshUsesValidatorsAndStoresOnlyWhatChanged()
    {
        TestHttpServer::Response v1 = TestHttpServer::feed(u"alpha.xml"_s);
        v1.etag = "\"alpha-1\"";
        m_bed.server->setRoute("/feeds/alpha.xml", v1);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        // Make last_fetched visibly older, so the 304 can be seen to move it.
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE feeds SET last_fetched = 1000"_s));

        QSignalSpy progress(m_bed.feeds.get(), &FeedService::refreshProgress);
        auto unchanged = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY2(unchanged, unchanged ? "" : qPrintable(unchanged.error().toString()));
        QCOMPARE(unchanged->notModified, 1);
        QCOMPARE(unchanged->added, 0);
        QCOMPARE(m_bed.server->requestsTo("/feeds/alpha.xml").last().header("If-None-Match"), QByteArray("\"alpha-1\""));
        QVERIFY(storedFeed(feed.id).lastFetched.value() > 1000);
        QCOMPARE(articleCount(), 2);
        QCOMPARE(progress.last().at(0).toInt(), 1);
        QCOMPARE(progress.last().at(1).toInt(), 1);

        TestHttpServer::Response v2 = TestHttpServer::feed(u"alpha-v2.xml"_s);
        v2.etag = "\"alpha-2\"";
        m_bed.server->setRoute("/feeds/alpha.xml", v2);
        QSignalSpy contentChanged(m_bed.library.get(), &Library::contentChanged);
        auto changed = await(m_bed.feeds->refresh({}));
        QVERIFY(changed);
        QCOMPARE(changed->fetched, 1);
        QCOMPARE(changed->added, 1);
        QCOMPARE(articleCount(), 3);
        QCOMPARE(storedFeed(feed.id).etag, u"\"alpha-2\""_s);
        QCOMPARE(contentChanged.size(), 1);
    }

    void permanentRedirectMovesTheFeed()
    {
        m_bed.server->setRoute("/old/feed.xml", TestHttpServer::feed(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/old/feed.xml"_s);
        QVERIFY(feed.id > 0);
        m_bed.server->setRoute("/old/feed.xml", TestHttpServer::redirect(301, "/new/feed.xml"));
        m_bed.server->setRoute("/new/feed.xml", TestHttpServer::feed(u"alpha-v2.xml"_s));
        auto report = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->fetched, 1);
        const Feed moved = storedFeed(feed.id);
        QCOMPARE(moved.url, m_bed.server->url(u"/new/feed.xml"_s).toString());
        QCOMPARE(moved.sourceId, feed.sourceId);
        QCOMPARE(ArticleStore(db()).stats().value().sources, 1);
        QCOMPARE(articleCount(), 3);

        // The next refresh goes straight to the new URL.
        m_bed.server->clearRequests();
        QVERIFY(await(m_bed.feeds->refresh({feed.id})));
        QCOMPARE(m_bed.server->requestsTo("/old/feed.xml").size(), 0);
        QCOMPARE(m_bed.server->requestsTo("/new/feed.xml").size(), 1);
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
        m_bed.server->setRoute("/feed.xml", TestHttpServer::feed(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/feed.xml"_s);
        QVERIFY(feed.id > 0);
        const std::optional<qint64> fetchedBefore = storedFeed(feed.id).lastFetched;
        QCOMPARE(articleCount(), 2);

        TestHttpServer::Response bad = TestHttpServer::feed(u"alpha-v2.xml"_s);
        if (failure == "timeout"_L1) {
            bad.delayMs = 10000;
            m_bed.feeds->fetcher()->setTransferTimeout(300);
        } else if (failure == "oversize"_L1) {
            m_bed.feeds->fetcher()->setMaxBodyBytes(200);
        } else if (failure == "parse"_L1) {
            bad = TestHttpServer::feed(u"broken.xml"_s);
        } else if (failure == "http"_L1) {
            bad.status = 500;
        } else {
            bad.closeAfterBytes = 300;
        }
        m_bed.server->setRoute("/feed.xml", bad);
        QSignalSpy refreshed(m_bed.feeds.get(), &FeedService::feedRefreshed);
        auto report = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->failed, 1);
        QCOMPARE(refreshed.size(), 1);
        const Feed after = storedFeed(feed.id);
        QVERIFY2(after.lastError.contains(message), qPrintable(after.lastError));
        QVERIFY(after.lastFetched == fetchedBefore);
        QCOMPARE(articleCount(), 2);

        // The next good fetch clears the error.
        m_bed.feeds->fetcher()->setTransferTimeout(FeedFetcher::kDefaultTransferTimeoutMs);
        m_bed.feeds->fetcher()->setMaxBodyBytes(1024 * 1024);
        m_bed.server->setRoute("/feed.xml", TestHttpServer::feed(u"alpha-v2.xml"_s));
        QVERIFY(await(m_bed.feeds->refresh({feed.id})));
        QVERIFY(storedFeed(feed.id).lastError.isEmpty());
        QCOMPARE(articleCount(), 3);
    }

    void oneFailingFeedDoesNotStopTheOthers()
    {
        m_bed.server->setRoute("/a.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_bed.server->setRoute("/b.atom", TestHttpServer::feed(u"beta.atom"_s, "application/atom+xml"));
        const Feed a = subscribe(u"/a.xml"_s);
        const Feed b = subscribe(u"/b.atom"_s);
        QVERIFY(a.id > 0 && b.id > 0);
        m_bed.server->removeRoute("/a.xml");
        m_bed.server->setRoute("/c.xml", TestHttpServer::feed(u"alpha-v2.xml"_s));
        const Feed c = subscribe(u"/c.xml"_s);
        QCOMPARE(articleCount(), 4);

        auto report = await(m_bed.feeds->refresh());
        QVERIFY(report);
        QCOMPARE(report->feeds, 3);
        QCOMPARE(report->failed, 1);
        QCOMPARE(report->fetched, 2);
        QVERIFY(storedFeed(a.id).lastError.contains(u"HTTP 404"_s));
        QVERIFY(storedFeed(b.id).lastError.isEmpty());
        QVERIFY(storedFeed(c.id).lastError.isEmpty());
        QCOMPARE(articleCount(), 4);

        auto feeds = await(m_bed.library->feeds());
        QVERIFY(feeds);
        QCOMPARE(feeds->size(), 3);
    }

    void unsubscribeKeepsBookmarkedArticles()
    {
        m_bed.server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        auto rows = ArticleStore(db()).page({}, std::nullopt, 10);
        QVERIFY(rows && rows->size() == 2);
        QVERIFY(await(m_bed.library->setBookmarked({rows->front().id}, true)));
        QSignalSpy feedsChanged(m_bed.library.get(), &Library::feedsChanged);
        auto report = await(m_bed.feeds->unsubscribe(feed.id));
        QVERIFY(report);
        QCOMPARE(report->articlesRemoved, 1);
        QCOMPARE(report->articlesKept, 1);
        QCOMPARE(articleCount(), 1);
        QTRY_COMPARE(feedsChanged.size(), 1);
        QCOMPARE(await(m_bed.library->feeds())->size(), 0);
    }

    void exportsAndImportsSubscriptionLists()
    {
        m_bed.server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        QVERIFY(subscribe(u"/feeds/alpha.xml"_s, {u"Watch"_s}).id > 0);
        const QString file = m_bed.dir->filePath(u"feeds.opml"_s);
        QVERIFY(await(m_bed.feeds->exportSubscriptions(file)));
        QVERIFY(await(m_bed.feeds->unsubscribe(storedFeed(1).id)));
        QSignalSpy feedsChanged(m_bed.library.get(), &Library::feedsChanged);
        auto report = await(m_bed.feeds->importSubscriptions(file));
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->added, 1);
        QTRY_COMPARE(feedsChanged.size(), 1);
        auto feeds = await(m_bed.library->feeds());
        QCOMPARE(feeds->size(), 1);
        QCOMPARE(feeds->first().tags, QStringList{u"Watch"_s});
        QVERIFY(!feeds->first().lastFetched.has_value());
        QVERIFY(!await(m_bed.feeds->importSubscriptions(m_bed.dir->filePath(u"missing.opml"_s))));
    }

    void serviceWithoutNetworkFailsFetchesOnly()
    {
        FeedService offline(m_bed.library.get(), nullptr);
        QVERIFY(!offline.fetcher());
        auto r = await(offline.refresh());
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Network);
        auto s = await(offline.subscribe(m_bed.server->url(u"/feed.xml"_s)));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Network);
        QVERIFY(await(offline.subscriptionList()));
    }

    // --- All or nothing (failures injected with a trigger in the library file) ---

    void subscribeWhoseFirstStoreFailsLeavesNothing()
    {
        m_bed.server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"CREATE TRIGGER inject BEFORE UPDATE OF etag ON feeds "
                       u"BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        auto report = await(m_bed.feeds->subscribe(m_bed.server->url(u"/feeds/alpha.xml"_s), {u"Watch"_s}));
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(u"injected failure"_s), qPrintable(report.error().toString()));
        // The feed row, its tags, its source and the articles stored before the failing step: gone.
        QCOMPARE(count(u"feeds"_s), 0);
        QCOMPARE(count(u"feed_tags"_s), 0);
        QCOMPARE(count(u"sources"_s), 0);
        QCOMPARE(articleCount(), 0);
        QVERIFY(q.exec(u"DROP TRIGGER inject"_s));
        QVERIFY(subscribe(u"/feeds/alpha.xml"_s).id > 0);
        QCOMPARE(articleCount(), 2);
    }

    void refreshThatFailsHalfwayWritesNothing()
    {
        TestHttpServer::Response v1 = TestHttpServer::feed(u"alpha.xml"_s);
        v1.etag = "\"alpha-1\"";
        m_bed.server->setRoute("/feeds/alpha.xml", v1);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        TestHttpServer::Response v2 = TestHttpServer::feed(u"alpha-v2.xml"_s);
        v2.etag = "\"alpha-2\"";
        m_bed.server->setRoute("/feeds/alpha.xml", v2);
        QSqlQuery q(db());
        // The articles are stored first, then the validators: the second step fails.
        QVERIFY(q.exec(u"CREATE TRIGGER inject BEFORE UPDATE OF etag ON feeds "
                       u"BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        auto report = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->failed, 1);
        QCOMPARE(report->added, 0);
        QCOMPARE(articleCount(), 2); // the new article of v2 was rolled back with the rest
        const Feed after = storedFeed(feed.id);
        QCOMPARE(after.etag, u"\"alpha-1\""_s);
        QCOMPARE(after.lastFetched, feed.lastFetched);
        QVERIFY2(after.lastError.contains(u"injected failure"_s), qPrintable(after.lastError));
        QVERIFY(q.exec(u"DROP TRIGGER inject"_s));
        QVERIFY(await(m_bed.feeds->refresh({feed.id})));
        QCOMPARE(articleCount(), 3);
        QCOMPARE(storedFeed(feed.id).etag, u"\"alpha-2\""_s);
    }

    void notModifiedWithoutAnEtagKeepsTheStoredOne()
    {
        TestHttpServer::Response v1 = TestHttpServer::feed(u"alpha.xml"_s);
        v1.etag = "\"alpha-1\"";
        v1.lastModified = "Tue, 04 Jun 2024 08:00:00 GMT";
        m_bed.server->setRoute("/feeds/alpha.xml", v1);
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QCOMPARE(feed.etag, u"\"alpha-1\""_s);
        TestHttpServer::Response bare; // a 304 that repeats neither validator
        bare.status = 304;
        m_bed.server->setRoute("/feeds/alpha.xml", bare);
        auto report = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY(report);
        QCOMPARE(report->notModified, 1);
        const Feed after = storedFeed(feed.id);
        QCOMPARE(after.etag, u"\"alpha-1\""_s);
        QCOMPARE(after.lastModified, u"Tue, 04 Jun 2024 08:00:00 GMT"_s);
    }

    // --- Politeness ---

    void retryAfterDefersTheFeedUntilThen()
    {
        m_bed.server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha.xml"_s));
        const Feed feed = subscribe(u"/feeds/alpha.xml"_s);
        QVERIFY(feed.id > 0);
        TestHttpServer::Response busy;
        busy.status = 429;
        busy.addHeader("Retry-After", "3600");
        m_bed.server->setRoute("/feeds/alpha.xml", busy);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        auto first = await(m_bed.feeds->refresh({feed.id}));
        QVERIFY(first);
        QCOMPARE(first->failed, 1);
        const Feed waiting = storedFeed(feed.id);
        QVERIFY(waiting.retryAfter.has_value());
        QVERIFY(*waiting.retryAfter >= before + 3600 && *waiting.retryAfter <= before + 3700);
        QVERIFY2(waiting.lastError.contains(u"HTTP 429"_s), qPrintable(waiting.lastError));

        // Until then the feed is not asked again.
        m_bed.server->clearRequests();
        auto second = await(m_bed.feeds->refresh());
        QVERIFY(second);
        QCOMPARE(second->deferred, 1);
        QCOMPARE(second->updates.size(), 1);
        QCOMPARE(second->updates.first().status, FeedFetch::Status::Deferred);
        QCOMPARE(m_bed.server->requestsTo("/feeds/alpha.xml").size(), 0);

        // Once the time has passed it is fetched again, and the pause is forgotten.
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE meta SET value = '1' WHERE key = 'feed_retry_after:%1'"_s.arg(feed.id)));
        m_bed.server->setRoute("/feeds/alpha.xml", TestHttpServer::feed(u"alpha-v2.xml"_s));
        auto third = await(m_bed.feeds->refresh());
        QVERIFY(third);
        QCOMPARE(third->fetched, 1);
        QVERIFY(!storedFeed(feed.id).retryAfter.has_value());
        QVERIFY(storedFeed(feed.id).lastError.isEmpty());
    }

    void aSlowHostDoesNotHoldTheOthers()
    {
        // Four feeds on a host that answers slowly, listed first; one on another host name.
        for (int i = 0; i < 4; ++i) {
            m_bed.server->setRoute("/slow/" + QByteArray::number(i), TestHttpServer::feed(u"alpha.xml"_s));
            QVERIFY(subscribe(u"/slow/%1"_s.arg(i)).id > 0);
        }
        QUrl fast = m_bed.server->url(u"/fast.atom"_s);
        fast.setHost(u"localhost"_s);
        m_bed.server->setRoute("/fast.atom", TestHttpServer::feed(u"beta.atom"_s, "application/atom+xml"));
        const Feed other = subscribeUrl(fast);
        QVERIFY(other.id > 0);
        for (int i = 0; i < 4; ++i) {
            TestHttpServer::Response slow = TestHttpServer::feed(u"alpha.xml"_s);
            slow.delayMs = 1500;
            m_bed.server->setRoute("/slow/" + QByteArray::number(i), slow);
        }
        m_bed.server->resetMaxConcurrent();
        QList<qint64> order;
        QObject context;
        connect(m_bed.feeds.get(), &FeedService::feedRefreshed, &context,
                [&order](const FeedUpdate& update) { order.append(update.feedId); });
        auto report = await(m_bed.feeds->refresh());
        QVERIFY(report);
        QCOMPARE(report->feeds, 5);
        QCOMPARE(report->failed, 0);
        QCOMPARE(order.size(), 5);
        QCOMPARE(order.first(), other.id); // not behind the slow host's queue
    }

    void aRefreshEndsAtItsDeadline()
    {
        m_bed.server->setRoute("/a.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_bed.server->setRoute("/b.xml", TestHttpServer::feed(u"alpha-v2.xml"_s));
        m_bed.server->setRoute("/c.atom", TestHttpServer::feed(u"beta.atom"_s, "application/atom+xml"));
        const Feed a = subscribe(u"/a.xml"_s);
        const Feed b = subscribe(u"/b.xml"_s);
        const Feed c = subscribe(u"/c.atom"_s);
        QVERIFY(a.id > 0 && b.id > 0 && c.id > 0);
        const int before = articleCount();
        // Each would take 60 s: far longer than this test waits.
        for (const char* path : {"/a.xml", "/b.xml", "/c.atom"}) {
            TestHttpServer::Response stuck = TestHttpServer::feed(u"alpha.xml"_s);
            stuck.delayMs = 60000;
            m_bed.server->setRoute(path, stuck);
        }
        m_bed.feeds->setRefreshDeadline(500);
        auto report = await(m_bed.feeds->refresh());
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->feeds, 3);
        QCOMPARE(report->fetched, 0);
        QCOMPARE(report->failed + report->cancelled, 3);
        QCOMPARE(articleCount(), before);
    }

    void cancelReportsEveryFeed()
    {
        m_bed.server->setRoute("/a.xml", TestHttpServer::feed(u"alpha.xml"_s));
        m_bed.server->setRoute("/b.atom", TestHttpServer::feed(u"beta.atom"_s, "application/atom+xml"));
        QVERIFY(subscribe(u"/a.xml"_s).id > 0);
        QVERIFY(subscribe(u"/b.atom"_s).id > 0);
        TestHttpServer::Response stuck = TestHttpServer::feed(u"alpha.xml"_s);
        stuck.delayMs = 60000;
        m_bed.server->setRoute("/a.xml", stuck);
        m_bed.server->setRoute("/b.atom", stuck);
        QSignalSpy received(m_bed.server.get(), &TestHttpServer::requestReceived);
        auto future = m_bed.feeds->refresh();
        QVERIFY(received.wait(kWaitMs));
        m_bed.feeds->cancelRefresh();
        auto report = await(future);
        QVERIFY(report);
        QCOMPARE(report->cancelled, 2);
        QCOMPARE(report->updates.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFeedService)
#include "TestFeedService.moc"
