// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpServer.h"
#include "TestSupport.h"

#include "cli/CommandLine.h"

#include <QFile>
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

TestHttpServer::Response feedResponse(const QString& fixture, const QByteArray& type = "application/rss+xml")
{
    return TestHttpServer::ok(test::readData(u"feeds/http/"_s + fixture), type);
}

} // namespace

class TestCliFeeds : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;

    // The CLI's fetch commands run an event loop until they are done; that loop is also what
    // lets the in-process server answer.
    CliRun cli(const QStringList& args, const QString& profile = {})
    {
        CliRun run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        CommandLine commandLine(out, err);
        const QString dir = profile.isEmpty() ? m_dir->filePath(u"profile"_s) : profile;
        run.status = commandLine.run(QStringList{u"folio-cli"_s, u"--profile"_s, dir, u"--no-seed"_s} + args);
        out.flush();
        err.flush();
        return run;
    }

    QJsonArray jsonArray(const QStringList& args, const QString& profile = {})
    {
        const CliRun run = cli(args + QStringList{u"--json"_s}, profile);
        if (run.status != 0) {
            qWarning("%s failed: %s", qPrintable(args.join(u' ')), qPrintable(run.err));
        }
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    QString url(const QString& path) const { return m_server->url(path).toString(); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        TestHttpServer::Response alpha = feedResponse(u"alpha.xml"_s);
        alpha.etag = "\"alpha-1\"";
        m_server->setRoute("/feeds/alpha.xml", alpha);
        m_server->setRoute("/feeds/beta.atom", feedResponse(u"beta.atom"_s, "application/atom+xml"));
        m_server->setRoute("/", TestHttpServer::ok(test::readData(u"feeds/http/page.html"_s), "text/html"));
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void subscribeFetchesTagsAndIsIdempotent()
    {
        const CliRun first = cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s), u"--tag"_s, u"Watch"_s});
        QVERIFY2(first.status == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(u"Subscribed to \"Alpha News\""_s), qPrintable(first.out));
        QVERIFY(first.out.contains(u"2 new"_s));
        QCOMPARE(jsonArray({u"list"_s, u"--tag"_s, u"watch"_s}).size(), 2);

        const CliRun again = cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s)});
        QCOMPARE(again.status, 0);
        QVERIFY2(again.out.contains(u"Already subscribed"_s), qPrintable(again.out));
        QCOMPARE(m_server->requestsTo("/feeds/alpha.xml").size(), 1);

        // The site's home page names the same feed.
        const CliRun viaPage = cli({u"subscribe"_s, url(u"/"_s)});
        QCOMPARE(viaPage.status, 0);
        QVERIFY2(viaPage.out.contains(u"Already subscribed"_s), qPrintable(viaPage.out));
        QCOMPARE(jsonArray({u"feeds"_s}).size(), 1);
    }

    void subscribeFindsTheFeedOfAWebPage()
    {
        const CliRun run = cli({u"subscribe"_s, url(u"/"_s), u"--json"_s});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o.value(u"url"_s).toString(), url(u"/feeds/alpha.xml"_s));
        QCOMPARE(o.value(u"already_subscribed"_s).toBool(), false);
        QCOMPARE(o.value(u"added"_s).toInt(), 2);
    }

    void subscribeReportsFailures()
    {
        const CliRun missing = cli({u"subscribe"_s, url(u"/nothing.xml"_s)});
        QCOMPARE(missing.status, 1);
        QVERIFY2(missing.err.contains(u"HTTP 404"_s), qPrintable(missing.err));
        QCOMPARE(jsonArray({u"feeds"_s}).size(), 0);

        QCOMPARE(cli({u"subscribe"_s, u"ftp://example.org/feed"_s}).status, 2);
        QCOMPARE(cli({u"subscribe"_s}).status, 2);
    }

    void feedsJsonHasTheDocumentedShape()
    {
        QCOMPARE(cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s), u"--tag"_s, u"Watch"_s}).status, 0);
        const QJsonArray feeds = jsonArray({u"feeds"_s});
        QCOMPARE(feeds.size(), 1);
        const QJsonObject f = feeds.first().toObject();
        QStringList keys = f.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"error"_s, u"id"_s, u"last_fetched"_s, u"site_url"_s, u"tags"_s, u"title"_s,
                                    u"url"_s}));
        QCOMPARE(f.value(u"id"_s).toInt(), 1);
        QCOMPARE(f.value(u"title"_s).toString(), u"Alpha News"_s);
        QCOMPARE(f.value(u"url"_s).toString(), url(u"/feeds/alpha.xml"_s));
        QCOMPARE(f.value(u"site_url"_s).toString(), u"https://alpha.example.org/"_s);
        QCOMPARE(f.value(u"tags"_s).toArray(), QJsonArray{u"Watch"_s});
        QVERIFY(f.value(u"last_fetched"_s).toString().endsWith(u'Z'));
        QVERIFY(f.value(u"error"_s).isNull());

        const CliRun text = cli({u"feeds"_s});
        QCOMPARE(text.status, 0);
        QVERIFY(text.out.startsWith(u"1\tAlpha News\t"_s));
    }

    void fetchStoresNewsAndReportsEachFeed()
    {
        QCOMPARE(cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s)}).status, 0);
        QCOMPARE(cli({u"subscribe"_s, url(u"/feeds/beta.atom"_s)}).status, 0);

        const CliRun unchanged = cli({u"fetch"_s});
        QVERIFY2(unchanged.status == 0, qPrintable(unchanged.err));
        QVERIFY2(unchanged.out.contains(u"not modified"_s), qPrintable(unchanged.out));
        QCOMPARE(m_server->requestsTo("/feeds/alpha.xml").last().header("If-None-Match"), QByteArray("\"alpha-1\""));

        TestHttpServer::Response v2 = feedResponse(u"alpha-v2.xml"_s);
        v2.etag = "\"alpha-2\"";
        m_server->setRoute("/feeds/alpha.xml", v2);
        TestHttpServer::Response failing = feedResponse(u"beta.atom"_s);
        failing.status = 500;
        m_server->setRoute("/feeds/beta.atom", failing);
        const CliRun mixed = cli({u"fetch"_s});
        QCOMPARE(mixed.status, 1);
        QVERIFY2(mixed.out.contains(u"1 new"_s), qPrintable(mixed.out));
        QVERIFY2(mixed.err.contains(u"HTTP 500"_s), qPrintable(mixed.err));
        QCOMPARE(jsonArray({u"list"_s}).size(), 4);

        const QJsonArray feeds = jsonArray({u"feeds"_s});
        QCOMPARE(feeds.size(), 2);
        for (const QJsonValue& v : feeds) {
            const QJsonObject f = v.toObject();
            if (f.value(u"title"_s).toString() == "Beta Journal"_L1) {
                QCOMPARE(f.value(u"error"_s).toString(), u"HTTP 500 Internal Server Error"_s);
            } else {
                QVERIFY(f.value(u"error"_s).isNull());
            }
        }

        // Only the feeds named.
        m_server->clearRequests();
        const QJsonArray one = jsonArray({u"fetch"_s, u"1"_s});
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().toObject().value(u"status"_s).toString(), u"not_modified"_s);
        QCOMPARE(m_server->requests().size(), 1);

        QCOMPARE(cli({u"fetch"_s, u"99"_s}).status, 1);
        QCOMPARE(cli({u"fetch"_s, u"abc"_s}).status, 2);
    }

    void unsubscribeRemovesTheFeedAndItsArticles()
    {
        QCOMPARE(cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s)}).status, 0);
        QCOMPARE(cli({u"bookmark"_s, u"1"_s}).status, 0);
        const CliRun run = cli({u"unsubscribe"_s, u"1"_s});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"1 articles removed, 1 kept"_s), qPrintable(run.out));
        QCOMPARE(jsonArray({u"feeds"_s}).size(), 0);
        QCOMPARE(jsonArray({u"list"_s}).size(), 1);
        QCOMPARE(cli({u"unsubscribe"_s, u"1"_s}).status, 1);
        QCOMPARE(cli({u"unsubscribe"_s}).status, 2);
    }

    void opmlExportAndImportCarryTagsAsFolders()
    {
        QCOMPARE(cli({u"subscribe"_s, url(u"/feeds/alpha.xml"_s), u"--tag"_s, u"Watch"_s}).status, 0);
        const QString file = m_dir->filePath(u"subscriptions.opml"_s);
        const CliRun exported = cli({u"opml"_s, u"export"_s, u"-o"_s, file});
        QVERIFY2(exported.status == 0, qPrintable(exported.err));
        QFile opml(file);
        QVERIFY(opml.open(QIODevice::ReadOnly));
        const QByteArray bytes = opml.readAll();
        QVERIFY(bytes.contains(url(u"/feeds/alpha.xml"_s).toUtf8()));
        QVERIFY(bytes.contains("Watch"));

        const QString other = m_dir->filePath(u"other"_s);
        const CliRun imported = cli({u"opml"_s, u"import"_s, file}, other);
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(u"1 feeds, 1 new"_s), qPrintable(imported.out));
        QJsonArray feeds = jsonArray({u"feeds"_s}, other);
        QCOMPARE(feeds.size(), 1);
        QCOMPARE(feeds.first().toObject().value(u"tags"_s).toArray(), QJsonArray{u"Watch"_s});
        QVERIFY(feeds.first().toObject().value(u"last_fetched"_s).isNull());

        QCOMPARE(cli({u"fetch"_s}, other).status, 0);
        QCOMPARE(jsonArray({u"list"_s, u"--tag"_s, u"Watch"_s}, other).size(), 2);

        const CliRun toStdout = cli({u"opml"_s, u"export"_s});
        QCOMPARE(toStdout.status, 0);
        QVERIFY(toStdout.out.contains(u"<opml"_s));
        QCOMPARE(cli({u"opml"_s, u"import"_s, m_dir->filePath(u"missing.opml"_s)}).status, 1);
        QCOMPARE(cli({u"opml"_s}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFeeds)
#include "TestCliFeeds.moc"
