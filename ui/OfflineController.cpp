// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineController.h"

#include "ReaderPane.h"
#include "domain/WhenReady.h"
#include "feeds/OfflineContent.h"
#include "feeds/FeedService.h"
#include "net/FeedFetcher.h"
#include "storage/ArticleStore.h"
#include "storage/Library.h"

#include "storage/Database.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QtConcurrent>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QThreadPool>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

const auto kZoomKey = "reader/zoom";
constexpr int kPageSize = 1000;
constexpr int kMaxListArticles = 20'000;

} // namespace

OfflineController::OfflineController(Library* library, FeedService* feeds, ReaderPane* reader, QSettings* settings,
                                     QWidget* window)
    : QObject(window)
    , m_library(library)
    , m_feeds(feeds)
    , m_reader(reader)
    , m_settings(settings)
    , m_window(window)
{
    m_menu = new QMenu(tr("&Offline"), window);
    m_menu->setObjectName(u"offlineMenu"_s);
    m_selectionOffline = m_menu->addAction(tr("Make selected articles available &offline"));
    m_selectionOffline->setObjectName(u"makeSelectionOfflineAction"_s);
    connect(m_selectionOffline, &QAction::triggered, this, [this]() {
        if (m_selection) {
            makeAvailableOffline(m_selection(), false);
        }
    });
    m_selectionFull = m_menu->addAction(tr("Download &full articles of the selection"));
    m_selectionFull->setObjectName(u"downloadSelectionFullAction"_s);
    connect(m_selectionFull, &QAction::triggered, this, [this]() {
        if (m_selection) {
            makeAvailableOffline(m_selection(), true);
        }
    });
    m_listOffline = m_menu->addAction(tr("Make every listed article available offline"));
    m_listOffline->setObjectName(u"makeListOfflineAction"_s);
    m_listOffline->setToolTip(tr("Everything the list shows: the selected tag, saved search or filter"));
    connect(m_listOffline, &QAction::triggered, this, [this]() {
        if (m_query) {
            makeQueryAvailableOffline(m_query());
        }
    });
    m_menu->addSeparator();
    m_menu->addAction(reader->loadImagesAction());
    m_menu->addAction(reader->downloadFullAction());
    m_menu->addAction(reader->feedViewAction());
    m_menu->addAction(reader->fullViewAction());
    m_menu->addSeparator();
    m_menu->addAction(reader->zoomInAction());
    m_menu->addAction(reader->zoomOutAction());
    m_menu->addAction(reader->zoomResetAction());
    m_menu->addSeparator();
    m_menu->addAction(reader->printAction());
    m_menu->addAction(reader->savePdfAction());

    m_policyMenu = new QMenu(tr("Offline &policy"), window);
    m_policyMenu->setObjectName(u"offlinePolicyMenu"_s);
    auto* policies = new QActionGroup(m_policyMenu);
    const QList<std::pair<OfflinePolicy, QString>> choices{
        {OfflinePolicy::None, tr("Text only")},
        {OfflinePolicy::Images, tr("Text and images")},
        {OfflinePolicy::Full, tr("Images and full articles")}};
    for (const auto& [policy, label] : choices) {
        QAction* action = m_policyMenu->addAction(label);
        action->setObjectName(u"offlinePolicy_"_s + offlinePolicyName(policy) + u"Action"_s);
        action->setCheckable(true);
        action->setActionGroup(policies);
        action->setData(static_cast<int>(policy));
        const OfflinePolicy chosen = policy;
        connect(action, &QAction::triggered, this, [this, chosen]() {
            if (const qint64 feed = m_feed ? m_feed() : 0; feed > 0) {
                setPolicy(feed, chosen);
            }
        });
        m_policyActions.append(action);
    }
    connect(m_policyMenu, &QMenu::aboutToShow, this, [this]() {
        const qint64 feed = m_feed ? m_feed() : 0;
        for (QAction* a : std::as_const(m_policyActions)) {
            a->setEnabled(feed > 0);
        }
        if (feed <= 0 || !m_library) {
            return;
        }
        const QString path = m_library->databasePath();
        const QString dir = ResourceStore::storeDirOf(m_library->profileDir());
        whenReady(this, QtConcurrent::run([path, dir, feed]() -> Result<OfflinePolicy> {
            auto db = Database::connection(path);
            if (!db) {
                return db.error();
            }
            return OfflineStore(db.value(), dir).policy(feed);
        }), [this](const Result<OfflinePolicy>& policy) {
            for (QAction* a : std::as_const(m_policyActions)) {
                a->setChecked(policy && a->data().toInt() == static_cast<int>(policy.value()));
            }
        });
    });

    m_progress = new QProgressBar(window);
    m_progress->setObjectName(u"offlineProgressBar"_s);
    m_progress->setMaximumWidth(140);
    m_progress->setFormat(tr("Offline %v/%m"));
    m_progress->hide();
    m_cancel = new QToolButton(window);
    m_cancel->setObjectName(u"cancelOfflineButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop downloading for offline reading"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, [this]() {
        if (m_downloader) {
            m_downloader->cancel();
        }
    });

    if (m_settings) {
        reader->setZoom(m_settings->value(QString::fromLatin1(kZoomKey), 0).toInt());
    }
    connect(reader, &ReaderPane::zoomChanged, this, [this](int steps) {
        if (m_settings) {
            m_settings->setValue(QString::fromLatin1(kZoomKey), steps);
        }
    });
    connect(reader, &ReaderPane::loadImagesRequested, this, [this](qint64 id) { makeAvailableOffline({id}, false); });
    connect(reader, &ReaderPane::fullArticleRequested, this, [this](qint64 id) { makeAvailableOffline({id}, true); });
}

