// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus, actions and their texts (retranslateUi), the shortcuts dialog, and the
// thin hand-overs to the feed controller and the preferences.
#include "MainWindow.h"

#include "AnnotationController.h"
#include "ArticleListView.h"
#include "FeedController.h"
#include "FilterBar.h"
#include "OfflineController.h"
#include "PreferencesDialog.h"
#include "ReaderFind.h"
#include "ReaderPane.h"
#include "TeamController.h"
#include "SearchController.h"
#include "TimelineStrip.h"

#include "domain/WhenReady.h"
#include "feeds/FeedService.h"
#include "i18n/Translations.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "net/FeedFetcher.h"
#include "storage/Library.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

/// Mark all as read, undoable: undo marks exactly the articles that were unread again.
class MarkReadCommand : public QUndoCommand
{
public:
    MarkReadCommand(ArticleListModel* articles, QList<qint64> ids, const QString& text)
        : QUndoCommand(text)
        , m_articles(articles)
        , m_ids(std::move(ids))
    {
    }
    void redo() override
    {
        if (m_articles) {
            m_articles->setRead(m_ids, true); // the list shows it at once, the library follows
        }
    }
    void undo() override
    {
        if (m_articles) {
            m_articles->setRead(m_ids, false);
        }
    }

private:
    QPointer<ArticleListModel> m_articles;
    QList<qint64> m_ids;
};

QAction* newAction(QObject* parent, const char* objectName, const QKeySequence& key = {}, const QString& icon = {})
{
    auto* action = new QAction(icon.isEmpty() ? QIcon() : QIcon::fromTheme(icon), QString(), parent);
    action->setObjectName(QString::fromLatin1(objectName));
    if (!key.isEmpty()) {
        action->setShortcut(key);
    }
    return action;
}

} // namespace

