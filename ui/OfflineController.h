// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"
#include "feeds/OfflineDownloader.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QProgressBar;
class QSettings;
class QToolButton;
class QWidget;

namespace folio {

class Library;
class ReaderPane;

/// The window's offline reading: fills the reader with images and the full article from the store
/// (off the GUI thread), downloads on request ("Load images", "Download full article", "Make
/// available offline" for the selection or for everything the list shows: a tag or saved search)
/// with progress and cancel in the status bar, and remembers the reader's zoom. The window hands
/// it the reader and the settings and places the menu and the progress widgets it returns.
class OfflineController : public QObject
{
    Q_OBJECT

public:
    OfflineController(Library* library, ReaderPane* reader, QSettings* settings, QWidget* window);

    /// "Offline" menu: make available offline, full article, view switch, print, PDF, zoom.
    QMenu* menu() const { return m_menu; }
    QProgressBar* progressBar() const { return m_progress; }
    QToolButton* cancelButton() const { return m_cancel; }
    QAction* makeSelectionOfflineAction() const { return m_selectionOffline; }
    QAction* makeListOfflineAction() const { return m_listOffline; }

    /// The window tells which articles are selected and what the list shows.
    void setSelectionProvider(std::function<QList<qint64>()> selection) { m_selection = std::move(selection); }
    void setQueryProvider(std::function<ArticleQuery()> query) { m_query = std::move(query); }

    /// Downloads images (and the full articles when full) of ids now.
    void makeAvailableOffline(const QList<qint64>& ids, bool full);
    /// Every article matching query (paged through the library, never all at once in the GUI).
    void makeQueryAvailableOffline(const ArticleQuery& query);
    OfflineDownloader* downloader();

    /// Reads the shown article's stored images and full article, then hands them to the reader.
    void reloadShownArticle();

Q_SIGNALS:
    void message(const QString& text);
    /// An article's offline state changed (the list can repaint its mark).
    void offlineChanged(qint64 articleId, bool offline);

private:
    void collectPage(const ArticleQuery& query, const std::optional<ArticleCursor>& after, QList<qint64> ids);
    void onFinished(const OfflineReport& report);

    QPointer<Library> m_library;
    QPointer<ReaderPane> m_reader;
    QSettings* m_settings = nullptr;
    QWidget* m_window = nullptr;
    OfflineDownloader* m_downloader = nullptr;
    QMenu* m_menu = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    QAction* m_selectionOffline = nullptr;
    QAction* m_listOffline = nullptr;
    QAction* m_selectionFull = nullptr;
    std::function<QList<qint64>()> m_selection;
    std::function<ArticleQuery()> m_query;
    quint64 m_contentRequest = 0;
};

} // namespace folio
