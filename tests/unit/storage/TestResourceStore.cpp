// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/ArticleStore.h"
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/OfflineStore.h"
#include "storage/QueryParser.h"
#include "storage/ResourceStore.h"
#include "storage/StateStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

QByteArray png(int w, int h, QColor color = Qt::blue)
{
    return folio::test::imageBytes(QSize(w, h), color);
}

int filesIn(const QString& dir)
{
    int n = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestResourceStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_store;
    int m_run = 0;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    qint64 addArticle(const QString& slug, const QString& html, qint64 added = 1'700'000'000)
    {
        QSqlQuery q(db());
        q.prepare(u"INSERT INTO articles(identity, link, title, content_html, added) VALUES(:i, :l, :t, :c, :a)"_s);
        q.bindValue(u":i"_s, u"url:"_s + slug);
        q.bindValue(u":l"_s, u"https://n.example/"_s + slug);
        q.bindValue(u":t"_s, slug);
        q.bindValue(u":c"_s, html);
        q.bindValue(u":a"_s, added);
        if (!q.exec()) {
            qWarning("insert failed");
            return 0;
        }
        return q.lastInsertId().toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString profile = m_dir.filePath(u"p%1"_s.arg(++m_run));
        m_path = QDir(profile).filePath(Database::fileName());
        m_store = ResourceStore::storeDirOf(profile);
        QVERIFY(Database::prepare(m_path));
    }

    void cleanup() { Database::closeConnection(m_path); }

    void sniffsTheTypeFromTheBytes()
    {
        auto r = ResourceStore::verify(png(3, 2));
        QVERIFY(r);
        QCOMPARE(r->type, u"image/png"_s);
        QCOMPARE(r->width, 3);
        QCOMPARE(r->height, 2);
        QCOMPARE(r->hash, QString::fromLatin1(QCryptographicHash::hash(png(3, 2), QCryptographicHash::Sha256).toHex()));
        QVERIFY(!ResourceStore::verify("<html>not an image</html>"));
        QVERIFY(!ResourceStore::verify("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        QVERIFY(!ResourceStore::verify(png(3, 2).left(30))); // truncated: does not decode
        QVERIFY(!ResourceStore::verify({}));
    }

    void enforcesSizeAndPixelLimits()
    {
        ResourceLimits limits;
        limits.maxBytes = 100;
        QVERIFY(!ResourceStore::verify(png(200, 200, Qt::red), limits) || png(200, 200, Qt::red).size() <= 100);
        limits.maxBytes = 1 << 20;
        limits.maxPixels = 100 * 100;
        QVERIFY(ResourceStore::verify(png(100, 100), limits));
        auto big = ResourceStore::verify(png(101, 100), limits);
        QVERIFY(!big);
        QVERIFY(big.error().message.contains(u"too large"_s));
    }

    void storesOneFilePerDistinctImage()
    {
        const qint64 a = addArticle(u"a"_s, u"<img src=\"https://i.example/1.png\">"_s);
        const qint64 b = addArticle(u"b"_s, u"<img src=\"https://other.example/copy.png\">"_s);
        ResourceStore store(db(), m_store);
        const auto image = ResourceStore::verify(png(4, 4));
        QVERIFY(image);
        QVERIFY(store.put(a, u"https://i.example/1.png"_s, *image));
        QVERIFY(store.put(b, u"https://other.example/copy.png"_s, *image));
        QCOMPARE(filesIn(m_store), 1);
        QVERIFY(QFile::exists(store.pathOf(image->hash)));
        QCOMPARE(QFileInfo(store.pathOf(image->hash)).fileName(), image->hash);
        QCOMPARE(*store.totalBytes(), qint64(image->bytes.size()));
        auto list = store.resourcesOf(a);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().type, u"image/png"_s);
        QCOMPARE(*store.load(image->hash), image->bytes);
    }

    void forgetsMissingOrCorruptFilesSoTheyAreFetchedAgain()
    {
        const qint64 a = addArticle(u"a"_s, u"<img src=\"https://i.example/1.png\">"_s);
        ResourceStore store(db(), m_store);
        const auto image = ResourceStore::verify(png(5, 5));
        QVERIFY(store.put(a, u"https://i.example/1.png"_s, *image));
        {
            QFile f(store.pathOf(image->hash));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("garbage");
        }
        auto loaded = store.load(image->hash);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, Error::Code::NotFound);
        QVERIFY(!QFile::exists(store.pathOf(image->hash)));
        auto status = OfflineStore(db(), m_store).status(a);
        QVERIFY(status);
        QVERIFY(!status->offline); // shown as missing
        QVERIFY(status->resources.isEmpty());
        // A missing file (deleted behind our back) is the same: NotFound, never a crash.
        QVERIFY(store.put(a, u"https://i.example/1.png"_s, *image));
        QVERIFY(QFile::remove(store.pathOf(image->hash)));
        QVERIFY(!store.load(image->hash));
    }

    void collectsUnreferencedFiles()
    {
        const qint64 a = addArticle(u"a"_s, QString());
        const qint64 b = addArticle(u"b"_s, QString());
        ResourceStore store(db(), m_store);
        const auto one = ResourceStore::verify(png(6, 6, Qt::red));
        const auto two = ResourceStore::verify(png(7, 7, Qt::green));
        QVERIFY(store.put(a, u"https://i.example/1.png"_s, *one));
        QVERIFY(store.put(b, u"https://i.example/2.png"_s, *two));
        QVERIFY(store.put(b, u"https://i.example/1.png"_s, *one));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(b)));
        // A stray file in the store that no row describes goes too; foreign files stay.
        QVERIFY(QDir().mkpath(m_store + u"/ab"_s));
        QVERIFY(test::writeFile(m_store + u"/ab/"_s + QString(64, u'a').replace(0, 2, u"ab"_s), "x"));
        QVERIFY(test::writeFile(m_store + u"/README"_s, "keep me"));
        auto cleaned = store.collectGarbage();
        QVERIFY(cleaned);
        QCOMPARE(cleaned->files, 2);
        QVERIFY(QFile::exists(store.pathOf(one->hash)));
        QVERIFY(!QFile::exists(store.pathOf(two->hash)));
        QVERIFY(QFile::exists(m_store + u"/README"_s));
    }

    void prunesOldAndOverBudgetButNeverBookmarked()
    {
        const qint64 old = addArticle(u"old"_s, u"<img src=\"https://i.example/o.png\">"_s, 1000);
        const qint64 kept = addArticle(u"kept"_s, u"<img src=\"https://i.example/k.png\">"_s, 1000);
        const qint64 recent = addArticle(u"recent"_s, u"<img src=\"https://i.example/r.png\">"_s, 5000);
        QVERIFY(StateStore(db()).setBookmarked({kept}, true));
        ResourceStore store(db(), m_store);
        OfflineStore offline(db(), m_store);
        const QList<std::pair<qint64, QColor>> items{{old, Qt::red}, {kept, Qt::green}, {recent, Qt::blue}};
        for (const auto& [id, color] : items) {
            const auto image = ResourceStore::verify(png(20, 20, color));
            QVERIFY(store.put(id, u"https://i.example/x.png"_s, *image));
            QVERIFY(offline.setFullArticle(id, FullArticle{u"https://n.example/"_s, u"<p>full</p>"_s, u"full"_s, 1}));
        }
        auto report = offline.prune(0, 2000);
        QVERIFY(report);
        QCOMPARE(report->articles, 1);
        QCOMPARE(report->files, 1);
        QVERIFY(!offline.fullArticle(old)->has_value());
        QVERIFY(offline.fullArticle(kept)->has_value());
        QVERIFY(offline.fullArticle(recent)->has_value());
        // Budget: only the bookmarked one may stay when the budget is tiny.
        report = offline.prune(1, 0);
        QVERIFY(report);
        QCOMPARE(report->articles, 1);
        QVERIFY(offline.fullArticle(kept)->has_value());
        QCOMPARE(filesIn(m_store), 1);
    }

    void knowsWhenAnArticleIsCompleteOffline()
    {
        const qint64 a = addArticle(u"a"_s, u"<p>x <img src=\"https://i.example/1.png\"></p>"_s);
        OfflineStore offline(db(), m_store);
        QVERIFY(!*offline.updateCompleteness(a));
        QVERIFY(ResourceStore(db(), m_store).put(a, u"https://i.example/1.png"_s, *ResourceStore::verify(png(2, 2))));
        QVERIFY(*offline.updateCompleteness(a));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"SELECT complete FROM article_offline WHERE article_id = %1"_s.arg(a)) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // New content forgets it.
        QVERIFY(q.exec(u"UPDATE articles SET content_html = '<p>changed</p>' WHERE id = %1"_s.arg(a)));
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM article_offline WHERE article_id = %1"_s.arg(a)) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void keepsThePolicyPerFeed()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(u"INSERT INTO feeds(url, created) VALUES('https://f.example/feed', 1)"_s));
        const qint64 feed = q.lastInsertId().toLongLong();
        OfflineStore offline(db(), m_store);
        QCOMPARE(*offline.policy(feed), OfflinePolicy::None);
        QVERIFY(offline.setPolicy(feed, OfflinePolicy::Full));
        QCOMPARE(*offline.policy(feed), OfflinePolicy::Full);
        QVERIFY(!offline.setPolicy(feed + 100, OfflinePolicy::Images));
        QCOMPARE(parseOfflinePolicy(u" Images "_s), std::optional<OfflinePolicy>(OfflinePolicy::Images));
        QVERIFY(!parseOfflinePolicy(u"some"_s));
    }

    void filtersByOfflineInTheQuerySyntax()
    {
        const qint64 text = addArticle(u"text"_s, u"<p>only text</p>"_s);
        const qint64 pictured = addArticle(u"pic"_s, u"<p><img src=\"https://i.example/p.png\"></p>"_s);
        const qint64 stored = addArticle(u"stored"_s, u"<p><img src=\"https://i.example/s.png\"></p>"_s);
        QVERIFY(ResourceStore(db(), m_store).put(stored, u"https://i.example/s.png"_s, *ResourceStore::verify(png(3, 3))));
        QVERIFY(*OfflineStore(db(), m_store).updateCompleteness(stored));
        const auto ids = [this](const QString& text) {
            QList<qint64> out;
            auto query = QueryParser::parse(text);
            if (!query) {
                qWarning("%s", qPrintable(query.error().message));
                return out;
            }
            auto rows = ArticleStore(db()).page(query.value(), std::nullopt, 100);
            for (const ArticleRow& row : rows.value()) {
                out.append(row.id);
            }
            std::sort(out.begin(), out.end());
            return out;
        };
        QCOMPARE(ids(u"offline:yes"_s), (QList<qint64>{text, stored}));
        QCOMPARE(ids(u"offline:no"_s), (QList<qint64>{pictured}));
        QCOMPARE(QueryParser::format(QueryParser::parse(u"offline:no"_s).value()), u"offline:no"_s);
        QVERIFY(!QueryParser::parse(u"offline:maybe"_s));
        // Agrees with what show --json reports.
        QVERIFY(OfflineStore(db(), m_store).status(text)->offline);
        QVERIFY(!OfflineStore(db(), m_store).status(pictured)->offline);
        // And with the article list's mark, row by row.
        auto all = ArticleStore(db()).page(QueryParser::parse(QString()).value(), std::nullopt, 100);
        QCOMPARE(all->size(), 3);
        for (const ArticleRow& row : all.value()) {
            QCOMPARE(row.offline, row.id != pictured);
        }
    }

    void opmlKeepsThePolicy()
    {
        auto parsed = OpmlParser::parse("<opml version=\"2.0\"><body>"
                                        "<outline text=\"A\" xmlUrl=\"https://a.example/feed\" folioOffline=\"full\"/>"
                                        "<outline text=\"B\" xmlUrl=\"https://b.example/feed\"/></body></opml>",
                                        u"list.opml"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->outlines.first().offlinePolicy, u"full"_s);
        FeedStore feeds(db());
        QVERIFY(feeds.importSubscriptions(parsed->outlines));
        auto outlines = feeds.exportSubscriptions();
        QVERIFY(outlines);
        const QByteArray written = OpmlWriter::write(outlines.value(), u"Feeds"_s);
        QVERIFY(written.contains("folioOffline=\"full\""));
        auto again = OpmlParser::parse(written, u"again.opml"_s);
        QVERIFY(again);
        QStringList policies;
        for (const OpmlOutline& o : std::as_const(again->outlines)) {
            policies.append(o.xmlUrl + u'=' + o.offlinePolicy);
        }
        policies.sort();
        QCOMPARE(policies, (QStringList{u"https://a.example/feed=full"_s, u"https://b.example/feed="_s}));
    }

    void searchesTheFullText()
    {
        const qint64 a = addArticle(u"a"_s, u"<p>short</p>"_s);
        QVERIFY(OfflineStore(db(), m_store)
                    .setFullArticle(a, FullArticle{u"https://n.example/a"_s, u"<p>Samarkand caravans</p>"_s,
                                                   u"Samarkand caravans"_s, 1}));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"SELECT rowid FROM article_full_fts WHERE article_full_fts MATCH 'samarkand'"_s) && q.next());
        QCOMPARE(q.value(0).toLongLong(), a);
        // Through the ordinary search: the full text finds the article.
        ArticleQuery query;
        query.text = u"Samarkand"_s;
        auto rows = ArticleStore(db()).page(query, std::nullopt, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), size_t(1));
        QCOMPARE(rows->front().id, a);
    }
};

QTEST_GUILESS_MAIN(TestResourceStore)
#include "TestResourceStore.moc"
