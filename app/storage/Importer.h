// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>

namespace folio {

/// How importParsed files a document beyond what the document says (subscribed feeds).
struct ImportOptions
{
    QString sourceKey;     ///< sources.key to store under (kind 'feed'); empty: derived from the document
    QStringList extraTags; ///< tags every item gets in addition to its own
};

/// Turns documents into library content: parse, sanitise, store. One file is one transaction,
/// so a file either imports whole or not at all. Synchronous; run it on a worker thread.
class Importer
{
public:
    explicit Importer(QSqlDatabase db);

    /// Imports a tag page or feed file from disk.
    Result<ImportReport> importFile(const QString& path);

    /// Imports a parsed document. origin names it in messages and keys its source when the
    /// document itself has no URL (unless options name the source key).
    Result<ImportReport> importParsed(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl = {},
                                      const ImportOptions& options = {});

    /// Imports the tag pages compiled into the binary (":/folio/seeds") into an empty library,
    /// once: the library records that it happened. Returns how many articles were added.
    Result<int> importSeedsIfNew();
    /// Remembers that the seed is not wanted (--no-seed): a library that has not had the seed
    /// never gets it later. A library that had it is left as it is.
    Result<void> declineSeeds();

private:
    QSqlDatabase m_db;
};

} // namespace folio
