// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The list queries over a generated 100,000-article library. Each keyset benchmark has a
// baseline in the same run (the OFFSET query it replaces, or an unindexed scan), so results read
// as ratios: run `ctest -L bench -V` or the binary directly.
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace folio;

class BenchArticleStore : public QObject
{
    Q_OBJECT

private:
    static constexpr int kArticles = 100000;
    static constexpr int kPage = 500;
    QTemporaryDir m_dir;
    QString m_path;
    std::optional<ArticleCursor> m_deepCursor;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(u"bench.sqlite"_s);
        QVERIFY(Database::prepare(m_path).hasValue());
        const QStringList words = {u"Astana"_s, u"Azië"_s, u"samenwerking"_s, u"energie"_s, u"Xian"_s,
                                   u"Tasjkent"_s, u"handel"_s, u"spoorlijn"_s, u"waterstof"_s, u"Ürümqi"_s};
        const QStringList tags = {u"Centraal-Azië"_s, u"Kazachstan"_s, u"Oezbekistan"_s, u"Kirgizië"_s,
                                  u"Tadzjikistan"_s, u"Turkmenistan"_s, u"China"_s, u"BRI"_s};
        constexpr int kBatch = 10000;
        for (int start = 0; start < kArticles; start += kBatch) {
            QList<ImportItem> items;
            for (int i = start; i < start + kBatch; ++i) {
                FeedItem item;
                item.title = u"%1 en %2 (%3)"_s.arg(words.at(i % 10), words.at((i / 10) % 10)).arg(i);
                item.link = u"https://news.example.org/%1"_s.arg(i);
                item.summary = u"Over %1, %2 en %3."_s.arg(words.at((i * 7) % 10), words.at((i * 3) % 10), tags.at(i % 8));
                if (i % 50 != 0) {
                    item.published = QDateTime::fromSecsSinceEpoch(1600000000 + qint64(i) * 977, QTimeZone::utc());
                }
                item.tags = {tags.at(i % 8), tags.at((i / 8) % 8)};
                items.append(ImportItem{item, {}});
            }
            QVERIFY(ArticleStore(db()).importItems(SourceSpec{u"feed"_s, u"feed:bench"_s, u"Bench"_s, {}, {}}, items)
                        .hasValue());
        }
        QCOMPARE(ArticleStore(db()).stats().value().articles, kArticles);
        // A cursor half-way down the list, for the deep-page benchmarks.
        ArticleStore store(db());
        std::optional<ArticleCursor> cursor;
        for (int page = 0; page < kArticles / 2 / kPage; ++page) {
            const auto rows = store.page({}, cursor, kPage).value();
            cursor = ArticleStore::cursorAfter(rows.back());
        }
        m_deepCursor = cursor;
    }

    void cleanupTestCase() { Database::closeConnection(m_path); }

    void firstPageByDate()
    {
        ArticleStore store(db());
        QBENCHMARK {
            QCOMPARE(store.page({}, std::nullopt, kPage).value().size(), size_t(kPage));
        }
    }

    void deepPageKeyset()
    {
        ArticleStore store(db());
        QBENCHMARK {
            QCOMPARE(store.page({}, m_deepCursor, kPage).value().size(), size_t(kPage));
        }
    }

    void deepPageOffsetBaseline()
    {
        QSqlQuery q(db());
        QBENCHMARK {
            QVERIFY(q.exec(u"SELECT a.id, a.title, a.published FROM articles a ORDER BY a.published DESC, a.id "
                           u"LIMIT %1 OFFSET %2"_s.arg(kPage).arg(kArticles / 2)));
            int n = 0;
            while (q.next()) {
                ++n;
            }
            QCOMPARE(n, kPage);
        }
    }

    void firstPageOfTag()
    {
        ArticleStore store(db());
        ArticleQuery query;
        query.tags = {u"kazachstan"_s};
        QBENCHMARK {
            QCOMPARE(store.page(query, std::nullopt, kPage).value().size(), size_t(kPage));
        }
    }

    void fullTextCount()
    {
        ArticleStore store(db());
        ArticleQuery query;
        query.text = u"urumqi azie"_s;
        QBENCHMARK {
            QVERIFY(store.count(query).value() > 0);
        }
    }

    void rankedFullTextPage()
    {
        // Best match first with snippets: the list's first page while searching.
        ArticleStore store(db());
        ArticleQuery query;
        query.text = u"urumqi OR azie"_s;
        query.sort = ArticleQuery::Sort::Relevance;
        QBENCHMARK {
            const auto rows = store.page(query, std::nullopt, kPage);
            QCOMPARE(rows.value().size(), size_t(kPage));
        }
    }

    void timelineCounts()
    {
        TimelineStore store(db());
        QBENCHMARK {
            QVERIFY(!store.timeline({}).value().starts.isEmpty());
        }
    }

    void fullTextLikeBaseline()
    {
        QSqlQuery q(db());
        QBENCHMARK {
            QVERIFY(q.exec(u"SELECT count(*) FROM articles WHERE (title LIKE '%Ürümqi%' OR summary LIKE '%Ürümqi%') "
                           u"AND (title LIKE '%Azië%' OR summary LIKE '%Azië%')"_s));
            QVERIFY(q.next());
        }
    }

    void tagCounts()
    {
        TagStore store(db());
        QBENCHMARK {
            QCOMPARE(store.tagCounts().value().size(), 8);
        }
    }
};

QTEST_GUILESS_MAIN(BenchArticleStore)
#include "BenchArticleStore.moc"
