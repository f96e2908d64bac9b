// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AddSubscriptionDialog.h"
#include "AnnotationController.h"
#include "FeedController.h"
#include "LibraryWatcher.h"
#include "OfflineController.h"
#include "ArticleListView.h"
#include "FilterBar.h"
#include "PreferencesDialog.h"
#include "ReaderFind.h"
#include "TeamController.h"
#include "net/FeedFetcher.h"
#include "ReaderPane.h"
#include "SidebarBadgeDelegate.h"
#include "SearchController.h"
#include "TimelineStrip.h"

#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "domain/WhenReady.h"
#include "feeds/FeedService.h"
#include "storage/Library.h"
#include "storage/QueryBuilder.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QDockWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcUi, "folio.ui")

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kMarkReadDelayMs = 1500;
// Steps of the import progress bar per file.
constexpr int kImportProgressSteps = 1000;
constexpr int kCountDelayMs = 100;
constexpr int kListRefreshDelayMs = 150;

/// The list | reader splitter, which tells the window after it has shared out a new size.
class ContentSplitter final : public QSplitter
{
public:
    ContentSplitter(Qt::Orientation orientation, QWidget* parent, std::function<void()> resized)
        : QSplitter(orientation, parent)
        , m_resized(std::move(resized))
    {
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QSplitter::resizeEvent(event);
        m_resized();
    }

private:
    std::function<void()> m_resized;
};

} // namespace

