// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolBar;
class QProgressBar;
class QSettings;
class QSplitter;
class QToolButton;
class QTreeView;

namespace folio {

class AnnotationController;
class FeedController;
class TeamController;
class ArticleListModel;
struct ArticleQuery;
class ArticleListView;
class FilterBar;
class FeedService;
class Library;
class ReaderFind;
class ReaderPane;
class SearchController;
class TagTreeModel;

/// The three panes: tag sidebar, filter bar + article list, reader. Owns no data: everything
/// comes from the Library through the two models.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// feeds: the feed service for subscribing and refreshing (the composition root owns it, with
    /// the network manager); without one the window makes an offline one (OPML works, fetching
    /// reports "no network access").
    explicit MainWindow(Library* library, FeedService* feeds = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Imports files in the background, one after the other, with progress in the status bar.
    void importFiles(const QStringList& paths);

    /// Subscribes in the background; on success the new feed is selected in the sidebar, on
    /// failure the error is shown. Ends with subscribeFinished.
    void subscribe(const QUrl& url, const QStringList& tags = {});
    /// Opens the Add subscription dialog (not blocking); accepting it calls subscribe().
    void showAddSubscriptionDialog();
    /// Refreshes these feeds (all when empty) with progress and a cancel button in the status
    /// bar; per-feed errors appear in the sidebar. Ends with refreshFinished. Ignored while a
    /// refresh runs.
    void refreshFeeds(const QList<qint64>& ids = {});
    void cancelRefresh();
    bool isRefreshing() const;
    /// Unsubscribes without asking (the Unsubscribe action asks first). Ends with unsubscribeFinished.
    void unsubscribeFeed(qint64 feedId);
    /// The feed selected in the sidebar, or 0.
    qint64 selectedFeedId() const;
    /// Adds the feeds of an OPML file and refreshes them; ends with subscriptionsTransferred.
    void importSubscriptions(const QString& path);
    /// Writes every feed to an OPML file; ends with subscriptionsTransferred.
    void exportSubscriptions(const QString& path);
    /// Opens the Preferences dialog (not blocking); accepting it applies the new settings.
    void showPreferences();
    /// Reads the preferences from the profile's settings and applies them (refresh timer).
    void applyPreferences();

    /// Answers "are you sure?" questions synchronously instead of a message box (tests).
    using ConfirmHandler = std::function<bool(const QString& title, const QString& text)>;
    void setConfirmHandler(ConfirmHandler handler);

    /// Selects the sidebar entry with this key ("all", "unread", "bookmarked", "tag:NAME", "feed:ID").
    bool selectSidebarKey(const QString& key);
    /// Selects an article in the list if it is loaded.
    bool selectArticle(qint64 id);
    qint64 currentArticleId() const;

    ArticleListModel* articleModel() const { return m_articles; }
    TagTreeModel* tagModel() const { return m_tags; }
    /// Delay before a selected article counts as read (tests shorten it).
    void setMarkReadDelay(int ms);

    /// How the list and the reader share the window: side by side when there is room
    /// (Automatic), always side by side, or always the list above the reader.
    enum class ReaderLayout { Automatic, ThreeColumns, ListAboveReader };
    void setReaderLayout(ReaderLayout layout);
    ReaderLayout readerLayout() const { return m_readerLayout; }
    /// Whether the list currently sits above the reader.
    bool listAboveReader() const;
    /// Hides everything but the reader (F11), or brings the panes back.
    void setDistractionFree(bool on);
    bool isDistractionFree() const { return m_distractionFree; }
    /// Marks every article the list's filter matches as read; undoable (Edit ▸ Undo).
    void markAllRead();
    FeedController* feeds() const { return m_feeds; }
    SearchController* search() const { return m_search; }
    /// The text of the empty-list notice, empty while the list has rows.
    QString emptyStateText() const;

Q_SIGNALS:
    /// An import finished (ok or not); message is what the status bar said.
    void importFinished(bool ok, const QString& message);
    void subscribeFinished(bool ok, const QString& message, qint64 feedId);
    void refreshFinished(bool ok, const QString& message);
    void unsubscribeFinished(bool ok, const QString& message);
    /// An OPML import or export finished.
    void subscriptionsTransferred(bool ok, const QString& message);
    /// showError was called (in headless runs nothing else shows it).
    void errorShown(const QString& title, const QString& text);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void createActions();
    void createFileMenu();
    void createEditMenu();
    void createArticleMenu();
    void createViewMenu();
    void createHelpMenu();
    void retranslateUi();
    void createLayout();
    void updateSplitterOrientation();
    /// Open and copy the link when the current article has one; copy a citation of any article.
    void updateLinkActions();
    /// Moves the import progress bar as the current file's batches are stored.
    void onImportProgress(const QString& path, qint64 bytesStored, qint64 bytesTotal);
    /// Shares the room between the list and the reader (first start, and when the split turns).
    void splitContent();
    void setContentStretch();
    void contentResized();
    void rememberContentSplit();
    int keptListWidth(int total) const;
    void updateAnnotationDock();
    void updateEmptyState();
    void updateFeedSelection();
    void restoreSettings();
    void saveSettings();
    void applyFilters();
    /// The list header's sort indicator as the query sorts: the column and direction, or none
    /// while a search ranks by relevance.
    void showSortOf(const ArticleQuery& query);
    void onSidebarSelectionChanged();
    void onCurrentArticleChanged();
    void onPageLoaded();
    void updateCount();
    void toggleBookmark();
    void toggleRead();
    void moveSelection(int delta);
    void importNext();
    void showError(const QString& title, const QString& text);
    void showShortcuts();
    void openArticleLink();
    void copyArticleLink(bool markdown);
    void showAbout();

    QPointer<Library> m_library;
    QPointer<FeedService> m_feedService; ///< subscribe, refresh, OPML (FeedController drives it)
    TeamController* m_team = nullptr; ///< team sync: status bar and Preferences → Team
    TagTreeModel* m_tags = nullptr;
    SearchController* m_search = nullptr; ///< search, own tags, saved searches, timeline
    ArticleListModel* m_articles = nullptr;
    QTreeView* m_sidebar = nullptr;
    FilterBar* m_filterBar = nullptr;
    ArticleListView* m_list = nullptr;
    ReaderPane* m_reader = nullptr;
    ReaderFind* m_find = nullptr; ///< the search's words marked in the reader
    AnnotationController* m_annotations = nullptr;
    class OfflineController* m_offline = nullptr;
    FeedController* m_feeds = nullptr;
    QSplitter* m_splitter = nullptr;        ///< sidebar | content
    QSplitter* m_contentSplitter = nullptr; ///< list | reader, or list over reader
    QWidget* m_sidebarPanel = nullptr;
    QWidget* m_listPanel = nullptr;
    QStackedWidget* m_listStack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_showUndatedButton = nullptr;
    QPushButton* m_clearFiltersButton = nullptr;
    QToolBar* m_toolbar = nullptr;
    QHash<QString, QMenu*> m_menus;
    QHash<QString, QAction*> m_viewActions;
    QActionGroup* m_layoutGroup = nullptr;
    ReaderLayout m_readerLayout = ReaderLayout::Automatic;
    bool m_distractionFree = false;
    bool m_annotationsPinned = false; ///< the user opened the panel from the View menu
    int m_annotationCount = 0;
    int m_listWidth = 0;   ///< the list's width side by side, as last set or dragged (contentResized())
    int m_readerWidth = 0; ///< the reader's width beside it then
    int m_undatedHidden = 0;
    QByteArray m_distractionState;
    QSet<QString> m_collapsedGroups; ///< KeyRole of the folded sidebar groups
    QLabel* m_countLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    std::unique_ptr<QSettings> m_settings;

    QAction* m_importAction = nullptr;
    QAction* m_bookmarkAction = nullptr;
    QAction* m_readAction = nullptr;
    QAction* m_unreadOnlyAction = nullptr;
    QAction* m_markAllReadAction = nullptr;
    QAction* m_openLinkAction = nullptr;
    QAction* m_copyLinkAction = nullptr;
    QAction* m_copyCitationAction = nullptr;
    QAction* m_addFeedAction = nullptr;
    QAction* m_refreshFeedAction = nullptr;
    QAction* m_refreshAllAction = nullptr;
    QAction* m_cancelRefreshAction = nullptr;
    QAction* m_unsubscribeAction = nullptr;
    QProgressBar* m_refreshProgress = nullptr;
    QToolButton* m_cancelRefreshButton = nullptr;
    QTimer* m_autoRefreshTimer = nullptr;
    ConfirmHandler m_confirmHandler;
    bool m_refreshing = false;
    bool m_readOnly = false; // the library refuses writes (Library::isReadOnly)
    QString m_pendingSidebarKey; ///< a new feed to select once the sidebar has it

    QTimer m_markReadTimer;
    QTimer m_countTimer;
    QTimer m_listRefreshTimer;
    QString m_sidebarKey;
    QString m_restoreSidebarKey; ///< the entry remembered from the last session, until it appears
    bool m_selectingFallback = false;
    bool m_sidebarReloading = false;
    qint64 m_restoreArticle = 0;
    quint64 m_articleRequest = 0;
    /// The article the list's current row asked the reader for (it may still be loading).
    qint64 m_requestedArticle = 0;
    quint64 m_countRequest = 0;
    QStringList m_importQueue;
    int m_importTotal = 0;
    int m_importAdded = 0;
    QStringList m_importErrors;
};

} // namespace folio
