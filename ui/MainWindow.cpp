// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AddSubscriptionDialog.h"
#include "AnnotationController.h"
#include "OfflineController.h"
#include "ArticleListView.h"
#include "FilterBar.h"
#include "PreferencesDialog.h"
#include "net/FeedFetcher.h"
#include "ReaderPane.h"
#include "SearchController.h"

#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "domain/WhenReady.h"
#include "storage/Library.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
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
constexpr int kCountDelayMs = 100;

} // namespace

MainWindow::MainWindow(Library* library, QWidget* parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_settings(std::make_unique<QSettings>(QDir(library->profileDir()).filePath(u"folio.ini"_s),
                                             QSettings::IniFormat))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Folio"));
    m_tags = new TagTreeModel(library, this);
    m_articles = new ArticleListModel(library, this);

    // A library that cannot be written (read-only storage, a full disk, damage) is shown with
    // every editing action off and a note in the status bar saying why.
    m_readOnly = library->isReadOnly();
    createLayout();
    createActions();
    createFeedActions();
    if (m_readOnly) {
        auto* note = new QLabel(tr("Read-only: %1").arg(library->writeRefusal()), this);
        note->setObjectName(u"readOnlyLabel"_s);
        statusBar()->addPermanentWidget(note);
        m_importAction->setEnabled(false);
        m_addFeedAction->setEnabled(false);
        updateFeedActions();
    }
    m_search = new SearchController(this, library, m_sidebar, m_list, m_articles, m_tags, m_filterBar);
    connect(m_search, &SearchController::filterChanged, this, &MainWindow::applyFilters);

    m_markReadTimer.setSingleShot(true);
    m_markReadTimer.setInterval(kMarkReadDelayMs);
    connect(&m_markReadTimer, &QTimer::timeout, this, [this] {
        const int row = m_articles->rowOf(m_reader->articleId());
        const ArticleRow* r = m_articles->rowAt(row);
        if (r && !r->state.read && r->id == currentArticleId()) {
            m_articles->setRead({r->id}, true);
            m_readAction->setChecked(true);
        }
    });
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(kCountDelayMs);
    connect(&m_countTimer, &QTimer::timeout, this, &MainWindow::updateCount);

    connect(library, &Library::contentChanged, this, [this] {
        m_articles->refresh();
        m_countTimer.start();
    });
    connect(library, &Library::stateChanged, this, [this] { m_countTimer.start(); });
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
        // A feed just subscribed to is selected as soon as the sidebar lists it.
        if (!m_pendingSidebarKey.isEmpty() && selectSidebarKey(m_pendingSidebarKey)) {
            m_pendingSidebarKey.clear();
        }
        updateFeedActions();
    });
    connect(m_articles, &ArticleListModel::pageLoaded, this, &MainWindow::onPageLoaded);
    connect(m_articles, &ArticleListModel::loadFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });

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
    m_sidebar->setRootIsDecorated(false);
    m_sidebar->setItemsExpandable(false);
    m_sidebar->expandAll();
    m_sidebar->header()->setStretchLastSection(false);
    m_sidebar->header()->setSectionResizeMode(TagTreeModel::Name, QHeaderView::Stretch);
    m_sidebar->header()->setSectionResizeMode(TagTreeModel::Counts, QHeaderView::ResizeToContents);
    connect(m_tags, &QAbstractItemModel::rowsInserted, m_sidebar, [this] { m_sidebar->expandAll(); });
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
    m_list->header()->resizeSection(ArticleListModel::Source, 110);
    m_list->header()->resizeSection(ArticleListModel::Date, 120);
    m_list->header()->resizeSection(ArticleListModel::Tags, 100);
    m_list->header()->setSortIndicator(ArticleListModel::Date, Qt::DescendingOrder);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentArticleChanged);
    connect(m_list, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == ArticleListModel::Bookmark) {
            const qint64 id = index.data(ArticleListModel::IdRole).toLongLong();
            m_articles->setBookmarked({id}, !index.data(ArticleListModel::BookmarkedRole).toBool());
            m_bookmarkAction->setChecked(index.data(ArticleListModel::BookmarkedRole).toBool());
        }
    });
    connect(m_articles, &ArticleListModel::rowsReplaced, this, [this] { m_countTimer.start(); });

    m_reader = new ReaderPane(this);
    connect(m_reader, &ReaderPane::tagActivated, this,
            [this](const QString& tag) { selectSidebarKey(u"tag:"_s + tag); });
    connect(m_reader, &ReaderPane::externalLinkActivated, this, [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_list, &ArticleListView::spaceInList, m_reader, &ReaderPane::pageDown);
    m_annotations = new AnnotationController(m_library, m_reader, this);
    m_annotations->setObjectName(u"annotationController"_s);
    addDockWidget(Qt::RightDockWidgetArea, m_annotations->dock());
    // The reader needs the room; the panel starts narrow (the user's width comes back from
    // the saved window state).
    QTimer::singleShot(0, this, [this] {
        if (m_settings->value(u"window/state"_s).isNull()) {
            resizeDocks({m_annotations->dock()}, {250}, Qt::Horizontal);
        }
    });
    connect(m_annotations, &AnnotationController::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    // Offline reading (OfflineController): the reader's images, full articles, downloads.
    m_offline = new OfflineController(m_library, m_reader, m_settings.get(), this);
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

    auto* middle = new QWidget(this);
    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->setSpacing(0);
    middleLayout->addWidget(m_filterBar);
    middleLayout->addWidget(m_list, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({190, 470, 380});
    setCentralWidget(m_splitter);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"importProgressBar"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_offline->progressBar());
    statusBar()->addPermanentWidget(m_offline->cancelButton());
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_importAction = file->addAction(QIcon::fromTheme(u"document-open"_s), tr("&Import…"));
    m_importAction->setObjectName(u"importAction"_s);
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setStatusTip(tr("Import tag pages or feed files into the library"));
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import into the library"), QDir::homePath(),
            tr("Tag pages and feeds (*.txt *.xml *.rss *.atom *.json);;All files (*)"));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    });
    file->addSeparator();
    QAction* importOpml = file->addAction(tr("Import &OPML…"));
    importOpml->setObjectName(u"importOpmlAction"_s);
    importOpml->setEnabled(!m_readOnly);
    importOpml->setStatusTip(tr("Subscribe to the feeds of an OPML subscription list"));
    connect(importOpml, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import subscriptions"), QDir::homePath(),
                                                          tr("OPML files (*.opml *.xml);;All files (*)"));
        if (!path.isEmpty()) {
            importSubscriptions(path);
        }
    });
    QAction* exportOpml = file->addAction(tr("&Export OPML…"));
    exportOpml->setObjectName(u"exportOpmlAction"_s);
    exportOpml->setStatusTip(tr("Write every subscription to an OPML file"));
    connect(exportOpml, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export subscriptions"),
                                         QDir::home().filePath(u"folio-subscriptions.opml"_s), tr("OPML files (*.opml)"));
        if (!path.isEmpty()) {
            exportSubscriptions(path);
        }
    });
    file->addAction(m_annotations->exportAction());
    file->addSeparator();
    QAction* closeWindow = file->addAction(QIcon::fromTheme(u"window-close"_s), tr("&Close window"));
    closeWindow->setObjectName(u"closeAction"_s);
    closeWindow->setShortcut(QKeySequence::Close);
    connect(closeWindow, &QAction::triggered, this, &QWidget::close);
    QAction* quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_annotations->undoAction());
    edit->addAction(m_annotations->redoAction());
    edit->addSeparator();
    QAction* find = edit->addAction(QIcon::fromTheme(u"edit-find"_s), tr("&Filter articles"));
    find->setObjectName(u"findAction"_s);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    edit->addSeparator();
    QAction* preferences = edit->addAction(QIcon::fromTheme(u"preferences-system"_s), tr("&Preferences…"));
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);

    QMenu* article = menuBar()->addMenu(tr("&Article"));
    m_bookmarkAction = article->addAction(QIcon::fromTheme(u"bookmark-new"_s), tr("&Bookmark"));
    m_bookmarkAction->setObjectName(u"bookmarkAction"_s);
    m_bookmarkAction->setCheckable(true);
    m_bookmarkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_bookmarkAction, &QAction::triggered, this, &MainWindow::toggleBookmark);
    m_readAction = article->addAction(QIcon::fromTheme(u"mail-mark-read"_s), tr("Mark as &read"));
    m_readAction->setObjectName(u"readAction"_s);
    m_readAction->setCheckable(true);
    connect(m_readAction, &QAction::triggered, this, &MainWindow::toggleRead);
    article->addSeparator();
    QAction* next = article->addAction(tr("&Next article"));
    next->setObjectName(u"nextAction"_s);
    next->setShortcut(QKeySequence(Qt::Key_J));
    connect(next, &QAction::triggered, this, [this] { moveSelection(1); });
    QAction* previous = article->addAction(tr("&Previous article"));
    previous->setObjectName(u"previousAction"_s);
    previous->setShortcut(QKeySequence(Qt::Key_K));
    connect(previous, &QAction::triggered, this, [this] { moveSelection(-1); });
    article->addSeparator();
    article->addAction(m_annotations->highlightAction());
    article->addAction(m_annotations->noteAction());

    QMenu* feeds = menuBar()->addMenu(tr("Fee&ds"));
    feeds->setObjectName(u"feedsMenu"_s);

    menuBar()->addMenu(m_offline->menu());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* keys = help->addAction(QIcon::fromTheme(u"help-contents"_s), tr("&Keyboard shortcuts"));
    keys->setObjectName(u"shortcutsAction"_s);
    keys->setShortcut(QKeySequence::HelpContents); // the only help inside the app
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction* about = help->addAction(tr("&About Folio"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_importAction);
    toolbar->addSeparator();
    toolbar->addAction(m_bookmarkAction);
    toolbar->addAction(m_readAction);
    m_bookmarkAction->setEnabled(false);
    m_readAction->setEnabled(false);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(u"window/geometry"_s).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1280, 800);
    }
    QMainWindow::restoreState(m_settings->value(u"window/state"_s).toByteArray());
    const QByteArray splitter = m_settings->value(u"window/splitter"_s).toByteArray();
    if (!splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
    m_restoreSidebarKey = m_settings->value(u"selection/sidebar"_s, u"all"_s).toString();
    m_sidebarKey = u"all"_s;
    m_restoreArticle = m_settings->value(u"selection/article"_s, 0).toLongLong();
}