MainWindow::MainWindow(Library* library, FeedService* feeds, QWidget* parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_feedService(feeds ? feeds : new FeedService(library, nullptr, this))
    , m_settings(std::make_unique<QSettings>(QDir(library->profileDir()).filePath(u"folio.ini"_s),
                                             QSettings::IniFormat))
{
    setObjectName(u"mainWindow"_s);
    m_tags = new TagTreeModel(library, this);
    m_articles = new ArticleListModel(library, this);

    // A library that cannot be written (read-only storage, a full disk, damage) is shown with
    // every editing action off and a note in the status bar saying why.
    m_readOnly = library->isReadOnly();
    createLayout();
    createActions();
    retranslateUi();
    if (m_readOnly) {
        auto* note = new QLabel(tr("Read-only: %1").arg(library->writeRefusal()), this);
        note->setObjectName(u"readOnlyLabel"_s);
        statusBar()->addPermanentWidget(note);
        for (const char* name : {"importAction", "importOpmlAction", "addSubscriptionAction", "refreshAllAction",
                                 "refreshFeedAction", "unsubscribeAction", "markAllReadAction"}) {
            if (auto* action = findChild<QAction*>(QString::fromLatin1(name))) {
                action->setEnabled(false);
            }
        }
    }

    m_markReadTimer.setSingleShot(true);
    m_markReadTimer.setInterval(kMarkReadDelayMs);
    connect(&m_markReadTimer, &QTimer::timeout, this, [this] {
        const qint64 id = m_reader->articleId();
        const QModelIndex row = m_articles->index(m_articles->rowOf(id), 0);
        if (row.isValid() && !row.data(ArticleListModel::ReadRole).toBool() && id == currentArticleId()) {
            m_articles->setRead({id}, true);
            m_readAction->setChecked(true);
        }
    });
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(kCountDelayMs);
    connect(&m_countTimer, &QTimer::timeout, this, &MainWindow::updateCount);

    // A refresh of many feeds changes the library many times a second: one reload of the list
    // per burst (the first within kListRefreshDelayMs), not one per change.
    m_listRefreshTimer.setSingleShot(true);
    m_listRefreshTimer.setInterval(kListRefreshDelayMs);
    connect(&m_listRefreshTimer, &QTimer::timeout, this, [this] {
        m_articles->refresh();
        m_countTimer.start();
    });
    connect(library, &Library::contentChanged, this, [this] {
        if (!m_listRefreshTimer.isActive()) {
            m_listRefreshTimer.start();
        }
    });
    connect(library, &Library::stateChanged, this, [this] { m_countTimer.start(); });
    connect(library, &Library::importProgress, this, &MainWindow::onImportProgress);
    // While the tag list is replaced, the view's current index wanders; the chosen entry is
    // kept by key and put back once the new rows are in.
    connect(m_tags, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_sidebarReloading = true; });
    connect(m_tags, &TagTreeModel::refreshed, this, [this] {
        m_sidebarReloading = false;
        // The entry remembered from the last session may only appear once the seed or a
        // refresh has brought its tag; until then "All articles" stands in.
        m_selectingFallback = true;
        // Cleared before selecting: the first page may arrive within the selection call.
        const QString restoreKey = std::exchange(m_restoreSidebarKey, QString());
        if (!restoreKey.isEmpty() && selectSidebarKey(restoreKey)) {
            // restored
        } else if (m_sidebar->currentIndex().data(TagTreeModel::KeyRole).toString() != m_sidebarKey) {
            if (!selectSidebarKey(m_sidebarKey)) {
                selectSidebarKey(u"all"_s);
            }
        }
        if (m_sidebar->currentIndex().data(TagTreeModel::KeyRole).toString() != restoreKey) {
            m_restoreSidebarKey = restoreKey; // not there yet: try again after the next refresh
        }
        m_selectingFallback = false;
        // The list may have loaded before the sidebar entry came back (same filter, no new page).
        if (m_restoreArticle != 0 && m_restoreSidebarKey.isEmpty() && selectArticle(m_restoreArticle)) {
            m_restoreArticle = 0;
        }
        // A feed just subscribed to is selected as soon as the sidebar lists it.
        if (!m_pendingSidebarKey.isEmpty() && selectSidebarKey(m_pendingSidebarKey)) {
            m_pendingSidebarKey.clear();
        }
        updateFeedSelection();
    });
    connect(m_articles, &ArticleListModel::pageLoaded, this, &MainWindow::onPageLoaded);
    connect(m_articles, &ArticleListModel::loadFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });

    // folio-cli or another window may write to the library too.
    new LibraryWatcher(library, this);
    m_team = new TeamController(library, statusBar(), this);

    restoreSettings();
    applyPreferences();
    m_tags->refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_sidebar = new QTreeView(this);
    m_sidebar->setObjectName(u"tagTreeView"_s);
    m_sidebar->setModel(m_tags);
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setUniformRowHeights(true);
    m_sidebar->setRootIsDecorated(true);
    m_sidebar->setItemsExpandable(true);
    m_sidebar->setExpandsOnDoubleClick(false);
    m_sidebar->setItemDelegateForColumn(TagTreeModel::Counts, new SidebarBadgeDelegate(m_sidebar));
    m_sidebar->setIndentation(12);
    m_sidebar->header()->setStretchLastSection(false);
    m_sidebar->header()->setSectionResizeMode(TagTreeModel::Name, QHeaderView::Stretch);
    m_sidebar->header()->setSectionResizeMode(TagTreeModel::Counts, QHeaderView::ResizeToContents);
    m_sidebar->setTextElideMode(Qt::ElideMiddle);
    // Groups fold with a click on their title; which are folded is remembered.
    auto expandGroups = [this] {
        for (int row = 0; row < m_tags->rowCount(); ++row) {
            const QModelIndex group = m_tags->index(row, 0);
            m_sidebar->setFirstColumnSpanned(row, {}, true); // group titles use the whole width
            m_sidebar->setExpanded(group, !m_collapsedGroups.contains(group.data(TagTreeModel::KeyRole).toString()));
        }
    };
    connect(m_tags, &QAbstractItemModel::rowsInserted, m_sidebar, expandGroups);
    QTimer::singleShot(0, this, expandGroups);
    connect(m_sidebar, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (index.data(TagTreeModel::KindRole).toInt() == static_cast<int>(TagTreeModel::Kind::Section)) {
            const QModelIndex group = index.siblingAtColumn(0);
            m_sidebar->setExpanded(group, !m_sidebar->isExpanded(group));
        }
    });
    connect(m_sidebar, &QTreeView::collapsed, this,
            [this](const QModelIndex& group) { m_collapsedGroups.insert(group.data(TagTreeModel::KeyRole).toString()); });
    connect(m_sidebar, &QTreeView::expanded, this,
            [this](const QModelIndex& group) { m_collapsedGroups.remove(group.data(TagTreeModel::KeyRole).toString()); });
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onSidebarSelectionChanged);

    m_filterBar = new FilterBar(this);
    m_filterBar->setObjectName(u"filterBar"_s);
    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::applyFilters);

    m_list = new ArticleListView(this);
    m_list->setModel(m_articles);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ArticleListModel::Bookmark, QHeaderView::Fixed);
    m_list->header()->resizeSection(ArticleListModel::Bookmark, 28);
    m_list->header()->setSectionResizeMode(ArticleListModel::Title, QHeaderView::Stretch);
    m_list->header()->resizeSection(ArticleListModel::Source, 100);
    // Wide enough for the locale's short date ("18 mei 2023", "May 18, 2023").
    m_list->header()->resizeSection(ArticleListModel::Date,
                                    m_list->fontMetrics().horizontalAdvance(u"30 sept. 2026"_s) + 24);
    m_list->header()->resizeSection(ArticleListModel::Tags, 90);
    m_list->header()->setSortIndicator(ArticleListModel::Date, Qt::DescendingOrder);
    // A click on a column the list cannot sort by (star, source, tags) leaves the order as it
    // was: the indicator goes back to the column that sorts (after the view has asked the model).
    connect(m_list->header(), &QHeaderView::sortIndicatorChanged, this, [this] {
        QTimer::singleShot(0, this, [this] { showSortOf(m_articles->query()); });
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentArticleChanged);
    connect(m_list, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == ArticleListModel::Bookmark) {
            const qint64 id = index.data(ArticleListModel::IdRole).toLongLong();
            m_articles->setBookmarked({id}, !index.data(ArticleListModel::BookmarkedRole).toBool());
            m_bookmarkAction->setChecked(index.data(ArticleListModel::BookmarkedRole).toBool());
        }
    });
    connect(m_articles, &ArticleListModel::rowsReplaced, this, [this] {
        m_countTimer.start();
        updateEmptyState();
        updateLinkActions(); // a refresh may bring the current article its link
    });
    // The current row's whole data may arrive after it became current (a page read again).
    connect(m_articles, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const int row = m_list->currentIndex().row();
        if (row >= from.row() && row <= to.row()) {
            updateLinkActions();
        }
    });
    connect(m_articles, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_articles, &ArticleListModel::pageLoaded, this, &MainWindow::updateEmptyState);
    connect(m_articles, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);

    m_reader = new ReaderPane(this);
    m_reader->setMinimumWidth(280);
    connect(m_reader, &ReaderPane::tagActivated, this,
            [this](const QString& tag) { selectSidebarKey(u"tag:"_s + tag); });
    connect(m_reader, &ReaderPane::externalLinkActivated, this, [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_list, &ArticleListView::spaceInList, m_reader, &ReaderPane::pageDown);
    m_find = new ReaderFind(m_reader, this);
    m_annotations = new AnnotationController(m_library, m_reader, this);
    // The highlights re-render the page: mark the search's words again on top.
    connect(m_annotations, &AnnotationController::highlightsApplied, m_find, &ReaderFind::reapply);
    m_annotations->setObjectName(u"annotationController"_s);
    addDockWidget(Qt::RightDockWidgetArea, m_annotations->dock());
    m_annotations->dock()->setVisible(false); // opens for annotated articles, on H, or from View
    connect(m_annotations, &AnnotationController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_annotations, &AnnotationController::annotationCountChanged, this, [this](int count) {
        m_annotationCount = count;
        updateAnnotationDock();
    });
    // Offline reading (OfflineController): the reader's images, full articles, downloads.
    m_offline = new OfflineController(m_library, m_feedService, m_reader, m_settings.get(), this);
    m_offline->setObjectName(u"offlineController"_s);
    connect(m_offline, &OfflineController::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_offline->setSelectionProvider([this]() {
        QList<qint64> ids;
        const QModelIndexList rows = m_list->selectionModel()->selectedRows();
        for (const QModelIndex& index : rows) {
            ids.append(index.data(ArticleListModel::IdRole).toLongLong());
        }
        if (ids.isEmpty() && currentArticleId() != 0) {
            ids.append(currentArticleId());
        }
        return ids;
    });
    m_offline->setQueryProvider([this]() { return m_articles->query(); });
    m_offline->setFeedProvider([this]() -> qint64 {
        const QString key = m_sidebar->currentIndex().data(TagTreeModel::KeyRole).toString();
        return key.startsWith(u"feed:"_s) ? key.mid(5).toLongLong() : 0;
    });
    QTimer::singleShot(0, m_offline, &OfflineController::pruneNow);

    m_search = new SearchController(this, m_library, m_sidebar, m_list, m_articles, m_tags, m_filterBar);
    connect(m_search, &SearchController::filterChanged, this, &MainWindow::applyFilters);
    m_sidebarPanel = m_search->sidebarPanel();
    m_sidebarPanel->setMinimumWidth(170);

    // The empty list says why and offers the way out.
    auto* empty = new QWidget(this);
    empty->setObjectName(u"emptyStateWidget"_s);
    auto* emptyLayout = new QVBoxLayout(empty);
    m_emptyLabel = new QLabel(empty);
    m_emptyLabel->setObjectName(u"emptyStateLabel"_s);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_showUndatedButton = new QPushButton(empty);
    m_showUndatedButton->setObjectName(u"showUndatedPushButton"_s);
    connect(m_showUndatedButton, &QPushButton::clicked, m_filterBar, [this] { m_filterBar->setIncludeUndated(true); });
    m_clearFiltersButton = new QPushButton(empty);
    m_clearFiltersButton->setObjectName(u"clearFiltersPushButton"_s);
    connect(m_clearFiltersButton, &QPushButton::clicked, this, [this] {
        m_filterBar->clear();
        if (m_unreadOnlyAction->isChecked()) {
            m_unreadOnlyAction->trigger();
        }
        selectSidebarKey(u"all"_s);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_showUndatedButton);
    buttons->addWidget(m_clearFiltersButton);
    buttons->addStretch();
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch(2);
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(empty);

    m_listPanel = new QWidget(this);
    m_listPanel->setObjectName(u"listPanelWidget"_s);
    m_listPanel->setMinimumWidth(300);
    auto* middleLayout = new QVBoxLayout(m_listPanel);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->setSpacing(0);
    middleLayout->addWidget(m_filterBar);
    middleLayout->addWidget(m_search->timelineStrip());
    middleLayout->addWidget(m_listStack, 1);

    m_contentSplitter = new ContentSplitter(Qt::Horizontal, this, [this] { contentResized(); });
    connect(m_contentSplitter, &QSplitter::splitterMoved, this, &MainWindow::rememberContentSplit);
    m_contentSplitter->setObjectName(u"contentSplitter"_s);
    m_contentSplitter->setChildrenCollapsible(false);
    m_contentSplitter->addWidget(m_listPanel);
    m_contentSplitter->addWidget(m_reader);
    setContentStretch(); // the reader takes what the window gains or loses (updateSplitterOrientation)
    m_contentSplitter->setSizes({460, 600});

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_sidebarPanel);
    m_splitter->addWidget(m_contentSplitter);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({230, 1050});
    connect(m_splitter, &QSplitter::splitterMoved, this, &MainWindow::updateSplitterOrientation);
    setCentralWidget(m_splitter);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"importProgressBar"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);

    m_feeds = new FeedController(m_library, m_feedService, this);
    connect(m_feeds, &FeedController::message, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_feeds, &FeedController::error, this, &MainWindow::showError);
    connect(m_feeds, &FeedController::subscribeFinished, this, [this](bool ok, const QString& message, qint64 id) {
        if (ok) {
            const QString key = u"feed:%1"_s.arg(id);
            if (!selectSidebarKey(key)) {
                m_pendingSidebarKey = key; // selected when the sidebar has read the new feed
                m_tags->scheduleRefresh();
            }
        }
        Q_EMIT subscribeFinished(ok, message, id);
    });
    connect(m_feeds, &FeedController::refreshFinished, this, &MainWindow::refreshFinished);
    connect(m_feeds, &FeedController::unsubscribeFinished, this, &MainWindow::unsubscribeFinished);
    connect(m_feeds, &FeedController::subscriptionsTransferred, this, &MainWindow::subscriptionsTransferred);
    statusBar()->addPermanentWidget(m_feeds->progressBar());
    statusBar()->addPermanentWidget(m_feeds->cancelButton());
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_offline->progressBar());
    statusBar()->addPermanentWidget(m_offline->cancelButton());
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::updateEmptyState()
{
    if (m_articles->rowCount() > 0 || !m_articles->atEnd()) {
        m_listStack->setCurrentIndex(0);
        return;
    }
    const ArticleQuery& q = m_articles->query();
    QStringList reasons;
    if (!q.text.trimmed().isEmpty()) {
        reasons.append(tr("No articles match “%1”.").arg(q.text.trimmed()));
    } else if (q.since || q.until) {
        reasons.append(tr("No articles in the selected period."));
    } else if (q.unreadOnly) {
        reasons.append(tr("No unread articles here."));
    } else if (q.bookmarkedOnly) {
        reasons.append(tr("No bookmarked articles yet: press B or Ctrl+D on an article to keep it here."));
    } else if (!q.tags.isEmpty() || q.feedId) {
        reasons.append(tr("No articles with this selection."));
    } else {
        reasons.append(tr("The library is empty. Import tag pages or feed files (Ctrl+O) or add a "
                          "subscription (Ctrl+Shift+A)."));
    }
    const bool dated = (q.since || q.until) && !q.includeUndated;
    m_showUndatedButton->setVisible(false);
    if (dated) {
        // The list is empty, so the same filter with undated rows counts exactly the hidden ones.
        ArticleQuery undated = q;
        undated.includeUndated = true;
        whenReady(this, m_library->count(undated), [this, reasons](const Result<int>& count) {
            if (!count || count.value() == 0 || m_articles->rowCount() > 0) {
                return;
            }
            m_undatedHidden = count.value();
            m_emptyLabel->setText(reasons.join(u' ') + u' '
                                  + tr("%Ln undated article(s) are hidden.", nullptr, count.value()));
            m_showUndatedButton->setVisible(true);
        });
    }
    m_emptyLabel->setText(reasons.join(u' '));
    const bool filtered = !q.text.trimmed().isEmpty() || q.since || q.until || q.unreadOnly || q.bookmarkedOnly
        || !q.tags.isEmpty() || q.feedId;
    m_clearFiltersButton->setVisible(filtered);
    m_listStack->setCurrentIndex(1);
}

