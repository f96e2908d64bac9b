// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpServer.h"
#include "TestSupport.h"
#include "cli/CommandLine.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace folio;
using test::TestHttpServer;

namespace {

struct CliRun
{
    int status = -1;
    QString out;
    QString err;
};

QByteArray png(int w, int h, QColor color)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

int storeFiles(const QString& profile)
{
    int n = 0;
    QDirIterator it(profile + u"/store"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestCliOffline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString profile() const { return m_dir->filePath(u"profile"_s); }

    CliRun cli(const QStringList& args)
    {
        CliRun run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        CommandLine commandLine(out, err);
        run.status = commandLine.run(QStringList{u"folio-cli"_s, u"--profile"_s, profile(), u"--no-seed"_s} + args);
        out.flush();
        err.flush();
        return run;
    }

    QJsonObject json(const QStringList& args)
    {
        const CliRun run = cli(args + QStringList{u"--json"_s});
        if (run.status != 0) {
            qWarning("%s failed: %s", qPrintable(args.join(u' ')), qPrintable(run.err));
        }
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server->setRoute("/feed.xml", TestHttpServer::ok(test::readData(u"offline/feed.xml"_s), "application/rss+xml"));
        m_server->setRoute("/news/caravans.html", TestHttpServer::ok(test::readData(u"offline/caravans.html"_s), "text/html"));
        m_server->setRoute("/news/torugart.html", TestHttpServer::ok(test::readData(u"offline/torugart.html"_s), "text/html"));
        m_server->setRoute("/img/camels.png", TestHttpServer::ok(png(64, 48, Qt::yellow), "image/png"));
        m_server->setRoute("/img/pass.jpg", TestHttpServer::ok(png(30, 20, Qt::white), "image/jpeg")); // PNG bytes
        m_server->setRoute("/img/bazaar.png", TestHttpServer::ok("<html>not an image</html>", "image/png"));
    }

    void subscribeWithImagesPolicyFillsTheStore()
    {
        const QJsonObject feed = json({u"subscribe"_s, m_server->url(u"/feed.xml"_s).toString(), u"--offline"_s, u"images"_s});
        QCOMPARE(feed.value(u"offline_policy"_s).toString(), u"images"_s);
        QCOMPARE(feed.value(u"offline_articles"_s).toInt(), 2);
        QCOMPARE(storeFiles(profile()), 2);
        QVERIFY(m_server->requestsTo("/track/pixel.gif").isEmpty());
        QVERIFY(m_server->requestsTo("/news/caravans.html").isEmpty()); // images only

        const QJsonObject show = json({u"show"_s, u"1"_s});
        QCOMPARE(show.value(u"offline"_s).toBool(), true);
        QVERIFY(show.value(u"full_html"_s).isNull());
        const QJsonArray resources = show.value(u"resources"_s).toArray();
        QCOMPARE(resources.size(), 1);
        QCOMPARE(resources.at(0).toObject().value(u"type"_s).toString(), u"image/png"_s);
        QVERIFY(resources.at(0).toObject().value(u"url"_s).toString().endsWith(u"/img/camels.png"_s));
        QVERIFY(resources.at(0).toObject().value(u"size"_s).toInt() > 0);
        // The type comes from the bytes: pass.jpg is a PNG.
        const QJsonObject second = json({u"show"_s, u"2"_s});
        QCOMPARE(second.value(u"resources"_s).toArray().at(0).toObject().value(u"type"_s).toString(), u"image/png"_s);

        const QJsonObject stats = json({u"stats"_s});
        QVERIFY(stats.value(u"library_bytes"_s).toInteger() > 0);
        QVERIFY(stats.value(u"store_bytes"_s).toInteger() > 0);

        const CliRun offlineNo = cli({u"list"_s, u"--query"_s, u"offline:no"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(offlineNo.out.toUtf8()).array().size(), 0);
    }

    void offlineFullFetchesThePageAndReportsFailures()
    {
        QCOMPARE(cli({u"subscribe"_s, m_server->url(u"/feed.xml"_s).toString()}).status, 0);
        QCOMPARE(storeFiles(profile()), 0);
        const CliRun run = cli({u"offline"_s, u"1"_s, u"2"_s, u"--full"_s, u"--json"_s});
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(u"articles"_s).toInt(), 2);
        QCOMPARE(report.value(u"full_articles"_s).toInt(), 2);
        QCOMPARE(report.value(u"images_failed"_s).toInt(), 1); // bazaar.png is HTML
        QCOMPARE(run.status, 1);
        const QJsonObject show = json({u"show"_s, u"1"_s});
        QVERIFY(show.value(u"full_html"_s).toString().contains(u"camel caravans have come back"_s));
        QCOMPARE(show.value(u"offline"_s).toBool(), false); // its page's bazaar image is missing
        // Full text is searchable.
        const CliRun found = cli({u"list"_s, u"--query"_s, u"Registan"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(found.out.toUtf8()).array().size(), 1);
    }

    void pruneAndUnsubscribeLeaveNoOrphans()
    {
        QCOMPARE(cli({u"subscribe"_s, m_server->url(u"/feed.xml"_s).toString(), u"--offline"_s, u"images"_s}).status, 0);
        QCOMPARE(storeFiles(profile()), 2);
        QCOMPARE(cli({u"bookmark"_s, u"1"_s}).status, 0);
        const QJsonObject pruned = json({u"prune"_s, u"--max-store"_s, u"0"_s, u"--older-than"_s, u"0"_s});
        QCOMPARE(pruned.value(u"files"_s).toInt(), 0); // no rule given: nothing to do
        QCOMPARE(cli({u"prune"_s, u"--older-than"_s, u"-1"_s}).status, 2);
        QCOMPARE(cli({u"prune"_s, u"--max-store"_s, u"x"_s}).status, 2);
        QCOMPARE(cli({u"unsubscribe"_s, u"1"_s}).status, 0);
        // The bookmarked article stays, and so does its image; the other one's file is gone.
        QCOMPARE(storeFiles(profile()), 1);
        QCOMPARE(cli({u"subscribe"_s, u"https://x.example/f"_s, u"--offline"_s, u"some"_s}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliOffline)
#include "TestCliOffline.moc"