void MainWindow::createActions()
{
    createFileMenu();
    createEditMenu();
    createArticleMenu();
    createViewMenu();
    m_menus.insert(u"feeds"_s, menuBar()->addMenu(QString()));
    m_menus.value(u"feeds"_s)->setObjectName(u"feedsMenu"_s);
    m_feeds->fillMenu(m_menus.value(u"feeds"_s));
    m_menus.value(u"feeds"_s)->addMenu(m_offline->policyMenu());
    menuBar()->addMenu(m_offline->menu());
    createHelpMenu();

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(u"mainToolBar"_s);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->addAction(m_importAction);
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_feeds->addAction());
    m_toolbar->addAction(m_feeds->refreshAllAction());
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_bookmarkAction);
    m_toolbar->addAction(m_readAction);
    m_toolbar->addAction(m_unreadOnlyAction);
    m_bookmarkAction->setEnabled(false);
    m_readAction->setEnabled(false);
    connect(m_toolbar, &QToolBar::visibilityChanged, this, [this](bool visible) {
        if (!m_distractionFree) {
            m_viewActions.value(u"toolbar"_s)->setChecked(visible);
        }
    });

    m_search->setListMenuActions({m_openLinkAction, m_copyLinkAction, m_copyCitationAction, nullptr, m_readAction,
                                  m_bookmarkAction, nullptr, m_offline->makeSelectionOfflineAction(), nullptr});
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(QString());
    m_menus.insert(u"file"_s, file);
    m_importAction = newAction(this, "importAction", QKeySequence::Open, u"document-open"_s);
    file->addAction(m_importAction);
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import into the library"), QDir::homePath(),
            tr("Tag pages and feeds (*.txt *.xml *.rss *.atom *.json);;All files (*)"));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    });
    file->addSeparator();
    QAction* importOpml = file->addAction(QString());
    importOpml->setObjectName(u"importOpmlAction"_s);
    connect(importOpml, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import subscriptions"), QDir::homePath(),
                                                          tr("OPML files (*.opml *.xml);;All files (*)"));
        if (!path.isEmpty()) {
            importSubscriptions(path);
        }
    });
    QAction* exportOpml = file->addAction(QString());
    exportOpml->setObjectName(u"exportOpmlAction"_s);
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
    QAction* closeWindow = newAction(this, "closeAction", QKeySequence::Close, u"window-close"_s);
    file->addAction(closeWindow);
    connect(closeWindow, &QAction::triggered, this, &QWidget::close);
    QAction* quit = newAction(this, "quitAction", QKeySequence::Quit, u"application-exit"_s);
    quit->setMenuRole(QAction::QuitRole);
    file->addAction(quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(QString());
    m_menus.insert(u"edit"_s, edit);
    edit->addAction(m_annotations->undoAction());
    edit->addAction(m_annotations->redoAction());
    edit->addSeparator();
    QAction* find = newAction(this, "findAction", QKeySequence::Find, u"edit-find"_s);
    connect(find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    edit->addAction(find);
    edit->addAction(m_search->focusSearchAction());
    edit->addAction(m_search->saveSearchAction());
    edit->addSeparator();
    // The platform's key where its theme has one (Cmd+, on macOS, Ctrl+Shift+, with Plasma's
    // theme); elsewhere, as on Windows and GNOME, Ctrl+, as most desktop applications have it.
    const bool standard = !QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty();
    QAction* preferences = newAction(this, "preferencesAction",
                                     standard ? QKeySequence(QKeySequence::Preferences) : QKeySequence(Qt::CTRL | Qt::Key_Comma),
                                     u"preferences-system"_s);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    edit->addAction(preferences);
}

void MainWindow::createArticleMenu()
{
    QMenu* article = menuBar()->addMenu(QString());
    m_menus.insert(u"article"_s, article);
    m_bookmarkAction = newAction(this, "bookmarkAction", {}, u"bookmark-new"_s);
    m_bookmarkAction->setCheckable(true);
    m_bookmarkAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_D), QKeySequence(Qt::Key_B)});
    connect(m_bookmarkAction, &QAction::triggered, this, &MainWindow::toggleBookmark);
    article->addAction(m_bookmarkAction);
    m_readAction = newAction(this, "readAction", QKeySequence(Qt::Key_M), u"mail-mark-read"_s);
    m_readAction->setCheckable(true);
    connect(m_readAction, &QAction::triggered, this, &MainWindow::toggleRead);
    article->addAction(m_readAction);
    m_markAllReadAction = newAction(this, "markAllReadAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_markAllReadAction, &QAction::triggered, this, &MainWindow::markAllRead);
    article->addAction(m_markAllReadAction);
    article->addSeparator();
    m_openLinkAction = newAction(this, "openLinkAction", QKeySequence(Qt::Key_O), u"internet-web-browser"_s);
    connect(m_openLinkAction, &QAction::triggered, this, &MainWindow::openArticleLink);
    article->addAction(m_openLinkAction);
    m_copyLinkAction = newAction(this, "copyLinkAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), u"edit-copy"_s);
    connect(m_copyLinkAction, &QAction::triggered, this, [this] { copyArticleLink(false); });
    article->addAction(m_copyLinkAction);
    m_copyCitationAction = newAction(this, "copyCitationAction");
    connect(m_copyCitationAction, &QAction::triggered, this, [this] { copyArticleLink(true); });
    article->addAction(m_copyCitationAction);
    article->addSeparator();
    QAction* next = newAction(this, "nextAction", QKeySequence(Qt::Key_J));
    connect(next, &QAction::triggered, this, [this] { moveSelection(1); });
    article->addAction(next);
    QAction* previous = newAction(this, "previousAction", QKeySequence(Qt::Key_K));
    connect(previous, &QAction::triggered, this, [this] { moveSelection(-1); });
    article->addAction(previous);
    article->addAction(m_search->nextUnreadAction());
    QAction* nextHit = newAction(this, "nextHitAction", QKeySequence::FindNext);
    connect(nextHit, &QAction::triggered, m_find, &ReaderFind::next);
    article->addAction(nextHit);
    QAction* previousHit = newAction(this, "previousHitAction", QKeySequence::FindPrevious);
    connect(previousHit, &QAction::triggered, m_find, &ReaderFind::previous);
    article->addAction(previousHit);
    article->addSeparator();
    article->addAction(m_annotations->highlightAction());
    article->addAction(m_annotations->noteAction());
    // H opens the panel: the new highlight shows there.
    connect(m_annotations->highlightAction(), &QAction::triggered, this, [this] {
        if (!m_distractionFree) {
            m_annotations->dock()->setVisible(true);
        }
    });
    for (QAction* a : {m_openLinkAction, m_copyLinkAction, m_copyCitationAction, m_markAllReadAction}) {
        a->setEnabled(a == m_markAllReadAction);
    }
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(QString());
    view->setObjectName(u"viewMenu"_s);
    m_menus.insert(u"view"_s, view);
    auto toggle = [this, view](const char* name, const QString& key, const std::function<void(bool)>& apply) {
        QAction* action = newAction(this, name);
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, apply);
        view->addAction(action);
        m_viewActions.insert(key, action);
        return action;
    };
    toggle("showSidebarAction", u"sidebar"_s, [this](bool on) {
        m_sidebarPanel->setVisible(on && !m_distractionFree);
        updateSplitterOrientation();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    toggle("showAnnotationsAction", u"annotations"_s, [this](bool on) {
        m_annotationsPinned = on;
        updateAnnotationDock();
    })->setChecked(false);
    // Closing the panel with its own button unpins it too.
    connect(m_annotations->dock(), &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && m_annotationsPinned && !m_distractionFree && !isMinimized() && isVisible()) {
            m_viewActions.value(u"annotations"_s)->setChecked(false);
        }
    });
    toggle("showTimelineAction", u"timeline"_s, [this](bool on) { m_search->timelineStrip()->setVisible(on); });
    toggle("showToolbarAction", u"toolbar"_s, [this](bool on) {
        if (m_toolbar && !m_distractionFree) {
            m_toolbar->setVisible(on);
        }
    });
    view->addSeparator();
    m_layoutGroup = new QActionGroup(this);
    const struct
    {
        const char* name;
        ReaderLayout layout;
    } layouts[] = {{"layoutAutomaticAction", ReaderLayout::Automatic},
                   {"layoutColumnsAction", ReaderLayout::ThreeColumns},
                   {"layoutListAboveAction", ReaderLayout::ListAboveReader}};
    for (const auto& l : layouts) {
        QAction* action = newAction(this, l.name);
        action->setCheckable(true);
        action->setData(static_cast<int>(l.layout));
        action->setChecked(l.layout == ReaderLayout::Automatic);
        m_layoutGroup->addAction(action);
        view->addAction(action);
        connect(action, &QAction::triggered, this, [this, layout = l.layout] { setReaderLayout(layout); });
    }
    view->addSeparator();
    m_unreadOnlyAction = newAction(this, "unreadOnlyAction", QKeySequence(Qt::SHIFT | Qt::Key_U), u"mail-unread"_s);
    m_unreadOnlyAction->setCheckable(true);
    connect(m_unreadOnlyAction, &QAction::toggled, this, &MainWindow::applyFilters);
    view->addAction(m_unreadOnlyAction);
    QAction* focus = toggle("distractionFreeAction", u"distractionFree"_s, [this](bool on) { setDistractionFree(on); });
    focus->setChecked(false);
    focus->setShortcut(QKeySequence(Qt::Key_F11));
    addAction(focus); // works with the menu bar hidden
    QAction* leave = newAction(this, "leaveDistractionFreeAction", QKeySequence(Qt::Key_Escape));
    leave->setShortcutContext(Qt::WindowShortcut);
    connect(leave, &QAction::triggered, this, [this] { setDistractionFree(false); });
    addAction(leave);
}

