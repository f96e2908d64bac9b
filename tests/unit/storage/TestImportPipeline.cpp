// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The file import pipeline: streamed parsing, parallel prepare, ordered store in one transaction.
#include "TestSupport.h"

#include "ingest/DocumentParser.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/ImportPipeline.h"
#include "storage/ImportWriter.h"
#include "storage/Importer.h"
#include "storage/QueryBuilder.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

// An RSS 2.0 document with n items: HTML bodies with links and images, 1-3 tags, dates.
QByteArray rss(int n, int brokenAt = -1)
{
    QByteArray out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
                     "<title>Pijplijn</title>\n<link>https://pijplijn.example.nl/</link>\n";
    for (int i = 0; i < n; ++i) {
        out += "<item>\n<title>Bericht " + QByteArray::number(i) + " over Astana &amp; Azi\xC3\xAB</title>\n";
        out += "<link>https://pijplijn.example.nl/artikel/" + QByteArray::number(i) + "</link>\n";
        out += "<pubDate>" + QByteArray::number(1 + i % 28) + " Mar 2024 10:00:00 +0000</pubDate>\n";
        for (int t = 0; t <= i % 3; ++t) {
            out += "<category>Thema " + QByteArray::number((i + t) % 5) + "</category>\n";
        }
        out += "<description>Samenvatting " + QByteArray::number(i) + ".</description>\n";
        out += "<content:encoded><![CDATA[<p>Tekst <b>" + QByteArray::number(i)
            + "</b> met <a href=\"/dossier/" + QByteArray::number(i % 7) + "\">een link</a>.</p>"
            + (i % 4 == 0 ? "<img src=\"beeld.jpg\"><script>alert(1)</script>" : "") + "]]></content:encoded>\n";
        out += i == brokenAt ? "<item>\n" : "</item>\n"; // an unclosed item breaks the document
    }
    out += "</channel>\n</rss>\n";
    return out;
}

struct StoredRow
{
    QString identity, title, summary, html, text, link, tags;
    qint64 published = 0;
    bool operator==(const StoredRow&) const = default;
};

QList<StoredRow> storedRows(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.exec(u"SELECT a.identity, a.title, a.summary, a.content_html, a.content_text, a.link, coalesce(a.published, 0), "
           u"(SELECT group_concat(t.key, ',') FROM (SELECT t.key FROM article_tags x JOIN tags t ON t.id = x.tag_id "
           u"WHERE x.article_id = a.id ORDER BY t.key) t) FROM articles a ORDER BY a.id"_s);
    QList<StoredRow> rows;
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString(), q.value(7).toString(), q.value(6).toLongLong()});
    }
    return rows;
}

