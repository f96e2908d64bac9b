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
#include <QPixmap>
#include <QPointer>

#include <vector>

namespace folio {

class Library;

/// The article list: small rows (no bodies) loaded page by page from the library.
/// fetchMore() only asks for the next page; rows arrive asynchronously. Every request carries a
/// generation number, and answers to an older query are dropped.
///
/// Memory stays bounded however far the reader scrolls: every loaded row keeps only its id and
/// state; titles, links, tags and the display strings are held for a few pages around the view
/// (and the current article) and read again from the page's keyset cursor when the view comes
/// back to a dropped page (the rows show blank for that moment).
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
    Qt::ItemFlags flags(const QModelIndex& index) const override;
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
    /// needed; until then every canFetchMore()/fetchMore() loads (a view may ask for a page at
    /// each layout, which would otherwise read the whole library, a page per insert).
    void setLastVisibleRow(int row);
    /// The article the view has current: its row stays held whatever page it is on (the window
    /// reads its title and link from rowAt()).
    void setCurrentArticle(qint64 id);
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
    /// The whole row while it is held (near the view, or current), else nullptr; id and state of
    /// any loaded row are always in data() (IdRole, ReadRole, BookmarkedRole).
    const ArticleRow* rowAt(int row) const;
    /// How many rows hold their whole data now (bounded by the window, not by rowCount()).
    int heldRows() const { return static_cast<int>(m_held.size()); }
    /// Pages held around the view (and the current article's row), at least 3.
    void setHeldPages(int pages) { m_heldPages = qMax(3, pages); }

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
    /// What a loaded row is: id and state always, the rest only while held.
    struct Slot
    {
        qint64 id = 0;
        ArticleState state;
    };
    /// A whole row with its display strings, formatted once when it arrives (not at every paint).
    struct Held
    {
        ArticleRow row;
        mutable QString date; ///< formatted when first shown (formatted())
        mutable QString tags;
        mutable bool formatted = false;
    };
    /// A run of rows as one request brought them: where it starts and the keyset cursor that
    /// reads it again.
    struct Page
    {
        int first = 0;
        int count = 0;
        std::optional<ArticleCursor> after;
        bool held = false;
        bool loading = false;
    };

    void request(int limit, bool replace);
    void replaceRows(const std::vector<ArticleRow>& rows);
    void hold(const ArticleRow& row);
    int pageOf(int row) const;
    /// Reads a dropped page again (from data() of one of its rows, or ahead of the view).
    void loadPage(int page) const;
    /// Drops the pages farthest from the view (never `keep`) while more than m_heldPages are held.
    void dropFarPages(int keep = -1);
    const Held* heldAt(int row) const;
    static const Held& formatted(const Held& held);
    QVariant decoration(int column, const ArticleRow& row) const;
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
    std::vector<Slot> m_slots; ///< every loaded row, in order
    mutable std::vector<Page> m_pages; ///< cover m_slots in order; mutable: data() asks for dropped ones
    QHash<qint64, Held> m_held; ///< whole rows of held pages (and the current article), by id
    std::optional<ArticleCursor> m_tail; ///< after the last loaded row: where the next page starts
    quint64 m_layout = 0; ///< counts page tables: a page answer for an older one is dropped
    qint64 m_currentId = 0;
    int m_heldPages = 8;
    mutable QPixmap m_highlightMark; ///< drawn once, on first use
    mutable QPixmap m_offlineMark;
    mutable QHash<QString, QPixmap> m_dots; ///< tag dots by colour
    quint64 m_generation = 0;
    quint64 m_requestSerial = 0; ///< counts every page request, so answers can be ordered against writes
    QMultiHash<qint64, StateEdit> m_edits; ///< read/bookmark changes not yet seen in an answer
    int m_pageSize = 500;
    int m_lastVisibleRow = -1; ///< -1: no view reported; fetch whenever asked
    bool m_loading = false;
    bool m_atEnd = false;
};

} // namespace folio
