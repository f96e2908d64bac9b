// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace folio {

/// The user's own state on an article; it belongs to the article, never to a source.
struct ArticleState
{
    bool read = false;
    bool bookmarked = false;
};

/// One row of the article list: small, no bodies.
struct ArticleRow
{
    qint64 id = 0;
    QString title;
    QString link;
    QString source;
    std::optional<qint64> published; ///< UTC seconds; nullopt when the date is unknown
    QStringList tags;
    ArticleState state;
    QString snippet; ///< the text around a search hit; empty without a text query
    bool offline = false; ///< made available offline: its images (and full article) are in the store
    double score = 0; ///< bm25 of a text search (lower is better); 0 without one
    int annotations = 0; ///< highlights and notes on the article
    /// The rank window a ranked text search placed the row in: articles with rankFrom <= id <
    /// rankUntil (0: unbounded). See ArticleStore::page.
    qint64 rankFrom = 0;
    qint64 rankUntil = 0;
};

/// A whole article, as the reader pane and `folio-cli show` need it.
struct Article
{
    qint64 id = 0;
    QString title;
    QString link;
    QString guid;
    QString author;
    QString source;
    QStringList sources;
    std::optional<qint64> published;
    std::optional<qint64> updated;
    qint64 added = 0;
    QStringList tags;
    QString summary;     ///< plain text
    QString contentHtml; ///< sanitised HTML, empty when there is none
    QString contentText; ///< the plain text of contentHtml as the library stores it (content_text)
    ArticleState state;
};

/// A tag with its article counts, for the sidebar and `folio-cli tags`.
struct TagCount
{
    qint64 id = 0;
    QString name;
    int count = 0;
    int unread = 0;
    QString color; ///< "#rrggbb", empty when the tag has none
};

/// A search saved under a name; query is in the readable syntax (QueryParser).
struct SavedSearch
{
    qint64 id = 0;
    QString name;
    QString query;
    qint64 created = 0;
    int count = -1; ///< matching articles, -1 when not counted
};

/// Library-wide numbers for `folio-cli stats` and the sidebar's fixed entries.
struct LibraryStats
{
    int articles = 0;
    int tags = 0;
    int sources = 0;
    int bookmarks = 0;
    int unread = 0;
    int bookmarksUnread = 0;
};

/// What one import did.
struct ImportReport
{
    QString file;
    QString format;
    int items = 0;    ///< items in the file
    int added = 0;    ///< new articles
    int updated = 0;  ///< existing articles whose content changed
    QStringList tags; ///< tags the file carried
};

} // namespace folio

Q_DECLARE_METATYPE(folio::ArticleRow)
Q_DECLARE_METATYPE(folio::Article)
