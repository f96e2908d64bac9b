// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TagTreeModel.h"

#include "domain/WhenReady.h"
#include "storage/Library.h"
#include "storage/QueryParser.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kRefreshDelayMs = 150;

const QList<int> kCountRoles = {Qt::DisplayRole, Qt::ToolTipRole, Qt::FontRole, TagTreeModel::CountRole,
                                TagTreeModel::UnreadRole};
const QList<int> kUpdateRoles = {Qt::DisplayRole,        Qt::ToolTipRole,          Qt::FontRole,
                                 Qt::DecorationRole,     TagTreeModel::CountRole,  TagTreeModel::UnreadRole,
                                 TagTreeModel::ColorRole, TagTreeModel::SavedQueryRole};
const QList<int> kFeedRoles = {Qt::DisplayRole,           Qt::ToolTipRole,          Qt::FontRole,
                               Qt::DecorationRole,        TagTreeModel::CountRole,  TagTreeModel::UnreadRole,
                               TagTreeModel::FeedErrorRole, TagTreeModel::FeedUrlRole};

// For themes without "dialog-warning" (Windows, macOS, bare X11): a small painted triangle.
QPixmap paintedWarning()
{
    constexpr int kSize = 32;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath triangle;
    triangle.moveTo(kSize / 2.0, 2);
    triangle.lineTo(kSize - 2, kSize - 3);
    triangle.lineTo(2, kSize - 3);
    triangle.closeSubpath();
    painter.fillPath(triangle, QColor(0xf0, 0xb4, 0x00));
    painter.setPen(QPen(QColor(0x80, 0x50, 0x00), 1.5));
    painter.drawPath(triangle);
    painter.setPen(QPen(Qt::black, 3.5, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(kSize / 2.0, 11), QPointF(kSize / 2.0, 19));
    painter.drawPoint(QPointF(kSize / 2.0, 24.5));
    return pixmap;
}

QPixmap colorDot(const QString& color)
{
    constexpr int kSize = 12;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromString(color));
    painter.drawEllipse(QRectF(1, 1, kSize - 2, kSize - 2));
    return pixmap;
}

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
    // The short groups first: 200 tags never push feeds and saved searches out of sight.
    m_feedSection = addChild(m_root.get(), Kind::Section, tr("Feeds"));
    m_savedSection = addChild(m_root.get(), Kind::Section, tr("Saved searches"));
    m_tagSection = addChild(m_root.get(), Kind::Section, tr("Tags"));

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TagTreeModel::refresh);
    if (m_library) {
        connect(m_library, &Library::contentChanged, this, &TagTreeModel::scheduleRefresh);
        connect(m_library, &Library::stateChanged, this, &TagTreeModel::scheduleRefresh);
        connect(m_library, &Library::feedsChanged, this, &TagTreeModel::scheduleRefresh);
        connect(m_library, &Library::savedSearchesChanged, this, &TagTreeModel::scheduleRefresh);
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
        // A compact badge: the unread count (the total is in the tooltip); saved searches
        // show how many match. Digits grouped as the locale does.
        if (node->kind == Kind::SavedSearch) {
            return QLocale().toString(node->count);
        }
        return node->unread > 0 ? QLocale().toString(node->unread) : QString();
    case Qt::ToolTipRole: {
        if (node->kind == Kind::Section) {
            return {};
        }
        QString tip = tr("%1: %Ln article(s)", nullptr, node->count).arg(node->name);
        tip.append(u'\n');
        tip.append(tr("%Ln unread", nullptr, node->unread));
        if (node->kind == Kind::Feed) {
            tip.append(u'\n');
            tip.append(node->url);
            if (!node->error.isEmpty()) {
                tip.append(u"\n\n"_s);
                tip.append(tr("The last refresh failed: %1").arg(node->error));
            }
        }
        return tip;
    }
    case Qt::DecorationRole:
        if (node->kind == Kind::Feed && index.column() == Name && !node->error.isEmpty()) {
            return warningIcon();
        }
        if (node->kind == Kind::Tag && index.column() == Name && !node->color.isEmpty()
            && qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            return colorDot(node->color);
        }
        return {};
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
        case Kind::Feed:
            return u"feed:%1"_s.arg(node->feedId);
        case Kind::SavedSearch:
            return u"saved:%1"_s.arg(node->savedId);
        case Kind::Section:
            return node == m_librarySection ? u"section:library"_s
                : node == m_feedSection     ? u"section:feeds"_s
                : node == m_savedSection    ? u"section:saved"_s
                                            : u"section:tags"_s;
        }
        return {};
    case TagNameRole:
        return node->kind == Kind::Tag ? QVariant(node->name) : QVariant();
    case FeedIdRole:
        return node->kind == Kind::Feed ? QVariant(node->feedId) : QVariant();
    case FeedErrorRole:
        return node->kind == Kind::Feed ? QVariant(node->error) : QVariant();
    case FeedUrlRole:
        return node->kind == Kind::Feed ? QVariant(node->url) : QVariant();
    case ColorRole:
        return node->kind == Kind::Tag ? QVariant(node->color) : QVariant();
    case SavedIdRole:
        return node->kind == Kind::SavedSearch ? QVariant(node->savedId) : QVariant();
    case SavedQueryRole:
        return node->kind == Kind::SavedSearch ? QVariant(node->query) : QVariant();
    case CountRole:
        return node->count;
    case UnreadRole:
        return node->unread;
    default:
        return {};
    }
}

