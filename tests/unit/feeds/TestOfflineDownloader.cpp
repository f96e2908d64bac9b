// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// OfflineDownloader against a local HTTP server: one download per distinct image in a run, however
// the articles that share it arrive (their feed HTML, their full pages, early or late).
#include "FeedTestBed.h"
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "feeds/FeedService.h"
#include "feeds/OfflineDownloader.h"
#include "storage/Database.h"
#include "storage/Library.h"
#include "storage/ResourceStore.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
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


/// A web page with enough prose for the article extractor, and the given images.
QByteArray page(const QString& title, const QStringList& images)
{
    QString body = u"<!DOCTYPE html><html><head><title>%1</title></head><body><nav><a href=\"/\">Home</a></nav>"
                   "<article><h1>%1</h1>"_s.arg(title);
    for (int i = 0; i < 4; ++i) {
        body += u"<p>Paragraph %1 of %2: the caravans crossed the steppe for many days, and the traders in the "
                "bazaar of the old city counted silk, spices and stories from the western deserts.</p>"_s.arg(i).arg(title);
    }
    for (const QString& image : images) {
        body += u"<figure><img src=\"%1\" alt=\"photo\"></figure>"_s.arg(image);
    }
    body += u"</article><footer>Copyright</footer></body></html>"_s;
    return body.toUtf8();
}

struct Item
{
    QString path;  ///< the article's page on the server
    QString image; ///< an image in the feed's description, or empty
};

QByteArray feed(const QUrl& base, const QList<Item>& items)
{
    QString xml = u"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Shared images</title>"
                  "<link>%1</link>"_s.arg(base.toString());
    int n = 0;
    for (const Item& item : items) {
        const QString description = item.image.isEmpty()
                                        ? u"Summary only."_s
                                        : u"Summary with a photo. &lt;img src=\"%1\" alt=\"photo\"&gt;"_s.arg(item.image);
        xml += u"<item><title>Story %1</title><link>%2</link><guid>story-%1</guid>"
               "<pubDate>Tue, 04 Jun 2024 0%1:00:00 GMT</pubDate><description>%3</description></item>"_s
                   .arg(++n)
                   .arg(base.resolved(QUrl(item.path)).toString(), description);
    }
    return (xml + u"</channel></rss>"_s).toUtf8();
}

} // namespace

class TestOfflineDownloader : public QObject
{
    Q_OBJECT

private:
    test::FeedTestBed m_bed;

    QSqlDatabase db() { return Database::connection(m_bed.library->databasePath()).value(); }
    QString storeDir() const { return ResourceStore::storeDirOf(m_bed.library->profileDir()); }

