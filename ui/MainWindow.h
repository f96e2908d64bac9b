// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QProgressBar;
class QSettings;
class QSplitter;
class QTreeView;

namespace folio {

class ArticleListModel;
class ArticleListView;
class FilterBar;
class Library;
class ReaderPane;
class TagTreeModel;

/// The three panes: tag sidebar, filter bar + article list, reader. Owns no data: everything
/// comes from the Library through the two models.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Library* library, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Imports files in the background, one after the other, with progress in the status bar.
    void importFiles(const QStringList& paths);

    /// Selects the sidebar entry with this key ("all", "unread", "bookmarked", "tag:NAME").
    bool selectSidebarKey(const QString& key);
    /// Selects an article in the list if it is loaded.
    bool selectArticle(qint64 id);
    qint64 currentArticleId() const;

    ArticleListModel* articleModel() const { return m_articles; }
    TagTreeModel* tagModel() const { return m_tags; }
    /// Delay before a selected article counts as read (tests shorten it).
    void setMarkReadDelay(int ms);

Q_SIGNALS:
    /// An import finished (ok or not); message is what the status bar said.
    void importFinished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createLayout();
    void restoreSettings();
    void saveSettings();
    void applyFilters();
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
    void showAbout();

    QPointer<Library> m_library;
    TagTreeModel* m_tags = nullptr;
    ArticleListModel* m_articles = nullptr;
    QTreeView* m_sidebar = nullptr;
    FilterBar* m_filterBar = nullptr;
    ArticleListView* m_list = nullptr;
    ReaderPane* m_reader = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_countLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    std::unique_ptr<QSettings> m_settings;

    QAction* m_importAction = nullptr;
    QAction* m_bookmarkAction = nullptr;
    QAction* m_readAction = nullptr;

    QTimer m_markReadTimer;
    QTimer m_countTimer;
    QString m_sidebarKey;
    bool m_sidebarReloading = false;
    qint64 m_restoreArticle = 0;
    quint64 m_articleRequest = 0;
    quint64 m_countRequest = 0;
    QStringList m_importQueue;
    int m_importTotal = 0;
    int m_importAdded = 0;
    QStringList m_importErrors;
};

} // namespace folio
