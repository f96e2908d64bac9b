// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ParsedFeed.h"
#include "domain/Result.h"
#include "storage/ArticleStore.h"
#include "storage/ImportWriter.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <vector>

namespace folio {

/// How importParsed files a document beyond what the document says (subscribed feeds).
struct ImportOptions
{
    QString sourceKey;     ///< sources.key to store under (kind 'feed'); empty: derived from the document
    QStringList extraTags; ///< tags every item gets in addition to its own
};

/// Where the items of one document go, worked out from its head (no SQL).
struct ImportTarget
{
    SourceSpec source;
    QString site;          ///< the site identity keys are relative to
    QString feedLink;      ///< base for relative URLs in content when an item has no link
    QStringList extraTags; ///< from ImportOptions
};

/// A whole document after the prepare stage, ready for the writer.
struct PreparedImport
{
    ImportTarget target;
    QString origin;
    QString format;
    std::vector<PreparedItem> items;
};

/// Turns documents into library content in two stages (storage/README.md):
///  - prepare (static, thread-safe, no SQL, CPU only): sanitise the HTML, extract its text,
///    work out identity keys, dates and tag keys. Run it on worker threads.
///  - store (ImportWriter, on the writer's connection): insert in one transaction.
/// One document is one transaction, so a file either imports whole or not at all. Files go through
/// ImportPipeline, which streams, prepares on all cores and stores, in bounded memory.
class Importer
{
public:
    explicit Importer(QSqlDatabase db);

    /// Imports a tag page or feed file from disk (ImportPipeline: streamed, prepared in parallel).
    /// progress, if set, hears after each stored batch how many of the file's bytes are stored.
    Result<ImportReport> importFile(const QString& path,
                                    const std::function<void(qint64 bytesStored, qint64 bytesTotal)>& progress = {});
    /// Imports files in order, each all or nothing (a failed one leaves nothing, the others go
    /// on); the next file is read while the one before is stored. done, if set, hears each
    /// file's result as soon as it is known. One result per path.
    QList<Result<ImportReport>> importFiles(const QStringList& paths,
                                            const std::function<void(int, const Result<ImportReport>&)>& done = {});

    /// Imports a parsed document: prepare() on this thread, then store(). origin names it in messages
    /// and keys its source when the document itself has no URL (unless options name the source key).
    Result<ImportReport> importParsed(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl = {},
                                      const ImportOptions& options = {});

    /// Stores a prepared document in one transaction (the store stage; writer thread).
    Result<ImportReport> store(const PreparedImport& prepared);

    /// Imports the tag pages compiled into the binary (":/folio/seeds") into an empty library,
    /// once: the library records that it happened. Returns how many articles were added.
    Result<int> importSeedsIfNew();
    /// Remembers that the seed is not wanted (--no-seed): a library that has not had the seed
    /// never gets it later. A library that had it is left as it is.
    Result<void> declineSeeds();

    // --- The prepare stage: thread-safe, no database. ---

    /// The target of a document given its head (title, link, format).
    static ImportTarget target(const ParsedFeed& head, const QString& origin, const QUrl& feedUrl = {},
                               const ImportOptions& options = {});
    /// One item made ready to store.
    static PreparedItem prepare(const FeedItem& item, const ImportTarget& target);
    static PreparedItem prepare(FeedItem&& item, const ImportTarget& target);
    /// A whole parsed document made ready to store (items in order).
    static PreparedImport prepare(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl = {},
                                  const ImportOptions& options = {});

private:
    QSqlDatabase m_db;
};

} // namespace folio
