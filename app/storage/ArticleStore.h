// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ArticleQuery.h"
#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace folio {

/// Where a batch of items came from.
struct SourceSpec
{
    QString kind;  ///< "tagpage", "feed" or "file"
    QString key;   ///< stable identity of the source (for example "tagpage:centraal-azië" or the feed URL)
    QString title;
    QString url;
    QString siteUrl;
};

/// One item ready to store: content already sanitised, its text extracted.
struct ImportItem
{
    FeedItem item;
    QString contentText;
};

/// The article library's content and queries. Synchronous: call it on the thread that owns db.
/// User state lives in StateStore and is never written here.
class ArticleStore
{
public:
    explicit ArticleStore(QSqlDatabase db);

    /// Stores a batch from one source in one transaction (all or nothing). Articles are matched
    /// by identity key, so an item delivered twice is stored once and collects every tag.
    Result<ImportReport> importItems(const SourceSpec& source, const QList<ImportItem>& items);

    /// One page of the list, after the cursor (keyset paging, no OFFSET).
    Result<std::vector<ArticleRow>> page(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                         int limit);

    /// How many articles match.
    Result<int> count(const ArticleQuery& query);

    /// One whole article, or an Error with code NotFound.
    Result<Article> article(qint64 id);

    Result<LibraryStats> stats();

    /// The cursor that continues after row.
    static ArticleCursor cursorAfter(const ArticleRow& row);

    /// The identity key of an item from a source site (DESIGN.md: canonical URL, else feed GUID,
    /// else a hash of the normalised title and the source site).
    static QString identityKey(const FeedItem& item, const QString& sourceSite);

    /// URL normalised for identity: lower-case scheme and host, no fragment, no default port,
    /// no tracking parameters (utm_*).
    static QString canonicalUrl(const QString& url);

private:
    Result<std::vector<ArticleRow>> pageOnce(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                             int limit, bool datedRowsOnly);

    QSqlDatabase m_db;
};

} // namespace folio
