// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchController.h"

#include "ArticleListView.h"
#include "FilterBar.h"
#include "SnippetDelegate.h"
#include "TimelineStrip.h"

#include "domain/WhenReady.h"
#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"
#include "storage/Library.h"
#include "storage/QueryParser.h"

#include <QAction>
#include <QBoxLayout>
#include <QColorDialog>
#include <QComboBox>
#include <QDateTime>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kMessageMs = 8000;

TagTreeModel::Kind kindOf(const QModelIndex& index)
{
    return static_cast<TagTreeModel::Kind>(index.data(TagTreeModel::KindRole).toInt());
}

} // namespace

SearchController::SearchController(QMainWindow* window, Library* library, QTreeView* sidebar, ArticleListView* list,
                                   ArticleListModel* articles, TagTreeModel* tags, FilterBar* filterBar)
    : QObject(window)
    , m_window(window)
    , m_library(library)
    , m_sidebar(sidebar)
    , m_list(list)
    , m_articles(articles)
    , m_tags(tags)
    , m_filterBar(filterBar)
{
    setObjectName(u"searchController"_s);
    m_sidebar->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sidebar->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_sidebar, &QWidget::customContextMenuRequested, this, &SearchController::showSidebarMenu);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SearchController::filterChanged);
    wrapSidebar();

    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &SearchController::showListMenu);
    m_delegate = new SnippetDelegate(m_list);
    m_list->setItemDelegateForColumn(ArticleListModel::Title, m_delegate);

    m_timeline = new TimelineStrip(m_list->parentWidget());
    if (auto* layout = qobject_cast<QBoxLayout*>(m_list->parentWidget()->layout())) {
        layout->insertWidget(layout->indexOf(m_list), m_timeline);
    }
    connect(m_timeline, &TimelineStrip::rangeSelected, m_filterBar,
            [this](const QDate& from, const QDate& to) { m_filterBar->setRange(from, to); });
    connect(m_articles, &ArticleListModel::rowsReplaced, this, &SearchController::refreshTimeline);
    connect(m_articles, &ArticleListModel::rowsReplaced, m_list, [this] { m_list->doItemsLayout(); });
    connect(m_tags, &TagTreeModel::refreshed, this, [this] { m_articles->setTagColors(m_tags->tagColors()); });
    connect(m_filterBar, &FilterBar::searchError, this, [this](const QString& message) {
        if (!message.isEmpty()) {
            m_window->statusBar()->showMessage(tr("Search: %1").arg(message), kMessageMs);
        }
    });
    connect(m_articles, &ArticleListModel::pageLoaded, this, [this] {
        if (m_seekingUnread) {
            m_seekingUnread = false;
            selectNextUnread();
        }
    });
    createActions();
}

void SearchController::wrapSidebar()
{
    auto* splitter = qobject_cast<QSplitter*>(m_sidebar->parentWidget());
    if (!splitter) {
        return;
    }
    const int at = splitter->indexOf(m_sidebar);
    auto* container = new QWidget;
    container->setObjectName(u"sidebarWidget"_s);
    auto* layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(4, 2, 4, 0);
    auto* label = new QLabel(tr("Tags:"), container);
    m_matchBox = new QComboBox(container);
    m_matchBox->setObjectName(u"tagMatchComboBox"_s);
    m_matchBox->addItem(tr("match all"), static_cast<int>(ArticleQuery::TagMatch::All));
    m_matchBox->addItem(tr("match any"), static_cast<int>(ArticleQuery::TagMatch::Any));
    m_matchBox->setToolTip(tr("With several tags selected (Ctrl+click): articles with all of them, or with any"));
    label->setBuddy(m_matchBox);
    connect(m_matchBox, &QComboBox::currentIndexChanged, this, &SearchController::filterChanged);
    row->addWidget(label);
    row->addWidget(m_matchBox, 1);
    layout->addLayout(row);
    splitter->replaceWidget(at, container);
    layout->addWidget(m_sidebar, 1);
    m_saveButton = new QPushButton(tr("Save search…"), container);
    m_saveButton->setObjectName(u"saveSearchPushButton"_s);
    m_saveButton->setToolTip(tr("Save the current filter as a search in the sidebar"));
    connect(m_saveButton, &QPushButton::clicked, this, &SearchController::askSaveSearch);
    layout->addWidget(m_saveButton);
}