void MainWindow::saveSettings()
{
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    m_settings->setValue(u"window/state"_s, QMainWindow::saveState());
    m_settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    m_settings->setValue(u"selection/sidebar"_s,
                         m_restoreSidebarKey.isEmpty() ? m_sidebarKey : m_restoreSidebarKey);
    m_settings->setValue(u"selection/article"_s, currentArticleId());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
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
        const QModelIndex tagsSection = m_tags->index(1, 0);
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
    if (!key.isEmpty()) {
        m_sidebarKey = key;
        if (!m_selectingFallback) {
            m_restoreSidebarKey.clear(); // the reader chose; forget the remembered entry
            m_restoreArticle = 0;
        }
    }
    updateFeedActions();
    applyFilters();
}

void MainWindow::applyFilters()
{
    ArticleQuery query = m_search ? m_search->sidebarQuery(m_articles->query())
                                  : TagTreeModel::queryFor(m_sidebar->currentIndex(), m_articles->query());
    m_filterBar->applyTo(query);
    if (!(query == m_articles->query()) || m_articles->rowCount() == 0) {
        m_articles->setQuery(query);
        m_countTimer.start();
    }
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
    const qint64 shown = m_reader->articleId();
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

void MainWindow::onCurrentArticleChanged()
{
    const qint64 id = currentArticleId();
    m_bookmarkAction->setEnabled(id != 0 && !m_readOnly);
    m_readAction->setEnabled(id != 0 && !m_readOnly);
    m_markReadTimer.stop();
    if (id == 0) {
        m_reader->clearArticle();
        m_annotations->clearArticle();
        return;
    }
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(id));
    m_bookmarkAction->setChecked(row && row->state.bookmarked);
    m_readAction->setChecked(row && row->state.read);
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
        if (!article->state.read && !m_readOnly) {
            m_markReadTimer.start();
        }
    });
}

