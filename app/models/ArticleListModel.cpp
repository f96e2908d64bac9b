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
    if (!m_rows.empty()) {
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
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ArticleRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Bookmark:
            return row.state.bookmarked ? u"\u2605"_s : u"\u2606"_s;
        case Title:
            return row.title;
        case Source:
            return row.source;
        case Date:
            if (!row.published) {
                return u"\u2013"_s;
            }
            // The date only, month named in the list's language; the time is in the tooltip.
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(*row.published).toLocalTime().date(),
                                      u"d MMM yyyy"_s);
        case Tags:
            return row.tags.join(u", "_s);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Bookmark) {
            return row.state.bookmarked ? tr("Bookmarked (click to remove)") : tr("Click to bookmark");
        }
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
    case Qt::FontRole:
        if (!row.state.read) {
            return m_boldFont; // one font for every unread row, not a new one per cell
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Bookmark ? QVariant(Qt::AlignCenter) : QVariant();
    case IdRole:
        return row.id;
    case ReadRole:
        return row.state.read;
    case BookmarkedRole:
        return row.state.bookmarked;
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
        if (index.column() == Title && row.annotations > 0
            && qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            return highlightMark();
        }
        if (index.column() == Title && row.offline && qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            return offlineMark();
        }
        if (index.column() == Tags && !m_tagColors.isEmpty()
            && qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            for (const QString& tag : row.tags) {
                const QString color = m_tagColors.value(tag.simplified().toCaseFolded());
                if (!color.isEmpty()) {
                    return dot(QColor::fromString(color));
                }
            }
        }
        return {};
    default:
        return {};
    }
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
    request(qMax(m_pageSize, static_cast<int>(m_rows.size())), true);
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
    std::optional<ArticleCursor> after;
    if (!replace && !m_rows.empty()) {
        after = ArticleStore::cursorAfter(m_rows.back());
    }
    m_loading = true;
    whenReady(this, m_library->page(m_query, after, limit),
        [this, generation, serial, limit, replace](const Result<std::vector<ArticleRow>>& result) {
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
                const int first = static_cast<int>(m_rows.size());
                beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
                m_rows.insert(m_rows.end(), rows.begin(), rows.end());
                endInsertRows();
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
    // A diff, never a reset: rows that left are removed, new ones inserted where they belong,
    // the rest updated in place, so the view keeps its selection and scroll position.
    QSet<qint64> wanted;
    wanted.reserve(static_cast<qsizetype>(rows.size()));
    for (const ArticleRow& r : rows) {
        wanted.insert(r.id);
    }
    for (int row = rowCount() - 1; row >= 0;) {
        if (wanted.contains(m_rows[static_cast<size_t>(row)].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_rows[static_cast<size_t>(first - 1)].id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<qint64> present;
    for (const ArticleRow& r : m_rows) {
        present.insert(r.id);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        const int at = static_cast<int>(i);
        if (i < m_rows.size() && m_rows[i].id == rows[i].id) {
            m_rows[i] = rows[i];
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
            m_rows.insert(m_rows.begin() + at, rows.begin() + at, rows.begin() + static_cast<std::ptrdiff_t>(end));
            endInsertRows();
            for (size_t k = i; k < end; ++k) {
                present.insert(rows[k].id);
            }
            i = end - 1;
            continue;
        }
        // Moved (its date changed): take it out where it was, put it in here.
        const int from = rowOf(rows[i].id);
        beginRemoveRows({}, from, from);
        m_rows.erase(m_rows.begin() + from);
        endRemoveRows();
        beginInsertRows({}, at, at);
        m_rows.insert(m_rows.begin() + at, rows[i]);
        endInsertRows();
        present.insert(rows[i].id);
    }
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT rowsReplaced();
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].id : 0;
}

int ArticleListModel::rowOf(qint64 id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const ArticleRow* ArticleListModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<size_t>(row)] : nullptr;
}

void ArticleListModel::applyState(const QList<qint64>& ids, bool ArticleState::*flag, bool on, int column, int role)
{
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0 || m_rows[static_cast<size_t>(row)].state.*flag == on) {
            continue;
        }
        m_rows[static_cast<size_t>(row)].state.*flag = on;
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
