// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ArticleListModel.h"

#include "domain/WhenReady.h"
#include "storage/ArticleStore.h"
#include "storage/Library.h"

#include <QDateTime>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// A small highlighter stroke: the article carries highlights or notes.
QPixmap highlightMark()
{
    constexpr int kSize = 12;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xf5, 0xc5, 0x18));
    painter.drawRoundedRect(QRectF(0.5, 3, kSize - 1, kSize - 6), 2, 2);
    return pixmap;
}

QPixmap dot(const QColor& color)
{
    constexpr int kSize = 10;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, kSize - 2, kSize - 2));
    return pixmap;
}

// The mark of an article available offline: a small arrow into a tray, in the text colour.
QPixmap offlineMark()
{
    constexpr int kSize = 12;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // Muted (placeholder text colour): most rows carry it, the title must stay what the eye reads.
    QPen pen(QGuiApplication::palette().color(QPalette::PlaceholderText), 1.5);
    painter.setPen(pen);
    painter.drawLine(QPointF(6, 1), QPointF(6, 7.5));
    painter.drawLine(QPointF(3, 5), QPointF(6, 8));
    painter.drawLine(QPointF(9, 5), QPointF(6, 8));
    painter.drawLine(QPointF(1.5, 10.5), QPointF(10.5, 10.5));
    return pixmap;
}

} // namespace

void ArticleListModel::setTagColors(const QHash<QString, QString>& colors)
{
    if (colors == m_tagColors) {
        return;
    }
    m_tagColors = colors;
    m_dots.clear();
    if (!m_slots.empty()) {
        Q_EMIT dataChanged(index(0, Tags), index(rowCount() - 1, Tags), {Qt::DecorationRole});
    }
}

bool ArticleListModel::isSearching() const
{
    return !m_query.text.trimmed().isEmpty();
}

ArticleListModel::ArticleListModel(Library* library, QObject* parent)
    : QAbstractTableModel(parent)
    , m_library(library)
{
    m_boldFont.setBold(true); // only the weight: the view's font supplies the rest
    if (m_library) {
        // The list marks annotated articles: a new or removed highlight updates the mark.
        connect(m_library, &Library::annotationsChanged, this, [this](qint64 id) {
            if (rowOf(id) >= 0) {
                refresh();
            }
        });
    }
}

int ArticleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_slots.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ArticleListModel::flags(const QModelIndex& index) const
{
    // A flat list: a view need not ask about children, row by row, at each layout.
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren
                           : QAbstractTableModel::flags(index);
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Slot& slot = m_slots[static_cast<size_t>(index.row())];
    // Id and state are known for every row; the rest once its page is held (a dropped page is
    // read again, and the rows show blank until it is back).
    switch (role) {
    case IdRole:
        return slot.id;
    case ReadRole:
        return slot.state.read;
    case BookmarkedRole:
        return slot.state.bookmarked;
    case Qt::FontRole:
        if (!slot.state.read) {
            return m_boldFont; // one font for every unread row, not a new one per cell
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Bookmark ? QVariant(Qt::AlignCenter) : QVariant();
    default:
        break;
    }
    if (index.column() == Bookmark && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        if (role == Qt::DisplayRole) {
            return slot.state.bookmarked ? u"\u2605"_s : u"\u2606"_s;
        }
        return slot.state.bookmarked ? tr("Bookmarked (click to remove)") : tr("Click to bookmark");
    }
    const Held* held = heldAt(index.row());
    if (!held) {
        loadPage(pageOf(index.row()));
        return {};
    }
    const ArticleRow& row = held->row;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return row.title;
        case Source:
            return row.source;
        case Date:
            return formatted(*held).date;
        case Tags:
            return formatted(*held).tags;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Title) {
            QString tip = row.offline ? tr("%1 (available offline)").arg(row.title) : row.title;
            return row.annotations > 0 ? tip + u'\n' + tr("%Ln highlight(s) or note(s)", nullptr, row.annotations)
                                       : tip;
        }
        if (index.column() == Date && row.published) {
            const QLocale locale;
            return locale.toString(QDateTime::fromSecsSinceEpoch(*row.published).toLocalTime(),
                                   locale.dateFormat(QLocale::LongFormat) + u' ' + locale.timeFormat(QLocale::ShortFormat));
        }
        if (index.column() == Tags || index.column() == Source) {
            return index.data(Qt::DisplayRole);
        }
        return {};
    case PublishedRole:
        return row.published ? QVariant(*row.published) : QVariant();
    case LinkRole:
        return row.link;
    case TagsRole:
        return row.tags;
    case SnippetRole:
        return row.snippet;
    case AnnotationsRole:
        return row.annotations;
    case OfflineRole:
        return row.offline;
    case Qt::DecorationRole:
        return decoration(index.column(), row);
    default:
        return {};
    }
}