    /// Subscribes to a feed of items and returns their article ids in feed order.
    QList<qint64> subscribe(const QList<Item>& items)
    {
        m_bed.server->setRoute("/feed.xml", TestHttpServer::ok(feed(m_bed.server->url(u"/"_s), items), "application/rss+xml"));
        auto future = m_bed.feeds->subscribe(m_bed.server->url(u"/feed.xml"_s), {});
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, kWaitMs) || !future.result()) {
            return {};
        }
        QList<qint64> ids;
        for (const Item& item : items) {
            QSqlQuery q(db());
            q.prepare(u"SELECT id FROM articles WHERE link = :l"_s);
            q.bindValue(u":l"_s, m_bed.server->url(item.path).toString());
            if (q.exec() && q.next()) {
                ids.append(q.value(0).toLongLong());
            }
        }
        return ids;
    }

    OfflineReport run(const QList<qint64>& ids, bool forceFull)
    {
        OfflineDownloader downloader(m_bed.network.get(), m_bed.library->databasePath(), storeDir());
        QSignalSpy finished(&downloader, &OfflineDownloader::finished);
        downloader.start(ids, forceFull);
        if (!finished.wait(kWaitMs)) {
            OfflineReport timedOut;
            timedOut.errors.append(u"timed out"_s);
            return timedOut;
        }
        return finished.at(0).at(0).value<OfflineReport>();
    }

    /// The hashes stored for an article, by URL.
    QHash<QString, QString> stored(qint64 articleId)
    {
        QHash<QString, QString> out;
        const auto list = ResourceStore(db(), storeDir()).resourcesOf(articleId);
        for (const ArticleResource& r : list.value()) {
            if (!r.hash.isEmpty()) {
                out.insert(r.url, r.hash);
            }
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        const QString error = m_bed.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { m_bed.close(); }

    void anImageSharedByArticlesIsDownloadedOnce()
    {
        TestHttpServer::Response slow = TestHttpServer::ok(test::imageBytes({200, 100}, Qt::darkGreen), "image/png");
        slow.delayMs = 300; // every article asks for it while the first download is still under way
        m_bed.server->setRoute("/img/shared.png", slow);
        const QList<qint64> ids = subscribe({{u"/a.html"_s, u"/img/shared.png"_s},
                                             {u"/b.html"_s, u"/img/shared.png"_s},
                                             {u"/c.html"_s, u"/img/shared.png"_s}});
        QCOMPARE(ids.size(), 3);
        const OfflineReport report = run(ids, false);
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
        QCOMPARE(m_bed.server->requestsTo("/img/shared.png").size(), 1);
        QCOMPARE(report.images, 1);
        QCOMPARE(report.complete, 3);
        const QString url = m_bed.server->url(u"/img/shared.png"_s).toString();
        for (const qint64 id : ids) {
            QVERIFY2(stored(id).contains(url), qPrintable(QString::number(id)));
        }
        QCOMPARE(stored(ids[0]).value(url), stored(ids[2]).value(url));
    }

    void anImageStoredEarlierInTheRunIsLinkedNotFetchedAgain_data()
    {
        QTest::addColumn<int>("pageDelayMs");
        // The late page arrives while the image is being checked or written, or long after.
        for (const int delay : {0, 5, 20, 50, 400}) {
            QTest::addRow("page after %d ms", delay) << delay;
        }
    }

    void anImageStoredEarlierInTheRunIsLinkedNotFetchedAgain()
    {
        QFETCH(int, pageDelayMs);
        m_bed.server->setRoute("/img/shared.png", TestHttpServer::ok(test::imageBytes({320, 200}, Qt::darkBlue), "image/png"));
        m_bed.server->setRoute("/img/own.png", TestHttpServer::ok(test::imageBytes({100, 100}, Qt::red), "image/png"));
        m_bed.server->setRoute("/a.html", TestHttpServer::ok(page(u"Alpha"_s, {u"/img/shared.png"_s}), "text/html"));
        TestHttpServer::Response late = TestHttpServer::ok(page(u"Bravo"_s, {u"/img/shared.png"_s, u"/img/own.png"_s}),
                                                           "text/html");
        late.delayMs = pageDelayMs;
        m_bed.server->setRoute("/b.html", late);
        // Alpha's feed version and full page share the image; Bravo's full page has it too.
        const QList<qint64> ids = subscribe({{u"/a.html"_s, u"/img/shared.png"_s}, {u"/b.html"_s, {}}});
        QCOMPARE(ids.size(), 2);
        const OfflineReport report = run(ids, true);
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.fullArticles, 2);
        QCOMPARE(m_bed.server->requestsTo("/img/shared.png").size(), 1);
        QCOMPARE(report.images, 2); // shared and own: each counted once
        QCOMPARE(report.complete, 2);
        const QString shared = m_bed.server->url(u"/img/shared.png"_s).toString();
        QVERIFY(stored(ids[0]).contains(shared));
        QVERIFY(stored(ids[1]).contains(shared));
        QVERIFY(stored(ids[1]).contains(m_bed.server->url(u"/img/own.png"_s).toString()));
        QCOMPARE(stored(ids[0]).value(shared), stored(ids[1]).value(shared));
    }

    void aFailedImageIsNotRequestedAgainInTheSameRun()
    {
        m_bed.server->setRoute("/img/broken.png", TestHttpServer::ok("not an image at all", "image/png"));
        m_bed.server->setRoute("/a.html", TestHttpServer::ok(page(u"Alpha"_s, {}), "text/html"));
        TestHttpServer::Response late = TestHttpServer::ok(page(u"Bravo"_s, {u"/img/broken.png"_s}), "text/html");
        late.delayMs = 300;
        m_bed.server->setRoute("/b.html", late);
        const QList<qint64> ids = subscribe({{u"/a.html"_s, u"/img/broken.png"_s}, {u"/b.html"_s, {}}});
        QCOMPARE(ids.size(), 2);
        const OfflineReport report = run(ids, true);
        QCOMPARE(m_bed.server->requestsTo("/img/broken.png").size(), 1);
        QCOMPARE(report.imagesFailed, 1);
        QCOMPARE(report.images, 0);
        QCOMPARE(report.complete, 0);
        for (const qint64 id : ids) {
            const auto list = ResourceStore(db(), storeDir()).resourcesOf(id).value();
            QCOMPARE(list.size(), 1);
            QVERIFY(list.first().hash.isEmpty());
            QVERIFY(!list.first().error.isEmpty());
        }
    }

    void linkRefusesAFileTheStoreNoLongerHas()
    {
        m_bed.server->setRoute("/img/shared.png", TestHttpServer::ok(test::imageBytes({64, 64}, Qt::gray), "image/png"));
        const QList<qint64> ids = subscribe({{u"/a.html"_s, u"/img/shared.png"_s}, {u"/b.html"_s, {}}});
        QCOMPARE(ids.size(), 2);
        QCOMPARE(run({ids[0]}, false).images, 1);
        const QString url = m_bed.server->url(u"/img/shared.png"_s).toString();
        const QString hash = stored(ids[0]).value(url);
        QVERIFY(!hash.isEmpty());
        ResourceStore store(db(), storeDir());
        QVERIFY(store.link(ids[1], url, hash));
        QCOMPARE(stored(ids[1]).value(url), hash);
        QVERIFY(QFile::remove(store.pathOf(hash)));
        const auto missing = store.link(ids[1], url, hash);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(!store.link(ids[1], url, QString(64, u'0')));
    }
};

QTEST_GUILESS_MAIN(TestOfflineDownloader)
#include "TestOfflineDownloader.moc"
