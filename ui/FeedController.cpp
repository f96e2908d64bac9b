// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedController.h"

#include "AddSubscriptionDialog.h"

#include "domain/WhenReady.h"
#include "feeds/FeedService.h"
#include "storage/Library.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kMessageMs = 10000;

} // namespace

FeedController::FeedController(Library* library, FeedService* service, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_library(library)
    , m_service(service)
    , m_dialogParent(dialogParent)
{
    setObjectName(u"feedController"_s);
    m_addAction = new QAction(QIcon::fromTheme(u"list-add"_s), QString(), this);
    m_addAction->setObjectName(u"addSubscriptionAction"_s);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_addAction, &QAction::triggered, this, &FeedController::showAddDialog);

    m_refreshAction = new QAction(QIcon::fromTheme(u"view-refresh"_s), QString(), this);
    m_refreshAction->setObjectName(u"refreshFeedAction"_s);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (m_feedId != 0) {
            refreshFeeds({m_feedId});
        }
    });
    m_refreshAllAction = new QAction(QIcon::fromTheme(u"view-refresh"_s), QString(), this);
    m_refreshAllAction->setObjectName(u"refreshAllAction"_s);
    // The platform's Refresh keys (F5, Ctrl+R, Cmd+R) and F5 everywhere.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5))) {
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    }
    m_refreshAllAction->setShortcuts(refreshKeys);
    connect(m_refreshAllAction, &QAction::triggered, this, [this] { refreshFeeds(); });
    m_cancelAction = new QAction(QIcon::fromTheme(u"process-stop"_s), QString(), this);
    m_cancelAction->setObjectName(u"cancelRefreshAction"_s);
    connect(m_cancelAction, &QAction::triggered, this, &FeedController::cancelRefresh);
    m_unsubscribeAction = new QAction(QIcon::fromTheme(u"list-remove"_s), QString(), this);
    m_unsubscribeAction->setObjectName(u"unsubscribeAction"_s);
    connect(m_unsubscribeAction, &QAction::triggered, this, [this] {
        const qint64 id = m_feedId;
        if (id == 0) {
            return;
        }
        confirm(tr("Unsubscribe"),
                tr("Unsubscribe from “%1”?\n\nIts articles leave the library, except those you bookmarked, "
                   "read or tagged, and those another source also delivered.")
                    .arg(m_feedName),
                [this, id] { unsubscribe(id); });
    });

    m_progress = new QProgressBar(dialogParent);
    m_progress->setObjectName(u"refreshProgressBar"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_cancelButton = new QToolButton(dialogParent);
    m_cancelButton->setObjectName(u"cancelRefreshToolButton"_s);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->setVisible(false);
    connect(m_service, &FeedService::refreshProgress, this, &FeedController::onProgress);

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setObjectName(u"autoRefreshTimer"_s);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!m_refreshing) {
            refreshFeeds();
        }
    });
    retranslate();
    updateActions();
}

void FeedController::retranslate()
{
    m_addAction->setText(tr("&Add subscription…"));
    m_addAction->setStatusTip(tr("Subscribe to a feed by its address"));
    m_refreshAction->setText(tr("&Refresh"));
    m_refreshAction->setStatusTip(tr("Fetch the selected feed now"));
    m_refreshAllAction->setText(tr("Refresh a&ll"));
    m_refreshAllAction->setStatusTip(tr("Fetch every subscribed feed now"));
    m_cancelAction->setText(tr("&Cancel refresh"));
    m_unsubscribeAction->setText(tr("&Unsubscribe…"));
    m_unsubscribeAction->setStatusTip(tr("Stop following the selected feed"));
    m_progress->setFormat(tr("%v of %m feeds"));
}

void FeedController::fillMenu(QMenu* menu) const
{
    menu->addAction(m_addAction);
    menu->addAction(m_refreshAction);
    menu->addAction(m_refreshAllAction);
    menu->addAction(m_cancelAction);
    menu->addSeparator();
    menu->addAction(m_unsubscribeAction);
}

void FeedController::setSelection(qint64 feedId, const QString& feedName, const QString& tag)
{
    m_feedId = feedId;
    m_feedName = feedName;
    m_tag = tag;
    updateActions();
}

void FeedController::updateActions()
{
    const bool feed = m_feedId != 0;
    m_refreshAction->setEnabled(feed && !m_refreshing);
    m_unsubscribeAction->setEnabled(feed);
    m_refreshAllAction->setEnabled(!m_refreshing);
    m_cancelAction->setEnabled(m_refreshing);
}

void FeedController::setAutoRefreshMinutes(int minutes)
{
    if (minutes <= 0) {
        m_autoRefresh->stop();
        return;
    }
    const int ms = minutes * 60 * 1000;
    if (!m_autoRefresh->isActive() || m_autoRefresh->interval() != ms) {
        m_autoRefresh->start(ms);
    }
}

void FeedController::showAddDialog()
{
    auto* dialog = new AddSubscriptionDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A new feed starts untagged: the selected tag is only offered, never filled in.
    if (!m_tag.isEmpty()) {
        dialog->suggestTag(m_tag);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] { subscribe(dialog->url(), dialog->tags()); });
    dialog->open();
}