QModelIndex TagTreeModel::tagSectionIndex() const
{
    return indexOf(m_tagSection, 0);
}

void TagTreeModel::retranslate()
{
    m_librarySection->name = tr("Library");
    m_librarySection->children[0]->name = tr("All articles");
    m_librarySection->children[1]->name = tr("Unread");
    m_librarySection->children[2]->name = tr("Bookmarked");
    m_feedSection->name = tr("Feeds");
    m_savedSection->name = tr("Saved searches");
    m_tagSection->name = tr("Tags");
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    const QModelIndex library = indexOf(m_librarySection, 0);
    Q_EMIT dataChanged(index(0, 0, library), index(rowCount(library) - 1, ColumnCount - 1, library));
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
    whenReady(this, m_library->stats(), [this, generation, library](const Result<LibraryStats>& stats) {
        if (generation != m_generation || !stats || !library) {
            return;
        }
        whenReady(this, library->tagCounts(), [this, generation, library, s = stats.value()](
                                                  const Result<QList<TagCount>>& tags) {
            if (generation != m_generation || !tags || !library) {
                return;
            }
            whenReady(this, library->feedCounts(), [this, generation, library, s, t = tags.value()](
                                                       const Result<QList<FeedCount>>& feeds) {
                if (generation != m_generation || !feeds || !library) {
                    return;
                }
                whenReady(this, library->savedSearches(), [this, generation, s, t, f = feeds.value()](
                                                              const Result<QList<SavedSearch>>& saved) {
                    if (generation != m_generation) {
                        return;
                    }
                    apply(s, t, f, saved ? saved.value() : QList<SavedSearch>());
                });
            });
        });
    });
}

QModelIndex TagTreeModel::indexForKey(const QString& key) const
{
    for (const Node* section : {m_librarySection, m_tagSection, m_feedSection, m_savedSection}) {
        for (const auto& child : section->children) {
            const QModelIndex idx = createIndex(child->row(), 0, child.get());
            if (idx.data(KeyRole).toString() == key) {
                return idx;
            }
        }
    }
    return {};
}

ArticleQuery TagTreeModel::queryFor(const QModelIndexList& selected, const QModelIndex& current, ArticleQuery base,
                                    ArticleQuery::TagMatch match)
{
    QStringList tags;
    for (const QModelIndex& index : selected) {
        if (index.column() == Name && index.data(KindRole).toInt() == static_cast<int>(Kind::Tag)) {
            tags.append(index.data(TagNameRole).toString());
        }
    }
    if (tags.size() < 2) {
        return queryFor(current, base);
    }
    tags.sort(Qt::CaseInsensitive);
    ArticleQuery q = queryFor(QModelIndex(), base);
    q.tags = tags;
    q.tagMatch = match;
    return q;
}

QHash<QString, QString> TagTreeModel::tagColors() const
{
    QHash<QString, QString> out;
    for (const auto& child : m_tagSection->children) {
        if (!child->color.isEmpty()) {
            out.insert(child->name.simplified().toCaseFolded(), child->color);
        }
    }
    return out;
}

ArticleQuery TagTreeModel::queryFor(const QModelIndex& index, ArticleQuery base)
{
    if (index.data(KindRole).toInt() == static_cast<int>(Kind::SavedSearch)) {
        auto parsed = QueryParser::parse(index.data(SavedQueryRole).toString());
        ArticleQuery q = parsed ? parsed.value() : ArticleQuery();
        q.sort = base.sort;
        return q;
    }
    const ArticleQuery::Sort sort = base.sort;
    base = ArticleQuery();
    base.sort = sort;
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
    case Kind::Feed:
        base.feedId = index.data(FeedIdRole).toLongLong();
        break;
    case Kind::All:
    case Kind::Section:
    case Kind::SavedSearch:
        break;
    }
    return base;
}