void MainWindow::updateCount()
{
    const quint64 request = ++m_countRequest;
    whenReady(this, m_library->count(m_articles->query()), [this, request](const Result<int>& count) {
        if (request != m_countRequest) {
            return;
        }
        m_countLabel->setText(count ? tr("%n article(s)", nullptr, count.value()) : count.error().message);
    });
}

void MainWindow::toggleBookmark()
{
    const qint64 id = currentArticleId();
    if (id == 0) {
        return;
    }
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(id));
    const bool on = !(row && row->state.bookmarked);
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
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(ids.first()));
    const bool read = !(row && row->state.read);
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
    if (delta > 0 && current == rows - 1 && m_articles->canFetchMore({})) {
        m_articles->fetchMore({});
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
        const QString message = ok ? tr("Import finished: %n new article(s)", nullptr, m_importAdded)
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
    m_progress->setRange(0, m_importTotal);
    m_progress->setValue(done);
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

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard shortcuts"),
        tr("<table>"
           "<tr><td><b>↑ ↓, J / K</b></td><td>next / previous article</td></tr>"
           "<tr><td><b>Space</b></td><td>scroll the article</td></tr>"
           "<tr><td><b>Ctrl+D</b></td><td>bookmark</td></tr>"
           "<tr><td><b>Ctrl+F</b></td><td>filter articles</td></tr>"
           "<tr><td><b>Ctrl+O</b></td><td>import files</td></tr>"
           "<tr><td><b>N</b></td><td>next unread article</td></tr>"
           "<tr><td><b>B</b></td><td>bookmark</td></tr>"
           "<tr><td><b>M</b></td><td>mark read / unread</td></tr>"
           "<tr><td><b>/</b></td><td>search (tag:, published&gt;=, \"phrases\", OR, -word)</td></tr>"
           "<tr><td><b>H</b></td><td>highlight the selected text</td></tr>"
           "<tr><td><b>Ctrl+Shift+N</b></td><td>add a note (to the selection, or to the article)</td></tr>"
           "<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo an annotation change</td></tr>"
           "<tr><td><b>Ctrl+Shift+A</b></td><td>add a subscription</td></tr>"
           "</table>"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Folio"),
                       tr("<h3>Folio %1</h3><p>A desktop news reader for analysts: every article in a local "
                          "library, readable offline.</p>")
                           .arg(QString::fromLatin1(FOLIO_VERSION)));
}

