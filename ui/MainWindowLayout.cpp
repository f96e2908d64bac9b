// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's layout and what it remembers: three columns or the list above the reader, the
// annotations dock, distraction-free reading, and the settings saved per profile.
#include "MainWindow.h"

#include "AnnotationController.h"
#include "ArticleListView.h"
#include "FeedController.h"
#include "FilterBar.h"
#include "OfflineController.h"
#include "ReaderPane.h"
#include "SearchController.h"
#include "TimelineStrip.h"

#include "models/ArticleListModel.h"
#include "models/TagTreeModel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// Below this width of the list + reader area the list goes above the reader (Automatic layout).
constexpr int kThreeColumnMinWidth = 860;
// The list's share side by side with the reader, unless that would leave the reader less.
constexpr int kListMinShare = 400;

} // namespace

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    updateSplitterOrientation();
}

bool MainWindow::listAboveReader() const
{
    return m_contentSplitter->orientation() == Qt::Vertical;
}

void MainWindow::setReaderLayout(ReaderLayout layout)
{
    m_readerLayout = layout;
    if (m_layoutGroup) {
        const auto actions = m_layoutGroup->actions();
        for (QAction* action : actions) {
            action->setChecked(action->data().toInt() == static_cast<int>(layout));
        }
    }
    updateSplitterOrientation();
}

void MainWindow::updateSplitterOrientation()
{
    if (!m_contentSplitter) {
        return;
    }
    bool vertical = m_readerLayout == ReaderLayout::ListAboveReader;
    if (m_readerLayout == ReaderLayout::Automatic) {
        // Before the first show the splitter has no sizes yet: the sidebar's default width.
        const int sidebar = m_sidebarPanel->isHidden()   ? 0
            : m_splitter->isVisible()                     ? m_splitter->sizes().value(0)
                                                          : 230;
        vertical = width() - sidebar < kThreeColumnMinWidth;
    }
    const Qt::Orientation wanted = vertical ? Qt::Vertical : Qt::Horizontal;
    if (m_contentSplitter->orientation() == wanted) {
        return;
    }
    m_contentSplitter->setOrientation(wanted);
    setContentStretch();
    splitContent();
}

void MainWindow::setContentStretch()
{
    // Side by side, the list keeps its width when the window, the sidebar or the annotation panel
    // changes the room, and the reader takes the difference (contentResized() keeps the reader at
    // least half): shared in proportion, a window narrowed from 1,280 to 1,100 pixels left the
    // titles 340 pixels. Stacked, both share a change of height in proportion to their heights,
    // so the list's rows and the reader grow together.
    const bool vertical = listAboveReader();
    m_contentSplitter->setStretchFactor(0, vertical ? 2 : 0);
    m_contentSplitter->setStretchFactor(1, vertical ? 3 : 1);
}

void MainWindow::splitContent()
{
    // Two fifths for the list, the rest (the larger share) for the reader, in either direction.
    // Stacked, the list's share is counted below its search bar, filters and timeline: taken
    // from the whole height they would leave the rows a few lines in a window 700 pixels tall.
    const bool vertical = listAboveReader();
    const int total = (vertical ? m_contentSplitter->height() : m_contentSplitter->width()) - m_contentSplitter->handleWidth();
    // Before the first show the splitter's size is no guide to a width worth keeping.
    const bool keep = !vertical && m_listWidth > 0 && m_contentSplitter->isVisible();
    int list = total * 2 / 5;
    if (vertical) {
        int controls = m_filterBar->sizeHint().height();
        if (!m_search->timelineStrip()->isHidden()) {
            controls += m_search->timelineStrip()->sizeHint().height();
        }
        controls = qBound(0, controls, total / 3);
        list = controls + (total - controls) * 2 / 5;
    } else if (keep) {
        // Side by side again (after the list was above the reader, or full screen): the width it
        // had, or was dragged to, with the reader's floor of contentResized().
        list = keptListWidth(total);
    } else {
        // Side by side in a window of ordinary width, two fifths leave the titles a few words:
        // the list gets 400 pixels, as long as the reader keeps the larger share.
        list = qMax(list, qMin(kListMinShare, total / 2 - 1));
    }
    m_contentSplitter->setSizes({list, total - list});
    if (!vertical && !keep && m_contentSplitter->isVisible()) {
        m_listWidth = list;
        m_readerWidth = total - list;
    }
}

void MainWindow::rememberContentSplit()
{
    const QList<int> sizes = m_contentSplitter->sizes();
    if (!listAboveReader() && sizes.size() == 2 && sizes.at(0) > 0) {
        m_listWidth = sizes.at(0);
        m_readerWidth = sizes.at(1);
    }
}

void MainWindow::contentResized()
{
    // Side by side, the list keeps the width it was given (splitContent(), or a drag of the
    // handle) and the reader takes what the window, the sidebar or the annotation panel change
    // (setContentStretch()). When the room gets too small for both, the reader keeps half of it,
    // or what it had after the drag when the user made the list the wider one; with room again,
    // the list goes back to its width.
    if (listAboveReader() || m_listWidth <= 0 || m_listPanel->isHidden()) {
        return; // stacked, not laid out yet, or distraction-free reading
    }
    const QList<int> sizes = m_contentSplitter->sizes();
    if (sizes.size() != 2) {
        return;
    }
    const int total = sizes.at(0) + sizes.at(1);
    const int list = keptListWidth(total);
    if (list != sizes.at(0)) {
        m_contentSplitter->setSizes({list, total - list});
    }
}

