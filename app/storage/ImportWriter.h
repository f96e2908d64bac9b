// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ParsedFeed.h"
#include "domain/Result.h"
#include "storage/ArticleStore.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace folio {

class Transaction;

/// One item after the prepare stage (Importer::prepare): sanitised, its text extracted, its
/// identity and dates worked out. Storing it needs no more parsing.
struct PreparedItem
{
    FeedItem item; ///< contentHtml sanitised; summary and contentHtml empty where utf8 holds them (html(), summaryText())
    QString contentText;
    QString identity;
    std::optional<qint64> published;
    std::optional<qint64> updated;
    QStringList tagNames; ///< simplified, non-empty, in the item's order
    QStringList tagKeys;  ///< QueryBuilder::tagKey of each name
    QString titleKey;     ///< StoryMerge::titleKey of the title (one story, one article)
    /// The text columns of the article row as UTF-8, made on the prepare threads so that the writer
    /// binds them as they are stored (SQLite would convert UTF-16 on the writer); a null array
    /// where the string is empty or not valid UTF-16 (then the string itself is bound).
    struct Utf8
    {
        QByteArray identity, guid, link, title, author, summary, contentHtml, contentText, titleKey;
    } utf8;

    /// The summary, the sanitised HTML and the plain text. prepared() keeps only the UTF-8 of
    /// these three where there is one (it holds half the bytes, and an import keeps thousands of
    /// prepared items in flight); these give them back as strings, for the rare update.
    QString summaryText() const;
    QString html() const;
    QString text() const;
};

/// The store stage of an import: the only part that runs on the writer. It writes one file (or
/// one feed document) in one transaction with statements prepared once and reused, a tag cache,
/// and a larger page cache while it runs. Dropping it before commit() rolls everything back.
class ImportWriter
{
public:
    explicit ImportWriter(QSqlDatabase db);
    ~ImportWriter();
    ImportWriter(const ImportWriter&) = delete;
    ImportWriter& operator=(const ImportWriter&) = delete;

    /// Opens the transaction and stores (or updates) the source.
    Result<void> begin(const SourceSpec& source);

    /// Stores one item: inserted, or updated when its content changed, linked to the source and tagged.
    Result<void> store(const PreparedItem& item);

    /// Updates the source's title (a document can name itself after its first items) and commits.
    Result<ImportReport> commit(const SourceSpec& source);

    bool begun() const { return m_tx != nullptr; }

    /// Rows indexed for search by one statement while the import runs (indexDeferred()); the
    /// default suits large imports (ImportWriter.cpp), tests set fewer to cross the bound.
    void setIndexChunkItems(int items) { m_indexChunkItems = qMax(1, items); }

    /// An item whose content is sanitised already (and its text extracted) made ready to store:
    /// identity key relative to site, dates in seconds, tag keys. Thread-safe, no SQL.
    static PreparedItem prepared(FeedItem item, QString contentText, const QString& site);

    /// Chunks whose counts were read back from their rows (countNewArticles()) rather than kept
    /// while they were stored: after a story merge, a second item for an article of the chunk, or
    /// all of them when a read state lay above the deferral at begin().
    int chunksRecounted() const { return m_chunksRecounted; }
    /// Items whose story was looked up in the library (storyFor()); a feed item is only when a
    /// link-less article has its title key.
    int storiesLookedUp() const { return m_storiesLookedUp; }

private:
    Result<qint64> tagId(const QString& name, const QString& key);
    /// The article this item is the same story as (StoryMerge), merged as needed; 0 for none.
    Result<qint64> storyFor(const PreparedItem& entry);
    Result<void> linkAndTag(const PreparedItem& entry, qint64 articleId);
    /// Writes the source and tag links queued by linkAndTag, a few statements for many items.
    Result<void> flushLinks();
    /// Adds the tag, source, library and day counts of the articles this import added, above the
    /// deferral up to `last` (their triggers are deferred with the search index, 0011-0013),
    /// before the deferral moves past them.
    Result<void> countNewArticles(qint64 last);
    /// The same from the figures kept while the chunk was stored (m_chunk), when they are exact.
    Result<void> addChunkCounts();
    /// Loads the title keys of the library's link-less articles (m_linklessKeys).
    Result<void> loadLinklessKeys();
    /// Drops, for the rest of a large import, the row triggers whose WHEN clause is false for every
    /// row this writer inserts (suspendTriggers()); resumeTriggers() creates them again, from their
    /// own SQL, before a story merge and before commit. Both inside the transaction: a rollback or a
    /// crash leaves the schema as it was.
    Result<void> suspendTriggers();
    Result<void> resumeTriggers(const QStringList& names = {}); ///< those named, or all
    /// Indexes for search the deferred rows stored so far and moves the deferral past them, so the
    /// index is built while the prepare threads still work rather than all at commit.
    Result<void> indexDeferred();

    QSqlDatabase m_db;
    std::unique_ptr<Transaction> m_tx;
    qint64 m_sourceId = 0;
    QString m_sourceKey;
    qint64 m_now = 0;
    ImportReport m_report;
    QHash<QString, qint64> m_tagIds;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_linkSource;
    QSqlQuery m_upsertTag;
    QSqlQuery m_findTag;
    QSqlQuery m_linkTag;      ///< tag links, each packed into one number
    QSqlQuery m_linkTagPairs; ///< tag links as [article, tag] pairs, for ids past the packed bounds
    // Links are queued and written together (flushLinks): before anything that reads or moves
    // links (a story merge), every few hundred items, and at commit.
    QList<qint64> m_pendingSources; ///< article ids
    QList<qint64> m_pendingTags;    ///< article id, tag id, article id, tag id …
    QSqlQuery m_story;  ///< articles with a title key, and whether they have a link
    QSqlQuery m_adopt;  ///< a feed item takes over a link-less article: its identity
    QSqlQuery m_fill;   ///< a link-less entry fills in what the feed's article lacks
    bool m_foreignKeysWereOn = false;
    qint64 m_afterId = 0;       // articles above this id were added here and are not indexed yet
    int m_sinceIndexed = 0;     // items stored since indexDeferred()
    int m_indexChunkItems;      // setIndexChunkItems()
    bool m_ftsDeferred = false;
    QString m_cacheSize; // the connection's cache_size before begin(), put back at the end
    bool m_triggersTried = false;
    QMap<QString, QString> m_suspendedTriggers; ///< the dropped triggers: their CREATE TRIGGER statements by name
    // The title keys of the link-less articles (0014): every one the library had at begin() and
    // every one this import may have added (a superset), so a feed item whose key is not here has
    // no link-less copy. Unused (and empty) past kLinklessKeysLoaded keys.
    QSet<QString> m_linklessKeys;
    bool m_linklessKnown = false;
    int m_storiesLookedUp = 0;
    // What the new articles of the current chunk (above the deferral) add to the kept counts,
    // gathered as they are stored; exact while every new article was stored once, by this
    // source, unread (no read state above the deferral at begin()) and without a story merge.
    struct ChunkCounts
    {
        qint64 articles = 0;
        QHash<qint64, qint64> tags; ///< tag id: new links
        QHash<qint64, qint64> days; ///< publication day: new articles
        bool exact = true;
    } m_chunk;
    bool m_chunksCountable = false; // no read state above the deferral at begin()
    int m_chunksRecounted = 0;
};

} // namespace folio
