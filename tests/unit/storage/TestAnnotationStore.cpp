// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AnnotationStore.h"

#include "html/AnchorText.h"
#include "html/HtmlText.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Importer.h"
#include "storage/Library.h"
#include "storage/OfflineStore.h"
#include "storage/StateStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestAnnotationStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    static SourceSpec source()
    {
        return SourceSpec{u"feed"_s, u"https://example.org/feed"_s, u"Example"_s, u"https://example.org/feed"_s,
                          u"https://example.org/"_s};
    }

    static ImportItem item(const QString& html, const QString& link = u"https://example.org/a"_s)
    {
        ImportItem entry;
        entry.item.title = u"Summit"_s;
        entry.item.link = link;
        entry.item.summary = u"A summary."_s;
        entry.item.contentHtml = html;
        entry.item.tags = {u"Centraal-Azië"_s};
        entry.contentText = html::toPlainText(html);
        return entry;
    }

    qint64 importArticle(const QString& html)
    {
        auto r = ArticleStore(db()).importItems(source(), {item(html)});
        if (!r) {
            qWarning("%s", qPrintable(r.error().toString()));
            return 0;
        }
        QSqlQuery q(db());
        q.exec(u"SELECT id FROM articles WHERE link = 'https://example.org/a'"_s);
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    static const QString& body()
    {
        static const QString html = u"<p>Xi Jinping visited Astana.</p><p>The summit in Astana ended with a treaty.</p>"_s;
        return html;
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(u"lib%1/folio.sqlite"_s.arg(++m_n));
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        QVERIFY(Database::prepare(m_path));
    }

    void cleanup() { Database::closeConnection(m_path); }

    void anchorTextIsThePlainContentElseTheSummary()
    {
        Article a;
        a.summary = u"Only a summary"_s;
        QCOMPARE(AnnotationStore::anchorText(a), u"Only a summary"_s);
        a.contentHtml = u"<p>One</p><p>Two &amp; three</p>"_s;
        QCOMPARE(AnnotationStore::anchorText(a), html::toPlainText(a.contentHtml));
    }

    void createReadUpdateDelete()
    {
        const qint64 id = importArticle(body());
        QVERIFY(id > 0);
        AnnotationStore store(db());
        auto added = store.addQuote(id, u"Astana"_s, u"capital"_s, u"green"_s, 2);
        QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
        QVERIFY(added->id > 0);
        QCOMPARE(added->quote, u"Astana"_s);
        QVERIFY(added->prefix.endsWith(u"The summit in "_s));
        QVERIFY(added->created > 0);
        const QString text = AnnotationStore::anchorText(ArticleStore(db()).article(id).value());
        QCOMPARE(text.mid(added->start, added->end - added->start), u"Astana"_s);

        Annotation note;
        note.articleId = id;
        note.note = u"Follow up"_s;
        QVERIFY(store.add(note));
        auto list = store.forArticle(id);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QVERIFY(list->at(0).isArticleNote()); // article notes first

        auto updated = store.update(added->id, u"the capital"_s, u"pink"_s);
        QVERIFY(updated);
        QCOMPARE(updated->note, u"the capital"_s);
        QCOMPARE(updated->color, u"pink"_s);
        QVERIFY(!store.update(added->id, u"x"_s, u"orange"_s)); // unknown colour refused

        QVERIFY(store.remove(added->id));
        QVERIFY(!store.annotation(added->id));
        // Undo of delete: the same id and anchor come back.
        auto restored = store.restore(updated.value());
        QVERIFY(restored);
        QCOMPARE(restored->id, added->id);
        QCOMPARE(store.annotation(added->id)->start, added->start);
    }

    void quoteNotInTheTextIsRefused()
    {
        const qint64 id = importArticle(body());
        AnnotationStore store(db());
        QVERIFY(!store.addQuote(id, u"Moscow"_s, {}, u"yellow"_s));
        QVERIFY(!store.addQuote(id, u"Astana"_s, {}, u"yellow"_s, 3));
        QCOMPARE(store.forArticle(id)->size(), 0);
    }

    void committedTheMomentItIsMade()
    {
        const qint64 id = importArticle(body());
        auto library = Library::open(QFileInfo(m_path).absolutePath());
        QVERIFY(library);
        Annotation a;
        a.articleId = id;
        a.quote = u"a treaty"_s;
        auto future = library.value()->addAnnotation(a);
        future.waitForFinished();
        QVERIFY(future.result());
        // Another connection (this thread's) sees it right away: the write is committed.
        auto list = AnnotationStore(db()).forArticle(id);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).quote, u"a treaty"_s);
    }

    void survivesReimportAndContentUpdate()
    {
        const qint64 id = importArticle(body());
        AnnotationStore store(db());
        const auto treaty = store.addQuote(id, u"a treaty"_s, {}, u"yellow"_s);
        const auto gone = store.addQuote(id, u"Xi Jinping visited"_s, {}, u"blue"_s);
        QVERIFY(treaty && gone);
        // The same content again: nothing changes.
        QCOMPARE(importArticle(body()), id);
        QCOMPARE(store.annotation(treaty->id)->start, treaty->start);
        // Updated content: text before the quote grows, the first sentence is rewritten.
        const QString updated = u"<p>UPDATE: President Xi went to Astana.</p><p>The summit in Astana ended with a "
                                u"treaty.</p>"_s;
        QCOMPARE(importArticle(updated), id);
        const QString text = html::toPlainText(updated);
        const Annotation moved = store.annotation(treaty->id).value();
        QVERIFY(!moved.detached);
        QCOMPARE(text.mid(moved.start, moved.end - moved.start), u"a treaty"_s);
        const Annotation detached = store.annotation(gone->id).value();
        QVERIFY(detached.detached); // kept, marked
        QCOMPARE(detached.quote, u"Xi Jinping visited"_s);
    }

    void annotatesTheFullArticleToo()
    {
        const qint64 id = importArticle(body());
        AnnotationStore store(db());
        const auto feedQuote = store.addQuote(id, u"a treaty"_s, {}, u"yellow"_s);
        QVERIFY(feedQuote);
        // Not in the feed's text: refused until the full article is stored.
        QVERIFY(!store.addQuote(id, u"signed by five presidents"_s, {}, u"green"_s));
        const QString fullHtml = u"<p>The summit in Astana ended with a treaty, signed by five presidents.</p>"_s;
        OfflineStore offline(db(), m_dir.filePath(u"store"_s));
        QVERIFY(offline.setFullArticle(id, FullArticle{u"https://example.org/a"_s, fullHtml, html::toPlainText(fullHtml), 1}));
        const auto fullQuote = store.addQuote(id, u"signed by five presidents"_s, {}, u"green"_s);
        QVERIFY2(fullQuote, fullQuote ? "" : qPrintable(fullQuote.error().toString()));
        // Offsets count in the feed's text, the separator, then the full article's text; the feed
        // version's highlight kept its place.
        const QString feedText = AnnotationStore::anchorText(ArticleStore(db()).article(id).value());
        const QString combined = html::anchorText(ArticleStore(db()).article(id).value(), html::toPlainText(fullHtml));
        QVERIFY(fullQuote->start >= html::fullTextOffset(feedText));
        QCOMPARE(combined.mid(fullQuote->start, fullQuote->end - fullQuote->start), u"signed by five presidents"_s);
        QCOMPARE(store.annotation(feedQuote->id)->start, feedQuote->start);

        // A refresh that rewrites the feed's text moves the full article's part: still placed.
        const QString updated = u"<p>UPDATE: the summit in Astana ended with a treaty.</p>"_s;
        QCOMPARE(importArticle(updated), id);
        const Annotation moved = store.annotation(fullQuote->id).value();
        QVERIFY(!moved.detached);
        const QString now = html::anchorText(ArticleStore(db()).article(id).value(), html::toPlainText(fullHtml));
        QCOMPARE(now.mid(moved.start, moved.end - moved.start), u"signed by five presidents"_s);

        // A new download of the full article without the passage detaches it (kept, marked).
        const QString shorter = u"<p>The summit ended.</p>"_s;
        QVERIFY(offline.setFullArticle(id, FullArticle{u"https://example.org/a"_s, shorter, html::toPlainText(shorter), 2}));
        QVERIFY(store.annotation(fullQuote->id)->detached);
        QVERIFY(!store.annotation(feedQuote->id)->detached);
    }

    void unsubscribeKeepsAnnotatedArticles()
    {
        const QString url = u"https://news.example.org/feed.xml"_s;
        ParsedFeed document;
        document.format = u"rss2.0"_s;
        document.title = u"News"_s;
        document.link = u"https://news.example.org/"_s;
        for (const QString& slug : {u"plain"_s, u"annotated"_s}) {
            FeedItem i;
            i.title = slug;
            i.link = u"https://news.example.org/"_s + slug;
            i.summary = u"About "_s + slug;
            document.items.append(i);
        }
        FeedFetch r;
        r.status = FeedFetch::Status::Ok;
        r.requestedUrl = r.feedUrl = QUrl(url);
        r.title = document.title;
        r.siteUrl = document.link;
        r.document = Importer::prepare(document, url, QUrl(url), ImportOptions{FeedStore::sourceKey(0), {}});
        auto report = FeedStore(db()).subscribe(r, {});
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QSqlQuery q(db());
        QVERIFY(q.exec(u"SELECT id FROM articles WHERE link LIKE '%/annotated'"_s) && q.next());
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        QVERIFY(AnnotationStore(db()).addQuote(id, u"About"_s, {}, u"yellow"_s));
        auto removed = FeedStore(db()).remove(report->feed.id);
        QVERIFY(removed);
        QCOMPARE(removed->articlesRemoved, 1);
        QVERIFY(ArticleStore(db()).article(id));
        QCOMPARE(AnnotationStore(db()).forArticle(id)->size(), 1);
    }

    void exportSetFiltersByTagAndSince()
    {
        const qint64 id = importArticle(body());
        QVERIFY(AnnotationStore(db()).addQuote(id, u"a treaty"_s, u"n"_s, u"yellow"_s));
        AnnotationFilter filter;
        auto all = AnnotationStore(db()).annotatedArticles(filter);
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->at(0).annotations.size(), 1);
        filter.tags = {u"centraal-azië"_s};
        QCOMPARE(AnnotationStore(db()).annotatedArticles(filter)->size(), 1);
        filter.tags = {u"Other"_s};
        QCOMPARE(AnnotationStore(db()).annotatedArticles(filter)->size(), 0);
        filter.tags.clear();
        filter.since = QDateTime::currentSecsSinceEpoch() + 3600;
        QCOMPARE(AnnotationStore(db()).annotatedArticles(filter)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationStore)
#include "TestAnnotationStore.moc"