QIcon TagTreeModel::warningIcon() const
{
    // Pixmaps need a GUI application; headless users (tests, CLI) get the tooltip and role only.
    if (m_warningIcon.isNull() && qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        m_warningIcon = QIcon::fromTheme(u"dialog-warning"_s, QIcon(paintedWarning()));
    }
    return m_warningIcon;
}

void TagTreeModel::apply(const LibraryStats& stats, const QList<TagCount>& tags, const QList<FeedCount>& feeds,
                         const QList<SavedSearch>& saved)
{
    auto& fixed = m_librarySection->children;
    fixed[0]->count = stats.articles;
    fixed[0]->unread = stats.unread;
    fixed[1]->count = stats.unread;
    fixed[1]->unread = stats.unread;
    fixed[2]->count = stats.bookmarks;
    fixed[2]->unread = stats.bookmarksUnread;
    const QModelIndex sectionIndex = indexOf(m_librarySection, 0);
    Q_EMIT dataChanged(index(0, 0, sectionIndex), index(2, ColumnCount - 1, sectionIndex), kCountRoles);

    std::vector<std::unique_ptr<Node>> tagNodes;
    for (const TagCount& t : tags) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Tag;
        node->name = t.name;
        node->count = t.count;
        node->unread = t.unread;
        node->color = t.color;
        tagNodes.push_back(std::move(node));
    }
    replaceChildren(m_tagSection, std::move(tagNodes));

    std::vector<std::unique_ptr<Node>> feedNodes;
    for (const FeedCount& f : feeds) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Feed;
        node->name = f.feed.title.isEmpty() ? f.feed.url : f.feed.title;
        node->feedId = f.feed.id;
        node->url = f.feed.url;
        node->error = f.feed.lastError;
        node->count = f.count;
        node->unread = f.unread;
        feedNodes.push_back(std::move(node));
    }
    replaceChildren(m_feedSection, std::move(feedNodes));

    std::vector<std::unique_ptr<Node>> savedNodes;
    for (const SavedSearch& s : saved) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::SavedSearch;
        node->name = s.name;
        node->savedId = s.id;
        node->query = s.query;
        node->count = qMax(0, s.count);
        savedNodes.push_back(std::move(node));
    }
    replaceChildren(m_savedSection, std::move(savedNodes));
    Q_EMIT refreshed();
}

void TagTreeModel::replaceChildren(Node* section, std::vector<std::unique_ptr<Node>> nodes)
{
    auto& current = section->children;
    bool same = current.size() == nodes.size();
    for (size_t i = 0; same && i < current.size(); ++i) {
        // Feeds are the same entry while their id is; tags while their name is.
        same = current[i]->kind == Kind::Feed          ? current[i]->feedId == nodes[i]->feedId
            : current[i]->kind == Kind::SavedSearch ? current[i]->savedId == nodes[i]->savedId
                                                    : current[i]->name == nodes[i]->name;
    }
    const QModelIndex sectionIndex = indexOf(section, 0);
    if (same) {
        // Same entries: update in place so views keep selection and scroll position.
        for (size_t i = 0; i < current.size(); ++i) {
            current[i]->name = nodes[i]->name;
            current[i]->url = nodes[i]->url;
            current[i]->error = nodes[i]->error;
            current[i]->color = nodes[i]->color;
            current[i]->query = nodes[i]->query;
            current[i]->count = nodes[i]->count;
            current[i]->unread = nodes[i]->unread;
        }
        if (!current.empty()) {
            Q_EMIT dataChanged(index(0, 0, sectionIndex),
                               index(static_cast<int>(current.size()) - 1, ColumnCount - 1, sectionIndex),
                               section == m_feedSection ? kFeedRoles : kUpdateRoles);
        }
        return;
    }
    // Entries came or went: replace the section's rows (the sidebar keeps its selection by key).
    if (!current.empty()) {
        beginRemoveRows(sectionIndex, 0, static_cast<int>(current.size()) - 1);
        current.clear();
        endRemoveRows();
    }
    if (!nodes.empty()) {
        beginInsertRows(sectionIndex, 0, static_cast<int>(nodes.size()) - 1);
        for (auto& node : nodes) {
            node->parent = section;
            current.push_back(std::move(node));
        }
        endInsertRows();
    }
}

} // namespace folio