QString MainWindow::emptyStateText() const
{
    return m_listStack->currentIndex() == 1 ? m_emptyLabel->text() : QString();
}

void MainWindow::setMarkReadDelay(int ms)
{
    m_markReadTimer.setInterval(ms);
}

bool MainWindow::selectSidebarKey(const QString& key)
{
    QModelIndex index = m_tags->indexForKey(key);
    if (!index.isValid() && key.startsWith(u"tag:"_s)) {
        // Tag names compare case-insensitively.
        const QString wanted = key.mid(4).simplified();
        const QModelIndex tagsSection = m_tags->tagSectionIndex();
        for (int row = 0; row < m_tags->rowCount(tagsSection); ++row) {
            const QModelIndex candidate = m_tags->index(row, 0, tagsSection);
            if (candidate.data(TagTreeModel::TagNameRole).toString().compare(wanted, Qt::CaseInsensitive) == 0) {
                index = candidate;
                break;
            }
        }
    }
    if (!index.isValid()) {
        return false;
    }
    m_sidebar->setCurrentIndex(index);
    return true;
}

void MainWindow::onSidebarSelectionChanged()
{
    if (m_sidebarReloading) {
        return;
    }
    const QString key = m_sidebar->currentIndex().data(TagTreeModel::KeyRole).toString();
    if (!key.isEmpty() && !key.startsWith(u"section:"_s)) {
        m_sidebarKey = key;
        if (!m_selectingFallback) {
            m_restoreSidebarKey.clear(); // the reader chose; forget the remembered entry
            m_restoreArticle = 0;
        }
    }
    updateFeedSelection();
    applyFilters();
}