void SearchController::createActions()
{
    QMenu* edit = nullptr;
    QMenu* articleMenu = nullptr;
    const auto menus = m_window->menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly);
    for (QMenu* menu : menus) {
        const QString title = menu->title();
        if (title == tr("&Edit")) {
            edit = menu;
        } else if (title == tr("&Article")) {
            articleMenu = menu;
        }
    }
    m_saveSearchAction = new QAction(QIcon::fromTheme(u"document-save"_s), tr("&Save search…"), m_window);
    m_saveSearchAction->setObjectName(u"saveSearchAction"_s);
    m_saveSearchAction->setStatusTip(tr("Save the current filter as a search in the sidebar"));
    connect(m_saveSearchAction, &QAction::triggered, this, &SearchController::askSaveSearch);
    auto* focusSearch = new QAction(tr("&Search"), m_window);
    focusSearch->setObjectName(u"focusSearchAction"_s);
    focusSearch->setShortcut(QKeySequence(Qt::Key_Slash));
    connect(focusSearch, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    auto* nextUnread = new QAction(tr("Next &unread article"), m_window);
    nextUnread->setObjectName(u"nextUnreadAction"_s);
    nextUnread->setShortcut(QKeySequence(Qt::Key_N));
    connect(nextUnread, &QAction::triggered, this, &SearchController::selectNextUnread);
    if (edit) {
        edit->insertAction(edit->actions().value(1), focusSearch);
        edit->insertAction(edit->actions().value(2), m_saveSearchAction);
    } else {
        m_window->addAction(focusSearch);
        m_window->addAction(m_saveSearchAction);
    }
    if (articleMenu) {
        articleMenu->addAction(nextUnread);
    } else {
        m_window->addAction(nextUnread);
    }
    // b and m next to the existing bookmark and read shortcuts.
    if (auto* bookmark = m_window->findChild<QAction*>(u"bookmarkAction"_s)) {
        bookmark->setShortcuts({bookmark->shortcut(), QKeySequence(Qt::Key_B)});
    }
    if (auto* read = m_window->findChild<QAction*>(u"readAction"_s)) {
        QList<QKeySequence> keys = read->shortcuts();
        keys.append(QKeySequence(Qt::Key_M));
        read->setShortcuts(keys);
    }
}

ArticleQuery::TagMatch SearchController::tagMatch() const
{
    return m_matchBox ? static_cast<ArticleQuery::TagMatch>(m_matchBox->currentData().toInt())
                      : ArticleQuery::TagMatch::All;
}

void SearchController::setTagMatch(ArticleQuery::TagMatch match)
{
    if (m_matchBox) {
        m_matchBox->setCurrentIndex(m_matchBox->findData(static_cast<int>(match)));
    }
}

ArticleQuery SearchController::sidebarQuery(const ArticleQuery& base) const
{
    return TagTreeModel::queryFor(m_sidebar->selectionModel()->selectedRows(TagTreeModel::Name),
                                  m_sidebar->currentIndex(), base, tagMatch());
}

QStringList SearchController::tagNames() const
{
    QStringList names;
    for (int section = 0; section < m_tags->rowCount(); ++section) {
        const QModelIndex parent = m_tags->index(section, 0);
        for (int row = 0; row < m_tags->rowCount(parent); ++row) {
            const QModelIndex index = m_tags->index(row, 0, parent);
            if (kindOf(index) == TagTreeModel::Kind::Tag) {
                names.append(index.data(TagTreeModel::TagNameRole).toString());
            }
        }
    }
    return names;
}

QList<qint64> SearchController::selectedArticles() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        ids.append(index.data(ArticleListModel::IdRole).toLongLong());
    }
    if (ids.isEmpty() && m_list->currentIndex().isValid()) {
        ids.append(m_list->currentIndex().data(ArticleListModel::IdRole).toLongLong());
    }
    return ids;
}

void SearchController::report(const QString& what, const QString& error)
{
    m_window->statusBar()->showMessage(error.isEmpty() ? what : tr("%1 failed: %2").arg(what, error), kMessageMs);
}

void SearchController::addTagToSelection(const QString& name)
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty() || name.simplified().isEmpty() || !m_library) {
        return;
    }
    whenReady(this, m_library->addTag(ids, name), [this, ids, name](const Result<void>& r) {
        const QString message = r ? tr("Tagged %n article(s) with %1", nullptr, static_cast<int>(ids.size()))
                                        .arg(name.simplified())
                                  : tr("Could not tag: %1").arg(r.error().message);
        m_window->statusBar()->showMessage(message, kMessageMs);
        Q_EMIT tagsEdited(static_cast<bool>(r), message);
    });
}