const ArticleListModel::Held& ArticleListModel::formatted(const Held& held)
{
    // Once per held row, when it is first shown: not for every row of a page as it arrives.
    if (!held.formatted) {
        const ArticleRow& row = held.row;
        // The date only, month named in the list's language; the time is in the tooltip.
        held.date = row.published ? QLocale().toString(
                                        QDateTime::fromSecsSinceEpoch(*row.published).toLocalTime().date(), u"d MMM yyyy"_s)
                                  : u"\u2013"_s;
        held.tags = row.tags.join(u", "_s);
        held.formatted = true;
    }
    return held;
}

QVariant ArticleListModel::decoration(int column, const ArticleRow& row) const
{
    // Drawn once and kept: data() runs for every visible cell at every paint.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        return {};
    }
    if (column == Title && row.annotations > 0) {
        if (m_highlightMark.isNull()) {
            m_highlightMark = highlightMark();
        }
        return m_highlightMark;
    }
    if (column == Title && row.offline) {
        if (m_offlineMark.isNull()) {
            m_offlineMark = offlineMark();
        }
        return m_offlineMark;
    }
    if (column == Tags && !m_tagColors.isEmpty()) {
        for (const QString& tag : row.tags) {
            const QString color = m_tagColors.value(tag.simplified().toCaseFolded());
            if (!color.isEmpty()) {
                auto it = m_dots.find(color);
                if (it == m_dots.end()) {
                    it = m_dots.insert(color, dot(QColor::fromString(color)));
                }
                return *it;
            }
        }
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Bookmark:
        return u"\u2605"_s;
    case Title:
        return tr("Title");
    case Source:
        return tr("Source");
    case Date:
        return tr("Date");
    case Tags:
        return tr("Tags");
    default:
        return {};
    }
}

bool ArticleListModel::canFetchMore(const QModelIndex& parent) const
{
    const bool wanted = m_lastVisibleRow < 0 || m_lastVisibleRow >= rowCount() - m_pageSize;
    return !parent.isValid() && !m_atEnd && !m_loading && m_library && wanted;
}

void ArticleListModel::setLastVisibleRow(int row)
{
    m_lastVisibleRow = qMax(0, row);
    if (canFetchMore({})) {
        request(m_pageSize, false);
    }
    // The pages on either side come back before the reader reaches them.
    const int page = pageOf(qMin(m_lastVisibleRow, rowCount() - 1));
    if (page >= 0) {
        loadPage(page);
        loadPage(page - 1);
        loadPage(page + 1);
    }
}

void ArticleListModel::setCurrentArticle(qint64 id)
{
    if (id == m_currentId) {
        return;
    }
    const qint64 previous = m_currentId;
    m_currentId = id;
    // The previous current row was held for itself alone when its page is dropped.
    const int page = pageOf(rowOf(previous));
    if (previous != 0 && (page < 0 || !m_pages[static_cast<size_t>(page)].held)) {
        m_held.remove(previous);
    }
}

bool ArticleListModel::fetchNextPage()
{
    if (m_atEnd || m_loading || !m_library) {
        return false;
    }
    request(m_pageSize, false);
    return true;
}

void ArticleListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent)) {
        request(m_pageSize, false);
    }
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    ArticleQuery q = m_query;
    if (column == Title) {
        q.sort = order == Qt::AscendingOrder ? ArticleQuery::Sort::TitleAsc : ArticleQuery::Sort::TitleDesc;
    } else if (column == Date) {
        q.sort = order == Qt::DescendingOrder ? ArticleQuery::Sort::DateDesc : ArticleQuery::Sort::DateAsc;
    } else {
        return;
    }
    if (!(q == m_query)) {
        setQuery(q);
    }
}