void MainWindow::applyFilters()
{
    ArticleQuery query = m_search ? m_search->sidebarQuery(m_articles->query())
                                  : TagTreeModel::queryFor(m_sidebar->currentIndex(), m_articles->query());
    m_filterBar->applyTo(query);
    if (m_unreadOnlyAction && m_unreadOnlyAction->isChecked()) {
        query.unreadOnly = true;
    }
    if (!(query == m_articles->query()) || m_articles->rowCount() == 0) {
        m_articles->setQuery(query);
        m_countTimer.start();
    }
    showSortOf(query);
}

void MainWindow::showSortOf(const ArticleQuery& query)
{
    QHeaderView* header = m_list->header();
    int column = -1; // ranked by relevance: no column sorts the list
    Qt::SortOrder order = Qt::DescendingOrder;
    // The order the store applies: relevance without words to rank (only "-word") is newest first.
    switch (QueryBuilder(query).sort()) {
    case ArticleQuery::Sort::DateDesc:
        column = ArticleListModel::Date;
        break;
    case ArticleQuery::Sort::DateAsc:
        column = ArticleListModel::Date;
        order = Qt::AscendingOrder;
        break;
    case ArticleQuery::Sort::TitleAsc:
        column = ArticleListModel::Title;
        order = Qt::AscendingOrder;
        break;
    case ArticleQuery::Sort::TitleDesc:
        column = ArticleListModel::Title;
        break;
    case ArticleQuery::Sort::Relevance:
        break;
    }
    if (header->sortIndicatorSection() == column && (column < 0 || header->sortIndicatorOrder() == order)) {
        return;
    }
    // The indicator follows the query here; it must not sort the list again.
    const QSignalBlocker blocker(header);
    header->setSortIndicator(column, order);
    header->viewport()->update();
}