void SearchController::removeTagFromSelection(const QString& name)
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty() || !m_library) {
        return;
    }
    whenReady(this, m_library->removeTag(ids, name), [this, ids, name](const Result<void>& r) {
        const QString message = r ? tr("Took %1 off %n article(s)", nullptr, static_cast<int>(ids.size())).arg(name)
                                  : tr("Could not remove the tag: %1").arg(r.error().message);
        m_window->statusBar()->showMessage(message, kMessageMs);
        Q_EMIT tagsEdited(static_cast<bool>(r), message);
    });
}

void SearchController::saveCurrentSearch(const QString& name)
{
    if (!m_library) {
        return;
    }
    const QString query = QueryParser::format(m_articles->query());
    whenReady(this, m_library->saveSearch(name, query), [this](const Result<SavedSearch>& r) {
        const QString message = r ? tr("Saved search %1").arg(r->name)
                                  : tr("Could not save the search: %1").arg(r.error().message);
        m_window->statusBar()->showMessage(message, kMessageMs);
        Q_EMIT searchSaved(static_cast<bool>(r), message);
    });
}

void SearchController::selectNextUnread()
{
    const int start = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + 1 : 0;
    for (int row = start; row < m_articles->rowCount(); ++row) {
        const ArticleRow* r = m_articles->rowAt(row);
        if (r && !r->state.read) {
            const QModelIndex index = m_articles->index(row, ArticleListModel::Title);
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index);
            return;
        }
    }
    if (m_articles->canFetchMore({})) {
        m_seekingUnread = true; // continues when the next page is in
        m_articles->fetchMore({});
        return;
    }
    m_window->statusBar()->showMessage(tr("No more unread articles"), kMessageMs);
}

void SearchController::refreshTimeline()
{
    if (!m_library) {
        return;
    }
    const quint64 request = ++m_timelineRequest;
    const ArticleQuery& query = m_articles->query();
    // Local days, as the filter bar sets them; "until" is exclusive.
    const QDate from = query.since ? QDateTime::fromSecsSinceEpoch(*query.since).date() : QDate();
    const QDate to = query.until ? QDateTime::fromSecsSinceEpoch(*query.until - 1).date() : QDate();
    m_timeline->setSelection(from, to);
    whenReady(this, m_library->timeline(query), [this, request](const Result<Timeline>& timeline) {
        if (request == m_timelineRequest && timeline) {
            m_timeline->setTimeline(timeline.value());
        }
    });
}

void SearchController::askText(const QString& title, const QString& label, const QString& text,
                               const QStringList& completions, const std::function<void(const QString&)>& then)
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(u"askTextDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* edit = new QLineEdit(text, dialog);
    edit->setObjectName(u"askTextLineEdit"_s);
    if (!completions.isEmpty()) {
        auto* completer = new QCompleter(completions, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* layout = new QFormLayout(dialog);
    layout->addRow(label, edit);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [edit, then] {
        if (!edit->text().simplified().isEmpty()) {
            then(edit->text().simplified());
        }
    });
    dialog->open();
}

void SearchController::askSaveSearch()
{
    askText(tr("Save search"), tr("Name:"), QString(), {}, [this](const QString& name) { saveCurrentSearch(name); });
}

void SearchController::editSavedSearch(qint64 id, const QString& name, const QString& query)
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(u"savedSearchDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit saved search"));
    auto* nameEdit = new QLineEdit(name, dialog);
    nameEdit->setObjectName(u"savedNameLineEdit"_s);
    auto* queryEdit = new QLineEdit(query, dialog);
    queryEdit->setObjectName(u"savedQueryLineEdit"_s);
    queryEdit->setMinimumWidth(360);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* layout = new QFormLayout(dialog);
    layout->addRow(tr("Name:"), nameEdit);
    layout->addRow(tr("Query:"), queryEdit);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, id, nameEdit, queryEdit] {
        whenReady(this, m_library->updateSavedSearch(id, nameEdit->text(), queryEdit->text()),
                  [this](const Result<void>& r) {
                      report(tr("Saving the search"), r ? QString() : r.error().message);
                  });
    });
    dialog->open();
}

