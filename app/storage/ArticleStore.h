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

class QueryBuilder;

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

    /// One page of the list, after the cursor (keyset paging, no OFFSET). A search ranked by
    /// relevance with no other filter ranks windows of rankWindowSize() matches: the newest
    /// window (by article id) by bm25 first, then the one before it; rows carry their window.
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
    /// canonicalUrl() always through QUrl, without its shortcut for URLs QUrl keeps as they are
    /// (weburl::isCanonical); for the tests that compare the two.
    static QString canonicalUrlByQUrl(const QString& url);

    /// Matches per rank window (kRankWindowSize; tests make it small).
    static constexpr int kRankWindowSize = 2000;
    int rankWindowSize() const { return m_rankWindowSize; }
    void setRankWindowSize(int size) { m_rankWindowSize = qMax(1, size); }

private:
    struct RankWindow
    {
        qint64 from = 0;  ///< lowest article id in the window; 0: unbounded
        qint64 until = 0; ///< first id above the window; 0: unbounded
        int size = 0;     ///< > 0: the window is the size newest matches below until (from unknown)
    };
    Result<std::vector<ArticleRow>> pageOnce(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                             int limit, bool datedRowsOnly, RankWindow window);
    Result<std::vector<ArticleRow>> rankedPage(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                               int limit);
    /// A ranked page from pageSql (id, score[, window start] in page order), its snippets taken
    /// from an index of the page's own texts (temp.folio_page_text).
    Result<std::vector<ArticleRow>> rankedRows(QueryBuilder& builder, const QString& pageSql, bool windowByCount);
    /// True when this connection has (or could create) temp.folio_page_text.
    bool hasPageTextTable();
    static ArticleRow readRow(const QSqlQuery& q);

    QSqlDatabase m_db;
    int m_rankWindowSize = kRankWindowSize;
};

} // namespace folio