// --- Feeds -------------------------------------------------------------------------------------

void MainWindow::createFeedActions()
{
    QMenu* feeds = menuBar()->findChild<QMenu*>(u"feedsMenu"_s);
    Q_ASSERT(feeds);
    m_addFeedAction = feeds->addAction(QIcon::fromTheme(u"list-add"_s), tr("&Add subscription…"));
    m_addFeedAction->setObjectName(u"addSubscriptionAction"_s);
    m_addFeedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_addFeedAction->setStatusTip(tr("Subscribe to a feed by its address"));
    connect(m_addFeedAction, &QAction::triggered, this, &MainWindow::showAddSubscriptionDialog);

    m_refreshFeedAction = feeds->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh"));
    m_refreshFeedAction->setObjectName(u"refreshFeedAction"_s);
    m_refreshFeedAction->setStatusTip(tr("Fetch the selected feed now"));
    connect(m_refreshFeedAction, &QAction::triggered, this, [this] {
        if (const qint64 id = selectedFeedId(); id != 0) {
            refreshFeeds({id});
        }
    });
    m_refreshAllAction = feeds->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("Refresh a&ll"));
    m_refreshAllAction->setObjectName(u"refreshAllAction"_s);
    // The platform's Refresh keys (F5, Ctrl+R, Cmd+R) and F5 everywhere.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5))) {
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    }
    m_refreshAllAction->setShortcuts(refreshKeys);
    m_refreshAllAction->setStatusTip(tr("Fetch every subscribed feed now"));
    connect(m_refreshAllAction, &QAction::triggered, this, [this] { refreshFeeds(); });
    m_cancelRefreshAction = feeds->addAction(QIcon::fromTheme(u"process-stop"_s), tr("&Cancel refresh"));
    m_cancelRefreshAction->setObjectName(u"cancelRefreshAction"_s);
    m_cancelRefreshAction->setEnabled(false);
    connect(m_cancelRefreshAction, &QAction::triggered, this, &MainWindow::cancelRefresh);
    feeds->addSeparator();
    m_unsubscribeAction = feeds->addAction(QIcon::fromTheme(u"list-remove"_s), tr("&Unsubscribe…"));
    m_unsubscribeAction->setObjectName(u"unsubscribeAction"_s);
    m_unsubscribeAction->setStatusTip(tr("Stop following the selected feed"));
    connect(m_unsubscribeAction, &QAction::triggered, this, [this] {
        const qint64 id = selectedFeedId();
        if (id == 0) {
            return;
        }
        const QString name = m_sidebar->currentIndex().data(Qt::DisplayRole).toString();
        confirm(tr("Unsubscribe"),
                tr("Unsubscribe from “%1”?\n\nIts articles leave the library, except those you bookmarked, "
                   "read or tagged, and those another source also delivered.")
                    .arg(name),
                [this, id] { unsubscribeFeed(id); });
    });

    auto* toolbar = findChild<QToolBar*>(u"mainToolBar"_s);
    toolbar->insertAction(m_bookmarkAction, m_addFeedAction);
    toolbar->insertAction(m_bookmarkAction, m_refreshAllAction);
    toolbar->insertSeparator(m_bookmarkAction);

    m_refreshProgress = new QProgressBar(this);
    m_refreshProgress->setObjectName(u"refreshProgressBar"_s);
    m_refreshProgress->setMaximumWidth(160);
    m_refreshProgress->setFormat(tr("%v of %m feeds"));
    m_refreshProgress->setVisible(false);
    m_cancelRefreshButton = new QToolButton(this);
    m_cancelRefreshButton->setObjectName(u"cancelRefreshToolButton"_s);
    m_cancelRefreshButton->setDefaultAction(m_cancelRefreshAction);
    m_cancelRefreshButton->setAutoRaise(true);
    m_cancelRefreshButton->setVisible(false);
    statusBar()->insertPermanentWidget(0, m_refreshProgress);
    statusBar()->insertPermanentWidget(1, m_cancelRefreshButton);
    connect(m_library, &Library::refreshProgress, this, &MainWindow::onRefreshProgress);

    m_autoRefreshTimer = new QTimer(this);
    m_autoRefreshTimer->setObjectName(u"autoRefreshTimer"_s);
    connect(m_autoRefreshTimer, &QTimer::timeout, this, [this] {
        if (!m_refreshing) {
            refreshFeeds();
        }
    });
    updateFeedActions();
}

