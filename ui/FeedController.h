// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QAction;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;
class QWidget;

namespace folio {

class FeedService;
class Library;

/// The window's feeds: the Feeds menu's actions, subscribe / unsubscribe, refresh with its
/// progress bar and cancel button, OPML import and export, and the automatic refresh. The
/// window tells it which sidebar entry is selected (setSelection) and places the widgets it
/// returns; the controller talks to the library only and reports through signals.
class FeedController : public QObject
{
    Q_OBJECT

public:
    /// dialogParent is where dialogs open (the main window); the controller is its child.
    FeedController(Library* library, FeedService* service, QWidget* dialogParent);

    /// The sidebar's selection: a feed (feedId != 0, its shown name) or a tag (tag non-empty).
    void setSelection(qint64 feedId, const QString& feedName, const QString& tag);
    qint64 selectedFeedId() const { return m_feedId; }

    /// Answers "are you sure?" questions; without one a window-modal box asks.
    using ConfirmHandler = std::function<bool(const QString& title, const QString& text)>;
    void setConfirmHandler(ConfirmHandler handler) { m_confirmHandler = std::move(handler); }

    /// Adds the actions (add, refresh, refresh all, cancel, unsubscribe) to menu.
    void fillMenu(QMenu* menu) const;
    QAction* addAction() const { return m_addAction; }
    QAction* refreshAllAction() const { return m_refreshAllAction; }
    /// The refresh progress bar and its cancel button, for the status bar.
    QProgressBar* progressBar() const { return m_progress; }
    QToolButton* cancelButton() const { return m_cancelButton; }

    void showAddDialog();
    void subscribe(const QUrl& url, const QStringList& tags = {});
    void refreshFeeds(const QList<qint64>& ids = {});
    void cancelRefresh();
    bool isRefreshing() const { return m_refreshing; }
    void unsubscribe(qint64 feedId);
    void importSubscriptions(const QString& path);
    void exportSubscriptions(const QString& path);
    /// Refresh every this many minutes; 0 or less: never.
    void setAutoRefreshMinutes(int minutes);

    /// Re-sets the texts of the actions (the language changed).
    void retranslate();

Q_SIGNALS:
    void message(const QString& text, int timeoutMs);
    void error(const QString& title, const QString& text);
    void subscribeFinished(bool ok, const QString& message, qint64 feedId);
    void refreshFinished(bool ok, const QString& message);
    void unsubscribeFinished(bool ok, const QString& message);
    void subscriptionsTransferred(bool ok, const QString& message);

private:
    void updateActions();
    void onProgress(int done, int total);
    void confirm(const QString& title, const QString& text, const std::function<void()>& then);

    QPointer<Library> m_library;
    QPointer<FeedService> m_service;
    QWidget* m_dialogParent;
    QAction* m_addAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_refreshAllAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_unsubscribeAction = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QTimer* m_autoRefresh = nullptr;
    ConfirmHandler m_confirmHandler;
    bool m_refreshing = false;
    qint64 m_feedId = 0;
    QString m_feedName;
    QString m_tag;
};

} // namespace folio
