// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ArticleQuery.h"
#include "domain/Result.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QFuture>
#include <QHash>
#include <QMultiHash>
#include <QPointer>

#include <vector>

namespace folio {

class Library;

/// The article list: a window of small rows (no bodies) loaded page by page from the library.
/// fetchMore() only asks for the next page; rows arrive asynchronously. Every request carries a
/// generation number, and answers to an older query are dropped.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Bookmark, Title, Source, Date, Tags, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ReadRole,
        BookmarkedRole,
        PublishedRole, ///< UTC seconds, or an invalid QVariant when undated
        LinkRole,
        TagsRole,
        SnippetRole, ///< the text around a search hit (the hit between STX and ETX); empty without a search
        AnnotationsRole, ///< int: highlights and notes on the article (the title is marked when > 0)
        OfflineRole, ///< bool: available offline (a mark on the title)
    };

    explicit ArticleListModel(Library* library, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    /// Replaces the filter; the list resets and loads its first page.
    void setQuery(const ArticleQuery& query);
    const ArticleQuery& query() const { return m_query; }

    /// Re-reads as many rows as are loaded now (after an import), keeping the query.
    void refresh();

    /// The last row the view shows. Once a view reports it, pages are fetched only as the reader
    /// nears the end of the loaded rows (within a page of it), and this call fetches when it is
    /// needed; until then every canFetchMore()/fetchMore() loads (QTreeView asks for a page at
    /// each layout, which would otherwise read the whole library, a page per insert).
    void setLastVisibleRow(int row);
    /// Loads the next page now, wherever the view is (keyboard navigation, "next unread"):
    /// false at the end or while a page is on its way.
    bool fetchNextPage();

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }

    qint64 articleId(int row) const;
    /// Row of a loaded article, or -1.
    int rowOf(qint64 id) const;
    const ArticleRow* rowAt(int row) const;

    /// Sets read/bookmark state: the rows change at once, the library is written in the background.
    void setRead(const QList<qint64>& ids, bool read);
    void setBookmarked(const QList<qint64>& ids, bool bookmarked);

    /// Colours by case-folded tag key ("#rrggbb"); the Tags column shows a dot in the first one.
    void setTagColors(const QHash<QString, QString>& colors);
    /// True while a text search is active (rows carry snippets).
    bool isSearching() const;

Q_SIGNALS:
    /// A page (or a refresh) arrived; the model has its rows.
    void pageLoaded();
    /// The rows were replaced by a new query or a refresh (not emitted for appended pages).
    void rowsReplaced();
    /// The library reported an error while loading.
    void loadFailed(const QString& message);

private:
    void request(int limit, bool replace);
    void replaceRows(const std::vector<ArticleRow>& rows);
    void applyState(const QList<qint64>& ids, bool ArticleState::*flag, bool on, int column, int role);
    /// Shows a read/bookmark change at once and keeps it over query answers that may predate its
    /// write, until an answer to a request made after the write committed arrives.
    void editState(const QList<qint64>& ids, bool ArticleState::*flag, bool on, int column, int role,
                   QFuture<Result<void>> written);
    void overlayEdits(std::vector<ArticleRow>& rows, quint64 requestSerial);

    struct StateEdit
    {
        bool ArticleState::*flag = nullptr;
        bool on = false;
        quint64 committedBefore = 0; ///< 0: not written yet; else requests from this serial on see it
    };

    QPointer<Library> m_library;
    QHash<QString, QString> m_tagColors;
    QFont m_boldFont;
    ArticleQuery m_query;
    std::vector<ArticleRow> m_rows;
    quint64 m_generation = 0;
    quint64 m_requestSerial = 0; ///< counts every page request, so answers can be ordered against writes
    QMultiHash<qint64, StateEdit> m_edits; ///< read/bookmark changes not yet seen in an answer
    int m_pageSize = 500;
    int m_lastVisibleRow = -1; ///< -1: no view reported; fetch whenever asked
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace folio