void MainWindow::updateFeedActions()
{
    if (!m_refreshFeedAction) {
        return;
    }
    const bool feed = selectedFeedId() != 0;
    m_refreshFeedAction->setEnabled(feed && !m_refreshing && !m_readOnly);
    m_unsubscribeAction->setEnabled(feed && !m_readOnly);
    m_refreshAllAction->setEnabled(!m_refreshing && !m_readOnly);
    m_cancelRefreshAction->setEnabled(m_refreshing);
}

qint64 MainWindow::selectedFeedId() const
{
    const QModelIndex current = m_sidebar->currentIndex();
    return current.data(TagTreeModel::KindRole).toInt() == static_cast<int>(TagTreeModel::Kind::Feed)
        ? current.data(TagTreeModel::FeedIdRole).toLongLong()
        : 0;
}

void MainWindow::showAddSubscriptionDialog()
{
    auto* dialog = new AddSubscriptionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const QModelIndex current = m_sidebar->currentIndex();
        current.data(TagTreeModel::KindRole).toInt() == static_cast<int>(TagTreeModel::Kind::Tag)) {
        dialog->setTag(current.data(TagTreeModel::TagNameRole).toString());
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] { subscribe(dialog->url(), dialog->tags()); });
    dialog->open();
}

void MainWindow::subscribe(const QUrl& url, const QStringList& tags)
{
    const QString shown = url.toDisplayString();
    statusBar()->showMessage(tr("Subscribing to %1…").arg(shown));
    whenReady(this, m_library->subscribe(url, tags), [this, shown](const Result<SubscribeReport>& report) {
        if (!report) {
            const QString message = tr("Could not subscribe to %1: %2").arg(shown, report.error().message);
            statusBar()->showMessage(message, 10000);
            showError(tr("Subscription failed"), message);
            Q_EMIT subscribeFinished(false, message, 0);
            return;
        }
        const Feed& feed = report->feed;
        const QString name = feed.title.isEmpty() ? feed.url : feed.title;
        const QString message = report->alreadySubscribed
            ? tr("Already subscribed to %1").arg(name)
            : tr("Subscribed to %1: %n new article(s)", nullptr, report->import.added).arg(name);
        statusBar()->showMessage(message, 10000);
        const QString key = u"feed:%1"_s.arg(feed.id);
        if (!selectSidebarKey(key)) {
            m_pendingSidebarKey = key; // selected when the sidebar has read the new feed
            m_tags->scheduleRefresh();
        }
        Q_EMIT subscribeFinished(true, message, feed.id);
    });
}