int MainWindow::keptListWidth(int total) const
{
    const int readerFloor = qMin(total / 2 + 1, m_readerWidth); // the larger share
    return qMax(0, qMin(m_listWidth, total - readerFloor));
}

void MainWindow::updateAnnotationDock()
{
    QDockWidget* dock = m_annotations->dock();
    const bool wanted = !m_distractionFree && (m_annotationsPinned || m_annotationCount > 0);
    if (dock->isVisible() != wanted) {
        dock->setVisible(wanted);
    }
}

void MainWindow::setDistractionFree(bool on)
{
    if (on == m_distractionFree) {
        return;
    }
    m_distractionFree = on;
    if (on) {
        m_distractionState = QMainWindow::saveState();
        m_sidebarPanel->setVisible(false);
        m_listPanel->setVisible(false);
        m_toolbar->setVisible(false);
        m_annotations->dock()->setVisible(false);
        statusBar()->setVisible(false);
        menuBar()->setVisible(false); // F11 and Esc still work: the actions live on the window
        showFullScreen();
    } else {
        showNormal();
        menuBar()->setVisible(true);
        statusBar()->setVisible(true);
        m_listPanel->setVisible(true);
        m_sidebarPanel->setVisible(m_viewActions.value(u"sidebar"_s)->isChecked());
        QMainWindow::restoreState(m_distractionState);
        updateAnnotationDock();
    }
    m_viewActions.value(u"distractionFree"_s)->setChecked(on);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->value(u"window/geometry"_s).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // 1280 × 800, or the whole screen when it is smaller.
        const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1280, room.width()), qMin(800, room.height()));
    }
    QMainWindow::restoreState(m_settings->value(u"window/state"_s).toByteArray());
    const QByteArray splitter = m_settings->value(u"window/splitter"_s).toByteArray();
    if (!splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
    const QByteArray content = m_settings->value(u"window/contentSplitter"_s).toByteArray();
    if (!content.isEmpty()) {
        m_contentSplitter->restoreState(content); // its orientation too: the stretch follows it
        setContentStretch();
        // Its widths once the window is shown: until then the splitter has no real size.
        QTimer::singleShot(0, this, &MainWindow::rememberContentSplit);
    } else {
        // First start: split once the window has its real size.
        QTimer::singleShot(0, this, &MainWindow::splitContent);
    }
    // The annotation panel's visibility follows the article, not the last session.
    m_annotationsPinned = m_settings->value(u"view/annotations"_s, false).toBool();
    m_viewActions.value(u"annotations"_s)->setChecked(m_annotationsPinned);
    updateAnnotationDock();
    const bool sidebar = m_settings->value(u"view/sidebar"_s, true).toBool();
    m_viewActions.value(u"sidebar"_s)->setChecked(sidebar);
    m_sidebarPanel->setVisible(sidebar);
    const bool timeline = m_settings->value(u"view/timeline"_s, true).toBool();
    m_viewActions.value(u"timeline"_s)->setChecked(timeline);
    m_search->timelineStrip()->setVisible(timeline);
    m_viewActions.value(u"toolbar"_s)->setChecked(m_toolbar->isVisibleTo(this));
    m_unreadOnlyAction->setChecked(m_settings->value(u"view/unreadOnly"_s, false).toBool());
    setReaderLayout(static_cast<ReaderLayout>(qBound(0, m_settings->value(u"view/layout"_s, 0).toInt(), 2)));
    const QStringList collapsed = m_settings->value(u"view/collapsedGroups"_s).toStringList();
    m_collapsedGroups = QSet<QString>(collapsed.cbegin(), collapsed.cend());
    for (int row = 0; row < m_tags->rowCount(); ++row) {
        const QModelIndex group = m_tags->index(row, 0);
        m_sidebar->setExpanded(group, !m_collapsedGroups.contains(group.data(TagTreeModel::KeyRole).toString()));
    }
    m_restoreSidebarKey = m_settings->value(u"selection/sidebar"_s, u"all"_s).toString();
    m_sidebarKey = u"all"_s;
    m_restoreArticle = m_settings->value(u"selection/article"_s, 0).toLongLong();
}

void MainWindow::saveSettings()
{
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    setDistractionFree(false);
    m_settings->setValue(u"window/state"_s, QMainWindow::saveState());
    m_settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    m_settings->setValue(u"window/contentSplitter"_s, m_contentSplitter->saveState());
    m_settings->setValue(u"view/annotations"_s, m_annotationsPinned);
    m_settings->setValue(u"view/sidebar"_s, m_viewActions.value(u"sidebar"_s)->isChecked());
    m_settings->setValue(u"view/timeline"_s, m_viewActions.value(u"timeline"_s)->isChecked());
    m_settings->setValue(u"view/unreadOnly"_s, m_unreadOnlyAction->isChecked());
    m_settings->setValue(u"view/layout"_s, static_cast<int>(m_readerLayout));
    QStringList collapsed(m_collapsedGroups.cbegin(), m_collapsedGroups.cend());
    collapsed.sort();
    m_settings->setValue(u"view/collapsedGroups"_s, collapsed);
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

} // namespace folio
