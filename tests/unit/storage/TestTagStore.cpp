// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTagStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
    QList<qint64> m_ids;
    const SourceSpec m_source{u"feed"_s, u"feed:tags"_s, u"Tags"_s, {}, {}};

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    QList<ImportItem> items() const
    {
        QList<ImportItem> out;
        const QList<QPair<QString, QStringList>> specs = {{u"Een"_s, {u"Kazachstan"_s, u"China"_s}},
                                                          {u"Twee"_s, {u"Kazakhstan"_s}},
                                                          {u"Drie"_s, {u"China"_s}}};
        for (const auto& [title, tags] : specs) {
            FeedItem f;
            f.title = title;
            f.link = u"https://example.org/"_s + title;
            f.published = QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone::utc());
            f.tags = tags;
            out.append(ImportItem{f, {}});
        }
        return out;
    }

    QStringList tagsOf(qint64 id) { return ArticleStore(db()).article(id).value().tags; }

    QString origin(qint64 article, const QString& tagKey)
    {
        QSqlQuery q(db());
        q.prepare(u"SELECT at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                  u"WHERE at.article_id = :a AND t.key = :k"_s);
        q.bindValue(u":a"_s, article);
        q.bindValue(u":k"_s, tagKey);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(u"tags%1.sqlite"_s.arg(++m_counter));
        QVERIFY(Database::prepare(m_path).hasValue());
        QVERIFY(ArticleStore(db()).importItems(m_source, items()).hasValue());
        m_ids.clear();
        const auto rows = ArticleStore(db()).page({}, std::nullopt, 10);
        for (const ArticleRow& r : rows.value()) {
            m_ids.append(r.id);
        }
        std::sort(m_ids.begin(), m_ids.end());
        QCOMPARE(m_ids.size(), 3);
    }

    void cleanup() { Database::closeConnection(m_path); }

    void addsAndRemovesUserTagsThatSurviveReimports()
    {
        TagStore store(db());
        QVERIFY(store.addTag({m_ids[0], m_ids[1]}, u"  Reis "_s).hasValue());
        QVERIFY(store.addTag({m_ids[0]}, u"china"_s).hasValue()); // already a source tag: now the reader's too
        QCOMPARE(tagsOf(m_ids[0]), (QStringList{u"China"_s, u"Kazachstan"_s, u"Reis"_s}));
        QCOMPARE(origin(m_ids[0], u"reis"_s), u"user"_s);
        QCOMPARE(origin(m_ids[0], u"china"_s), u"user"_s);
        QCOMPARE(origin(m_ids[2], u"china"_s), u"source"_s);
        QVERIFY(ArticleStore(db()).importItems(m_source, items()).hasValue());
        QCOMPARE(tagsOf(m_ids[1]), (QStringList{u"Kazakhstan"_s, u"Reis"_s}));
        QVERIFY(store.removeTag({m_ids[1]}, u"REIS"_s).hasValue());
        QCOMPARE(tagsOf(m_ids[1]), QStringList{u"Kazakhstan"_s});
        QVERIFY(!store.addTag({m_ids[0]}, u"   "_s).hasValue());
        QCOMPARE(store.removeTag({m_ids[0]}, u"bestaat niet"_s).error().code, Error::Code::NotFound);
    }

    void renamesTags()
    {
        TagStore store(db());
        QVERIFY(store.rename(u"kazakhstan"_s, u"Kazachstan (oud)"_s).hasValue());
        QCOMPARE(tagsOf(m_ids[1]), QStringList{u"Kazachstan (oud)"_s});
        QVERIFY(store.rename(u"china"_s, u"CHINA"_s).hasValue()); // only the spelling changes
        QCOMPARE(tagsOf(m_ids[2]), QStringList{u"CHINA"_s});
        const auto clash = store.rename(u"CHINA"_s, u"kazachstan"_s);
        QVERIFY(!clash.hasValue());
        QVERIFY(clash.error().message.contains(u"merge"_s));
        QCOMPARE(store.rename(u"niets"_s, u"iets"_s).error().code, Error::Code::NotFound);
    }

    void mergeKeepsEveryArticlesTagsAndState()
    {
        TagStore store(db());
        StateStore state(db());
        QVERIFY(state.setRead({m_ids[1]}, true).hasValue());
        QVERIFY(state.setBookmarked({m_ids[0]}, true).hasValue());
        QVERIFY(store.addTag({m_ids[1]}, u"Kazakhstan"_s).hasValue()); // user origin on the merged-away tag
        QVERIFY(store.setColor(u"kazakhstan"_s, u"#00ff00"_s).hasValue());
        QVERIFY(store.merge(u"Kazakhstan"_s, u"Kazachstan"_s).hasValue());
        QCOMPARE(tagsOf(m_ids[0]), (QStringList{u"China"_s, u"Kazachstan"_s}));
        QCOMPARE(tagsOf(m_ids[1]), QStringList{u"Kazachstan"_s});
        QCOMPARE(origin(m_ids[1], u"kazachstan"_s), u"user"_s);
        QCOMPARE(origin(m_ids[0], u"kazachstan"_s), u"source"_s);
        QVERIFY(state.state(m_ids[1]).value().read);
        QVERIFY(state.state(m_ids[0]).value().bookmarked);
        const auto counts = store.tagCounts().value();
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts[1].name, u"Kazachstan"_s);
        QCOMPARE(counts[1].count, 2);
        QCOMPARE(counts[1].unread, 1);
        QCOMPARE(counts[1].color, u"#00ff00"_s); // the colour moves when the target had none
        QVERIFY(store.merge(u"Kazachstan"_s, u"kazachstan"_s).hasValue()); // into itself: nothing to do
        QCOMPARE(store.merge(u"niets"_s, u"China"_s).error().code, Error::Code::NotFound);
    }

    void deletesAndColoursTags()
    {
        TagStore store(db());
        QVERIFY(store.setColor(u"China"_s, u"#AABBCC"_s).hasValue());
        QCOMPARE(store.tagCounts().value().at(0).color, u"#aabbcc"_s);
        QVERIFY(!store.setColor(u"China"_s, u"rood"_s).hasValue());
        QVERIFY(store.setColor(u"China"_s, QString()).hasValue());
        QVERIFY(store.tagCounts().value().at(0).color.isEmpty());
        QVERIFY(store.remove(u"china"_s).hasValue());
        QCOMPARE(store.tagCounts().value().size(), 2);
        QCOMPARE(tagsOf(m_ids[0]), QStringList{u"Kazachstan"_s});
        QVERIFY(tagsOf(m_ids[2]).isEmpty());
        QCOMPARE(ArticleStore(db()).stats().value().articles, 3); // articles stay
    }
};

QTEST_GUILESS_MAIN(TestTagStore)
#include "TestTagStore.moc"