void MainWindow::createHelpMenu()
{
    QMenu* help = menuBar()->addMenu(QString());
    m_menus.insert(u"help"_s, help);
    QAction* keys = newAction(this, "shortcutsAction", QKeySequence::HelpContents, u"help-contents"_s);
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(keys);
    QAction* about = newAction(this, "aboutAction");
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    help->addAction(about);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Folio"));
    m_menus.value(u"file"_s)->setTitle(tr("&File"));
    m_menus.value(u"edit"_s)->setTitle(tr("&Edit"));
    m_menus.value(u"article"_s)->setTitle(tr("&Article"));
    m_menus.value(u"view"_s)->setTitle(tr("&View"));
    m_menus.value(u"feeds"_s)->setTitle(tr("Fee&ds"));
    m_menus.value(u"help"_s)->setTitle(tr("&Help"));
    m_toolbar->setWindowTitle(tr("Main"));
    auto set = [this](const char* name, const QString& text, const QString& tip = {}) {
        if (auto* action = findChild<QAction*>(QString::fromLatin1(name))) {
            action->setText(text);
            action->setStatusTip(tip);
        }
    };
    set("importAction", tr("&Import…"), tr("Import tag pages or feed files into the library"));
    set("importOpmlAction", tr("Import &OPML…"), tr("Subscribe to the feeds of an OPML subscription list"));
    set("exportOpmlAction", tr("&Export OPML…"), tr("Write every subscription to an OPML file"));
    set("closeAction", tr("&Close window"));
    set("quitAction", tr("&Quit"));
    set("findAction", tr("&Filter articles"));
    set("preferencesAction", tr("&Preferences…"));
    set("bookmarkAction", tr("&Bookmark"));
    set("readAction", tr("Mark as &read"));
    set("markAllReadAction", tr("Mark &all as read"), tr("Mark every article the list shows as read (undo with Ctrl+Z)"));
    set("openLinkAction", tr("&Open in browser"), tr("Open the article's web page in the system browser"));
    set("copyLinkAction", tr("Copy &link"));
    set("copyCitationAction", tr("Copy as Markdown &citation"), tr("Copy [title](link) — source, date"));
    set("nextAction", tr("&Next article"));
    set("nextHitAction", tr("Next search &hit"), tr("Go to the next place the search words occur in the article"));
    set("previousHitAction", tr("Previous search hi&t"));
    set("previousAction", tr("&Previous article"));
    set("showSidebarAction", tr("&Sidebar"));
    set("showAnnotationsAction", tr("&Annotations panel"), tr("Keep the annotations panel open for every article"));
    set("showTimelineAction", tr("&Timeline"));
    set("showToolbarAction", tr("Tool&bar"));
    set("layoutAutomaticAction", tr("Layout: &automatic"), tr("Three columns when there is room, else the list above the reader"));
    set("layoutColumnsAction", tr("Layout: three &columns"));
    set("layoutListAboveAction", tr("Layout: list &above reader"));
    set("unreadOnlyAction", tr("&Unread only"), tr("Show only unread articles"));
    set("distractionFreeAction", tr("&Distraction-free reading"), tr("Only the article, full screen (F11 or Esc to leave)"));
    set("leaveDistractionFreeAction", tr("Leave distraction-free reading"));
    set("shortcutsAction", tr("&Keyboard shortcuts"));
    set("aboutAction", tr("&About Folio"));
    m_showUndatedButton->setText(tr("Show them"));
    m_clearFiltersButton->setText(tr("Clear filters"));
    m_feeds->retranslate();
    m_search->retranslate();
    m_tags->retranslate();
    Q_EMIT m_articles->headerDataChanged(Qt::Horizontal, 0, ArticleListModel::ColumnCount - 1);
    updateEmptyState();
    m_countTimer.start();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_menus.contains(u"file"_s)) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::markAllRead()
{
    ArticleQuery query = m_articles->query();
    query.unreadOnly = true;
    query.readOnly = false;
    // Ids only (rows are small); the whole filter, not just the loaded page.
    whenReady(this, m_library->page(query, std::nullopt, 1'000'000),
              [this](const Result<std::vector<ArticleRow>>& rows) {
                  if (!rows) {
                      statusBar()->showMessage(rows.error().toString(), 10000);
                      return;
                  }
                  QList<qint64> ids;
                  ids.reserve(static_cast<qsizetype>(rows->size()));
                  for (const ArticleRow& row : rows.value()) {
                      ids.append(row.id);
                  }
                  if (ids.isEmpty()) {
                      statusBar()->showMessage(tr("Nothing to mark: every article here is read."), 5000);
                      return;
                  }
                  const int n = static_cast<int>(ids.size());
                  m_annotations->undoStack()->push(
                      new MarkReadCommand(m_articles, ids, tr("Mark %Ln article(s) as read", nullptr, n)));
                  statusBar()->showMessage(tr("Marked %Ln article(s) as read — Ctrl+Z undoes it", nullptr, n), 8000);
              });
}

