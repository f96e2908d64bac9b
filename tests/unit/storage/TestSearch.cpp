// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/QueryParser.h"
#include "storage/SavedSearchStore.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;
using namespace folio;

/// Search and filter combinations against a small fixture library with known answers.
class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    QHash<QString, qint64> m_ids; // title -> id

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    static ImportItem item(const QString& title, const QString& text, const QString& iso, const QStringList& tags)
    {
        FeedItem f;
        f.title = title;
        f.summary = QString();
        f.link = u"https://example.org/"_s + QString::fromLatin1(QUrl::toPercentEncoding(title));
        if (!iso.isEmpty()) {
            f.published = QDateTime::fromString(iso, Qt::ISODate);
        }
        f.tags = tags;
        return ImportItem{f, text};
    }

    static qint64 secs(const QString& day)
    {
        return QDate::fromString(day, Qt::ISODate).startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }

    int count(const ArticleQuery& q) { return ArticleStore(db()).count(q).value(); }

    int countText(const QString& text)
    {
        ArticleQuery q;
        q.text = text;
        auto r = ArticleStore(db()).count(q);
        if (!r) {
            qWarning("%s", qPrintable(r.error().toString()));
            return -1;
        }
        return r.value();
    }

    QStringList titlesFor(const QString& queryText)
    {
        auto q = QueryParser::parse(queryText);
        if (!q) {
            qWarning("%s", qPrintable(q.error().message));
            return {u"<error>"_s};
        }
        QStringList out;
        const auto rows = ArticleStore(db()).page(q.value(), std::nullopt, 100);
        for (const ArticleRow& r : rows.value()) {
            out.append(r.title);
        }
        out.sort();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"search%1.sqlite"_s.arg(++m_counter));
        QVERIFY(Database::prepare(m_path).hasValue());
        SourceSpec src{u"feed"_s, u"feed:fixture"_s, u"Fixture"_s, {}, {}};
        const QList<ImportItem> items = {
            item(u"Xi bezoekt Ürümqi"_s, u"Een driedaags bezoek aan Xinjiang en Centraal-Azië."_s,
                 u"2024-01-10T09:00:00Z"_s, {u"China"_s, u"Xinjiang"_s}),
            item(u"Astana en Beijing"_s, u"De samenwerking tussen Kazachstan en China groeit."_s,
                 u"2024-02-05T09:00:00Z"_s, {u"Kazachstan"_s, u"China"_s}),
            item(u"Almaty in de sneeuw"_s, u"Bezoek van een handelsmissie, driedaags en koud."_s,
                 u"2024-02-06T09:00:00Z"_s, {u"Kazachstan"_s}),
            item(u"Ongedateerd achtergrondstuk"_s, u"Groene energie in de steppe."_s, QString(), {u"Energie"_s}),
            item(u"Samenwerkingscentra geopend"_s, u"Nieuwe centra in Tasjkent."_s, u"2024-03-01T09:00:00Z"_s,
                 {u"Oezbekistan"_s}),
        };
        QVERIFY(ArticleStore(db()).importItems(src, items).hasValue());
        QSqlQuery q(db());
        QVERIFY(q.exec(u"SELECT id, title FROM articles"_s));
        m_ids.clear();
        while (q.next()) {
            m_ids.insert(q.value(1).toString(), q.value(0).toLongLong());
        }
        QCOMPARE(m_ids.size(), 5);
    }

    void cleanup() { Database::closeConnection(m_path); }

    void ignoresCaseAndDiacritics()
    {
        QCOMPARE(countText(u"urumqi"_s), 1);
        QCOMPARE(countText(u"ÜRÜMQI"_s), 1);
        QCOMPARE(countText(u"azie"_s), 1);
    }

    void matchesPrefixesPhrasesOrAndNot()
    {
        QCOMPARE(countText(u"samenwerk*"_s), 2); // samenwerking, Samenwerkingscentra
        QCOMPARE(countText(u"\"driedaags bezoek\""_s), 1); // not "Bezoek …, driedaags"
        QCOMPARE(countText(u"driedaags bezoek"_s), 2);
        QCOMPARE(countText(u"astana OR almaty"_s), 2);
        QCOMPARE(countText(u"kazachstan OR xinjiang china"_s), 1); // (kazachstan OR xinjiang) AND china
        QCOMPARE(countText(u"bezoek -driedaags"_s), 0);
        QCOMPARE(countText(u"driedaags NOT xinjiang"_s), 1);
        QCOMPARE(countText(u"-driedaags"_s), 3); // only exclusions: everything else
    }

    void userTextNeverBreaksTheSyntax()
    {
        for (const QString& text : {u"\"unbalanced quote"_s, u"(brackets) AND"_s, u"col:umn ^start NEAR(a b)"_s,
                                    u"* - \" ( ) :"_s, u"\"\""_s, u"a\"b\"c"_s}) {
            QVERIFY2(countText(text) >= 0, qPrintable(text));
        }
        ArticleQuery q;
        q.text = u"astana OR"_s;
        const auto r = ArticleStore(db()).count(q);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Invalid);
        QVERIFY(r.error().message.contains(u"OR"_s));
        QVERIFY(!ArticleStore(db()).page(q, std::nullopt, 10).hasValue());
        q.text = u"astana NOT"_s;
        QVERIFY(!ArticleStore(db()).count(q).hasValue());
    }

    void findsArticlesThroughAnnotationsWithSnippets()
    {
        QSqlQuery q(db());
        QVERIFY(q.prepare(u"INSERT INTO annotations(article_id, quote, note, created, updated) "
                          u"VALUES(:a, :quote, :note, 0, 0)"_s));
        q.bindValue(u":a"_s, m_ids.value(u"Almaty in de sneeuw"_s));
        q.bindValue(u":quote"_s, u"een handelsmissie"_s);
        q.bindValue(u":note"_s, u"Vergelijk met de Zijderoute-strategie"_s);
        QVERIFY(q.exec());
        QCOMPARE(countText(u"zijderoute"_s), 1);
        ArticleQuery query;
        query.text = u"zijderoute"_s;
        const auto rows = ArticleStore(db()).page(query, std::nullopt, 10).value();
        QCOMPARE(rows.size(), size_t(1));
        QVERIFY2(rows[0].snippet.contains(u"Zijderoute"_s), qPrintable(rows[0].snippet));
        // Edits and deletes of annotations reach the index (triggers).
        QVERIFY(q.exec(u"UPDATE annotations SET note = 'Iets anders'"_s));
        QCOMPARE(countText(u"zijderoute"_s), 0);
        QCOMPARE(countText(u"anders"_s), 1);
        QVERIFY(q.exec(u"DELETE FROM annotations"_s));
        QCOMPARE(countText(u"anders"_s), 0);
    }

    void snippetsFromThePageEqualThoseFromTheWholeIndex()
    {
        // A ranked page takes its snippets from an index of its own rows (temp.folio_page_text);
        // a read-only connection cannot write its temp schema and takes them from articles_fts in
        // one statement. Both must give the same rows, scores and snippets, for every query form.
        QSqlQuery a(db());
        QVERIFY(a.prepare(u"INSERT INTO annotations(article_id, quote, note, created, updated) VALUES(?, 'koud', "
                          u"'driedaags bezoek aan de steppe', 0, 0)"_s));
        a.addBindValue(m_ids.value(u"Almaty in de sneeuw"_s));
        QVERIFY(a.exec());
        // Long texts, so that a snippet is a cut of its text and not the whole of it.
        QList<ImportItem> longer;
        for (int i = 0; i < 6; ++i) {
            QStringList words;
            for (int w = 0; w < 90; ++w) {
                words.append(w == 20 + 9 * i ? u"driedaags"_s : w == 60 ? u"steppe"_s : u"woord%1"_s.arg(w));
            }
            longer.append(item(u"Lang verslag %1 over een bezoek"_s.arg(i), words.join(u' '),
                               u"2024-05-%1T09:00:00Z"_s.arg(i + 1, 2, 10, QChar(u'0')), {u"Kazachstan"_s}));
        }
        QVERIFY(ArticleStore(db()).importItems(SourceSpec{u"feed"_s, u"feed:long"_s, u"Lang"_s, {}, {}}, longer).hasValue());
        QSqlDatabase readOnly = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"snippets-read-only"_s);
        readOnly.setDatabaseName(m_path);
        QVERIFY(readOnly.open());
        QSqlQuery ro(readOnly);
        QVERIFY(ro.exec(u"PRAGMA query_only = 1"_s));
        int compared = 0;
        for (const QString& text : {u"bezoek"_s, u"driedaags"_s, u"\"driedaags bezoek\""_s, u"title:astana"_s,
                                    u"kazachstan OR steppe"_s, u"bezoek -koud"_s, u"samen*"_s, u"china"_s, u"koud"_s}) {
            for (const auto sort : {ArticleQuery::Sort::Relevance, ArticleQuery::Sort::DateDesc}) {
                ArticleQuery q;
                q.text = text;
                q.sort = sort;
                for (const int window : {100, 1}) {
                    ArticleStore fromPage(db());
                    ArticleStore fromIndex(readOnly);
                    fromPage.setRankWindowSize(window);
                    fromIndex.setRankWindowSize(window);
                    const auto mine = fromPage.page(q, std::nullopt, 10);
                    const auto theirs = fromIndex.page(q, std::nullopt, 10);
                    QVERIFY2(mine && theirs, qPrintable(text));
                    QCOMPARE(mine->size(), theirs->size());
                    for (size_t i = 0; i < mine->size(); ++i) {
                        QCOMPARE(mine->at(i).id, theirs->at(i).id);
                        QCOMPARE(mine->at(i).score, theirs->at(i).score);
                        QCOMPARE(mine->at(i).snippet, theirs->at(i).snippet);
                        QCOMPARE(mine->at(i).rankFrom, theirs->at(i).rankFrom);
                        QCOMPARE(mine->at(i).annotations, theirs->at(i).annotations);
                        compared += mine->at(i).snippet.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        QVERIFY(compared > 20);
        // The page index holds nothing between pages.
        QSqlQuery left(db());
        QVERIFY(left.exec(u"SELECT count(*) FROM temp.folio_page_text"_s) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
        ro = QSqlQuery();
        readOnly.close();
        readOnly = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"snippets-read-only"_s);
    }

    void ranksAndPagesByRelevance()
    {
        ArticleQuery q;
        q.text = u"kazachstan OR almaty OR astana"_s;
        q.sort = ArticleQuery::Sort::Relevance;
        ArticleStore store(db());
        const auto all = store.page(q, std::nullopt, 10).value();
        QCOMPARE(all.size(), size_t(2));
        for (size_t i = 1; i < all.size(); ++i) {
            QVERIFY(all[i - 1].score <= all[i].score);
        }
        QVERIFY(!all[0].snippet.isEmpty());
        // Keyset paging by (score, id) returns every row once.
        std::set<qint64> seen;
        std::optional<ArticleCursor> after;
        for (int i = 0; i < 5; ++i) {
            const auto page = store.page(q, after, 1).value();
            if (page.empty()) {
                break;
            }
            QVERIFY(seen.insert(page[0].id).second);
            after = ArticleStore::cursorAfter(page[0]);
        }
        QCOMPARE(seen.size(), size_t(2));
        // Without text, Relevance falls back to newest first.
        ArticleQuery noText;
        noText.sort = ArticleQuery::Sort::Relevance;
        QCOMPARE(store.page(noText, std::nullopt, 1).value().front().title, u"Samenwerkingscentra geopend"_s);
    }

    void ranksWindowsOfTheNewestMatchesFirst()
    {
        // 23 more articles that say "steppe" (with the fixture's one: 24), a few in the title.
        SourceSpec src{u"feed"_s, u"feed:steppe"_s, u"Steppe"_s, {}, {}};
        QList<ImportItem> items;
        for (int i = 0; i < 23; ++i) {
            items.append(item(i % 5 == 0 ? u"Steppe %1"_s.arg(i) : u"Bericht %1"_s.arg(i),
                              u"Over de steppe, dag %1, en verder niets %2."_s.arg(i).arg(QString(i, u'x')),
                              u"2024-04-%1T09:00:00Z"_s.arg(i + 1, 2, 10, QChar(u'0')), {}));
        }
        QVERIFY(ArticleStore(db()).importItems(src, items).hasValue());
        ArticleQuery q;
        q.text = u"steppe"_s;
        q.sort = ArticleQuery::Sort::Relevance;
        ArticleStore store(db());
        QCOMPARE(store.count(q).value(), 24);

        // One window larger than the matches: exact bm25 order over all of them.
        store.setRankWindowSize(100);
        const auto exact = store.page(q, std::nullopt, 100).value();
        QCOMPARE(exact.size(), size_t(24));
        for (size_t i = 1; i < exact.size(); ++i) {
            QVERIFY(exact[i - 1].score <= exact[i].score);
        }

        // Windows of 7: every match once, in pages of 5 that cross windows; windows newest first,
        // bm25 order inside each, and each window holds the 7 newest matches below the last.
        store.setRankWindowSize(7);
        std::vector<ArticleRow> paged;
        std::optional<ArticleCursor> after;
        for (int guard = 0; guard < 20; ++guard) {
            const auto page = store.page(q, after, 5).value();
            paged.insert(paged.end(), page.begin(), page.end());
            if (page.size() < 5) {
                break;
            }
            after = ArticleStore::cursorAfter(page.back());
        }
        QCOMPARE(paged.size(), size_t(24));
        std::set<qint64> ids;
        for (const ArticleRow& row : paged) {
            QVERIFY(ids.insert(row.id).second);
            QVERIFY(row.id >= row.rankFrom && (row.rankUntil == 0 || row.id < row.rankUntil));
            QVERIFY(!row.snippet.isEmpty());
        }
        std::vector<qint64> newestFirst(ids.rbegin(), ids.rend());
        int windows = 0;
        for (size_t i = 0; i < paged.size(); ++i) {
            if (i == 0 || paged[i].rankFrom != paged[i - 1].rankFrom) {
                ++windows;
                QVERIFY(i == 0 || paged[i].rankUntil == paged[i - 1].rankFrom);
                // The window's ids are the next 7 (or the rest) of the ids newest first.
                const size_t size = std::min<size_t>(7, paged.size() - i);
                const std::set<qint64> expected(newestFirst.begin() + i, newestFirst.begin() + i + size);
                std::set<qint64> got;
                for (size_t j = i; j < paged.size() && paged[j].rankFrom == paged[i].rankFrom; ++j) {
                    got.insert(paged[j].id);
                }
                QCOMPARE(got, expected);
            } else {
                QVERIFY(paged[i - 1].score <= paged[i].score);
            }
        }
        QCOMPARE(windows, 4); // 7 + 7 + 7 + 3
        // Reading all rows in one call gives the same order as paging.
        const auto whole = store.page(q, std::nullopt, 100).value();
        QCOMPARE(whole.size(), paged.size());
        for (size_t i = 0; i < whole.size(); ++i) {
            QCOMPARE(whole[i].id, paged[i].id);
        }
    }

    void countsAndRanksTheSameArticles()
    {
        // Text alone counts the set of hits without the articles table; it must list as many.
        QSqlQuery q(db());
        QVERIFY(q.prepare(u"INSERT INTO annotations(article_id, quote, note, created, updated) "
                          u"VALUES(:a, 'sneeuw', 'kazachstan in de winter', 0, 0)"_s));
        q.bindValue(u":a"_s, m_ids.value(u"Xi bezoekt Ürümqi"_s));
        QVERIFY(q.exec());
        for (const QString& text : {u"kazachstan"_s, u"bezoek"_s, u"kazachstan OR energie"_s, u"-driedaags"_s}) {
            ArticleQuery query;
            query.text = text;
            query.sort = ArticleQuery::Sort::Relevance;
            ArticleStore store(db());
            store.setRankWindowSize(1);
            const int counted = store.count(query).value();
            QCOMPARE(int(store.page(query, std::nullopt, 100).value().size()), counted);
            query.sort = ArticleQuery::Sort::DateDesc;
            QCOMPARE(int(store.page(query, std::nullopt, 100).value().size()), counted);
        }
        // "kazachstan": two through the word or the tag, one through the annotation.
        ArticleQuery query;
        query.text = u"kazachstan"_s;
        QCOMPARE(count(query), 3);
    }

    void combinesTagsAnyAllExcludedAndUserTags()
    {
        QCOMPARE(titlesFor(u"tag:kazachstan tag:china"_s), QStringList{u"Astana en Beijing"_s});
        QCOMPARE(titlesFor(u"tag:kazachstan tag:china match:any"_s),
                 (QStringList{u"Almaty in de sneeuw"_s, u"Astana en Beijing"_s, u"Xi bezoekt Ürümqi"_s}));
        QCOMPARE(titlesFor(u"tag:kazachstan -tag:china"_s), QStringList{u"Almaty in de sneeuw"_s});
        QVERIFY(TagStore(db()).addTag({m_ids.value(u"Almaty in de sneeuw"_s)}, u"Reis"_s).hasValue());
        QCOMPARE(titlesFor(u"tag:reis"_s), QStringList{u"Almaty in de sneeuw"_s});
        QCOMPARE(titlesFor(u"tag:reis sneeuw"_s), QStringList{u"Almaty in de sneeuw"_s});
        QCOMPARE(titlesFor(u"tag:reis astana"_s), QStringList());
    }

    void plainWordAlsoFindsItsTag()
    {
        // "Almaty in de sneeuw" never says Kazachstan, but carries the tag.
        QCOMPARE(titlesFor(u"kazachstan"_s), (QStringList{u"Almaty in de sneeuw"_s, u"Astana en Beijing"_s}));
        QCOMPARE(titlesFor(u"energie"_s), QStringList{u"Ongedateerd achtergrondstuk"_s});
        QVERIFY(TagStore(db()).addTag({m_ids.value(u"Samenwerkingscentra geopend"_s)}, u"Reis"_s).hasValue());
        QCOMPARE(titlesFor(u"reis"_s), QStringList{u"Samenwerkingscentra geopend"_s});
        // Several words and tag: stay as they were: text only, and exact tags.
        QCOMPARE(titlesFor(u"reis astana"_s), QStringList());
        QCOMPARE(titlesFor(u"tag:reis"_s), QStringList{u"Samenwerkingscentra geopend"_s});
    }

    void filtersOnPublishedOrAddedWithUndatedSwitch()
    {
        QCOMPARE(titlesFor(u"published>=2024-02-01 published<2024-03-01"_s),
                 (QStringList{u"Almaty in de sneeuw"_s, u"Astana en Beijing"_s}));
        QCOMPARE(titlesFor(u"published:2024-02-05"_s), QStringList{u"Astana en Beijing"_s});
        QCOMPARE(titlesFor(u"published>=2024-02-06 undated:include"_s),
                 (QStringList{u"Almaty in de sneeuw"_s, u"Ongedateerd achtergrondstuk"_s,
                              u"Samenwerkingscentra geopend"_s}));
        ArticleQuery q;
        q.since = secs(u"2024-02-06"_s);
        QCOMPARE(count(q), 2); // undated left out by default
        q.includeUndated = true;
        QCOMPARE(count(q), 3);

        QSqlQuery sql(db());
        QVERIFY(sql.prepare(u"UPDATE articles SET added = :added WHERE id = :id"_s));
        sql.bindValue(u":added"_s, secs(u"2023-12-24"_s));
        sql.bindValue(u":id"_s, m_ids.value(u"Ongedateerd achtergrondstuk"_s));
        QVERIFY(sql.exec());
        QCOMPARE(titlesFor(u"added<2024-01-01"_s), QStringList{u"Ongedateerd achtergrondstuk"_s});
        ArticleQuery added;
        added.dateField = ArticleQuery::DateField::Added;
        added.until = secs(u"2024-01-01"_s);
        QCOMPARE(count(added), 1);
        QVERIFY(!QueryParser::parse(u"added>=2024-01-01 published<2025-01-01"_s).hasValue());
    }

    void filtersOnReadAndBookmarkState()
    {
        StateStore state(db());
        QVERIFY(state.setRead({m_ids.value(u"Astana en Beijing"_s)}, true).hasValue());
        QVERIFY(state.setBookmarked({m_ids.value(u"Almaty in de sneeuw"_s)}, true).hasValue());
        QCOMPARE(titlesFor(u"is:read"_s), QStringList{u"Astana en Beijing"_s});
        QCOMPARE(titlesFor(u"is:bookmarked"_s), QStringList{u"Almaty in de sneeuw"_s});
        QCOMPARE(titlesFor(u"is:unread tag:kazachstan"_s), QStringList{u"Almaty in de sneeuw"_s});
    }

    void savesSearchesWithCounts()
    {
        SavedSearchStore store(db());
        auto saved = store.add(u"Kazachstan"_s, u"tag:Kazachstan"_s);
        QVERIFY(saved.hasValue());
        QVERIFY(!store.add(u"Kazachstan"_s, u"tag:China"_s).hasValue()); // names are unique
        QVERIFY(!store.add(u"Kapot"_s, u"published>=gisteren"_s).hasValue()); // invalid query
        QVERIFY(store.add(u"Driedaags"_s, u"\"driedaags bezoek\""_s).hasValue());
        auto list = store.list(true).value();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].name, u"Driedaags"_s);
        QCOMPARE(list[0].count, 1);
        QCOMPARE(list[1].count, 2);
        QVERIFY(store.update(saved->id, u"Kazachstan en China"_s, u"tag:Kazachstan tag:China"_s).hasValue());
        QCOMPARE(store.find(u"Kazachstan en China"_s).value().query, u"tag:Kazachstan tag:China"_s);
        QCOMPARE(store.list(true).value().at(1).count, 1);
        QVERIFY(store.remove(saved->id).hasValue());
        QCOMPARE(store.list().value().size(), 1);
    }

    void countsTheTimelineByBucket()
    {
        ArticleQuery q;
        q.since = secs(u"2024-02-06"_s); // ignored: the strip shows the whole span
        const Timeline t = TimelineStore(db()).timeline(q).value();
        QCOMPARE(t.bucket, Timeline::Bucket::Day);
        QCOMPARE(t.first, QDate(2024, 1, 10));
        QCOMPARE(t.starts.size(), 4);
        int total = 0;
        for (int c : t.counts) {
            total += c;
        }
        QCOMPARE(total, 4); // the undated article has no place on it
        q.text = u"kazachstan OR almaty"_s;
        QCOMPARE(TimelineStore(db()).timeline(q).value().starts.size(), 2);
        QCOMPARE(TimelineStore::bucketFor(30), Timeline::Bucket::Day);
        QCOMPARE(TimelineStore::bucketFor(400), Timeline::Bucket::Week);
        QCOMPARE(TimelineStore::bucketFor(4000), Timeline::Bucket::Month);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"