void MainWindow::onPageLoaded()
{
    if (m_restoreArticle != 0 && m_restoreSidebarKey.isEmpty()) {
        if (selectArticle(m_restoreArticle)) {
            m_restoreArticle = 0;
        } else if (m_articles->atEnd()) {
            m_restoreArticle = 0;
        }
    }
    // The article the reader shows or is loading: a page that lands between a click and the
    // article's arrival must not put the selection back on the article shown before.
    const qint64 shown = m_requestedArticle != 0 ? m_requestedArticle : m_reader->articleId();
    if (shown != 0 && currentArticleId() != shown && m_articles->rowOf(shown) >= 0) {
        // Keep the selection across a refresh.
        const QSignalBlocker block(m_list->selectionModel());
        m_list->setCurrentIndex(m_articles->index(m_articles->rowOf(shown), ArticleListModel::Title));
    }
}

bool MainWindow::selectArticle(qint64 id)
{
    const int row = m_articles->rowOf(id);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_articles->index(row, ArticleListModel::Title);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return true;
}

qint64 MainWindow::currentArticleId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(ArticleListModel::IdRole).toLongLong() : 0;
}

void MainWindow::updateLinkActions()
{
    if (!m_openLinkAction) {
        return; // before createActions()
    }
    // The current row is held whole whatever page it is on (ArticleListModel::setCurrentArticle).
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(currentArticleId()));
    const bool linked = row && !row->link.isEmpty();
    m_openLinkAction->setEnabled(linked);
    m_copyLinkAction->setEnabled(linked);
    m_copyCitationAction->setEnabled(row != nullptr);
}