void MainWindow::openArticleLink()
{
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(currentArticleId()));
    if (row && !row->link.isEmpty()) {
        QDesktopServices::openUrl(QUrl(row->link));
    } else {
        statusBar()->showMessage(tr("This article has no link."), 5000);
    }
}

void MainWindow::copyArticleLink(bool markdown)
{
    const ArticleRow* row = m_articles->rowAt(m_articles->rowOf(currentArticleId()));
    if (!row) {
        return;
    }
    QString text = row->link;
    if (markdown) {
        QString title = row->title;
        title.replace(u'[', u"\\["_s).replace(u']', u"\\]"_s);
        text = row->link.isEmpty() ? title : u"[%1](%2)"_s.arg(title, row->link);
        if (!row->source.isEmpty()) {
            text += u" — "_s + row->source;
        }
        if (row->published) {
            text += u", "_s + QDateTime::fromSecsSinceEpoch(*row->published).date().toString(Qt::ISODate);
        }
    }
    QApplication::clipboard()->setText(text);
    statusBar()->showMessage(markdown ? tr("Citation copied") : tr("Link copied"), 3000);
}

void MainWindow::showShortcuts()
{
    // Generated from the actions, so it lists every shortcut and never drifts.
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(0, 3, dialog);
    table->setObjectName(u"shortcutsTableWidget"_s);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action"), tr("Menu")});
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    QList<QAction*> seen;
    auto addRow = [table, &seen](QAction* action, const QString& menu) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || action->isSeparator()) {
            return;
        }
        seen.append(action);
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts()) {
            keys.append(key.toString(QKeySequence::NativeText));
        }
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(keys.join(u", "_s)));
        table->setItem(row, 1, new QTableWidgetItem(QString(action->text()).remove(u'&')));
        table->setItem(row, 2, new QTableWidgetItem(QString(menu).remove(u'&')));
    };
    const auto menus = menuBar()->actions();
    for (QAction* menuAction : menus) {
        if (QMenu* menu = menuAction->menu()) {
            for (QAction* action : menu->actions()) {
                addRow(action, menu->title());
            }
        }
    }
    for (QAction* action : findChildren<QAction*>()) {
        addRow(action, QString());
    }
    table->resizeColumnToContents(0);
    auto* note = new QLabel(tr("In the list: ↑ ↓ move, Space scrolls the article."), dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(note);
    layout->addWidget(buttons);
    dialog->resize(560, 520);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Folio"),
                       tr("<h3>Folio %1</h3><p>A desktop news reader for analysts: every article in a local "
                          "library, readable offline.</p>")
                           .arg(QString::fromLatin1(FOLIO_VERSION)));
}

