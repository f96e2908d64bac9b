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
#include <QKeyEvent>
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
    createSidebarPanel();

    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &SearchController::showListMenu);
    m_delegate = new SnippetDelegate(m_list);
    m_list->setItemDelegateForColumn(ArticleListModel::Title, m_delegate);

    m_timeline = new TimelineStrip(window);
    connect(m_timeline, &TimelineStrip::rangeSelected, m_filterBar,
            [this](const QDate& from, const QDate& to) { m_filterBar->setRange(from, to); });
    // The strip follows the list's filter at start, after every change of it, and after every
    // change to the library (imports, refreshes, other processes), coalesced.
    m_timelineDelay.setSingleShot(true);
    m_timelineDelay.setInterval(150);
    connect(&m_timelineDelay, &QTimer::timeout, this, &SearchController::refreshTimeline);
    connect(m_articles, &ArticleListModel::rowsReplaced, &m_timelineDelay, qOverload<>(&QTimer::start));
    connect(m_articles, &ArticleListModel::pageLoaded, this, [this] {
        if (!m_timelineQuery || !(*m_timelineQuery == m_articles->query())) {
            m_timelineDelay.start();
        }
    });
    connect(library, &Library::contentChanged, &m_timelineDelay, qOverload<>(&QTimer::start));
    connect(library, &Library::stateChanged, &m_timelineDelay, qOverload<>(&QTimer::start));
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