void MainWindow::refreshFeeds(const QList<qint64>& ids)
{
    if (m_refreshing) {
        statusBar()->showMessage(tr("A refresh is running already."), 5000);
        return;
    }
    m_refreshing = true;
    updateFeedActions();
    m_refreshProgress->setRange(0, 0); // busy until the feed list is known
    m_refreshProgress->setVisible(true);
    m_cancelRefreshButton->setVisible(true);
    statusBar()->showMessage(tr("Refreshing feeds…"));
    whenReady(this, m_library->refreshFeeds(ids), [this](const Result<RefreshReport>& report) {
        m_refreshing = false;
        m_refreshProgress->setVisible(false);
        m_cancelRefreshButton->setVisible(false);
        updateFeedActions();
        if (!report) {
            const QString message = tr("Refresh failed: %1").arg(report.error().message);
            statusBar()->showMessage(message, 10000);
            showError(tr("Refresh failed"), message);
            Q_EMIT refreshFinished(false, message);
            return;
        }
        QString message = tr("Refreshed %n feed(s): ", nullptr, report->feeds - report->cancelled);
        message.append(tr("%n new article(s)", nullptr, report->added));
        if (report->failed > 0) {
            message.append(u"; "_s);
            message.append(tr("%n failed (see the sidebar)", nullptr, report->failed));
        }
        if (report->cancelled > 0) {
            message.append(u"; "_s);
            message.append(tr("%n cancelled", nullptr, report->cancelled));
        }
        statusBar()->showMessage(message, 10000);
        Q_EMIT refreshFinished(report->failed == 0 && report->cancelled == 0, message);
    });
}

void MainWindow::onRefreshProgress(int done, int total)
{
    if (!m_refreshing || total <= 0) {
        return;
    }
    m_refreshProgress->setRange(0, total);
    m_refreshProgress->setValue(done);
}