OfflineDownloader* OfflineController::downloader()
{
    if (m_downloader || !m_library || !m_feeds || !m_feeds->fetcher()) {
        return m_downloader;
    }
    FeedFetcher* fetcher = m_feeds->fetcher();
    m_downloader = new OfflineDownloader(fetcher->networkAccessManager(), m_library->databasePath(),
                                         ResourceStore::storeDirOf(m_library->profileDir()), this);
    m_downloader->useLimitsOf(*fetcher);
    connect(m_downloader, &OfflineDownloader::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
        m_progress->show();
        m_cancel->show();
    });
    connect(m_downloader, &OfflineDownloader::articleReady, this, [this](qint64 id, bool offline) {
        Q_EMIT offlineChanged(id, offline);
        if (m_reader && m_reader->articleId() == id) {
            reloadShownArticle();
        }
    });
    connect(m_downloader, &OfflineDownloader::finished, this, &OfflineController::onFinished);
    return m_downloader;
}

void OfflineController::setPolicy(qint64 feedId, OfflinePolicy policy)
{
    if (!m_library) {
        return;
    }
    const QString path = m_library->databasePath();
    const QString dir = ResourceStore::storeDirOf(m_library->profileDir());
    whenReady(this, QtConcurrent::run([path, dir, feedId, policy]() -> Result<void> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return OfflineStore(db.value(), dir).setPolicy(feedId, policy);
    }), [this, feedId, policy](const Result<void>& done) {
        if (!done) {
            Q_EMIT message(done.error().toString());
            return;
        }
        Q_EMIT message(tr("Offline policy of the feed: %1").arg(offlinePolicyName(policy)));
        if (policy != OfflinePolicy::None && downloader()) {
            m_progress->setRange(0, 0);
            m_progress->show();
            m_cancel->show();
            downloader()->startPending({feedId});
        }
    });
}

void OfflineController::pruneNow()
{
    if (!m_library || !m_settings) {
        return;
    }
    const qint64 maxBytes = m_settings->value(u"offline/maxStoreMb"_s, 0).toLongLong() * 1024 * 1024;
    const qint64 days = m_settings->value(u"offline/pruneDays"_s, 0).toLongLong();
    if (maxBytes <= 0 && days <= 0) {
        return;
    }
    const qint64 olderThan = days > 0 ? QDateTime::currentSecsSinceEpoch() - days * 86400 : 0;
    const QString path = m_library->databasePath();
    const QString dir = ResourceStore::storeDirOf(m_library->profileDir());
    whenReady(this, QtConcurrent::run([path, dir, maxBytes, olderThan]() -> Result<PruneReport> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return OfflineStore(db.value(), dir).prune(maxBytes, olderThan);
    }), [this](const Result<PruneReport>& report) {
        if (!report) {
            Q_EMIT message(report.error().toString());
        } else if (report->files > 0) {
            Q_EMIT message(tr("Offline store pruned: %1 files, %2 MiB freed")
                               .arg(report->files)
                               .arg(double(report->bytes) / (1024.0 * 1024.0), 0, 'f', 1));
        }
    });
}

void OfflineController::makeAvailableOffline(const QList<qint64>& ids, bool full)
{
    if (ids.isEmpty()) {
        return;
    }
    OfflineDownloader* d = downloader();
    if (!d) {
        Q_EMIT message(tr("Offline downloads need the network, which is not set up."));
        return;
    }
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    Q_EMIT message(tr("Making %Ln article(s) available offline…", nullptr, int(ids.size())));
    d->start(ids, full);
}

void OfflineController::makeQueryAvailableOffline(const ArticleQuery& query)
{
    collectPage(query, std::nullopt, {});
}

void OfflineController::collectPage(const ArticleQuery& query, const std::optional<ArticleCursor>& after,
                                    QList<qint64> ids)
{
    if (!m_library) {
        return;
    }
    whenReady(this, m_library->page(query, after, kPageSize),
              [this, query, ids](const Result<std::vector<ArticleRow>>& rows) mutable {
                  if (!rows) {
                      Q_EMIT message(rows.error().toString());
                      return;
                  }
                  for (const ArticleRow& row : rows.value()) {
                      ids.append(row.id);
                  }
                  if (int(rows->size()) == kPageSize && ids.size() < kMaxListArticles) {
                      collectPage(query, ArticleStore::cursorAfter(rows->back()), ids);
                      return;
                  }
                  makeAvailableOffline(ids, false);
              });
}

void OfflineController::onFinished(const OfflineReport& report)
{
    m_progress->hide();
    m_cancel->hide();
    if (report.cancelled) {
        Q_EMIT message(tr("Offline download cancelled."));
    } else {
        Q_EMIT message(tr("%1 of %2 articles available offline; %3 images and %4 full articles stored, %5 failed")
                           .arg(report.complete)
                           .arg(report.articles)
                           .arg(report.images)
                           .arg(report.fullArticles)
                           .arg(report.imagesFailed + report.fullFailed));
    }
    reloadShownArticle();
    pruneNow();
}

void OfflineController::reloadShownArticle()
{
    if (!m_reader || !m_library || m_reader->articleId() == 0) {
        return;
    }
    const qint64 id = m_reader->articleId();
    const quint64 request = ++m_contentRequest;
    whenReady(this, loadOfflineContent(QThreadPool::globalInstance(), m_library->databasePath(), id),
              [this, request](const Result<OfflineContent>& content) {
                  if (request != m_contentRequest || !m_reader) {
                      return;
                  }
                  if (!content) {
                      Q_EMIT message(content.error().toString());
                      return;
                  }
                  m_reader->setOfflineContent(content.value());
              });
}

} // namespace folio
