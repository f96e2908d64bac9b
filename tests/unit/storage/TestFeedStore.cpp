// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Importer.h"
#include "storage/StateStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

FeedItem item(const QString& slug, const QStringList& tags = {})
{
    FeedItem i;
    i.title = u"Story "_s + slug;
    i.link = u"https://news.example.org/"_s + slug;
    i.id = i.link;
    i.summary = u"About "_s + slug;
    i.published = QDateTime(QDate(2024, 6, 1), QTime(8, 0), QTimeZone::utc());
    i.tags = tags;
    return i;
}

ParsedFeed document(const QList<FeedItem>& items, const QString& title = u"News Feed"_s)
{
    ParsedFeed f;
    f.format = u"rss2.0"_s;
    f.title = title;
    f.link = u"https://news.example.org/"_s;
    f.items = items;
    return f;
}

// A good fetch as the feed service hands it to storage: the document prepared with the feed's tags.
FeedFetch fetched(qint64 feedId, const QString& url, const ParsedFeed& feed, const QStringList& tags = {})
{
    FeedFetch r;
    r.feedId = feedId;
    r.status = FeedFetch::Status::Ok;
    r.requestedUrl = QUrl(url);
    r.feedUrl = QUrl(url);
    r.etag = u"\"v1\""_s;
    r.lastModified = u"Sat, 01 Jun 2024 08:00:00 GMT"_s;
    r.title = feed.title;
    r.siteUrl = feed.link;
    r.document = Importer::prepare(feed, url, QUrl(url), ImportOptions{FeedStore::sourceKey(feedId), tags});
    return r;
}

} // namespace

class TestFeedStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    int scalar(const QString& sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next()) {
            qWarning("query failed: %s", qPrintable(sql));
            return -1;
        }
        return q.value(0).toInt();
    }

    Feed subscribed(const QString& url, const QList<FeedItem>& items, const QStringList& tags = {})
    {
        auto report = FeedStore(db()).subscribe(fetched(0, url, document(items), tags), tags);
        if (!report) {
            qWarning("subscribe failed: %s", qPrintable(report.error().toString()));
            return {};
        }
        return report->feed;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        if (!m_path.isEmpty()) {
            Database::closeConnection(m_path);
        }
        m_path = m_dir.filePath(u"library-%1/folio.sqlite"_s.arg(++m_run));
        QVERIFY(Database::prepare(m_path));
    }

    void cleanupTestCase() { Database::closeConnection(m_path); }

    void migrationCreatesFeedTables()
    {
        QVERIFY(Database::latestSchemaVersion() >= 2);
        QVERIFY(Database::schemaVersion(db()).value() >= 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM sqlite_master WHERE name IN ('feeds', 'feed_tags')"_s), 2);
    }

    void addsAndFindsFeedsByNormalisedUrl()
    {
        FeedStore store(db());
        auto feed = store.add(QUrl(u"HTTPS://News.Example.org/feed.xml#top"_s), u"  News  Feed "_s,
                              u"https://news.example.org/"_s, {u" Asia "_s, u"asia"_s, u"Energy"_s, u""_s});
        QVERIFY2(feed, feed ? "" : qPrintable(feed.error().toString()));
        QCOMPARE(feed->url, u"https://news.example.org/feed.xml"_s);
        QCOMPARE(feed->title, u"News Feed"_s);
        QCOMPARE(feed->tags, (QStringList{u"Asia"_s, u"Energy"_s}));
        QVERIFY(feed->sourceId > 0);
        QVERIFY(!feed->lastFetched.has_value());

        auto found = store.findByUrl(QUrl(u"https://NEWS.example.org/feed.xml"_s));
        QVERIFY(found && found->has_value());
        QCOMPARE(found->value().id, feed->id);

        auto twice = store.add(QUrl(u"https://news.example.org/feed.xml"_s), {}, {}, {});
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, Error::Code::Invalid);

        auto missing = store.feed(feed->id + 100);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);

        QVERIFY(store.add(QUrl(u"https://a.example.org/feed"_s), u"a first"_s, {}, {}));
        auto all = store.feeds();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().title, u"a first"_s);

        QVERIFY(store.setTags(feed->id, {u"Trade"_s}));
        QCOMPARE(store.feed(feed->id)->tags, QStringList{u"Trade"_s});
    }

    void subscribeStoresArticlesUnderTheFeedsSourceWithItsTags()
    {
        const Feed feed = subscribed(u"https://news.example.org/feed.xml"_s,
                                     {item(u"one"_s, {u"Kazachstan"_s}), item(u"two"_s)}, {u"Watch"_s});
        QVERIFY(feed.id > 0);
        QCOMPARE(feed.title, u"News Feed"_s);
        QCOMPARE(feed.siteUrl, u"https://news.example.org/"_s);
        QCOMPARE(feed.etag, u"\"v1\""_s);
        QCOMPARE(feed.lastModified, u"Sat, 01 Jun 2024 08:00:00 GMT"_s);
        QVERIFY(feed.lastFetched.has_value());
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM sources WHERE kind = 'feed' AND key = 'feed:%1'"_s.arg(feed.id)), 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM article_sources WHERE source_id = %1"_s.arg(feed.sourceId)), 2);
        ArticleQuery watch;
        watch.tags = {u"WATCH"_s};
        QCOMPARE(ArticleStore(db()).count(watch).value(), 2);

        auto again = FeedStore(db()).subscribe(fetched(0, u"https://news.example.org/feed.xml"_s, document({})), {});
        QVERIFY(again);
        QVERIFY(again->alreadySubscribed);
        QCOMPARE(again->feed.id, feed.id);
        QCOMPARE(scalar(u"SELECT count(*) FROM feeds"_s), 1);

        FeedFetch failed;
        failed.status = FeedFetch::Status::Failed;
        failed.error = makeError(Error::Code::Network, u"host not found"_s);
        QVERIFY(!FeedStore(db()).subscribe(failed, {}));
        QCOMPARE(scalar(u"SELECT count(*) FROM feeds"_s), 1);
    }

    void recordsNotModifiedAndErrorsWithoutTouchingArticles()
    {
        const Feed feed = subscribed(u"https://news.example.org/feed.xml"_s, {item(u"one"_s), item(u"two"_s)});
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE feeds SET last_fetched = 1000"_s));

        FeedFetch failed = fetched(feed.id, feed.url, {});
        failed.status = FeedFetch::Status::Failed;
        failed.error = makeError(Error::Code::Parse, u"malformed XML"_s, feed.url, 7);
        auto update = FeedStore(db()).recordFetch(failed);
        QVERIFY(update);
        QCOMPARE(update->status, FeedFetch::Status::Failed);
        Feed after = FeedStore(db()).feed(feed.id).value();
        QCOMPARE(after.lastError, u"malformed XML (line 7)"_s);
        QCOMPARE(after.lastFetched.value(), 1000);
        QCOMPARE(after.etag, u"\"v1\""_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 2);

        FeedFetch notModified = fetched(feed.id, feed.url, {});
        notModified.status = FeedFetch::Status::NotModified;
        update = FeedStore(db()).recordFetch(notModified);
        QVERIFY(update);
        QCOMPARE(update->import.items, 0);
        after = FeedStore(db()).feed(feed.id).value();
        QVERIFY(after.lastError.isEmpty());
        QVERIFY(after.lastFetched.value() > 1000);
        QCOMPARE(after.title, u"News Feed"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 2);

        FeedFetch cancelled = fetched(feed.id, feed.url, {});
        cancelled.status = FeedFetch::Status::Cancelled;
        QVERIFY(FeedStore(db()).recordFetch(cancelled));
        QVERIFY(FeedStore(db()).feed(feed.id)->lastError.isEmpty());

        auto unknown = FeedStore(db()).recordFetch(fetched(feed.id + 50, feed.url, document({})));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, Error::Code::NotFound);
    }

    void subscribeIsAllOrNothing()
    {
        // A failure in the middle of storing the first articles (after the feed row and some
        // articles are written): nothing of the subscription stays.
        QSqlQuery q(db());
        QVERIFY(q.exec(u"CREATE TRIGGER inject BEFORE INSERT ON articles WHEN NEW.link LIKE '%/two' "
                       u"BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        auto report = FeedStore(db()).subscribe(
            fetched(0, u"https://news.example.org/feed.xml"_s, document({item(u"one"_s), item(u"two"_s)}), {u"Watch"_s}),
            {u"Watch"_s});
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(u"injected failure"_s), qPrintable(report.error().toString()));
        QCOMPARE(scalar(u"SELECT count(*) FROM feeds"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM feed_tags"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM sources"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM tags"_s), 0);
    }

    void aFetchIsStoredAllOrNothing()
    {
        const Feed feed = subscribed(u"https://news.example.org/feed.xml"_s, {item(u"one"_s)});
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE feeds SET last_fetched = 1000"_s));
        QVERIFY(q.exec(u"CREATE TRIGGER inject BEFORE INSERT ON articles WHEN NEW.link LIKE '%/three' "
                       u"BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        FeedFetch next = fetched(feed.id, feed.url, document({item(u"one"_s), item(u"two"_s), item(u"three"_s)}));
        next.etag = u"\"v2\""_s;
        auto update = FeedStore(db()).recordFetch(next);
        QVERIFY2(update, update ? "" : qPrintable(update.error().toString()));
        QCOMPARE(update->status, FeedFetch::Status::Failed);
        QVERIFY2(update->error.contains(u"injected failure"_s), qPrintable(update->error));
        QCOMPARE(update->import.added, 0);
        const Feed after = FeedStore(db()).feed(feed.id).value();
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 1); // "two" was written, then rolled back
        QCOMPARE(after.etag, u"\"v1\""_s);
        QCOMPARE(after.lastFetched.value(), 1000);
        QVERIFY(after.lastError.contains(u"injected failure"_s));
    }

    void keepsAndForgetsRetryAfter()
    {
        const Feed feed = subscribed(u"https://news.example.org/feed.xml"_s, {item(u"one"_s)});
        QVERIFY(!feed.retryAfter.has_value());
        FeedFetch busy = fetched(feed.id, feed.url, {});
        busy.status = FeedFetch::Status::Failed;
        busy.error = makeError(Error::Code::Network, u"HTTP 429 Too Many Requests"_s);
        busy.retryAfter = 2'000'000'000;
        QVERIFY(FeedStore(db()).recordFetch(busy));
        QCOMPARE(FeedStore(db()).feed(feed.id)->retryAfter, std::optional<qint64>(2'000'000'000));
        QCOMPARE(FeedStore(db()).feeds()->first().retryAfter, std::optional<qint64>(2'000'000'000));

        QVERIFY(FeedStore(db()).recordFetch(fetched(feed.id, feed.url, document({item(u"one"_s)}))));
        QVERIFY(!FeedStore(db()).feed(feed.id)->retryAfter.has_value());

        QVERIFY(FeedStore(db()).recordFetch(busy));
        QVERIFY(FeedStore(db()).remove(feed.id));
        QCOMPARE(scalar(u"SELECT count(*) FROM meta WHERE key LIKE 'feed_retry_after:%'"_s), 0);
    }

    void countsArticlesPerFeedAndFiltersByFeed()
    {
        const Feed a = subscribed(u"https://a.example.org/feed.xml"_s, {item(u"one"_s), item(u"two"_s)});
        const Feed b = subscribed(u"https://b.example.org/feed.xml"_s, {item(u"two"_s), item(u"three"_s)});
        QVERIFY(FeedStore(db()).add(QUrl(u"https://c.example.org/feed.xml"_s), u"Zero"_s, {}, {}));

        ArticleQuery onlyA;
        onlyA.feedId = a.id;
        auto rows = ArticleStore(db()).page(onlyA, std::nullopt, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), size_t(2));
        QCOMPARE(ArticleStore(db()).count(onlyA).value(), 2);
        ArticleQuery onlyB = onlyA;
        onlyB.feedId = b.id;
        QCOMPARE(ArticleStore(db()).count(onlyB).value(), 2); // "two" came through both feeds
        onlyB.text = u"three"_s;
        QCOMPARE(ArticleStore(db()).count(onlyB).value(), 1);
        ArticleQuery unknown;
        unknown.feedId = 999;
        QCOMPARE(ArticleStore(db()).count(unknown).value(), 0);

        QVERIFY(StateStore(db()).setRead({rows->front().id}, true));
        auto counts = FeedStore(db()).feedCounts();
        QVERIFY2(counts, counts ? "" : qPrintable(counts.error().toString()));
        QCOMPARE(counts->size(), 3);
        QList<int> totals;
        QList<int> unread;
        for (const FeedCount& c : std::as_const(counts.value())) {
            totals.append(c.count);
            unread.append(c.unread);
        }
        // By title: both fixture feeds are "News Feed" (then by id), then "Zero".
        QCOMPARE(counts->at(0).feed.id, a.id);
        QCOMPARE(counts->at(2).feed.title, u"Zero"_s);
        QCOMPARE(totals, (QList<int>{2, 2, 0}));
        const int readInB = rows->front().title == u"Story two"_s ? 1 : 0;
        QCOMPARE(unread, (QList<int>{1, 2 - readInB, 0}));
    }

    void permanentRedirectMovesTheUrlButNotTheSource()
    {
        const Feed feed = subscribed(u"https://old.example.org/feed.xml"_s, {item(u"one"_s)});
        const Feed other = subscribed(u"https://taken.example.org/feed.xml"_s, {item(u"two"_s)});

        FeedFetch moved = fetched(feed.id, feed.url, document({item(u"one"_s), item(u"three"_s)}));
        moved.feedUrl = QUrl(u"https://new.example.org/feed.xml"_s);
        auto update = FeedStore(db()).recordFetch(moved);
        QVERIFY(update);
        QCOMPARE(update->newUrl, u"https://new.example.org/feed.xml"_s);
        QCOMPARE(update->import.added, 1);
        const Feed after = FeedStore(db()).feed(feed.id).value();
        QCOMPARE(after.url, u"https://new.example.org/feed.xml"_s);
        QCOMPARE(after.sourceId, feed.sourceId);
        QCOMPARE(scalar(u"SELECT count(*) FROM article_sources WHERE source_id = %1"_s.arg(feed.sourceId)), 2);

        // A move onto another subscription's URL is not taken over.
        FeedFetch clash = fetched(feed.id, after.url, document({}));
        clash.feedUrl = QUrl(other.url);
        update = FeedStore(db()).recordFetch(clash);
        QVERIFY(update);
        QVERIFY(update->newUrl.isEmpty());
        QCOMPARE(FeedStore(db()).feed(feed.id)->url, after.url);
    }

    void removeKeepsWhatTheUserOwnsOrAnotherSourceHas()
    {
        const Feed feed = subscribed(u"https://news.example.org/feed.xml"_s,
                                     {item(u"plain"_s), item(u"bookmarked"_s), item(u"read"_s), item(u"usertag"_s),
                                      item(u"shared"_s)},
                                     {u"Watch"_s});
        const Feed other = subscribed(u"https://other.example.org/feed.xml"_s, {item(u"shared"_s)});
        auto id = [this](const QString& slug) {
            return static_cast<qint64>(scalar(u"SELECT id FROM articles WHERE link = 'https://news.example.org/%1'"_s.arg(slug)));
        };
        QVERIFY(StateStore(db()).setBookmarked({id(u"bookmarked"_s)}, true));
        QVERIFY(StateStore(db()).setRead({id(u"read"_s)}, true));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"INSERT INTO tags(name, key) VALUES('Mine', 'mine')"_s));
        QVERIFY(q.exec(u"INSERT INTO article_tags(article_id, tag_id, origin) "
                       u"VALUES(%1, (SELECT id FROM tags WHERE key = 'mine'), 'user')"_s.arg(id(u"usertag"_s))));
        // A read flag cleared again is no longer user state worth keeping.
        QVERIFY(StateStore(db()).setRead({id(u"plain"_s)}, true));
        QVERIFY(StateStore(db()).setRead({id(u"plain"_s)}, false));

        auto report = FeedStore(db()).remove(feed.id);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->articlesRemoved, 1);
        QCOMPARE(report->articlesKept, 4);
        QCOMPARE(scalar(u"SELECT count(*) FROM articles"_s), 4);
        QCOMPARE(scalar(u"SELECT count(*) FROM articles WHERE link LIKE '%/plain'"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM feeds"_s), 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM feed_tags"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM sources WHERE key = 'feed:%1'"_s.arg(feed.id)), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM article_sources WHERE source_id = %1"_s.arg(other.sourceId)), 1);
        QVERIFY(!FeedStore(db()).remove(feed.id));

        // A new subscription never inherits the old one's source.
        const Feed again = subscribed(u"https://news.example.org/feed.xml"_s, {item(u"plain"_s)});
        QCOMPARE(scalar(u"SELECT count(*) FROM article_sources WHERE source_id = %1"_s.arg(again.sourceId)), 1);
    }

    void subscriptionListsRoundTripFoldersAsTags()
    {
        QList<OpmlOutline> outlines;
        OpmlOutline a;
        a.title = u"Alpha"_s;
        a.xmlUrl = u"https://alpha.example.org/feed"_s;
        a.htmlUrl = u"https://alpha.example.org/"_s;
        a.folders = {u"News"_s, u"Asia"_s};
        outlines.append(a);
        OpmlOutline again = a;
        again.folders = {u"Energy"_s};
        outlines.append(again);
        OpmlOutline b;
        b.title = u"Beta"_s;
        b.xmlUrl = u"https://beta.example.org/feed"_s;
        b.categories = {u"Trade/Rail"_s};
        outlines.append(b);
        OpmlOutline c;
        c.title = u"Gamma"_s;
        c.xmlUrl = u"https://gamma.example.org/feed"_s;
        outlines.append(c);
        OpmlOutline invalid;
        invalid.xmlUrl = u"file:///etc/passwd"_s;
        outlines.append(invalid);

        FeedStore store(db());
        QVERIFY(store.add(QUrl(u"https://gamma.example.org/feed"_s), u"Gamma"_s, {}, {u"Old"_s}));
        auto report = store.importSubscriptions(outlines);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->outlines, 3);
        QCOMPARE(report->added, 2);
        QCOMPARE(report->existing, 1);
        auto alpha = store.findByUrl(QUrl(a.xmlUrl)).value().value();
        QCOMPARE(alpha.tags, (QStringList{u"Asia"_s, u"Energy"_s, u"News"_s}));
        QCOMPARE(alpha.siteUrl, a.htmlUrl);
        QCOMPARE(store.findByUrl(QUrl(b.xmlUrl)).value()->tags, (QStringList{u"Rail"_s, u"Trade"_s}));
        QCOMPARE(store.findByUrl(QUrl(c.xmlUrl)).value()->tags, QStringList{u"Old"_s});

        auto exported = store.exportSubscriptions();
        QVERIFY(exported);
        // Alpha once per tag, Beta once per tag, Gamma once.
        QCOMPARE(exported->size(), 6);
        for (const OpmlOutline& o : std::as_const(exported.value())) {
            QVERIFY(o.folders.size() == 1);
        }

        // Reading the export back into an empty library gives the same tags.
        Database::closeConnection(m_path);
        m_path = m_dir.filePath(u"library-roundtrip/folio.sqlite"_s);
        QVERIFY(Database::prepare(m_path));
        FeedStore fresh(db());
        QVERIFY(fresh.importSubscriptions(exported.value()));
        QCOMPARE(fresh.findByUrl(QUrl(a.xmlUrl)).value()->tags, alpha.tags);
        QCOMPARE(fresh.feeds()->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestFeedStore)
#include "TestFeedStore.moc"