void MainWindow::onCurrentArticleChanged()
{
    const qint64 id = currentArticleId();
    m_requestedArticle = id;
    m_bookmarkAction->setEnabled(id != 0 && !m_readOnly);
    m_readAction->setEnabled(id != 0 && !m_readOnly);
    updateLinkActions();
    m_markReadTimer.stop();
    if (id == 0) {
        m_reader->clearArticle();
        m_annotations->clearArticle();
        return;
    }
    // The state from the model's roles, known for every row (rowAt() only for rows held whole).
    const QModelIndex row = m_articles->index(m_articles->rowOf(id), ArticleListModel::Title);
    m_bookmarkAction->setChecked(row.data(ArticleListModel::BookmarkedRole).toBool());
    m_readAction->setChecked(row.data(ArticleListModel::ReadRole).toBool());
    const quint64 request = ++m_articleRequest;
    whenReady(this, m_library->article(id), [this, request](const Result<Article>& article) {
        if (request != m_articleRequest) {
            return;
        }
        if (!article) {
            m_reader->showMessage(article.error().toString());
            m_annotations->clearArticle();
            return;
        }
        m_reader->showArticle(article.value());
        m_offline->reloadShownArticle();
        m_annotations->setArticle(article.value());
        m_find->setTerms(ReaderFind::termsOf(m_articles->query().text));
        if (!article->state.read && !m_readOnly) {
            m_markReadTimer.start();
        }
    });
}

void MainWindow::updateCount()
{
    // "7 articles · 6 unread": the sidebar's badges are unread counts, so the status bar says both.
    const quint64 request = ++m_countRequest;
    const ArticleQuery query = m_articles->query();
    whenReady(this, m_library->count(query), [this, request, query](const Result<int>& count) {
        if (request != m_countRequest) {
            return;
        }
        if (!count) {
            m_countLabel->setText(count.error().message);
            return;
        }
        const QString total = tr("%Ln article(s)", nullptr, count.value());
        if (query.unreadOnly || query.readOnly || count.value() == 0) {
            m_countLabel->setText(total);
            return;
        }
        ArticleQuery unread = query;
        unread.unreadOnly = true;
        whenReady(this, m_library->count(unread), [this, request, total](const Result<int>& n) {
            if (request == m_countRequest) {
                m_countLabel->setText(n ? tr("%1 \u00B7 %Ln unread", nullptr, n.value()).arg(total) : total);
            }
        });
    });
}

