// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "html/AnchorText.h"
#include "html/HtmlText.h"
#include "ingest/DocumentParser.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/Importer.h"
#include "storage/AnnotationStore.h"
#include "storage/QueryBuilder.h"
#include "storage/StateStore.h"
#include "storage/StoryMerge.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestArticleStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    ImportReport import(const QString& relative)
    {
        auto r = Importer(db()).importFile(test::dataPath(relative));
        if (!r) {
            qWarning("%s", qPrintable(r.error().toString()));
            return {};
        }
        return r.value();
    }

    static QStringList titles(const std::vector<ArticleRow>& rows)
    {
        QStringList out;
        for (const ArticleRow& r : rows) {
            out.append(r.title);
        }
        return out;
    }

    ImportItem dated(const QString& title, const QString& iso, const QStringList& tags = {})
    {
        FeedItem item;
        item.title = title;
        item.summary = u"Summary of "_s + title;
        item.link = u"https://example.org/%1"_s.arg(++m_counter);
        item.published = QDateTime::fromString(iso, Qt::ISODate);
        item.tags = tags;
        return ImportItem{item, {}};
    }

    // One feed item about the seed story "Topontmoeting in Astana was vruchtbaar", its title
    // written with other case, spacing, diacritics and quotes.
    Result<ImportReport> importFeedStory()
    {
        FeedItem item;
        item.title = u"  TOPONTMOETING in  Ástana   wás vruchtbaar "_s;
        item.summary = u"Xi Jinping heeft zijn bezoek afgesloten."_s;
        item.link = u"https://example.org/astana"_s;
        item.published = QDateTime::fromString(u"2023-05-18T07:30:00Z"_s, Qt::ISODate);
        item.tags = {u"China"_s};
        return ArticleStore(db()).importItems(SourceSpec{u"feed"_s, u"feed:99"_s, u"Nieuws"_s,
                                                         u"https://example.org/feed"_s, u"https://example.org/"_s},
                                              {ImportItem{item, item.summary}});
    }

    std::vector<ArticleRow> astanaRows()
    {
        std::vector<ArticleRow> rows = ArticleStore(db()).page({}, std::nullopt, 100).value();
        std::erase_if(rows, [](const ArticleRow& r) { return StoryMerge::titleKey(r.title)
                                                          != StoryMerge::titleKey(u"Topontmoeting in Astana was vruchtbaar"_s); });
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"lib%1.sqlite"_s.arg(++m_counter));
        QVERIFY(Database::prepare(m_path).hasValue());
    }

    void cleanup() { Database::closeConnection(m_path); }

    void importsSeedOnceIntoNewLibrary()
    {
        Importer importer(db());
        QCOMPARE(importer.importSeedsIfNew().value(), 6);
        QCOMPARE(importer.importSeedsIfNew().value(), 0);
        const auto stats = ArticleStore(db()).stats().value();
        QCOMPARE(stats.articles, 6);
        QCOMPARE(stats.tags, 1);
        QCOMPARE(stats.unread, 6);
    }

    void importIsIdempotent()
    {
        const ImportReport first = import(u"tagpages/kazachstan.txt"_s);
        QCOMPARE(first.added, 2);
        const ImportReport second = import(u"tagpages/kazachstan.txt"_s);
        QCOMPARE(second.added, 0);
        QCOMPARE(second.updated, 0);
        QCOMPARE(ArticleStore(db()).stats().value().articles, 2);
        QCOMPARE(ArticleStore(db()).stats().value().sources, 1);
    }

    void sameArticleOnTwoTagPagesIsStoredOnceWithBothTags()
    {
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        const ImportReport report = import(u"tagpages/kazachstan.txt"_s);
        QCOMPARE(report.added, 1); // "Topontmoeting in Astana…" is already in the seed
        ArticleStore store(db());
        QCOMPARE(store.stats().value().articles, 7);
        ArticleQuery q;
        q.tags = {u"kazachstan"_s}; // case-insensitive
        const auto rows = store.page(q, std::nullopt, 100).value();
        QCOMPARE(rows.size(), size_t(2));
        const auto astana = std::find_if(rows.begin(), rows.end(), [](const ArticleRow& r) {
            return r.title == u"Topontmoeting in Astana was vruchtbaar"_s;
        });
        QVERIFY(astana != rows.end());
        QCOMPARE(astana->tags, (QStringList{u"Centraal-Azië"_s, u"Kazachstan"_s}));
        QCOMPARE(store.article(astana->id).value().sources.size(), 2);
        const auto tags = TagStore(db()).tagCounts().value();
        QCOMPARE(tags.size(), 2);
        QCOMPARE(tags.at(0).name, u"Centraal-Azië"_s);
        QCOMPARE(tags.at(0).count, 6);
        QCOMPARE(tags.at(1).count, 2);
    }

    void userStateSurvivesReimport()
    {
        import(u"tagpages/kazachstan.txt"_s);
        const auto rows = ArticleStore(db()).page({}, std::nullopt, 10).value();
        QCOMPARE(rows.size(), size_t(2));
        StateStore state(db());
        QVERIFY(state.setBookmarked({rows[0].id}, true).hasValue());
        QVERIFY(state.setRead({rows[1].id}, true).hasValue());
        import(u"tagpages/kazachstan.txt"_s);
        // A changed upstream text updates content but not state.
        auto parsed = DocumentParser::parseFile(test::dataPath(u"tagpages/kazachstan.txt"_s)).value();
        parsed.items[0].summary = u"Bijgewerkte samenvatting"_s;
        const auto report = Importer(db()).importParsed(parsed, u"kazachstan.txt"_s).value();
        QCOMPARE(report.updated, 1);
        const Article a = ArticleStore(db()).article(rows[0].id).value();
        QCOMPARE(a.summary, u"Bijgewerkte samenvatting"_s);
        QVERIFY(a.state.bookmarked);
        QVERIFY(state.state(rows[1].id).value().read);
        QCOMPARE(ArticleStore(db()).stats().value().bookmarks, 1);
    }

    void summaryMarkupStaysText()
    {
        import(u"tagpages/kazachstan.txt"_s);
        ArticleQuery q;
        q.text = u"steppe"_s;
        const auto rows = ArticleStore(db()).page(q, std::nullopt, 10).value();
        QCOMPARE(rows.size(), size_t(1));
        const Article a = ArticleStore(db()).article(rows[0].id).value();
        QVERIFY(a.summary.contains(u"groene energie & <b>waterstof</b>"_s));
        QVERIFY(a.contentHtml.isEmpty());
    }

    void rejectedFileWritesNothing()
    {
        auto r = Importer(db()).importFile(test::dataPath(u"tagpages/missing-summary.txt"_s));
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().file.endsWith(u"missing-summary.txt"_s));
        QCOMPARE(r.error().line, 7);
        QCOMPARE(ArticleStore(db()).stats().value().articles, 0);
        QCOMPARE(ArticleStore(db()).stats().value().tags, 0);
    }

    void ordersNewestFirstUndatedLastInImportOrder()
    {
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        SourceSpec src{u"feed"_s, u"feed:test"_s, u"Test"_s, {}, {}};
        QVERIFY(ArticleStore(db()).importItems(src, {dated(u"Old"_s, u"2023-05-18T10:00:00Z"_s),
                                                     dated(u"New"_s, u"2024-07-03T08:00:00Z"_s),
                                                     dated(u"Mid"_s, u"2024-01-10T12:00:00Z"_s)})
                    .hasValue());
        const auto rows = ArticleStore(db()).page({}, std::nullopt, 100).value();
        const QStringList t = titles(rows);
        QCOMPARE(t.mid(0, 3), (QStringList{u"New"_s, u"Mid"_s, u"Old"_s}));
        QCOMPARE(t.at(3), u"Topontmoeting in Astana was vruchtbaar"_s);
        QCOMPARE(t.at(8), u"Top met Centraal-Azië te Xian"_s);

        ArticleQuery asc;
        asc.sort = ArticleQuery::Sort::DateAsc;
        const QStringList ta = titles(ArticleStore(db()).page(asc, std::nullopt, 100).value());
        QCOMPARE(ta.mid(0, 3), (QStringList{u"Old"_s, u"Mid"_s, u"New"_s}));
        QCOMPARE(ta.at(3), u"Topontmoeting in Astana was vruchtbaar"_s);
    }

    void keysetPagingVisitsEveryRowOnce_data()
    {
        QTest::addColumn<int>("sort");
        QTest::newRow("date desc") << int(ArticleQuery::Sort::DateDesc);
        QTest::newRow("date asc") << int(ArticleQuery::Sort::DateAsc);
        QTest::newRow("title asc") << int(ArticleQuery::Sort::TitleAsc);
        QTest::newRow("title desc") << int(ArticleQuery::Sort::TitleDesc);
    }

    void keysetPagingVisitsEveryRowOnce()
    {
        QFETCH(int, sort);
        QList<ImportItem> items;
        for (int i = 0; i < 53; ++i) {
            // Repeated dates and titles, and some undated, to exercise ties; some titles empty
            // (no title key) or told apart by case and accents only.
            static const QStringList kinds = {u"Title %1"_s, u""_s, u"\u00C9t\u00E9 %1"_s, u"ete %1"_s, u"ETE %1"_s};
            const QString kind = kinds.at(i % 5);
            ImportItem item = dated(kind.isEmpty() ? kind : kind.arg(i % 7), u"2024-03-%1T10:00:00Z"_s.arg(1 + i % 5, 2, 10, QChar(u'0')));
            if (i % 6 == 0) {
                item.item.published = {};
            }
            items.append(item);
        }
        QVERIFY(ArticleStore(db()).importItems(SourceSpec{u"feed"_s, u"feed:x"_s, u"X"_s, {}, {}}, items).hasValue());
        ArticleQuery q;
        q.sort = static_cast<ArticleQuery::Sort>(sort);
        ArticleStore store(db());
        const auto all = store.page(q, std::nullopt, 1000).value();
        QCOMPARE(all.size(), size_t(53));
        std::vector<ArticleRow> paged;
        std::optional<ArticleCursor> cursor;
        for (;;) {
            const auto page = store.page(q, cursor, 8).value();
            paged.insert(paged.end(), page.begin(), page.end());
            if (page.size() < 8) {
                break;
            }
            cursor = ArticleStore::cursorAfter(page.back());
        }
        QCOMPARE(paged.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(paged[i].id, all[i].id);
        }
    }

    void titleOrderFoldsCaseAndAccents()
    {
        // By title key (schema 15): case folded beyond ASCII, accents dropped, spaces collapsed;
        // NOCASE put "Åland" after "Zweden". Ties in id order; an empty title first.
        const QStringList in = {u"Zweden stemt"_s, u"\u00C5land kiest"_s, u"  aland   kiest"_s, u"\u00C9t\u00E9 in Almaty"_s,
                                u"Beton"_s, u"\u00C7ay in Bakoe"_s, u"Z\u00FCrich"_s, u""_s};
        QList<ImportItem> items;
        for (const QString& title : in) {
            items.append(dated(title, u"2024-03-01T10:00:00Z"_s));
        }
        QVERIFY(ArticleStore(db()).importItems(SourceSpec{u"feed"_s, u"feed:order"_s, u"Order"_s, {}, {}}, items).hasValue());
        ArticleQuery q;
        q.sort = ArticleQuery::Sort::TitleAsc;
        const QStringList expected = {u""_s, u"\u00C5land kiest"_s, u"  aland   kiest"_s, u"Beton"_s, u"\u00C7ay in Bakoe"_s,
                                      u"\u00C9t\u00E9 in Almaty"_s, u"Z\u00FCrich"_s, u"Zweden stemt"_s};
        QCOMPARE(titles(ArticleStore(db()).page(q, std::nullopt, 100).value()), expected);
        q.sort = ArticleQuery::Sort::TitleDesc;
        QStringList reversed = expected;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(titles(ArticleStore(db()).page(q, std::nullopt, 100).value()), reversed);
        QSqlQuery unkeyed(db());
        QVERIFY(unkeyed.exec(u"SELECT count(*) FROM articles WHERE title_key IS NULL"_s) && unkeyed.next());
        QCOMPARE(unkeyed.value(0).toInt(), 0);
    }

    void filtersCombine()
    {
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        import(u"tagpages/kazachstan.txt"_s);
        SourceSpec src{u"feed"_s, u"feed:t"_s, u"T"_s, {}, {}};
        QVERIFY(ArticleStore(db()).importItems(src, {dated(u"Astana in juni"_s, u"2024-06-10T10:00:00Z"_s, {u"Kazachstan"_s}),
                                                     dated(u"Astana in maart"_s, u"2024-03-10T10:00:00Z"_s, {u"Kazachstan"_s})})
                    .hasValue());
        ArticleStore store(db());
        ArticleQuery q;
        q.text = u"azie"_s; // diacritics ignored: finds Azië
        QCOMPARE(store.count(q).value(), 6);
        q.text = u"ASTANA"_s;
        QCOMPARE(store.count(q).value(), 4);
        q.tags = {u"  KAZACHSTAN "_s};
        QCOMPARE(store.count(q).value(), 3);
        q.since = QDateTime::fromString(u"2024-05-01T00:00:00Z"_s, Qt::ISODate).toSecsSinceEpoch();
        QCOMPARE(titles(store.page(q, std::nullopt, 10).value()), QStringList{u"Astana in juni"_s});
        q.since.reset();
        q.until = QDateTime::fromString(u"2024-05-01T00:00:00Z"_s, Qt::ISODate).toSecsSinceEpoch();
        QCOMPARE(titles(store.page(q, std::nullopt, 10).value()), QStringList{u"Astana in maart"_s});
        q.until.reset();
        q.text = u"samenwerk"_s; // prefix: samenwerking, samenwerkingscentra
        q.tags.clear();
        QCOMPARE(store.count(q).value(), 4);
        q.text = u"\"unbalanced (quote* AND"_s; // user text never breaks the FTS syntax
        QVERIFY(store.count(q).hasValue());

        const auto unread = store.page({}, std::nullopt, 100).value();
        QVERIFY(StateStore(db()).setRead({unread[0].id}, true).hasValue());
        QVERIFY(StateStore(db()).setBookmarked({unread[1].id}, true).hasValue());
        ArticleQuery u;
        u.unreadOnly = true;
        QCOMPARE(store.count(u).value(), 8);
        ArticleQuery b;
        b.bookmarkedOnly = true;
        QCOMPARE(store.count(b).value(), 1);
    }

    void listQueryUsesIndexes()
    {
        // The plan of the SQL QueryBuilder generates for a page's ids, as ArticleStore::page
        // assembles it (withHits, SELECT, fromWhere, orderBy): the query that must not sort or scan.
        auto plan = [this](const ArticleQuery& query, const std::optional<ArticleCursor>& after = std::nullopt,
                           bool datedRowsOnly = false) {
            QueryBuilder builder(query);
            builder.setDatedRowsOnly(datedRowsOnly);
            const QString sql = builder.withHits() + u"SELECT a.id"_s + builder.fromWhere(after) + builder.orderBy()
                + u" LIMIT 500"_s;
            QSqlQuery q(db());
            if (!q.prepare(u"EXPLAIN QUERY PLAN "_s + sql)) {
                return u"cannot prepare: "_s + sql;
            }
            builder.bindAll(q);
            QStringList out;
            if (!q.exec()) {
                return u"cannot run: "_s + sql;
            }
            while (q.next()) {
                out.append(q.value(3).toString());
            }
            return out.join(u" | "_s);
        };
        const QString newest = plan({});
        QVERIFY2(newest.contains(u"articles_published"_s), qPrintable(newest));
        QVERIFY2(!newest.contains(u"TEMP B-TREE"_s), qPrintable(newest));
        // A deep page after a dated cursor seeks the date index.
        const QString deep = plan({}, ArticleCursor{42, 1'700'000'000, {}, 0.0}, true);
        QVERIFY2(deep.contains(u"articles_published"_s), qPrintable(deep));
        QVERIFY2(!deep.contains(u"TEMP B-TREE"_s), qPrintable(deep));
        // A tag page reads the tag's range of links in date order (schema 10): no sort of the
        // tag's articles, at the top or deep in the list, with or without a date range.
        ArticleQuery tagged;
        tagged.tags = {u"Kazachstan"_s};
        for (const QString& byTag : {plan(tagged), plan(tagged, ArticleCursor{42, 1'700'000'000, {}, 0.0}, true)}) {
            QVERIFY2(byTag.contains(u"article_tags_tag_published"_s), qPrintable(byTag));
            QVERIFY2(!byTag.contains(u"TEMP B-TREE"_s), qPrintable(byTag));
        }
        tagged.since = 1'600'000'000;
        tagged.tags.append(u"China"_s);
        const QString twoTagsAndDates = plan(tagged);
        QVERIFY2(twoTagsAndDates.contains(u"article_tags_tag_published"_s), qPrintable(twoTagsAndDates));
        QVERIFY2(!twoTagsAndDates.contains(u"TEMP B-TREE"_s), qPrintable(twoTagsAndDates));
        ArticleQuery byTitle;
        byTitle.sort = ArticleQuery::Sort::TitleAsc;
        const QString titles = plan(byTitle);
        QVERIFY2(titles.contains(u"articles_title_key"_s), qPrintable(titles));
        QVERIFY2(!titles.contains(u"TEMP B-TREE"_s), qPrintable(titles));
    }

    void tagPagesFollowTheDatesOfTheirArticles_data()
    {
        QTest::addColumn<int>("sort");
        QTest::newRow("date desc") << int(ArticleQuery::Sort::DateDesc);
        QTest::newRow("date asc") << int(ArticleQuery::Sort::DateAsc);
    }

    void tagPagesFollowTheDatesOfTheirArticles()
    {
        // Tag pages come from article_tags' copy of the dates; they must list exactly the rows,
        // in exactly the order, of the whole list filtered by tag, whichever way the dates and
        // tags were written.
        QFETCH(int, sort);
        QList<ImportItem> items;
        for (int i = 0; i < 61; ++i) {
            QStringList tags{u"Alle"_s};
            if (i % 2 == 0) {
                tags.append(u"Even"_s);
            }
            if (i % 3 == 0) {
                tags.append(u"Drie"_s);
            }
            ImportItem item = dated(u"Item %1"_s.arg(i), u"2024-03-%1T10:00:00Z"_s.arg(1 + i % 9, 2, 10, QChar(u'0')), tags);
            if (i % 7 == 0) {
                item.item.published = {}; // undated rows come last, in import order
            }
            items.append(item);
        }
        ArticleStore store(db());
        QVERIFY(store.importItems(SourceSpec{u"feed"_s, u"feed:tags"_s, u"Tags"_s, {}, {}}, items).hasValue());
        const auto order = static_cast<ArticleQuery::Sort>(sort);

        auto expected = [&](const QStringList& tags, std::optional<qint64> since = {}, bool unread = false) {
            ArticleQuery all;
            all.sort = order;
            QList<qint64> ids;
            const std::vector<ArticleRow> rows = store.page(all, std::nullopt, 1000).value();
            for (const ArticleRow& row : rows) {
                const bool tagged = std::all_of(tags.begin(), tags.end(), [&](const QString& t) { return row.tags.contains(t, Qt::CaseInsensitive); });
                const bool inRange = !since || (row.published && *row.published >= *since);
                if (tagged && inRange && (!unread || !row.state.read)) {
                    ids.append(row.id);
                }
            }
            return ids;
        };
        auto paged = [&](const QStringList& tags, std::optional<qint64> since = {}, bool unread = false) {
            ArticleQuery q;
            q.sort = order;
            q.tags = tags;
            q.since = since;
            q.unreadOnly = unread;
            QList<qint64> ids;
            std::optional<ArticleCursor> cursor;
            for (;;) {
                const std::vector<ArticleRow> page = store.page(q, cursor, 4).value();
                for (const ArticleRow& row : page) {
                    ids.append(row.id);
                }
                if (page.size() < 4) {
                    break;
                }
                cursor = ArticleStore::cursorAfter(page.back());
            }
            if (store.count(q).value() != ids.size()) {
                ids.append(-1); // the count disagrees with the pages
            }
            return ids;
        };
        auto check = [&] {
            for (const QStringList& tags : {QStringList{u"Alle"_s}, QStringList{u"Even"_s}, QStringList{u"drie"_s},
                                            QStringList{u"Even"_s, u"Drie"_s}, QStringList{u"Onbekend"_s}}) {
                if (paged(tags) != expected(tags)) {
                    return false;
                }
            }
            const qint64 since = QDateTime::fromString(u"2024-03-05T00:00:00Z"_s, Qt::ISODate).toSecsSinceEpoch();
            return paged({u"Even"_s}, since) == expected({u"Even"_s}, since)
                && paged({u"Drie"_s}, {}, true) == expected({u"Drie"_s}, {}, true);
        };
        QVERIFY(!expected({u"Even"_s}).isEmpty());
        QVERIFY(check());

        // The copy follows the article: a new date, a date removed, the reader's own tag, a merged tag.
        QSqlQuery q(db());
        QVERIFY(q.exec(u"UPDATE articles SET published = published + 86400 * 20 WHERE id % 5 = 0"_s));
        QVERIFY(q.exec(u"UPDATE articles SET published = NULL WHERE id % 11 = 0"_s));
        QVERIFY(q.exec(u"UPDATE articles SET published = 1700000000 WHERE id % 13 = 0 AND published IS NULL"_s));
        const auto ids = expected({u"Alle"_s});
        QVERIFY(TagStore(db()).addTag({ids[3], ids[10], ids[20]}, u"Even"_s).hasValue());
        QVERIFY(TagStore(db()).addTag({ids[4], ids[5]}, u"Eigen"_s).hasValue());
        QVERIFY(TagStore(db()).merge(u"Eigen"_s, u"Drie"_s).hasValue());
        QVERIFY(StateStore(db()).setRead({ids[0], ids[6], ids[9]}, true).hasValue());
        QVERIFY(check());
        QVERIFY(q.exec(u"SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id "
                       u"WHERE at.published IS NOT a.published"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void sidebarCountsFollowEveryChange()
    {
        // tag_counts and source_counts (schema 11) are kept by triggers; after every kind of
        // write they must equal a count over the links and read states.
        auto kept = [this](const QString& table, const QString& key) {
            QSqlQuery q(db());
            q.exec(u"SELECT %1, articles, unread FROM %2 WHERE articles <> 0 OR unread <> 0 ORDER BY %1"_s.arg(key, table));
            QStringList out;
            while (q.next()) {
                out.append(u"%1:%2/%3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
            }
            return out;
        };
        auto counted = [this](const QString& links, const QString& key) {
            QSqlQuery q(db());
            q.exec(u"SELECT l.%1, count(*), sum(coalesce(st.read, 0) = 0) FROM %2 l "
                   u"LEFT JOIN article_state st ON st.article_id = l.article_id GROUP BY l.%1 ORDER BY l.%1"_s.arg(key, links));
            QStringList out;
            while (q.next()) {
                out.append(u"%1:%2/%3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
            }
            return out;
        };
        auto pairs = [this](const QString& sql) { // the first two columns of every row, as "a b"
            QSqlQuery q(db());
            if (!q.exec(sql)) {
                qWarning() << q.lastError().text();
            }
            QStringList out;
            while (q.next()) {
                out.append(q.value(0).toString() + u' ' + q.value(1).toString());
            }
            return out;
        };
        auto same = [&] {
            // The whole library's timeline (schema 12), per UTC day.
            const QStringList keptDays =
                pairs(u"SELECT date(day * 86400, 'unixepoch'), articles FROM published_days WHERE articles > 0 ORDER BY day"_s);
            const QStringList countedDays = pairs(u"SELECT date(published, 'unixepoch') AS d, count(*) FROM articles "
                                                 u"WHERE published IS NOT NULL GROUP BY d ORDER BY d"_s);
            if (keptDays != countedDays) {
                qWarning() << keptDays << countedDays;
                return false;
            }
            // The library's totals (schema 13).
            const QStringList library = pairs(u"SELECT articles, unread FROM library_counts"_s);
            const QStringList recount = pairs(u"SELECT count(*), coalesce(sum(coalesce(st.read, 0) = 0), 0) FROM articles a "
                                             u"LEFT JOIN article_state st ON st.article_id = a.id"_s);
            if (library != recount) {
                qWarning() << library << recount;
                return false;
            }
            // Each tag's timeline, read from its links' dates, is the one counted over its articles
            // (a filter that excludes nothing takes the counting path).
            for (const QString& name : pairs(u"SELECT name, id FROM tags ORDER BY id"_s)) {
                ArticleQuery fromLinks;
                fromLinks.tags = {name.section(u' ', 0, -2)};
                ArticleQuery countedQuery = fromLinks;
                countedQuery.excludedTags = {u"geen zo'n tag"_s};
                const Timeline a = TimelineStore(db()).timeline(fromLinks).value();
                const Timeline b = TimelineStore(db()).timeline(countedQuery).value();
                if (a.starts != b.starts || a.counts != b.counts || a.bucket != b.bucket) {
                    qWarning() << name << a.counts << b.counts;
                    return false;
                }
            }
            const QStringList tags = kept(u"tag_counts"_s, u"tag_id"_s);
            const QStringList sources = kept(u"source_counts"_s, u"source_id"_s);
            if (tags != counted(u"article_tags"_s, u"tag_id"_s) || sources != counted(u"article_sources"_s, u"source_id"_s)) {
                qWarning() << tags << counted(u"article_tags"_s, u"tag_id"_s) << sources
                           << counted(u"article_sources"_s, u"source_id"_s);
                return false;
            }
            return !tags.isEmpty() && !sources.isEmpty();
        };
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        QVERIFY(same());
        QVERIFY(StateStore(db()).setRead({astanaRows().at(0).id}, true).hasValue());
        QVERIFY(importFeedStory().hasValue()); // merges with the seed's story, which was read
        QCOMPARE(astanaRows().size(), size_t(1));
        QVERIFY(same());
        QList<ImportItem> items;
        for (int i = 0; i < 12; ++i) {
            items.append(dated(u"Bericht %1"_s.arg(i), u"2024-04-%1T09:00:00Z"_s.arg(1 + i, 2, 10, QChar(u'0')),
                               i % 2 ? QStringList{u"China"_s} : QStringList{u"Kazachstan"_s, u"Nieuw"_s}));
        }
        const SourceSpec feed{u"feed"_s, u"feed:counts"_s, u"Counts"_s, {}, {}};
        ArticleStore store(db());
        QVERIFY(store.importItems(feed, items).hasValue());
        QVERIFY(same());
        {
            // The kept timeline is the counted one (a filter that excludes nothing counts rows).
            ArticleQuery everything;
            everything.excludedTags = {u"geen zo'n tag"_s};
            const Timeline kept = TimelineStore(db()).timeline({}).value();
            const Timeline counted = TimelineStore(db()).timeline(everything).value();
            QVERIFY(!kept.counts.isEmpty());
            QCOMPARE(kept.starts, counted.starts);
            QCOMPARE(kept.counts, counted.counts);
            QCOMPARE(int(kept.bucket), int(counted.bucket));
        }
        std::vector<ArticleRow> rows = store.page({}, std::nullopt, 100).value();
        QList<qint64> ids;
        for (const ArticleRow& r : rows) {
            ids.append(r.id);
        }
        QVERIFY(StateStore(db()).setRead(ids.mid(0, 9), true).hasValue());
        QVERIFY(StateStore(db()).setBookmarked(ids.mid(5, 4), true).hasValue());
        QVERIFY(same());
        QVERIFY(StateStore(db()).setRead(ids.mid(2, 3), false).hasValue());
        QVERIFY(same());
        QVERIFY(TagStore(db()).addTag(ids.mid(0, 6), u"Eigen"_s).hasValue());
        QVERIFY(TagStore(db()).removeTag(ids.mid(0, 2), u"China"_s).hasValue());
        QVERIFY(same());
        QVERIFY(TagStore(db()).merge(u"Nieuw"_s, u"Eigen"_s).hasValue());
        QVERIFY(TagStore(db()).rename(u"Eigen"_s, u"Mijn"_s).hasValue());
        QVERIFY(same());
        QVERIFY(TagStore(db()).remove(u"Kazachstan"_s).hasValue());
        QVERIFY(same());
        QVERIFY(store.importItems(feed, items).hasValue()); // a refresh with the same items
        QVERIFY(same());
        QSqlQuery q(db());
        // New dates, one before 1970 and one removed, on the same and other days.
        QVERIFY(q.exec(u"UPDATE articles SET published = published + 3600 WHERE id = %1"_s.arg(ids[1])));
        QVERIFY(q.exec(u"UPDATE articles SET published = -86399 WHERE id = %1"_s.arg(ids[2])));
        QVERIFY(q.exec(u"UPDATE articles SET published = NULL WHERE id = %1"_s.arg(ids[4])));
        QVERIFY(same());
        QVERIFY(q.exec(u"DELETE FROM article_state WHERE article_id IN (%1, %2)"_s.arg(ids[0]).arg(ids[7])));
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(ids[3])));
        // Counts read from the kept totals agree with the rows the same queries list.
        QVERIFY(q.exec(u"INSERT INTO feeds(source_id, url, created) SELECT id, 'https://example.org/counts', 1 "
                       u"FROM sources WHERE key = 'feed:counts'"_s));
        const qint64 feedId = q.lastInsertId().toLongLong();
        for (int kind = 0; kind < 6; ++kind) {
            ArticleQuery counted;
            counted.unreadOnly = kind % 2;
            if (kind / 2 == 1) {
                counted.tags = {u"china"_s};
            } else if (kind / 2 == 2) {
                counted.feedId = feedId;
            }
            QVERIFY(!QueryBuilder(counted).keptCount().isEmpty());
            QCOMPARE(store.count(counted).value(), int(store.page(counted, std::nullopt, 1000).value().size()));
        }
        QVERIFY(q.exec(u"DELETE FROM sources WHERE key = 'feed:counts'"_s));
        QVERIFY(same());
        // The sidebar reads them: the seed tag's count is the number of its articles.
        const auto counts = TagStore(db()).tagCounts().value();
        const auto china = std::find_if(counts.begin(), counts.end(), [](const TagCount& c) { return c.name == u"China"_s; });
        QVERIFY(china != counts.end());
        ArticleQuery byTag;
        byTag.tags = {u"China"_s};
        QCOMPARE(china->count, store.count(byTag).value());
        byTag.unreadOnly = true;
        QCOMPARE(china->unread, store.count(byTag).value());
    }

    void articleCarriesItsStoredTextForAnchoring()
    {
        ParsedFeed feed;
        feed.format = u"rss2.0"_s;
        feed.title = u"Feed"_s;
        FeedItem item;
        item.title = u"With content"_s;
        item.link = item.id = u"https://example.org/content"_s;
        item.contentHtml = u"<p>Eerste alinea.</p><p>Tweede &amp; laatste.</p>"_s;
        feed.items = {item};
        QVERIFY(Importer(db()).importParsed(feed, u"feed.xml"_s));
        auto rows = ArticleStore(db()).page({}, std::nullopt, 10);
        QVERIFY(rows && rows->size() == 1);
        const Article a = ArticleStore(db()).article(rows->front().id).value();
        QCOMPARE(a.contentText, u"Eerste alinea.\n\nTweede & laatste."_s);
        QCOMPARE(a.contentText, html::toPlainText(a.contentHtml));
        // The reader and the store anchor in the stored text; nothing parses the HTML again.
        QCOMPARE(html::anchorText(a), a.contentText);
        Article stale = a;
        stale.contentText = u"what the library says"_s;
        QCOMPARE(html::anchorText(stale), u"what the library says"_s);
        Article noContent;
        noContent.summary = u"Only a summary"_s;
        QCOMPARE(html::anchorText(noContent), u"Only a summary"_s);
    }

    void rejectsStateForUnknownArticle()
    {
        const auto r = StateStore(db()).setBookmarked({4242}, true);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::NotFound);
    }

    void identityPrefersUrlThenGuidThenTitle()
    {
        FeedItem a;
        a.title = u"  Same   Title "_s;
        FeedItem b;
        b.title = u"same title"_s;
        QCOMPARE(ArticleStore::identityKey(a, {}), ArticleStore::identityKey(b, {}));
        a.id = u"guid-1"_s;
        QVERIFY(ArticleStore::identityKey(a, u"https://site.example"_s).startsWith(u"guid:site.example|guid-1"_s));
        a.link = u"HTTPS://Example.ORG:443/path?utm_source=x&id=3#frag"_s;
        QCOMPARE(ArticleStore::identityKey(a, {}), u"url:https://example.org/path?id=3"_s);
    }
    void titleKeyFoldsCaseSpaceDiacriticsAndQuotes()
    {
        QCOMPARE(StoryMerge::titleKey(u"  Xi’s  “Belt”\tin ÁZIË "_s), StoryMerge::titleKey(u"xi's \"belt\" in azie"_s));
        QCOMPARE(StoryMerge::titleKey(u"Azië"_s), u"azie"_s);
        QVERIFY(StoryMerge::titleKey(u"Azië"_s) != StoryMerge::titleKey(u"Azië en"_s));
        QVERIFY(StoryMerge::titleKey(u"   "_s).isEmpty());
    }

    void feedItemJoinsTheLinklessStoryKeepingUserState()
    {
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        const auto before = astanaRows();
        QCOMPARE(before.size(), size_t(1));
        const qint64 id = before[0].id;
        QVERIFY(StateStore(db()).setBookmarked({id}, true).hasValue());
        QVERIFY(StateStore(db()).setRead({id}, true).hasValue());
        QVERIFY(TagStore(db()).addTag({id}, u"Mijn dossier"_s).hasValue());
        QVERIFY(AnnotationStore(db()).addQuote(id, u"driedaags bezoek"_s, u"noot"_s, u"yellow"_s).hasValue());
        const int articles = ArticleStore(db()).stats().value().articles;

        const auto report = importFeedStory();
        QVERIFY2(report.hasValue(), qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->added, 0);
        QCOMPARE(ArticleStore(db()).stats().value().articles, articles);
        const auto after = astanaRows();
        QCOMPARE(after.size(), size_t(1));
        QCOMPARE(after[0].id, id); // the same row: state, tags and annotations stay attached
        const Article a = ArticleStore(db()).article(id).value();
        QCOMPARE(a.link, u"https://example.org/astana"_s);
        QVERIFY(a.published.has_value());
        QCOMPARE(a.sources.size(), 2);
        QVERIFY(a.state.bookmarked);
        QVERIFY(a.state.read);
        QCOMPARE(a.tags, (QStringList{u"Centraal-Azië"_s, u"China"_s, u"Mijn dossier"_s}));
        const auto notes = AnnotationStore(db()).forArticle(id).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].note, u"noot"_s);
        // Importing the tag page again finds the story by its title and adds nothing.
        QCOMPARE(Importer(db()).importFile(u":/folio/seeds/centraal-azie.txt"_s).value().added, 0);
        QCOMPARE(astanaRows().size(), size_t(1));
    }

    void linklessEntryJoinsTheFeedStory()
    {
        QVERIFY(importFeedStory().hasValue());
        const auto feed = astanaRows();
        QCOMPARE(feed.size(), size_t(1));
        QVERIFY(StateStore(db()).setBookmarked({feed[0].id}, true).hasValue());
        const ImportReport report = import(u"tagpages/kazachstan.txt"_s);
        QCOMPARE(report.added, 1); // only "Groene waterstof…" is new
        const auto rows = astanaRows();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].id, feed[0].id);
        const Article a = ArticleStore(db()).article(rows[0].id).value();
        QCOMPARE(a.link, u"https://example.org/astana"_s);
        QCOMPARE(a.sources.size(), 2);
        QCOMPARE(a.tags, (QStringList{u"China"_s, u"Kazachstan"_s}));
        QVERIFY(a.state.bookmarked);
        QVERIFY(!a.summary.isEmpty());
    }

    void linkedArticlesWithOneTitleStayApart()
    {
        auto first = dated(u"Weekoverzicht"_s, u"2023-05-01T08:00:00Z"_s);
        auto second = dated(u"Weekoverzicht"_s, u"2023-05-08T08:00:00Z"_s);
        const SourceSpec source{u"feed"_s, u"feed:1"_s, u"F"_s, u"https://example.org/f"_s, {}};
        QVERIFY(ArticleStore(db()).importItems(source, {first, second}).hasValue());
        QCOMPARE(ArticleStore(db()).stats().value().articles, 2);
    }

    void upgradeMergesExistingDuplicates()
    {
        QVERIFY(Importer(db()).importSeedsIfNew().hasValue());
        QVERIFY(importFeedStory().hasValue());
        QCOMPARE(astanaRows().size(), size_t(1));
        // A library of schema 4 had both rows and no keys: make one like it.
        QSqlQuery q(db());
        const qint64 linkless = astanaRows()[0].id;
        QVERIFY(StateStore(db()).setRead({linkless}, true).hasValue());
        QVERIFY(q.exec(u"INSERT INTO articles(identity, title, link, published, added) SELECT 'url:https://example.org/x', "
                       u"'Topontmoeting in Astana was vruchtbaar', 'https://example.org/x', 1684395000, 1"_s));
        const qint64 linked = q.lastInsertId().toLongLong();
        QVERIFY(q.exec(u"UPDATE articles SET link = NULL, identity = 'title:old' WHERE id = %1"_s.arg(linkless)));
        QVERIFY(q.exec(u"UPDATE articles SET title_key = NULL"_s));
        QCOMPARE(astanaRows().size(), size_t(2));
        cleanup();
        QVERIFY(Database::prepare(m_path).hasValue()); // every open backfills unkeyed rows
        const auto rows = astanaRows();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].id, linked);
        QVERIFY(rows[0].state.read);
        QVERIFY(rows[0].tags.contains(u"Centraal-Azië"_s));
        QCOMPARE(StoryMerge(db()).backfill().value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestArticleStore)
#include "TestArticleStore.moc"