void ArticleListModel::setQuery(const ArticleQuery& query)
{
    m_query = query;
    ++m_generation;
    // Rows are removed rather than the model reset: a reset would also reset the view's
    // header (column widths, sort indicator).
    replaceRows({});
    m_atEnd = false;
    m_loading = false;
    request(m_pageSize, false);
}

void ArticleListModel::refresh()
{
    request(qMax(m_pageSize, static_cast<int>(m_slots.size())), true);
}

void ArticleListModel::request(int limit, bool replace)
{
    if (!m_library) {
        return;
    }
    if (replace) {
        ++m_generation;
    }
    const quint64 generation = m_generation;
    const quint64 serial = ++m_requestSerial;
    const std::optional<ArticleCursor> after = replace ? std::nullopt : m_tail;
    m_loading = true;
    whenReady(this, m_library->page(m_query, after, limit),
        [this, generation, serial, limit, replace, after](const Result<std::vector<ArticleRow>>& result) {
            if (generation != m_generation) {
                return; // an answer to a query that is no longer shown
            }
            if (!result) {
                m_loading = false;
                m_atEnd = true;
                Q_EMIT loadFailed(result.error().toString());
                return;
            }
            std::vector<ArticleRow> rows = result.value();
            overlayEdits(rows, serial);
            // Views (and the model tester) may ask for more while rows go in: stay "loading"
            // until the rows are in place and the end is known.
            m_atEnd = static_cast<int>(rows.size()) < limit;
            if (replace) {
                replaceRows(rows);
            } else if (!rows.empty()) {
                const int first = rowCount();
                for (const ArticleRow& r : rows) {
                    hold(r); // before the insert: views read the new rows in rowsInserted
                }
                beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
                for (const ArticleRow& r : rows) {
                    m_slots.push_back(Slot{r.id, r.state});
                }
                m_pages.push_back(Page{first, static_cast<int>(rows.size()), after, true, false});
                m_tail = ArticleStore::cursorAfter(rows.back());
                endInsertRows();
                dropFarPages();
            }
            m_loading = false;
            Q_EMIT pageLoaded();
            if (m_lastVisibleRow >= 0 && !replace && canFetchMore({})) {
                request(m_pageSize, false); // the reader is still within a page of the end
            }
        });
}