void MainWindow::toggleBookmark()
{
    const qint64 id = currentArticleId();
    if (id == 0) {
        return;
    }
    const bool on = !m_articles->index(m_articles->rowOf(id), 0).data(ArticleListModel::BookmarkedRole).toBool();
    m_articles->setBookmarked({id}, on);
    m_bookmarkAction->setChecked(on);
}

void MainWindow::toggleRead()
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        ids.append(index.data(ArticleListModel::IdRole).toLongLong());
    }
    if (ids.isEmpty() && currentArticleId() != 0) {
        ids.append(currentArticleId());
    }
    if (ids.isEmpty()) {
        return;
    }
    const bool read = !m_articles->index(m_articles->rowOf(ids.first()), 0).data(ArticleListModel::ReadRole).toBool();
    m_markReadTimer.stop();
    m_articles->setRead(ids, read);
    m_readAction->setChecked(read);
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_articles->rowCount();
    if (rows == 0) {
        return;
    }
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    int target = current < 0 ? 0 : qBound(0, current + delta, rows - 1);
    if (delta > 0 && current == rows - 1 && m_articles->fetchNextPage()) {
        return;
    }
    selectArticle(m_articles->articleId(target));
}

void MainWindow::importFiles(const QStringList& paths)
{
    const bool idle = m_importQueue.isEmpty();
    m_importQueue.append(paths);
    m_importTotal += static_cast<int>(paths.size());
    if (idle) {
        m_importAdded = 0;
        m_importErrors.clear();
        importNext();
    }
}

void MainWindow::importNext()
{
    if (m_importQueue.isEmpty()) {
        m_progress->setVisible(false);
        const bool ok = m_importErrors.isEmpty();
        const QString message = ok ? tr("Import finished: %Ln new article(s)", nullptr, m_importAdded)
                                   : tr("Import failed: %1").arg(m_importErrors.join(u"\n"_s));
        statusBar()->showMessage(message, 10000);
        m_importTotal = 0;
        if (!ok) {
            showError(tr("Import failed"),
                      tr("These files were not imported (nothing from them was written):\n\n%1")
                          .arg(m_importErrors.join(u"\n"_s)));
        }
        Q_EMIT importFinished(ok, message);
        return;
    }
    const QString path = m_importQueue.first();
    const int done = m_importTotal - static_cast<int>(m_importQueue.size());
    // Thousandths of the files, so that one long file moves the bar as its batches are stored.
    m_progress->setRange(0, kImportProgressSteps * m_importTotal);
    m_progress->setValue(kImportProgressSteps * done);
    m_progress->setVisible(true);
    statusBar()->showMessage(tr("Importing %1 (%2 of %3)…").arg(QFileInfo(path).fileName()).arg(done + 1).arg(m_importTotal));
    whenReady(this, m_library->importFile(path), [this](const Result<ImportReport>& report) {
        m_importQueue.removeFirst();
        if (report) {
            m_importAdded += report->added;
        } else {
            m_importErrors.append(report.error().toString());
        }
        importNext();
    });
}

void MainWindow::onImportProgress(const QString& path, qint64 stored, qint64 total)
{
    if (m_importQueue.isEmpty() || m_importQueue.constFirst() != path || total <= 0) {
        return;
    }
    const int done = m_importTotal - static_cast<int>(m_importQueue.size());
    // The file's last step, its search index and commit, takes a second or two for a large file:
    // the bar keeps a twentieth for it, and the status bar says what is going on.
    const int stepsToStore = kImportProgressSteps - kImportProgressSteps / 20;
    const int share = static_cast<int>(qBound(qint64(0), stored * stepsToStore / total, qint64(stepsToStore)));
    m_progress->setValue(kImportProgressSteps * done + share);
    if (stored >= total) {
        statusBar()->showMessage(tr("Saving %1 (%2 of %3)…").arg(QFileInfo(path).fileName()).arg(done + 1).arg(m_importTotal));
    }
}

void MainWindow::showError(const QString& title, const QString& text)
{
    if (QApplication::platformName() == "offscreen"_L1) {
        qCWarning(lcUi).noquote() << title << text; // no modal dialogs in headless runs
        Q_EMIT errorShown(title, text);
        return;
    }
    Q_EMIT errorShown(title, text);
    QMessageBox::warning(this, title, text);
}

} // namespace folio
