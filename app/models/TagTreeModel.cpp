// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TagTreeModel.h"

#include "storage/Library.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kRefreshDelayMs = 150;

} // namespace

int TagTreeModel::Node::row() const
{
    if (!parent) {
        return 0;
    }
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this) {
            return static_cast<int>(i);
        }
    }
    return 0;
}

TagTreeModel::TagTreeModel(Library* library, QObject* parent)
    : QAbstractItemModel(parent)
    , m_library(library)
    , m_root(std::make_unique<Node>())
{
    auto addChild = [](Node* parentNode, Kind kind, const QString& name) {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->name = name;
        node->parent = parentNode;
        Node* raw = node.get();
        parentNode->children.push_back(std::move(node));
        return raw;
    };
    m_librarySection = addChild(m_root.get(), Kind::Section, tr("Library"));
    addChild(m_librarySection, Kind::All, tr("All articles"));
    addChild(m_librarySection, Kind::Unread, tr("Unread"));
    addChild(m_librarySection, Kind::Bookmarked, tr("Bookmarked"));
    m_tagSection = addChild(m_root.get(), Kind::Section, tr("Tags"));

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TagTreeModel::refresh);
    if (m_library) {
        connect(m_library, &Library::contentChanged, this, &TagTreeModel::scheduleRefresh);
        connect(m_library, &Library::stateChanged, this, &TagTreeModel::scheduleRefresh);
    }
}

TagTreeModel::~TagTreeModel() = default;

TagTreeModel::Node* TagTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex TagTreeModel::indexOf(Node* node, int column) const
{
    return node == m_root.get() ? QModelIndex() : createIndex(node->row(), column, node);
}

QModelIndex TagTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    Node* p = nodeFor(parent);
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex TagTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid()) {
        return {};
    }
    Node* node = nodeFor(child);
    return node->parent ? indexOf(node->parent, 0) : QModelIndex();
}

int TagTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    return static_cast<int>(nodeFor(parent)->children.size());
}

int TagTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags TagTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return nodeFor(index)->kind == Kind::Section ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant TagTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Node* node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name) {
            return node->name;
        }
        if (node->kind == Kind::Section) {
            return {};
        }
        return node->unread > 0 ? u"%1 / %2"_s.arg(node->unread).arg(node->count) : QString::number(node->count);
    case Qt::ToolTipRole:
        if (node->kind == Kind::Section) {
            return {};
        }
        return tr("%1: %n article(s)", nullptr, node->count).arg(node->name) + u"\n"_s
            + tr("%n unread", nullptr, node->unread);
    case Qt::FontRole:
        if (node->kind == Kind::Section || (index.column() == Counts && node->unread > 0)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Counts ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case KindRole:
        return static_cast<int>(node->kind);
    case KeyRole:
        switch (node->kind) {
        case Kind::All:
            return u"all"_s;
        case Kind::Unread:
            return u"unread"_s;
        case Kind::Bookmarked:
            return u"bookmarked"_s;
        case Kind::Tag:
            return u"tag:"_s + node->name;
        case Kind::Section:
            return {};
        }
        return {};
    case TagNameRole:
        return node->kind == Kind::Tag ? QVariant(node->name) : QVariant();
    case CountRole:
        return node->count;
    case UnreadRole:
        return node->unread;
    default:
        return {};
    }
}

void TagTreeModel::scheduleRefresh()
{
    m_refreshTimer.start();
}

void TagTreeModel::refresh()
{
    if (!m_library) {
        return;
    }
    const quint64 generation = ++m_generation;
    QPointer<Library> library = m_library;
    m_library->stats().then(this, [this, generation, library](const Result<LibraryStats>& stats) {
        if (generation != m_generation || !stats || !library) {
            return;
        }
        library->tagCounts().then(this, [this, generation, s = stats.value()](const Result<QList<TagCount>>& tags) {
            if (generation != m_generation || !tags) {
                return;
            }
            apply(s, tags.value());
        });
    });
}

QModelIndex TagTreeModel::indexForKey(const QString& key) const
{
    for (const Node* section : {m_librarySection, m_tagSection}) {
        for (const auto& child : section->children) {
            const QModelIndex idx = createIndex(child->row(), 0, child.get());
            if (idx.data(KeyRole).toString() == key) {
                return idx;
            }
        }
    }
    return {};
}

ArticleQuery TagTreeModel::queryFor(const QModelIndex& index, ArticleQuery base)
{
    base.tags.clear();
    base.unreadOnly = false;
    base.bookmarkedOnly = false;
    switch (static_cast<Kind>(index.data(KindRole).toInt())) {
    case Kind::Unread:
        base.unreadOnly = true;
        break;
    case Kind::Bookmarked:
        base.bookmarkedOnly = true;
        break;
    case Kind::Tag:
        base.tags = QStringList{index.data(TagNameRole).toString()};
        break;
    case Kind::All:
    case Kind::Section:
        break;
    }
    return base;
}

void TagTreeModel::apply(const LibraryStats& stats, const QList<TagCount>& tags)
{
    auto& fixed = m_librarySection->children;
    fixed[0]->count = stats.articles;
    fixed[0]->unread = stats.unread;
    fixed[1]->count = stats.unread;
    fixed[1]->unread = stats.unread;
    fixed[2]->count = stats.bookmarks;
    fixed[2]->unread = stats.bookmarksUnread;
    const QModelIndex sectionIndex = indexOf(m_librarySection, 0);
    Q_EMIT dataChanged(index(0, 0, sectionIndex), index(2, ColumnCount - 1, sectionIndex),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::FontRole, CountRole, UnreadRole});

    auto& current = m_tagSection->children;
    bool sameTags = current.size() == static_cast<size_t>(tags.size());
    for (size_t i = 0; sameTags && i < current.size(); ++i) {
        sameTags = current[i]->name == tags.at(static_cast<qsizetype>(i)).name;
    }
    const QModelIndex tagSectionIndex = indexOf(m_tagSection, 0);
    if (sameTags) {
        for (size_t i = 0; i < current.size(); ++i) {
            current[i]->count = tags.at(static_cast<qsizetype>(i)).count;
            current[i]->unread = tags.at(static_cast<qsizetype>(i)).unread;
        }
        if (!current.empty()) {
            Q_EMIT dataChanged(index(0, 0, tagSectionIndex),
                               index(static_cast<int>(current.size()) - 1, ColumnCount - 1, tagSectionIndex),
                               {Qt::DisplayRole, Qt::ToolTipRole, Qt::FontRole, CountRole, UnreadRole});
        }
    } else {
        // Tags came or went: replace the section's rows (the sidebar keeps its selection by key).
        if (!current.empty()) {
            beginRemoveRows(tagSectionIndex, 0, static_cast<int>(current.size()) - 1);
            current.clear();
            endRemoveRows();
        }
        if (!tags.isEmpty()) {
            beginInsertRows(tagSectionIndex, 0, static_cast<int>(tags.size()) - 1);
            for (const TagCount& t : tags) {
                auto node = std::make_unique<Node>();
                node->kind = Kind::Tag;
                node->name = t.name;
                node->count = t.count;
                node->unread = t.unread;
                node->parent = m_tagSection;
                current.push_back(std::move(node));
            }
            endInsertRows();
        }
    }
    Q_EMIT refreshed();
}

} // namespace folio