void SearchController::createSidebarPanel()
{
    m_sidebarPanel = new QWidget(m_window);
    m_sidebarPanel->setObjectName(u"sidebarWidget"_s);
    auto* layout = new QVBoxLayout(m_sidebarPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(4, 2, 4, 0);
    m_matchLabel = new QLabel(m_sidebarPanel);
    m_matchBox = new QComboBox(m_sidebarPanel);
    m_matchBox->setObjectName(u"tagMatchComboBox"_s);
    m_matchBox->addItem(QString(), static_cast<int>(ArticleQuery::TagMatch::All));
    m_matchBox->addItem(QString(), static_cast<int>(ArticleQuery::TagMatch::Any));
    m_matchLabel->setBuddy(m_matchBox);
    connect(m_matchBox, &QComboBox::currentIndexChanged, this, &SearchController::filterChanged);
    row->addWidget(m_matchLabel);
    row->addWidget(m_matchBox, 1);
    layout->addLayout(row);
    m_sidebarFilter = new QLineEdit(m_sidebarPanel);
    m_sidebarFilter->setObjectName(u"sidebarFilterLineEdit"_s);
    m_sidebarFilter->setClearButtonEnabled(true);
    connect(m_sidebarFilter, &QLineEdit::textChanged, this, &SearchController::filterSidebar);
    connect(m_tags, &TagTreeModel::refreshed, this, &SearchController::filterSidebar);
    layout->addWidget(m_sidebarFilter);
    layout->addWidget(m_sidebar, 1);
    // Typing in the sidebar filters the tags (instead of jumping to the first match).
    m_sidebar->installEventFilter(this);
    m_saveButton = new QPushButton(m_sidebarPanel);
    m_saveButton->setObjectName(u"saveSearchPushButton"_s);
    connect(m_saveButton, &QPushButton::clicked, this, &SearchController::askSaveSearch);
    layout->addWidget(m_saveButton);
}

void SearchController::filterSidebar()
{
    const QString text = m_sidebarFilter->text().simplified();
    const QModelIndex tags = m_tags->tagSectionIndex();
    for (int row = 0; row < m_tags->rowCount(tags); ++row) {
        const QString name = m_tags->index(row, 0, tags).data(TagTreeModel::TagNameRole).toString();
        m_sidebar->setRowHidden(row, tags, !text.isEmpty() && !name.contains(text, Qt::CaseInsensitive));
    }
    if (!text.isEmpty()) {
        m_sidebar->setExpanded(tags, true);
    }
}

bool SearchController::eventFilter(QObject* watched, QEvent* event)
{
    // Typing in the sidebar filters the tags, so there letters are text, not the window's
    // one-key shortcuts (J, K, N, …).
    if (watched == m_sidebar && event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
            event->accept();
            return true;
        }
    }
    if (watched == m_sidebar && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
            m_sidebarFilter->setFocus(Qt::ShortcutFocusReason);
            m_sidebarFilter->insert(text);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_sidebarFilter->text().isEmpty()) {
            m_sidebarFilter->clear();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void SearchController::createActions()
{
    m_saveSearchAction = new QAction(QIcon::fromTheme(u"document-save"_s), QString(), m_window);
    m_saveSearchAction->setObjectName(u"saveSearchAction"_s);
    connect(m_saveSearchAction, &QAction::triggered, this, &SearchController::askSaveSearch);
    m_focusSearchAction = new QAction(QString(), m_window);
    m_focusSearchAction->setObjectName(u"focusSearchAction"_s);
    m_focusSearchAction->setShortcut(QKeySequence(Qt::Key_Slash));
    connect(m_focusSearchAction, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    m_nextUnreadAction = new QAction(QString(), m_window);
    m_nextUnreadAction->setObjectName(u"nextUnreadAction"_s);
    m_nextUnreadAction->setShortcut(QKeySequence(Qt::Key_N));
    connect(m_nextUnreadAction, &QAction::triggered, this, &SearchController::selectNextUnread);
    retranslate();
}

void SearchController::retranslate()
{
    m_matchLabel->setText(tr("Tags:"));
    m_matchBox->setItemText(0, tr("match all"));
    m_matchBox->setItemText(1, tr("match any"));
    m_matchBox->setToolTip(tr("With several tags selected (Ctrl+click): articles with all of them, or with any"));
    m_sidebarFilter->setPlaceholderText(tr("Filter tags…"));
    m_saveButton->setText(tr("Save search…"));
    m_saveButton->setToolTip(tr("Save the current filter as a search in the sidebar"));
    m_saveSearchAction->setText(tr("&Save search…"));
    m_saveSearchAction->setStatusTip(tr("Save the current filter as a search in the sidebar"));
    m_focusSearchAction->setText(tr("&Search"));
    m_nextUnreadAction->setText(tr("Next &unread article"));
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
        const QString message = r ? tr("Tagged %Ln article(s) with %1", nullptr, static_cast<int>(ids.size()))
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
        const QString message = r ? tr("Took %1 off %Ln article(s)", nullptr, static_cast<int>(ids.size())).arg(name)
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
        // The state, not rowAt(): rows far from the view are not held whole.
        const QModelIndex index = m_articles->index(row, ArticleListModel::Title);
        if (!index.data(ArticleListModel::ReadRole).toBool()) {
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index);
            return;
        }
    }
    if (!m_articles->atEnd() && !m_articles->isLoading()) {
        m_seekingUnread = true; // continues when the next page is in
        m_articles->fetchNextPage();
        return;
    }
    // Nothing unread left here: go on with the next sidebar entry that has unread articles.
    const QModelIndex current = m_sidebar->currentIndex().siblingAtColumn(TagTreeModel::Name);
    const QModelIndex section = current.parent();
    if (section.isValid()) {
        for (int row = current.row() + 1; row < m_tags->rowCount(section); ++row) {
            const QModelIndex next = m_tags->index(row, TagTreeModel::Name, section);
            if (next.data(TagTreeModel::UnreadRole).toInt() > 0) {
                m_window->statusBar()->showMessage(tr("Next unread in %1").arg(next.data(Qt::DisplayRole).toString()),
                                                   kMessageMs);
                m_seekingUnread = true; // continues when the entry's first page is in
                m_sidebar->setCurrentIndex(next);
                return;
            }
        }
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
    m_timelineQuery = query;
    // Local days, as the filter bar sets them; "until" is exclusive.
    const QDate from = query.since ? QDateTime::fromSecsSinceEpoch(*query.since).date() : QDate();
    const QDate to = query.until ? QDateTime::fromSecsSinceEpoch(*query.until - 1).date() : QDate();
    m_timeline->setSelection(from, to);
    // The strip shows the whole span of the filter; the date range is the band drawn on it.
    ArticleQuery span = query;
    span.since.reset();
    span.until.reset();
    whenReady(this, m_library->timeline(span), [this, request](const Result<Timeline>& timeline) {
        if (request == m_timelineRequest) {
            m_timeline->setTimeline(timeline ? timeline.value() : Timeline());
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
    for (QAction* action : std::as_const(m_listMenuActions)) {
        if (action) {
            menu.addAction(action);
        } else {
            menu.addSeparator();
        }
    }
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