int scalar(QSqlDatabase db, const QString& sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestImportPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_libraries = 0;

    QSqlDatabase newLibrary()
    {
        const QString path = m_dir.filePath(u"lib%1.sqlite"_s.arg(++m_libraries));
        if (!Database::prepare(path)) {
            return {};
        }
        return Database::connection(path).value();
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        return folio::test::writeFile(path, bytes) ? path : QString();
    }

private Q_SLOTS:
    void roundTripMatchesTheSerialImport()
    {
        const QString path = writeFile(u"round.xml"_s, rss(300));
        // Parallel, small batches, a tight bound: every path of the pipeline is taken.
        QSqlDatabase parallel = newLibrary();
        PipelineStats stats;
        auto report = ImportPipeline::importFile(parallel, path, PipelineOptions{7, 3, 4, 0, {}}, &stats);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->items, 300);
        QCOMPARE(report->added, 300);
        QCOMPARE(report->format, u"rss2.0"_s);
        QCOMPARE(report->tags.size(), 5);
        QCOMPARE(stats.batches, 43); // ceil(300 / 7)
        // The reference: the whole document parsed in memory, prepared and stored on one thread.
        QSqlDatabase serial = newLibrary();
        auto parsed = DocumentParser::parseFile(path);
        QVERIFY(parsed);
        QVERIFY(Importer(serial).importParsed(parsed.value(), path));
        const QList<StoredRow> expected = storedRows(serial);
        QCOMPARE(expected.size(), 300);
        QCOMPARE(storedRows(parallel), expected);
        QVERIFY(!expected.at(0).html.contains(u"script"_s)); // sanitised
        QVERIFY(expected.at(0).html.contains(u"https://pijplijn.example.nl/dossier/0"_s)); // resolved
        QCOMPARE(expected.at(0).text, u"Tekst 0 met een link."_s);
        // Indexed for search once, at commit, and nothing left deferred.
        QCOMPARE(scalar(parallel, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 300);
        QCOMPARE(scalar(parallel, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'bericht AND 217'"_s), 1);
        QCOMPARE(scalar(parallel, u"SELECT count(*) FROM fts_deferred"_s), 0);
        QSqlQuery check(parallel);
        QVERIFY(check.exec(u"INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"_s));
        QCOMPARE(scalar(parallel, u"PRAGMA foreign_keys"_s), 1); // put back after the import

        // Again: nothing new, nothing changed, still indexed once.
        auto again = ImportPipeline::importFile(parallel, path, PipelineOptions{7, 3, 4, 0, {}});
        QVERIFY(again);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(scalar(parallel, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 300);
        QVERIFY(check.exec(u"INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"_s));
    }

    void progressFollowsTheStoredBatches()
    {
        const QString path = writeFile(u"progress.xml"_s, rss(3000));
        const qint64 size = QFileInfo(path).size();
        QSqlDatabase db = newLibrary();
        QList<qint64> stored;
        QList<int> files;
        PipelineOptions options{64, 3, 2, 0, {}};
        options.progress = [&](int file, qint64 bytes, qint64 total) {
            files.append(file);
            stored.append(bytes);
            QCOMPARE(total, size);
        };
        PipelineStats stats;
        auto report = ImportPipeline::importFile(db, path, options, &stats);
        QVERIFY(report);
        // One call per stored batch, never backwards, never past the file, and most of the file
        // covered before the last batch (the reader is a chunk ahead of the item it hands on).
        QCOMPARE(stored.size(), stats.batches);
        QVERIFY(stored.size() > 10);
        QVERIFY(std::is_sorted(stored.begin(), stored.end()));
        QVERIFY(stored.first() > 0);
        QVERIFY(stored.first() < size / 2);
        QVERIFY2(stored.last() > size * 9 / 10 && stored.last() <= size,
                 qPrintable(u"%1 of %2"_s.arg(stored.last()).arg(size)));
        QVERIFY(std::all_of(files.begin(), files.end(), [](int f) { return f == 0; }));

        // Several files: each file's calls carry its index; a tag page (read whole) reaches its size.
        const QString tagPage = test::dataPath(u"tagpages/kazachstan.txt"_s);
        stored.clear();
        files.clear();
        QList<qint64> totals;
        options.progress = [&](int file, qint64 bytes, qint64 total) {
            files.append(file);
            stored.append(bytes);
            totals.append(total);
        };
        const auto reports = ImportPipeline::importFiles(newLibrary(), {tagPage, path}, options);
        QVERIFY(reports.at(0) && reports.at(1));
        QVERIFY(files.contains(0) && files.contains(1));
        QVERIFY(std::is_sorted(files.begin(), files.end()));
        const qsizetype lastOfFirst = files.lastIndexOf(0);
        QCOMPARE(totals.at(lastOfFirst), QFileInfo(tagPage).size());
        QCOMPARE(stored.at(lastOfFirst), QFileInfo(tagPage).size());
        QCOMPARE(totals.constLast(), size);
    }

    void severalFilesAreEachAllOrNothing()
    {
        // importFiles reads each next file while the one before is stored: a broken or missing
        // file in the middle leaves nothing of itself and takes nothing from the others.
        QSqlDatabase db = newLibrary();
        const auto feed = [](const QByteArray& host, int n, int brokenAt = -1) {
            return rss(n, brokenAt).replace("pijplijn.example.nl", host);
        };
        const QStringList paths = {
            writeFile(u"a.xml"_s, feed("a.example.nl", 300)),
            writeFile(u"broken.xml"_s, feed("b.example.nl", 400, 250)),
            writeFile(u"c.xml"_s, feed("c.example.nl", 500)),
            m_dir.filePath(u"missing.xml"_s),
            writeFile(u"d.xml"_s, feed("d.example.nl", 10)),
        };
        QList<int> heard;
        PipelineStats stats;
        const auto reports = ImportPipeline::importFiles(
            db, paths, PipelineOptions{16, 2, 2, 0, {}},
            [&](int index, const Result<ImportReport>& report) {
                heard.append(index);
                // Each file is committed (or rolled back) before it is reported.
                if (report) {
                    QCOMPARE(scalar(db, u"SELECT count(*) FROM fts_deferred"_s), 0);
                }
            },
            &stats);
        QCOMPARE(heard, QList<int>({0, 1, 2, 3, 4}));
        QCOMPARE(reports.size(), 5);
        QVERIFY(reports.at(0) && reports.at(2) && reports.at(4));
        QCOMPARE(reports.at(0)->added, 300);
        QCOMPARE(reports.at(2)->added, 500);
        QCOMPARE(reports.at(4)->added, 10);
        QCOMPARE(reports.at(2)->file, paths.at(2));
        QVERIFY(!reports.at(1));
        QCOMPARE(reports.at(1).error().file, paths.at(1));
        QVERIFY2(reports.at(1).error().line > 1000, qPrintable(reports.at(1).error().toString()));
        QVERIFY(!reports.at(3));
        QCOMPARE(reports.at(3).error().file, paths.at(3));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 810);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles WHERE link LIKE 'https://b.example.nl/%'"_s), 0);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM sources"_s), 3);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 810);
        QCOMPARE(scalar(db, u"SELECT articles FROM library_counts"_s), 810);
        QCOMPARE(stats.batches, 19 + 32 + 1); // the stored files' batches of 16
        QVERIFY(stats.maxInFlight <= 2);
        QSqlQuery check(db);
        QVERIFY(check.exec(u"INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"_s));
    }

    void brokenItemMidFileWritesNothing()
    {
        QSqlDatabase db = newLibrary();
        const QString good = writeFile(u"good.xml"_s, rss(20));
        QVERIFY(ImportPipeline::importFile(db, good));
        const QString path = writeFile(u"broken.xml"_s, rss(400, 250));
        auto report = ImportPipeline::importFile(db, path, PipelineOptions{16, 2, 2, 0, {}});
        QVERIFY(!report);
        QCOMPARE(report.error().file, path);
        QVERIFY2(report.error().line > 1000, qPrintable(report.error().toString())); // where it broke, not line 1
        // Everything before the error was stored in the file's transaction, and rolled back.
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 20);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM sources"_s), 1);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 20);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM fts_deferred"_s), 0);
        // The library takes the next import as if nothing happened.
        QVERIFY(ImportPipeline::importFile(db, writeFile(u"next.xml"_s, rss(30))));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 30);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 30);
    }

    void backPressureBoundsBatchesInFlight()
    {
        QSqlDatabase db = newLibrary();
        const QString path = writeFile(u"many.xml"_s, rss(600));
        for (const int bound : {1, 2, 5}) {
            PipelineStats stats;
            QVERIFY(ImportPipeline::importFile(db, path, PipelineOptions{4, bound, 3, 0, {}}, &stats));
            QCOMPARE(stats.maxBatches, bound);
            QVERIFY2(stats.maxInFlight <= bound, qPrintable(u"%1 > %2"_s.arg(stats.maxInFlight).arg(bound)));
            QVERIFY(stats.maxInFlight >= 1);
            QCOMPARE(stats.batches, 150);
        }
    }

    void backPressureBoundsTheTextInFlight()
    {
        // Long articles: 60 items of about 40 KiB of text each (80 KiB as UTF-16). A 512 KiB bound
        // cuts batches at a sixteenth of it, so each item is a batch, and lets six of them be in
        // flight, whatever the count of batches (100) allows.
        QByteArray bytes = rss(60);
        const QByteArray para = "<p>" + QByteArray(400, 'x') + " Astana.</p>";
        QByteArray longText;
        for (int i = 0; i < 100; ++i) {
            longText += para;
        }
        bytes.replace("]]></content:encoded>", longText + "]]></content:encoded>");
        const QString path = writeFile(u"long.xml"_s, bytes);
        QSqlDatabase db = newLibrary();
        PipelineStats stats;
        PipelineOptions options{64, 100, 3, 0, {}};
        options.maxInFlightKiB = 512;
        auto report = ImportPipeline::importFile(db, path, options, &stats);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->added, 60);
        QCOMPARE(stats.maxInFlightKiB, 512);
        QVERIFY2(stats.maxKiBInFlight <= 512, qPrintable(QString::number(stats.maxKiBInFlight)));
        QVERIFY(stats.maxKiBInFlight >= 80);
        QCOMPARE(stats.batches, 60); // not one batch of 64
        QVERIFY2(stats.maxInFlight <= 6, qPrintable(QString::number(stats.maxInFlight)));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 60);
        QCOMPARE(scalar(db, u"SELECT min(length(content_text)) > 40000 FROM articles"_s), 1);
        // Files read one after the other share the bound, and one that fails gives its part back
        // (a leak would shrink the bound for the files after it, and at last stop them).
        // Broken early (a mismatched end tag), with most of the file's batches in flight then.
        QByteArray broken = bytes;
        broken.replace("<title>Bericht 20 ", "<title>Bericht 20 </tilte>");
        const QStringList paths = {writeFile(u"long-a.xml"_s, bytes), writeFile(u"broken.xml"_s, broken),
                                   writeFile(u"long-b.xml"_s, bytes), writeFile(u"broken-2.xml"_s, broken), path};
        QSqlDatabase several = newLibrary();
        const auto reports = ImportPipeline::importFiles(several, paths, options, {}, &stats);
        QCOMPARE(reports.size(), 5);
        QVERIFY(reports.at(0) && !reports.at(1) && reports.at(2) && !reports.at(3) && reports.at(4));
        QVERIFY2(stats.maxKiBInFlight <= 512, qPrintable(QString::number(stats.maxKiBInFlight)));
        QCOMPARE(stats.kibNotGivenBack, 0);
        QCOMPARE(scalar(several, u"SELECT count(*) FROM articles"_s), 60);
        // The default bound lets short items through in batches of the full count.
        QVERIFY(ImportPipeline::importFile(newLibrary(), writeFile(u"short.xml"_s, rss(600)),
                                           PipelineOptions{64, 0, 2, 0, {}}, &stats));
        QCOMPARE(stats.batches, 10);
        QVERIFY(stats.maxKiBInFlight > 0 && stats.maxKiBInFlight <= stats.maxInFlightKiB);
        QCOMPARE(stats.kibNotGivenBack, 0);
    }

    void preparedItemsKeepTheirLongTextOnce()
    {
        // The summary, HTML and text are kept as UTF-8 only; the accessors give them back, and a
        // string without a UTF-8 form (an unpaired surrogate) is kept as it is.
        FeedItem item;
        item.title = u"Titel"_s;
        item.link = u"https://pijplijn.example.nl/a"_s;
        item.summary = u"Samenvatting over Azi\u00eb"_s;
        item.contentHtml = u"<p>Tekst \u00e9\u00e9n</p>"_s;
        PreparedItem p = ImportWriter::prepared(item, u"Tekst \u00e9\u00e9n"_s, {});
        QVERIFY(p.item.summary.isEmpty() && p.item.contentHtml.isEmpty() && p.contentText.isEmpty());
        QCOMPARE(p.summaryText(), item.summary);
        QCOMPARE(p.html(), item.contentHtml);
        QCOMPARE(p.text(), u"Tekst \u00e9\u00e9n"_s);
        item.contentHtml = u"<p>Half "_s + QChar(0xD800) + u"</p>"_s;
        p = ImportWriter::prepared(item, {}, {});
        QCOMPARE(p.item.contentHtml, item.contentHtml);
        QCOMPARE(p.html(), item.contentHtml);
        QVERIFY(p.text().isEmpty());
    }

    static void keptFiguresEqualARecount(QSqlDatabase db)
    {
        QCOMPARE(scalar(db, u"SELECT articles FROM library_counts"_s), scalar(db, u"SELECT count(*) FROM articles"_s));
        QCOMPARE(scalar(db, u"SELECT unread FROM library_counts"_s),
                 scalar(db, u"SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_state WHERE read = 1)"_s));
        QCOMPARE(scalar(db, u"SELECT coalesce(sum(articles), 0) FROM published_days"_s),
                 scalar(db, u"SELECT count(*) FROM articles WHERE published IS NOT NULL"_s));
        // Day by day, before 1970 too.
        QCOMPARE(scalar(db, u"SELECT count(*) FROM (SELECT day, articles FROM published_days WHERE articles <> 0 "
                            u"EXCEPT SELECT (published - ((published % 86400) + 86400) % 86400) / 86400 d, count(*) "
                            u"FROM articles WHERE published IS NOT NULL GROUP BY d)"_s),
                 0);
        const QString tagCounts = u"SELECT group_concat(tag_id || '=' || articles || '/' || unread) FROM "
                                  u"(SELECT tag_id, articles, unread FROM tag_counts WHERE articles > 0 ORDER BY tag_id)"_s;
        const QString tagRecount = u"SELECT group_concat(tag_id || '=' || n || '/' || u) FROM (SELECT at.tag_id, count(*) n, "
                                   u"sum(coalesce(st.read, 0) = 0) u FROM article_tags at LEFT JOIN article_state st "
                                   u"ON st.article_id = at.article_id GROUP BY at.tag_id ORDER BY at.tag_id)"_s;
        QSqlQuery q(db);
        QVERIFY(q.exec(tagCounts) && q.next());
        const QString kept = q.value(0).toString();
        QVERIFY(q.exec(tagRecount) && q.next());
        QCOMPARE(kept, q.value(0).toString());
        QVERIFY(!kept.isEmpty());
        QCOMPARE(scalar(db, u"SELECT coalesce(sum(articles), 0) FROM source_counts"_s),
                 scalar(db, u"SELECT count(*) FROM article_sources"_s));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id "
                            u"WHERE at.published IS NOT a.published"_s),
                 0);
    }

    void largeImportKeepsTheTriggersWork()
    {
        // Past 2,000 items the writer drops the triggers whose WHEN is false for its rows, and creates
        // them again before commit: the schema, the index, the outbox and a rollback must not show it.
        // Item 10 comes again at the end, changed and with a new tag: an update of a row indexed
        // while the file ran, and a link its counter must count.
        QByteArray bytes = rss(9000);
        bytes.replace("</channel>", "<item><title>Vervolgd bericht</title><link>https://pijplijn.example.nl/artikel/10</link>"
                                    "<category>Vervolg</category><description>Nieuw.</description></item>\n</channel>");
        const QString path = writeFile(u"large.xml"_s, bytes);
        const QString schema = u"SELECT group_concat(name || ':' || sql, char(10)) FROM "
                               u"(SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)"_s;
        for (const bool team : {false, true}) {
            QSqlDatabase db = newLibrary();
            QVERIFY(Database::setMetaValue(db, u"team.outbox"_s, team ? u"1"_s : u"0"_s));
            QSqlQuery q(db);
            QVERIFY(q.exec(schema) && q.next());
            const QString before = q.value(0).toString();
            q.finish();
            QVERIFY(before.contains(u"articles_fts_insert"_s));
            // A broken file rolls back past the point where the triggers were dropped.
            QVERIFY(!ImportPipeline::importFile(db, writeFile(u"large-broken.xml"_s, rss(6000, 5000))));
            QVERIFY(q.exec(schema) && q.next());
            QCOMPARE(q.value(0).toString(), before);
            q.finish();
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 0);

            // Indexed 4,096 rows at a time, so twice while the file runs.
            auto report = ImportPipeline::importFile(db, path, PipelineOptions{64, 4, 2, 4096, {}});
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            QCOMPARE(report->added, 9000);
            QCOMPARE(report->updated, 1);
            QVERIFY(q.exec(schema) && q.next());
            QCOMPARE(q.value(0).toString(), before);
            q.finish();
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Astana'"_s), 8999);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Vervolgd'"_s), 1);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM fts_deferred"_s), 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM team_outbox WHERE kind = 'article'"_s), team ? 9001 : 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM team_outbox WHERE kind = 'article_tag'"_s), 0);
            // The kept counts and dates (schemas 10-13), counted a chunk at a time while the file
            // ran, equal a recount.
            keptFiguresEqualARecount(db);
            // The triggers work again after the import: a row added alone is indexed (and queued).
            QVERIFY(q.exec(u"INSERT INTO articles(identity, title, added) VALUES('x:1', 'Samarkand', 0)"_s));
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Samarkand'"_s), 1);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM team_outbox WHERE kind = 'article'"_s), team ? 9002 : 0);
            QVERIFY(q.exec(u"INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"_s));
            keptFiguresEqualARecount(db);
            QCOMPARE(scalar(db, u"SELECT articles FROM tag_counts JOIN tags ON tags.id = tag_id WHERE name = 'Vervolg'"_s), 1);

            // A large file of stored articles with a new tag, and some new articles: the links to
            // stored ones are counted by their triggers, the new ones by the writer.
            QByteArray again = rss(3000);
            again.replace("<category>Thema 0</category>", "<category>Thema 0</category><category>Extra</category>");
            again.replace("artikel/29", "nieuw/29");
            report = ImportPipeline::importFile(db, writeFile(u"again.xml"_s, again), PipelineOptions{64, 4, 2, 0, {}});
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            QCOMPARE(report->added, 111); // 29, 290-299 and 2900-2999
            QVERIFY(q.exec(schema) && q.next());
            QCOMPARE(q.value(0).toString(), before);
            q.finish();
            keptFiguresEqualARecount(db);
            QCOMPARE(scalar(db, u"SELECT articles FROM tag_counts JOIN tags ON tags.id = tag_id WHERE name = 'Extra'"_s),
                     scalar(db, u"SELECT count(*) FROM article_tags JOIN tags ON tags.id = tag_id WHERE name = 'Thema 0'"_s
                                u" AND article_id IN (SELECT article_id FROM article_tags JOIN tags ON tags.id = tag_id"
                                u" WHERE name = 'Extra')"_s));
        }
    }

    void countsKeptWhileStoringEqualARecount()
    {
        // A chunk's counts are kept as its articles are stored; read from its rows only when it
        // had a story merge, a second item for one of its articles, or a read state above the
        // deferral. Either way they equal a recount.
        QByteArray bytes = rss(900);
        bytes.replace("<pubDate>3 Mar 2024", "<pubDate>3 Mar 1965"); // days before 1970
        bytes.replace("<category>Thema 1</category>", "<category>Thema 1</category><category>THEMA 1</category>");
        const QString plain = writeFile(u"counts-plain.xml"_s, bytes);
        {
            QSqlDatabase db = newLibrary();
            PipelineStats stats;
            auto report = ImportPipeline::importFile(db, plain, PipelineOptions{64, 4, 2, 256, {}}, &stats);
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            QCOMPARE(report->added, 900);
            QCOMPARE(stats.chunksRecounted, 0);
            QCOMPARE(stats.storiesLookedUp, 0); // no link-less article: no lookup
            keptFiguresEqualARecount(db);
            QVERIFY(scalar(db, u"SELECT count(*) FROM published_days WHERE day < 0"_s) > 0);
            // Read states kept: a second file's new articles add to them.
            QSqlQuery q(db);
            QVERIFY(q.exec(u"INSERT INTO article_state(article_id, read) SELECT id, 1 FROM articles WHERE id % 3 = 0"_s));
            QByteArray more = rss(600);
            more.replace("artikel/", "meer/");
            report = ImportPipeline::importFile(db, writeFile(u"counts-more.xml"_s, more), PipelineOptions{64, 4, 2, 256, {}}, &stats);
            QVERIFY(report);
            QCOMPARE(report->added, 600);
            QCOMPARE(stats.chunksRecounted, 0);
            keptFiguresEqualARecount(db);
        }
        {
            // The same item twice in one chunk: its chunk is read from the rows. (A repeat of an
            // article of an earlier chunk is counted by the triggers, as in a re-import.)
            QByteArray twice = bytes;
            twice.replace("</channel>", "<item><title>Bericht 890 opnieuw</title><link>https://pijplijn.example.nl/artikel/890</link>"
                                        "<category>Nieuw thema</category><pubDate>9 Mar 2024 10:00:00 +0000</pubDate></item>\n"
                                        "<item><title>Bericht 5 opnieuw</title><link>https://pijplijn.example.nl/artikel/5</link>"
                                        "<category>Nieuw thema</category><pubDate>9 Mar 2024 10:00:00 +0000</pubDate></item>\n</channel>");
            QSqlDatabase db = newLibrary();
            PipelineStats stats;
            auto report = ImportPipeline::importFile(db, writeFile(u"counts-twice.xml"_s, twice), PipelineOptions{64, 4, 2, 256, {}}, &stats);
            QVERIFY(report);
            QCOMPARE(stats.chunksRecounted, 1); // the last chunk (items 768-900 and the repeat)
            keptFiguresEqualARecount(db);
            QCOMPARE(scalar(db, u"SELECT articles FROM tag_counts JOIN tags ON tags.id = tag_id WHERE name = 'Nieuw thema'"_s), 2);
        }
        {
            // A read state left above the last article (removed while foreign keys were off).
            QSqlDatabase db = newLibrary();
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA foreign_keys = OFF"_s));
            QVERIFY(q.exec(u"INSERT INTO article_state(article_id, read) VALUES(7, 1)"_s));
            QVERIFY(q.exec(u"PRAGMA foreign_keys = ON"_s));
            PipelineStats stats;
            auto report = ImportPipeline::importFile(db, plain, PipelineOptions{64, 4, 2, 256, {}}, &stats);
            QVERIFY(report);
            QCOMPARE(stats.chunksRecounted, 4); // every chunk: 256, 512, 768 and the rest
            keptFiguresEqualARecount(db);
            QCOMPARE(scalar(db, u"SELECT unread FROM library_counts"_s), 899);
        }
        {
            // Two names of one tag key on one item (the parsers drop such doubles; the writer
            // must not count them twice either): one link, counted once.
            QSqlDatabase db = newLibrary();
            ImportWriter writer(db);
            QVERIFY(writer.begin(SourceSpec{u"file"_s, u"file:dubbel"_s, u"Dubbel"_s, {}, {}}));
            for (int i = 0; i < 3; ++i) {
                FeedItem item;
                item.title = u"Dubbel getagd %1"_s.arg(i);
                item.link = u"https://pijplijn.example.nl/dubbel/%1"_s.arg(i);
                item.published = QDateTime::fromSecsSinceEpoch(-86400 * 400 + i, QTimeZone::utc());
                item.tags = {u"Thema"_s, u"THEMA"_s, u"thema "_s, u"Ander"_s};
                QVERIFY(writer.store(ImportWriter::prepared(item, {}, {})));
            }
            QVERIFY(writer.commit(SourceSpec{u"file"_s, u"file:dubbel"_s, u"Dubbel"_s, {}, {}}));
            QCOMPARE(writer.chunksRecounted(), 0);
            QCOMPARE(scalar(db, u"SELECT articles FROM tag_counts JOIN tags ON tags.id = tag_id WHERE key = 'thema'"_s), 3);
            keptFiguresEqualARecount(db);
        }
    }

    void feedItemsLookUpOnlyTheStoriesOfLinklessArticles()
    {
        // A feed item merges with a link-less copy of its story, whether that copy was in the
        // library before the import or came earlier in the same file; items whose title no
        // link-less article has are not looked up.
        QByteArray tagPage = rss(0);
        tagPage.replace("</channel>", "<item><title>Bericht 12 over Astana &amp; Azi\xC3\xAB</title><description>Uit een tagpagina."
                                      "</description><category>Tagpagina</category></item>\n</channel>");
        QByteArray feed = rss(300);
        feed.replace("<item>\n<title>Bericht 200 ", "<item><title>Bericht 250 over Astana &amp; Azi\xC3\xAB</title>"
                                                   "<description>Zonder link.</description></item>\n<item>\n<title>Bericht 200 ");
        for (const int batchItems : {1, 64}) {
            QSqlDatabase db = newLibrary();
            PipelineStats stats;
            QVERIFY(ImportPipeline::importFile(db, writeFile(u"linkless-page.xml"_s, tagPage), PipelineOptions{batchItems, 4, 2, 0, {}}, &stats));
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles WHERE link IS NULL"_s), 1);
            auto report = ImportPipeline::importFile(db, writeFile(u"linkless-feed.xml"_s, feed), PipelineOptions{batchItems, 4, 2, 128, {}}, &stats);
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            // Looked up: item 12 (its link-less copy was in the library), the link-less item and
            // item 250 after it (its copy came earlier in the file).
            QCOMPARE(stats.storiesLookedUp, 3);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 300);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles WHERE link IS NULL"_s), 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM article_tags JOIN tags ON tags.id = tag_id WHERE name = 'Tagpagina'"_s), 1);
            QCOMPARE(stats.chunksRecounted, 2); // the chunks of the two merges
            keptFiguresEqualARecount(db);
        }
    }

    void storiesMergeWithinABatchAndAcrossBatches()
    {
        // A story told twice in one batch, or once in the library and once in the batch, is one
        // article, whatever the batch size.
        QByteArray bytes = rss(40);
        bytes.replace("</channel>", "<item><title>Dubbel verhaal</title><description>Zonder link.</description></item>\n"
                                    "<item><title>  DUBBEL   verhaal </title><link>https://pijplijn.example.nl/dubbel</link>"
                                    "<description>Met link.</description></item>\n"
                                    "<item><title>Bericht 3 over Astana &amp; Azi\xC3\xAB</title>"
                                    "<description>Nog een keer, zonder link.</description></item>\n</channel>");
        const QString path = writeFile(u"stories.xml"_s, bytes);
        for (const int batchItems : {1, 7, 64}) {
            QSqlDatabase db = newLibrary();
            auto report = ImportPipeline::importFile(db, path, PipelineOptions{batchItems, 4, 2, 0, {}});
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 41);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles WHERE title_key = 'dubbel verhaal' "
                                u"AND link = 'https://pijplijn.example.nl/dubbel'"_s), 1);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles WHERE title LIKE 'Bericht 3 %'"_s), 1);
            // Again, all of it in the library already: nothing new.
            report = ImportPipeline::importFile(db, path, PipelineOptions{batchItems, 4, 2, 0, {}});
            QVERIFY(report);
            QCOMPARE(report->added, 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 41);
            keptFiguresEqualARecount(db);
        }
    }

    void storiesWithOddTitlesStillMerge()
    {
        // A title with U+0000 or an unpaired surrogate, which JSON (and so json_each()) would not
        // carry to SQLite as it is stored: its link-less copy still joins the stored article.
        for (const QByteArray& title : {QByteArray("Voor\\u0000na"), QByteArray("Half \\ud800 teken")}) {
            QSqlDatabase db = newLibrary();
            const QByteArray linked = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"F\", \"items\": "
                                      "[{\"id\": \"1\", \"url\": \"https://f.example.nl/1\", \"title\": \"" + title + "\"}]}";
            const QByteArray linkless = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"G\", \"items\": "
                                        "[{\"id\": \"2\", \"title\": \"" + title + "\", \"content_text\": \"Tekst.\"}]}";
            QVERIFY(ImportPipeline::importFile(db, writeFile(u"linked.json"_s, linked)));
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 1);
            auto report = ImportPipeline::importFile(db, writeFile(u"linkless.json"_s, linkless));
            QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
            QCOMPARE(report->added, 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM articles"_s), 1);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM article_sources"_s), 2);
        }
    }

    void tagsPastThePackedBoundsAreLinkedToo()
    {
        // The writer packs article and tag ids into one number while they are small enough; a tag
        // id beyond that takes the pairs, with the same links, dates and counts.
        QSqlDatabase db = newLibrary();
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO tags(id, name, key) VALUES(?, 'Thema 1', ?)"_s);
        q.addBindValue(qint64(1) << 30);
        q.addBindValue(QueryBuilder::tagKey(u"Thema 1"_s));
        QVERIFY(q.exec());
        const QByteArray bytes = rss(300);
        auto report = ImportPipeline::importFile(db, writeFile(u"bounds.xml"_s, bytes), PipelineOptions{16, 4, 2, 0, {}});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM article_tags WHERE tag_id = %1"_s.arg(qint64(1) << 30)),
                 int(bytes.count("<category>Thema 1</category>")));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM article_tags"_s), int(bytes.count("<category>")));
        keptFiguresEqualARecount(db);
    }

    void emptyFeedStoresItsSource()
    {
        QSqlDatabase db = newLibrary();
        auto report = ImportPipeline::importFile(db, writeFile(u"empty.xml"_s, rss(0)));
        QVERIFY(report);
        QCOMPARE(report->items, 0);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM sources"_s), 1);
    }

    void streamingReadsEveryEncodingLikeMemory_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray doc = rss(12);
        QTest::newRow("utf-8") << doc;
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + doc;
        QByteArray controls = doc;
        controls.replace("Samenvatting 3", "Samen\x01vat\x0Bting \xEF\xBF\xBF" "3");
        QTest::newRow("forbidden characters") << controls;
        QByteArray latin = doc;
        latin.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        latin.replace("Azi\xC3\xAB", "Azi\xEB");
        QTest::newRow("iso-8859-1") << latin;
        QByteArray cp1252 = doc;
        cp1252.replace("Azi\xC3\xAB", "Azi\xEB \x93quoted\x94"); // not UTF-8: read as windows-1252
        QTest::newRow("invalid utf-8") << cp1252;
        auto utf16 = QStringEncoder(QStringEncoder::Utf16LE);
        QByteArray wide = utf16(QString::fromUtf8(doc).replace(u"UTF-8"_s, u"UTF-16"_s));
        QTest::newRow("utf-16le bom") << QByteArray("\xFF\xFE") + wide;
    }

    void streamingReadsEveryEncodingLikeMemory()
    {
        QFETCH(QByteArray, bytes);
        const QString path = writeFile(u"enc.xml"_s, bytes);
        auto whole = DocumentParser::parseFile(path);
        QVERIFY2(whole, qPrintable(whole ? QString() : whole.error().toString()));
        QList<FeedItem> streamed;
        auto head = DocumentParser::streamFile(path, [&streamed](const ParsedFeed& h, FeedItem&& item) {
            if (h.link != u"https://pijplijn.example.nl/"_s) {
                return false; // the head must be known before the first item
            }
            streamed.append(std::move(item));
            return true;
        });
        QVERIFY2(head, qPrintable(head ? QString() : head.error().toString()));
        QCOMPARE(head->title, whole->title);
        QCOMPARE(head->link, whole->link);
        QCOMPARE(streamed.size(), whole->items.size());
        for (qsizetype i = 0; i < streamed.size(); ++i) {
            QCOMPARE(streamed.at(i).title, whole->items.at(i).title);
            QCOMPARE(streamed.at(i).summary, whole->items.at(i).summary);
            QCOMPARE(streamed.at(i).contentHtml, whole->items.at(i).contentHtml);
            QCOMPARE(streamed.at(i).link, whole->items.at(i).link);
            QCOMPARE(streamed.at(i).line, whole->items.at(i).line);
        }
    }

    void streamingNamesTheLineOfAnError()
    {
        const QString path = writeFile(u"bad.xml"_s, rss(50, 30));
        int seen = 0;
        auto head = DocumentParser::streamFile(path, [&seen](const ParsedFeed&, FeedItem&&) {
            ++seen;
            return true;
        });
        QVERIFY(!head);
        QCOMPARE(head.error().file, path);
        auto whole = DocumentParser::parseFile(path);
        QVERIFY(!whole);
        QCOMPARE(head.error().line, whole.error().line);
        QVERIFY(seen >= 30); // items before the error were handed on (the importer rolls them back)
    }

    // Ranked text-only pages cut the matches to the page inside FTS5 (QueryBuilder::withHits with
    // a limit); with any other filter every match is ranked. Both must page through the same rows.
    void rankedTopKPagesLikeFullRanking()
    {
        QSqlDatabase db = newLibrary();
        QVERIFY(ImportPipeline::importFile(db, writeFile(u"ranked.xml"_s, rss(120))));
        ArticleStore store(db);
        const auto pages = [&store](ArticleQuery q) {
            QList<qint64> ids;
            std::optional<ArticleCursor> after;
            while (true) {
                auto rows = store.page(q, after, 7);
                if (!rows || rows->empty()) {
                    break;
                }
                for (const ArticleRow& row : rows.value()) {
                    ids.append(row.id);
                }
                after = ArticleStore::cursorAfter(rows->back());
            }
            return ids;
        };
        ArticleQuery topK;
        topK.text = u"link OR 11"_s;
        topK.sort = ArticleQuery::Sort::Relevance;
        ArticleQuery full = topK;
        full.unreadOnly = true; // nothing is read: the same rows, ranked without the cut
        const QList<qint64> expected = pages(full);
        QCOMPARE(expected.size(), 120);
        QCOMPARE(pages(topK), expected);
        QVERIFY(expected != [&] { QList<qint64> sorted = expected; std::sort(sorted.begin(), sorted.end()); return sorted; }());
    }

    void cleanupTestCase()
    {
        for (int i = 1; i <= m_libraries; ++i) {
            Database::closeConnection(m_dir.filePath(u"lib%1.sqlite"_s.arg(i)));
        }
    }
};

QTEST_GUILESS_MAIN(TestImportPipeline)
#include "TestImportPipeline.moc"
