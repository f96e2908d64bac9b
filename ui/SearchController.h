// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"

#include <QObject>
#include <QPointer>

class QAction;
class QComboBox;
class QMainWindow;
class QMenu;
class QPushButton;
class QTreeView;

namespace folio {

class ArticleListModel;
class ArticleListView;
class FilterBar;
class Library;
class SnippetDelegate;
class TagTreeModel;
class TimelineStrip;

/// Search, own tags and saved searches in the main window: the sidebar's multi-tag selection
/// with its any/all switch and context menus, the article list's tag menu, the timeline strip,
/// the snippet delegate, and the list keys (n, b, m, /). Kept apart from MainWindow, which only
/// asks it for the sidebar's filter (sidebarQuery) and re-applies filters on filterChanged.
class SearchController : public QObject
{
    Q_OBJECT

public:
    SearchController(QMainWindow* window, Library* library, QTreeView* sidebar, ArticleListView* list,
                      ArticleListModel* articles, TagTreeModel* tags, FilterBar* filterBar);

    /// The filter of the sidebar's selection (several tags combine by the any/all switch).
    ArticleQuery sidebarQuery(const ArticleQuery& base) const;
    ArticleQuery::TagMatch tagMatch() const;
    void setTagMatch(ArticleQuery::TagMatch match);

    /// Saves the list's current filter under name (no dialog). Ends with searchSaved.
    void saveCurrentSearch(const QString& name);
    /// Tags / untags the selected articles (no dialog). Ends with tagsEdited.
    void addTagToSelection(const QString& name);
    void removeTagFromSelection(const QString& name);
    /// Selects the next unread article below the current one (loading pages as needed).
    void selectNextUnread();
    /// Every tag name in the sidebar.
    QStringList tagNames() const;

    TimelineStrip* timelineStrip() const { return m_timeline; }

Q_SIGNALS:
    /// The sidebar's filter changed (selection or any/all switch).
    void filterChanged();
    void searchSaved(bool ok, const QString& message);
    void tagsEdited(bool ok, const QString& message);

private:
    void createActions();
    void wrapSidebar();
    void showSidebarMenu(const QPoint& pos);
    void showListMenu(const QPoint& pos);
    void askText(const QString& title, const QString& label, const QString& text, const QStringList& completions,
                 const std::function<void(const QString&)>& then);
    void askSaveSearch();
    void editSavedSearch(qint64 id, const QString& name, const QString& query);
    void refreshTimeline();
    void report(const QString& what, const QString& error);
    QList<qint64> selectedArticles() const;

    QMainWindow* m_window;
    QPointer<Library> m_library;
    QTreeView* m_sidebar;
    ArticleListView* m_list;
    ArticleListModel* m_articles;
    TagTreeModel* m_tags;
    FilterBar* m_filterBar;
    QComboBox* m_matchBox = nullptr;
    QPushButton* m_saveButton = nullptr;
    TimelineStrip* m_timeline = nullptr;
    SnippetDelegate* m_delegate = nullptr;
    QAction* m_saveSearchAction = nullptr;
    quint64 m_timelineRequest = 0;
    bool m_seekingUnread = false;
};

} // namespace folio