void ArticleListModel::replaceRows(const std::vector<ArticleRow>& rows)
{
    // The old page table no longer matches: no page is read again while the rows change, and
    // answers for it are dropped.
    ++m_layout;
    m_pages.clear();
    // A diff, never a reset: rows that left are removed, new ones inserted where they belong,
    // the rest updated in place, so the view keeps its selection and scroll position.
    QSet<qint64> wanted;
    wanted.reserve(static_cast<qsizetype>(rows.size()));
    for (const ArticleRow& r : rows) {
        wanted.insert(r.id);
    }
    for (int row = rowCount() - 1; row >= 0;) {
        if (wanted.contains(m_slots[static_cast<size_t>(row)].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_slots[static_cast<size_t>(first - 1)].id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_slots.erase(m_slots.begin() + first, m_slots.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<qint64> present;
    present.reserve(static_cast<qsizetype>(m_slots.size()));
    for (const Slot& r : m_slots) {
        present.insert(r.id);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        const int at = static_cast<int>(i);
        if (i < m_slots.size() && m_slots[i].id == rows[i].id) {
            m_slots[i].state = rows[i].state;
            continue;
        }
        if (!present.contains(rows[i].id)) {
            // A run of new rows (a refresh after an import brings hundreds) goes in with one
            // insert, not one per row: each insert costs the view a layout of every row.
            size_t end = i + 1;
            while (end < rows.size() && !present.contains(rows[end].id)) {
                ++end;
            }
            beginInsertRows({}, at, static_cast<int>(end) - 1);
            std::vector<Slot> run;
            run.reserve(end - i);
            for (size_t k = i; k < end; ++k) {
                run.push_back(Slot{rows[k].id, rows[k].state});
                present.insert(rows[k].id);
            }
            m_slots.insert(m_slots.begin() + at, run.begin(), run.end());
            endInsertRows();
            i = end - 1;
            continue;
        }
        // Moved (its date changed): take it out where it was, put it in here.
        const int from = rowOf(rows[i].id);
        beginRemoveRows({}, from, from);
        m_slots.erase(m_slots.begin() + from);
        endRemoveRows();
        beginInsertRows({}, at, at);
        m_slots.insert(m_slots.begin() + at, Slot{rows[i].id, rows[i].state});
        endInsertRows();
        present.insert(rows[i].id);
    }
    // A new page table over the answer; only the pages near the view keep their whole rows.
    m_held.clear();
    m_tail.reset();
    for (size_t first = 0; first < rows.size(); first += static_cast<size_t>(m_pageSize)) {
        const size_t end = qMin(rows.size(), first + static_cast<size_t>(m_pageSize));
        m_pages.push_back(Page{static_cast<int>(first), static_cast<int>(end - first), m_tail, false, false});
        m_tail = ArticleStore::cursorAfter(rows[end - 1]);
    }
    const int centre = pageOf(qBound(0, m_lastVisibleRow, qMax(0, rowCount() - 1)));
    for (size_t p = 0; p < m_pages.size(); ++p) {
        Page& page = m_pages[p];
        if (std::abs(static_cast<int>(p) - centre) <= m_heldPages / 2) {
            page.held = true;
            for (int k = page.first; k < page.first + page.count; ++k) {
                hold(rows[static_cast<size_t>(k)]);
            }
        }
    }
    if (m_currentId != 0 && !m_held.contains(m_currentId)) {
        for (const ArticleRow& r : rows) {
            if (r.id == m_currentId) {
                hold(r);
                break;
            }
        }
    }
    if (!m_slots.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT rowsReplaced();
}

void ArticleListModel::hold(const ArticleRow& row)
{
    m_held.insert(row.id, Held{row, {}, {}, false});
}

int ArticleListModel::pageOf(int row) const
{
    if (row < 0 || row >= rowCount() || m_pages.empty()) {
        return -1;
    }
    const auto it = std::upper_bound(m_pages.begin(), m_pages.end(), row,
                                     [](int r, const Page& page) { return r < page.first; });
    const int page = static_cast<int>(it - m_pages.begin()) - 1;
    return page >= 0 && row < m_pages[static_cast<size_t>(page)].first + m_pages[static_cast<size_t>(page)].count
               ? page
               : -1;
}

const ArticleListModel::Held* ArticleListModel::heldAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    const auto it = m_held.constFind(m_slots[static_cast<size_t>(row)].id);
    return it == m_held.cend() ? nullptr : &it.value();
}

void ArticleListModel::loadPage(int page) const
{
    if (page < 0 || page >= static_cast<int>(m_pages.size()) || !m_library) {
        return;
    }
    Page& p = m_pages[static_cast<size_t>(page)];
    if (p.held || p.loading) {
        return;
    }
    p.loading = true;
    // data() finds the page missing: reading it again changes no row, only what the rows show.
    auto* self = const_cast<ArticleListModel*>(this);
    const quint64 generation = m_generation;
    const quint64 layout = m_layout;
    const quint64 serial = ++self->m_requestSerial;
    whenReady(self, m_library->page(m_query, p.after, p.count),
        [self, generation, layout, serial, page](const Result<std::vector<ArticleRow>>& result) {
            if (generation != self->m_generation || layout != self->m_layout) {
                return; // the rows changed meanwhile (a new query, a refresh)
            }
            Page& p = self->m_pages[static_cast<size_t>(page)];
            p.loading = false;
            p.held = true; // also on an error: the rows stay blank rather than being asked for again and again
            if (!result) {
                Q_EMIT self->loadFailed(result.error().toString());
                return;
            }
            std::vector<ArticleRow> rows = result.value();
            self->overlayEdits(rows, serial);
            QHash<qint64, const ArticleRow*> byId;
            byId.reserve(static_cast<qsizetype>(rows.size()));
            for (const ArticleRow& r : rows) {
                byId.insert(r.id, &r);
            }
            // Matched by id: a row the library no longer has at this place stays blank until a refresh.
            for (int k = p.first; k < p.first + p.count; ++k) {
                Slot& slot = self->m_slots[static_cast<size_t>(k)];
                if (const ArticleRow* r = byId.value(slot.id)) {
                    slot.state = r->state;
                    self->hold(*r);
                }
            }
            Q_EMIT self->dataChanged(self->index(p.first, 0), self->index(p.first + p.count - 1, ColumnCount - 1));
            self->dropFarPages(page); // not the page just read: a view showing it would ask again and again
        });
}

void ArticleListModel::dropFarPages(int keep)
{
    const int centre = pageOf(qBound(0, m_lastVisibleRow, qMax(0, rowCount() - 1)));
    int held = 0;
    for (const Page& page : m_pages) {
        held += page.held ? 1 : 0;
    }
    while (held > m_heldPages) {
        int far = -1;
        for (int p = 0; p < static_cast<int>(m_pages.size()); ++p) {
            if (p != keep && m_pages[static_cast<size_t>(p)].held
                && (far < 0 || std::abs(p - centre) > std::abs(far - centre))) {
                far = p;
            }
        }
        if (far < 0) {
            break;
        }
        Page& page = m_pages[static_cast<size_t>(far)];
        for (int k = page.first; k < page.first + page.count; ++k) {
            const qint64 id = m_slots[static_cast<size_t>(k)].id;
            if (id != m_currentId) {
                m_held.remove(id);
            }
        }
        page.held = false;
        --held;
    }
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < rowCount() ? m_slots[static_cast<size_t>(row)].id : 0;
}

int ArticleListModel::rowOf(qint64 id) const
{
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const ArticleRow* ArticleListModel::rowAt(int row) const
{
    const Held* held = heldAt(row);
    return held ? &held->row : nullptr;
}

void ArticleListModel::applyState(const QList<qint64>& ids, bool ArticleState::*flag, bool on, int column, int role)
{
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0 || m_slots[static_cast<size_t>(row)].state.*flag == on) {
            continue;
        }
        m_slots[static_cast<size_t>(row)].state.*flag = on;
        if (const auto it = m_held.find(id); it != m_held.end()) {
            it->row.state.*flag = on; // rowAt() tells the same
        }
        if (column < 0) {
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, role});
        } else {
            Q_EMIT dataChanged(index(row, column), index(row, column), {Qt::DisplayRole, Qt::ToolTipRole, role});
        }
    }
}

void ArticleListModel::editState(const QList<qint64>& ids, bool ArticleState::*flag, bool on, int column, int role,
                                 QFuture<Result<void>> written)
{
    applyState(ids, flag, on, column, role);
    for (const qint64 id : ids) {
        m_edits.removeIf([id, flag](const auto& it) { return it.key() == id && it.value().flag == flag; });
        m_edits.insert(id, StateEdit{flag, on, 0});
    }
    whenReady(this, std::move(written), [this, ids, flag, on](const Result<void>& result) {
        for (const qint64 id : ids) {
            for (auto it = m_edits.find(id); it != m_edits.end() && it.key() == id;) {
                if (it->flag != flag || it->on != on || it->committedBefore != 0) {
                    ++it;
                } else if (!result) {
                    it = m_edits.erase(it); // not written: the next answer shows what is stored
                } else {
                    it->committedBefore = m_requestSerial + 1; // requests from now on read it
                    ++it;
                }
            }
        }
    });
}

void ArticleListModel::overlayEdits(std::vector<ArticleRow>& rows, quint64 requestSerial)
{
    if (m_edits.isEmpty()) {
        return;
    }
    for (ArticleRow& row : rows) {
        for (auto it = m_edits.constFind(row.id); it != m_edits.cend() && it.key() == row.id; ++it) {
            if (it->committedBefore == 0 || requestSerial < it->committedBefore) {
                row.state.*(it->flag) = it->on; // the answer may predate the write
            }
        }
    }
    m_edits.removeIf([requestSerial](const auto& it) {
        return it.value().committedBefore != 0 && requestSerial >= it.value().committedBefore;
    });
}

void ArticleListModel::setRead(const QList<qint64>& ids, bool read)
{
    if (!m_library || ids.isEmpty()) {
        return;
    }
    editState(ids, &ArticleState::read, read, -1, ReadRole, m_library->setRead(ids, read));
}

void ArticleListModel::setBookmarked(const QList<qint64>& ids, bool bookmarked)
{
    if (!m_library || ids.isEmpty()) {
        return;
    }
    editState(ids, &ArticleState::bookmarked, bookmarked, Bookmark, BookmarkedRole,
              m_library->setBookmarked(ids, bookmarked));
}

} // namespace folio
