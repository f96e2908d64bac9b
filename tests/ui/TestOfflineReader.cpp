// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The proof of offline reading: a library is fetched from the in-process server (feed, pages,
// images), the server is stopped, and every article is rendered with its images and its full text
// while a request-counting network manager shows that the reader asked for nothing.
#include "ArticleListView.h"
#include "MainWindow.h"
#include "OfflineController.h"
#include "ReaderPane.h"
#include "TestHttpServer.h"
#include "TestSupport.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/Database.h"
#include "feeds/FeedService.h"
#include "storage/Library.h"
#include "storage/OfflineStore.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

/// Counts every request made through it.
class CountingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int requests = 0;
    QStringList urls;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override
    {
        ++requests;
        urls.append(request.url().toString());
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};


} // namespace

class TestOfflineReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersEverythingAfterTheServerStopped();
};

void TestOfflineReader::rendersEverythingAfterTheServerStopped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto server = std::make_unique<TestHttpServer>();
    QVERIFY(server->listen());
    server->setRoute("/feed.xml", TestHttpServer::ok(test::readData(u"offline/feed.xml"_s), "application/rss+xml"));
    server->setRoute("/news/caravans.html",
                     TestHttpServer::ok(test::readData(u"offline/caravans.html"_s), "text/html; charset=utf-8"));
    server->setRoute("/news/torugart.html",
                     TestHttpServer::ok(test::readData(u"offline/torugart.html"_s), "text/html; charset=utf-8"));
    // The type comes from the bytes: the server's Content-Type is deliberately wrong.
    server->setRoute("/img/camels.png", TestHttpServer::ok(test::imageBytes({800, 600}, Qt::darkYellow, "PNG"), "text/plain"));
    server->setRoute("/img/pass.jpg", TestHttpServer::ok(test::imageBytes({300, 200}, Qt::white, "JPEG"), "image/jpeg"));
    server->setRoute("/img/bazaar.png", TestHttpServer::ok(test::imageBytes({400, 300}, Qt::darkRed, "PNG"), "image/png"));
    server->setRoute("/track/pixel.gif", TestHttpServer::ok(test::imageBytes({1, 1}, Qt::white, "GIF"), "image/gif"));

    auto library = Library::open(dir.filePath(u"profile"_s));
    QVERIFY2(library, library ? "" : qPrintable(library.error().toString()));
    CountingNetworkAccessManager network;
    FeedService feeds(library->get(), &network);
    {
        MainWindow window(library->get(), &feeds);
        window.setConfirmHandler([](const QString&, const QString&) { return true; });
        window.resize(1200, 800);
        window.show();

        QSignalSpy subscribed(&window, &MainWindow::subscribeFinished);
        window.subscribe(server->url(u"/feed.xml"_s), {});
        QVERIFY(subscribed.wait(10000));
        QVERIFY(subscribed.at(0).at(0).toBool());
        const qint64 feedId = subscribed.at(0).at(2).toLongLong();
        {
            auto db = Database::connection(library.value()->databasePath());
            QVERIFY(db);
            QVERIFY(OfflineStore(db.value(), ResourceStore::storeDirOf(library.value()->profileDir()))
                        .setPolicy(feedId, OfflinePolicy::Full));
        }
        auto* list = window.findChild<ArticleListView*>(u"articleListView"_s);
        QVERIFY(list);
        QTRY_COMPARE(list->model()->rowCount(), 2);

        auto* controller = window.findChild<OfflineController*>(u"offlineController"_s);
        QVERIFY(controller);
        QVERIFY(controller->downloader());
        QSignalSpy finished(controller->downloader(), &OfflineDownloader::finished);
        controller->makeListOfflineAction()->trigger();
        QVERIFY(finished.wait(20000));
        const auto report = finished.at(0).at(0).value<OfflineReport>();
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
        QCOMPARE(report.articles, 2);
        QCOMPARE(report.complete, 2);
        QCOMPARE(report.fullArticles, 2);
        QCOMPARE(report.images, 3); // camels, bazaar, pass (shared by feed and page: stored once)
        QVERIFY(server->requestsTo("/track/pixel.gif").isEmpty()); // tracking pixels never downloaded
        QCOMPARE(server->requestsTo("/img/pass.jpg").size(), 1);

        // One file per distinct image, named by its SHA-256.
        int files = 0;
        QDirIterator it(ResourceStore::storeDirOf(library.value()->profileDir()), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QCOMPARE(QFileInfo(it.next()).fileName().size(), 64);
            ++files;
        }
        QCOMPARE(files, 3);

        // Offline from here on.
        server.reset();
        const int before = network.requests;

        auto* reader = window.findChild<ReaderPane*>(u"readerTextBrowser"_s);
        QVERIFY(reader);
        const QStringList fullTexts{u"camel caravans have come back"_s, u"hundreds of trucks are waiting"_s};
        for (int row = 0; row < 2; ++row) {
            QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 2, 15000);
            const qint64 id = list->model()->index(row, 0).data(ArticleListModel::IdRole).toLongLong();
            QVERIFY(id > 0);
            // The list may reload while the window settles (counts, restored selection): select the
            // row again until the reader shows it with its offline content.
            const auto shown = [&]() {
                if (reader->articleId() != id) {
                    for (int r = 0; r < list->model()->rowCount(); ++r) {
                        if (list->model()->index(r, 0).data(ArticleListModel::IdRole).toLongLong() == id
                            && list->currentIndex().row() != r) {
                            list->setCurrentIndex(list->model()->index(r, 0));
                        }
                    }
                }
                return reader->articleId() == id && reader->offlineContent().articleId == id
                       && reader->offlineContent().full.has_value();
            };
            QTRY_VERIFY_WITH_TIMEOUT(shown(), 20000);
            QVERIFY2(reader->missingImages().isEmpty(), qPrintable(reader->missingImages().join(u' ')));
            QVERIFY(reader->offlineContent().offline);
            // Every image of the page comes from the store, at most as wide as the reader's measure.
            const QStringList urls = reader->offlineContent().images.keys();
            QVERIFY(!urls.isEmpty());
            for (const QString& url : urls) {
                const QImage image = reader->document()->resource(QTextDocument::ImageResource, QUrl(url)).value<QImage>();
                QVERIFY2(!image.isNull(), qPrintable(url));
                QVERIFY(image.width() / image.devicePixelRatio() <= reader->viewport()->width());
                QVERIFY(image.size() != QSize(1, 1));
            }
            QVERIFY(reader->horizontalScrollBar()->maximum() == 0);
            reader->fullViewAction()->trigger();
            QCOMPARE(reader->view(), ReaderPane::View::Full);
            const QString text = reader->toPlainText();
            QVERIFY2(text.contains(fullTexts.at(row == 0 ? 0 : 1)) || text.contains(fullTexts.at(row == 0 ? 1 : 0)),
                     qPrintable(text));
            QVERIFY(!text.contains(u"cookies"_s));
            QVERIFY(!text.contains(u"newsletter"_s));
            reader->feedViewAction()->trigger();
            QCOMPARE(reader->view(), ReaderPane::View::Feed);
        }
        QCoreApplication::processEvents();
        QCOMPARE(network.requests, before); // the reader made no request at all
        window.close();
    }
    feeds.cancelRefresh();
    library.value()->waitForIdle();
}

QTEST_MAIN(TestOfflineReader)
#include "TestOfflineReader.moc"