void SearchController::showSidebarMenu(const QPoint& pos)
{
    const QModelIndex index = m_sidebar->indexAt(pos).siblingAtColumn(TagTreeModel::Name);
    QMenu menu;
    if (kindOf(index) == TagTreeModel::Kind::Tag && index.isValid()) {
        const QString tag = index.data(TagTreeModel::TagNameRole).toString();
        menu.addAction(tr("&Rename tag…"), this, [this, tag] {
            askText(tr("Rename tag"), tr("New name:"), tag, {}, [this, tag](const QString& to) {
                whenReady(this, m_library->renameTag(tag, to), [this](const Result<void>& r) {
                    report(tr("Renaming the tag"), r ? QString() : r.error().message);
                });
            });
        });
        menu.addAction(tr("&Merge into…"), this, [this, tag] {
            QStringList others = tagNames();
            others.removeAll(tag);
            const QString label = tr("Merge “%1” into:").arg(tag);
            askText(tr("Merge tag"), label, QString(), others, [this, tag](const QString& into) {
                whenReady(this, m_library->mergeTags(tag, into), [this](const Result<void>& r) {
                    report(tr("Merging the tags"), r ? QString() : r.error().message);
                });
            });
        });
        menu.addAction(tr("&Colour…"), this, [this, tag, color = index.data(TagTreeModel::ColorRole).toString()] {
            auto* dialog = new QColorDialog(color.isEmpty() ? QColor(Qt::blue) : QColor::fromString(color), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QColorDialog::colorSelected, this, [this, tag](const QColor& c) {
                whenReady(this, m_library->setTagColor(tag, c.name()), [this](const Result<void>& r) {
                    report(tr("Setting the colour"), r ? QString() : r.error().message);
                });
            });
            dialog->open();
        });
        menu.addAction(tr("C&lear colour"), this, [this, tag] {
            whenReady(this, m_library->setTagColor(tag, QString()), [](const Result<void>&) {});
        });
        menu.addSeparator();
        menu.addAction(tr("&Delete tag…"), this, [this, tag] {
            auto* box = new QMessageBox(QMessageBox::Question, tr("Delete tag"),
                                        tr("Delete the tag “%1” from every article? The articles stay.").arg(tag),
                                        QMessageBox::Yes | QMessageBox::Cancel, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::finished, this, [this, tag](int result) {
                if (result == QMessageBox::Yes) {
                    whenReady(this, m_library->deleteTag(tag), [this](const Result<void>& r) {
                        report(tr("Deleting the tag"), r ? QString() : r.error().message);
                    });
                }
            });
            box->open();
        });
    } else if (kindOf(index) == TagTreeModel::Kind::SavedSearch && index.isValid()) {
        const qint64 id = index.data(TagTreeModel::SavedIdRole).toLongLong();
        const QString name = index.data(Qt::DisplayRole).toString();
        const QString query = index.data(TagTreeModel::SavedQueryRole).toString();
        menu.addAction(tr("&Edit…"), this, [this, id, name, query] { editSavedSearch(id, name, query); });
        menu.addAction(tr("&Delete"), this, [this, id] {
            whenReady(this, m_library->removeSavedSearch(id), [this](const Result<void>& r) {
                report(tr("Deleting the search"), r ? QString() : r.error().message);
            });
        });
    }
    menu.addSeparator();
    menu.addAction(m_saveSearchAction);
    menu.exec(m_sidebar->viewport()->mapToGlobal(pos));
}

void SearchController::showListMenu(const QPoint& pos)
{
    const QList<qint64> ids = selectedArticles();
    if (ids.isEmpty()) {
        return;
    }
    QMenu menu;
    menu.addAction(tr("&Add tag…"), this, [this] {
        askText(tr("Add tag"), tr("Tag:"), QString(), tagNames(),
                [this](const QString& name) { addTagToSelection(name); });
    });
    QStringList present;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        for (const QString& tag : row.data(ArticleListModel::TagsRole).toStringList()) {
            if (!present.contains(tag, Qt::CaseInsensitive)) {
                present.append(tag);
            }
        }
    }
    if (!present.isEmpty()) {
        QMenu* remove = menu.addMenu(tr("&Remove tag"));
        present.sort(Qt::CaseInsensitive);
        for (const QString& tag : std::as_const(present)) {
            remove->addAction(tag, this, [this, tag] { removeTagFromSelection(tag); });
        }
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace folio