void MainWindow::cancelRefresh()
{
    if (m_refreshing) {
        statusBar()->showMessage(tr("Cancelling the refresh…"));
        m_library->cancelRefresh();
    }
}

void MainWindow::unsubscribeFeed(qint64 feedId)
{
    whenReady(this, m_library->unsubscribe(feedId), [this](const Result<UnsubscribeReport>& report) {
        if (!report) {
            const QString message = tr("Could not unsubscribe: %1").arg(report.error().message);
            showError(tr("Unsubscribe failed"), message);
            Q_EMIT unsubscribeFinished(false, message);
            return;
        }
        const QString name = report->feed.title.isEmpty() ? report->feed.url : report->feed.title;
        QString message = tr("Unsubscribed from %1: ").arg(name);
        message.append(tr("%n article(s) removed", nullptr, report->articlesRemoved));
        message.append(u", "_s);
        message.append(tr("%n kept", nullptr, report->articlesKept));
        statusBar()->showMessage(message, 10000);
        Q_EMIT unsubscribeFinished(true, message);
    });
}

void MainWindow::importSubscriptions(const QString& path)
{
    const QString file = QFileInfo(path).fileName();
    statusBar()->showMessage(tr("Importing subscriptions from %1…").arg(file));
    whenReady(this, m_library->importSubscriptions(path), [this, file](const Result<SubscriptionImportReport>& report) {
        if (!report) {
            const QString message = tr("Could not import subscriptions: %1").arg(report.error().toString());
            statusBar()->showMessage(message, 10000);
            showError(tr("Import failed"), message);
            Q_EMIT subscriptionsTransferred(false, message);
            return;
        }
        QString message = tr("Imported %1: ", "OPML file name").arg(file);
        message.append(tr("%n new feed(s)", nullptr, report->added));
        message.append(u", "_s);
        message.append(tr("%n subscribed already", nullptr, report->existing));
        statusBar()->showMessage(message, 10000);
        if (report->added > 0 && !m_refreshing) {
            refreshFeeds(); // imported feeds have no articles until they are fetched
        }
        Q_EMIT subscriptionsTransferred(true, message);
    });
}

void MainWindow::exportSubscriptions(const QString& path)
{
    whenReady(this, m_library->exportSubscriptions(path), [this, path](const Result<void>& done) {
        const QString message = done ? tr("Subscriptions written to %1").arg(QDir::toNativeSeparators(path))
                                     : tr("Could not export subscriptions: %1").arg(done.error().toString());
        statusBar()->showMessage(message, 10000);
        if (!done) {
            showError(tr("Export failed"), message);
        }
        Q_EMIT subscriptionsTransferred(static_cast<bool>(done), message);
    });
}

void MainWindow::confirm(const QString& title, const QString& text, const std::function<void()>& then)
{
    if (m_confirmHandler) {
        if (m_confirmHandler(title, text)) {
            then();
        }
        return;
    }
    // Window-modal but not blocking: the answer comes back through finished().
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [then](int result) {
        if (result == QMessageBox::Yes) {
            then();
        }
    });
    box->open();
}

// --- Preferences ---------------------------------------------------------------------------------

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(m_settings.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applyPreferences);
    dialog->open();
}

void MainWindow::applyPreferences()
{
    const Preferences preferences = Preferences::load(*m_settings);
    m_reader->setBaseFont(preferences.readerFont(m_reader->font()));
    applyTheme(preferences.theme);
    if (FeedFetcher* fetcher = m_library->feedFetcher()) {
        fetcher->setMaxBodyBytes(qint64(preferences.maxResponseMiB) * 1024 * 1024);
    }
    if (preferences.refreshIntervalMinutes <= 0) {
        m_autoRefreshTimer->stop();
        return;
    }
    const int ms = preferences.refreshIntervalMinutes * 60 * 1000;
    if (!m_autoRefreshTimer->isActive() || m_autoRefreshTimer->interval() != ms) {
        m_autoRefreshTimer->start(ms);
    }
}

} // namespace folio