void FeedController::subscribe(const QUrl& url, const QStringList& tags)
{
    const QString shown = url.toDisplayString();
    Q_EMIT message(tr("Subscribing to %1…").arg(shown), 0);
    whenReady(this, m_service->subscribe(url, tags), [this, shown](const Result<SubscribeReport>& report) {
        if (!report) {
            const QString text = tr("Could not subscribe to %1: %2").arg(shown, report.error().message);
            Q_EMIT message(text, kMessageMs);
            Q_EMIT error(tr("Subscription failed"), text);
            Q_EMIT subscribeFinished(false, text, 0);
            return;
        }
        const Feed& feed = report->feed;
        const QString name = feed.title.isEmpty() ? feed.url : feed.title;
        const QString text = report->alreadySubscribed
            ? tr("Already subscribed to %1").arg(name)
            : tr("Subscribed to %1: %Ln new article(s)", nullptr, report->import.added).arg(name);
        Q_EMIT message(text, kMessageMs);
        Q_EMIT subscribeFinished(true, text, feed.id);
    });
}

void FeedController::refreshFeeds(const QList<qint64>& ids)
{
    if (m_refreshing) {
        Q_EMIT message(tr("A refresh is running already."), 5000);
        return;
    }
    m_refreshing = true;
    updateActions();
    m_progress->setRange(0, 0); // busy until the feed list is known
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    Q_EMIT message(tr("Refreshing feeds…"), 0);
    whenReady(this, m_service->refresh(ids), [this](const Result<RefreshReport>& report) {
        m_refreshing = false;
        m_progress->setVisible(false);
        m_cancelButton->setVisible(false);
        updateActions();
        if (!report) {
            const QString text = tr("Refresh failed: %1").arg(report.error().message);
            Q_EMIT message(text, kMessageMs);
            Q_EMIT error(tr("Refresh failed"), text);
            Q_EMIT refreshFinished(false, text);
            return;
        }
        QString text = tr("Refreshed %Ln feed(s): ", nullptr, report->feeds - report->cancelled);
        text.append(tr("%Ln new article(s)", nullptr, report->added));
        if (report->failed > 0) {
            text.append(u"; "_s);
            text.append(tr("%Ln failed (see the sidebar)", nullptr, report->failed));
        }
        if (report->cancelled > 0) {
            text.append(u"; "_s);
            text.append(tr("%Ln cancelled", nullptr, report->cancelled));
        }
        Q_EMIT message(text, kMessageMs);
        Q_EMIT refreshFinished(report->failed == 0 && report->cancelled == 0, text);
    });
}

void FeedController::onProgress(int done, int total)
{
    if (!m_refreshing || total <= 0) {
        return;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void FeedController::cancelRefresh()
{
    if (m_refreshing) {
        Q_EMIT message(tr("Cancelling the refresh…"), 0);
        m_service->cancelRefresh();
    }
}

void FeedController::unsubscribe(qint64 feedId)
{
    whenReady(this, m_service->unsubscribe(feedId), [this](const Result<UnsubscribeReport>& report) {
        if (!report) {
            const QString text = tr("Could not unsubscribe: %1").arg(report.error().message);
            Q_EMIT error(tr("Unsubscribe failed"), text);
            Q_EMIT unsubscribeFinished(false, text);
            return;
        }
        const QString name = report->feed.title.isEmpty() ? report->feed.url : report->feed.title;
        QString text = tr("Unsubscribed from %1: ").arg(name);
        text.append(tr("%Ln article(s) removed", nullptr, report->articlesRemoved));
        text.append(u", "_s);
        text.append(tr("%Ln kept", nullptr, report->articlesKept));
        Q_EMIT message(text, kMessageMs);
        Q_EMIT unsubscribeFinished(true, text);
    });
}

void FeedController::importSubscriptions(const QString& path)
{
    const QString file = QFileInfo(path).fileName();
    Q_EMIT message(tr("Importing subscriptions from %1…").arg(file), 0);
    whenReady(this, m_service->importSubscriptions(path), [this, file](const Result<SubscriptionImportReport>& report) {
        if (!report) {
            const QString text = tr("Could not import subscriptions: %1").arg(report.error().toString());
            Q_EMIT message(text, kMessageMs);
            Q_EMIT error(tr("Import failed"), text);
            Q_EMIT subscriptionsTransferred(false, text);
            return;
        }
        QString text = tr("Imported %1: ", "OPML file name").arg(file);
        text.append(tr("%Ln new feed(s)", nullptr, report->added));
        text.append(u", "_s);
        text.append(tr("%Ln subscribed already", nullptr, report->existing));
        Q_EMIT message(text, kMessageMs);
        if (report->added > 0 && !m_refreshing) {
            refreshFeeds(); // imported feeds have no articles until they are fetched
        }
        Q_EMIT subscriptionsTransferred(true, text);
    });
}

void FeedController::exportSubscriptions(const QString& path)
{
    whenReady(this, m_service->exportSubscriptions(path), [this, path](const Result<void>& done) {
        const QString text = done ? tr("Subscriptions written to %1").arg(QDir::toNativeSeparators(path))
                                  : tr("Could not export subscriptions: %1").arg(done.error().toString());
        Q_EMIT message(text, kMessageMs);
        if (!done) {
            Q_EMIT error(tr("Export failed"), text);
        }
        Q_EMIT subscriptionsTransferred(static_cast<bool>(done), text);
    });
}

void FeedController::confirm(const QString& title, const QString& text, const std::function<void()>& then)
{
    if (m_confirmHandler) {
        if (m_confirmHandler(title, text)) {
            then();
        }
        return;
    }
    // Window-modal but not blocking: the answer comes back through finished().
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [then](int result) {
        if (result == QMessageBox::Yes) {
            then();
        }
    });
    box->open();
}

} // namespace folio
