// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
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
/// the snippet delegate, and the list keys (n, /). Kept apart from MainWindow, which asks it for
/// the sidebar's filter (sidebarQuery), re-applies filters on filterChanged, puts its actions in
/// the menus and places the widgets it returns.
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
    /// The sidebar's type-to-filter box (tags whose name contains its text stay visible).
    QLineEdit* sidebarFilter() const { return m_sidebarFilter; }
    /// Every tag name in the sidebar.
    QStringList tagNames() const;

    /// Widgets the window places: the sidebar with its any/all switch and Save search button,
    /// and the timeline strip.
    QWidget* sidebarPanel() const { return m_sidebarPanel; }
    TimelineStrip* timelineStrip() const { return m_timeline; }
    /// Actions the window puts in its menus.
    QAction* focusSearchAction() const { return m_focusSearchAction; }
    QAction* saveSearchAction() const { return m_saveSearchAction; }
    QAction* nextUnreadAction() const { return m_nextUnreadAction; }
    /// Extra entries for the article list's context menu (the window's reading actions).
    void setListMenuActions(const QList<QAction*>& actions) { m_listMenuActions = actions; }
    void retranslate();

Q_SIGNALS:
    /// The sidebar's filter changed (selection or any/all switch).
    void filterChanged();
    void searchSaved(bool ok, const QString& message);
    void tagsEdited(bool ok, const QString& message);

private:
    void createActions();
    void createSidebarPanel();
    void filterSidebar();
    bool eventFilter(QObject* watched, QEvent* event) override;
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
    QAction* m_focusSearchAction = nullptr;
    QAction* m_nextUnreadAction = nullptr;
    QWidget* m_sidebarPanel = nullptr;
    QLabel* m_matchLabel = nullptr;
    QLineEdit* m_sidebarFilter = nullptr;
    QList<QAction*> m_listMenuActions;
    quint64 m_timelineRequest = 0;
    QTimer m_timelineDelay;
    std::optional<ArticleQuery> m_timelineQuery; ///< the filter the strip shows
    bool m_seekingUnread = false;
};

} // namespace folio