// --- Feeds: the controller does the work ----------------------------------------------------------

void MainWindow::setConfirmHandler(ConfirmHandler handler)
{
    m_feeds->setConfirmHandler(std::move(handler));
}

bool MainWindow::isRefreshing() const
{
    return m_feeds->isRefreshing();
}

void MainWindow::subscribe(const QUrl& url, const QStringList& tags)
{
    m_feeds->subscribe(url, tags);
}

void MainWindow::showAddSubscriptionDialog()
{
    m_feeds->showAddDialog();
}

void MainWindow::refreshFeeds(const QList<qint64>& ids)
{
    m_feeds->refreshFeeds(ids);
}

void MainWindow::cancelRefresh()
{
    m_feeds->cancelRefresh();
}

void MainWindow::unsubscribeFeed(qint64 feedId)
{
    m_feeds->unsubscribe(feedId);
}

void MainWindow::importSubscriptions(const QString& path)
{
    m_feeds->importSubscriptions(path);
}

void MainWindow::exportSubscriptions(const QString& path)
{
    m_feeds->exportSubscriptions(path);
}

qint64 MainWindow::selectedFeedId() const
{
    const QModelIndex current = m_sidebar->currentIndex();
    return current.data(TagTreeModel::KindRole).toInt() == static_cast<int>(TagTreeModel::Kind::Feed)
        ? current.data(TagTreeModel::FeedIdRole).toLongLong()
        : 0;
}

void MainWindow::updateFeedSelection()
{
    const QModelIndex current = m_sidebar->currentIndex();
    const bool tag = current.data(TagTreeModel::KindRole).toInt() == static_cast<int>(TagTreeModel::Kind::Tag);
    m_feeds->setSelection(selectedFeedId(), current.data(Qt::DisplayRole).toString(),
                          tag ? current.data(TagTreeModel::TagNameRole).toString() : QString());
}

// --- Preferences ---------------------------------------------------------------------------------

void MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(m_settings.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addSection(m_team->createPreferencesSection(dialog));
    connect(dialog, &QDialog::accepted, this, &MainWindow::applyPreferences);
    dialog->open();
}

void MainWindow::applyPreferences()
{
    const Preferences preferences = Preferences::load(*m_settings);
    m_reader->setBaseFont(preferences.readerFont(m_reader->font()));
    applyTheme(preferences.theme);
    if (FeedFetcher* fetcher = m_feedService ? m_feedService->fetcher() : nullptr) {
        fetcher->setMaxBodyBytes(qint64(preferences.maxResponseMiB) * 1024 * 1024);
    }
    m_feeds->setAutoRefreshMinutes(preferences.refreshIntervalMinutes);
    // A new language applies at once: swap the catalogues; LanguageChange retranslates.
    const QLocale locale = i18n::chooseLocale(preferences.language);
    if (locale != QLocale()) {
        QLocale::setDefault(locale);
        if (QCoreApplication* app = QCoreApplication::instance()) {
            const auto translators = app->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly);
            for (QTranslator* t : translators) {
                QCoreApplication::removeTranslator(t);
                t->deleteLater();
            }
            i18n::install(*app, locale);
        }
        m_articles->refresh(); // dates in the new language
    }
}

} // namespace folio
