// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/ArticleQuery.h"
#include "storage/FeedStore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace folio {

class Library;

/// The sidebar, in groups: "Library" (All articles, Unread, Bookmarked), "Feeds" (every
/// subscribed feed, marked when its last refresh failed), "Saved searches" and "Tags". Column 0
/// is the name, column 1 the unread count (a badge; the total is in the tooltip). Counts come from SQL on a worker thread; bursts of changes are coalesced.
class TagTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Section, All, Unread, Bookmarked, Tag, Feed, SavedSearch };
    enum Column { Name, Counts, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(Kind)
        KeyRole, ///< stable key for settings: "all", "unread", "bookmarked", "tag:<name>", "feed:<id>",
                 ///< "saved:<id>"; groups: "section:library|feeds|saved|tags"
        TagNameRole,
        CountRole,
        UnreadRole,
        FeedIdRole,    ///< qint64 feeds.id (feeds only)
        FeedErrorRole, ///< the feed's last refresh error; empty when it worked
        FeedUrlRole,
        ColorRole,       ///< a tag's colour ("#rrggbb"), empty when it has none
        SavedIdRole,     ///< qint64 saved_searches.id (saved searches only)
        SavedQueryRole,  ///< the saved search's query text
    };

    explicit TagTreeModel(Library* library, QObject* parent = nullptr);
    ~TagTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Re-reads counts soon (coalesces bursts into one query).
    void scheduleRefresh();
    /// Re-reads counts now.
    void refresh();

    /// The Tags group.
    QModelIndex tagSectionIndex() const;
    /// Re-reads the fixed names in the current language.
    void retranslate();

    /// The entry with this KeyRole, or an invalid index.
    QModelIndex indexForKey(const QString& key) const;
    /// The article filter an entry stands for (tag, feed, unread, bookmarked), applied on top of base.
    /// Everything else in base is reset, except its sort.
    static ArticleQuery queryFor(const QModelIndex& index, ArticleQuery base);
    /// The filter for several selected entries: tags combine by match; otherwise the current entry counts.
    static ArticleQuery queryFor(const QModelIndexList& selected, const QModelIndex& current, ArticleQuery base,
                                 ArticleQuery::TagMatch match);
    /// Colours of tags that have one, by case-folded tag key.
    QHash<QString, QString> tagColors() const;

Q_SIGNALS:
    /// Counts (and possibly the tag list) were reloaded.
    void refreshed();

private:
    struct Node
    {
        Kind kind = Kind::Section;
        QString name;
        qint64 feedId = 0;
        QString url;
        QString error;
        QString color;
        QString query;
        qint64 savedId = 0;
        int count = 0;
        int unread = 0;
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;

        int row() const;
    };

    Node* nodeFor(const QModelIndex& index) const;
    void apply(const LibraryStats& stats, const QList<TagCount>& tags, const QList<FeedCount>& feeds,
               const QList<SavedSearch>& saved);
    void replaceChildren(Node* section, std::vector<std::unique_ptr<Node>> nodes);
    QModelIndex indexOf(Node* node, int column) const;
    QIcon warningIcon() const;

    QPointer<Library> m_library;
    std::unique_ptr<Node> m_root;
    Node* m_librarySection = nullptr;
    Node* m_tagSection = nullptr;
    Node* m_feedSection = nullptr;
    Node* m_savedSection = nullptr;
    QTimer m_refreshTimer;
    quint64 m_generation = 0;
    mutable QIcon m_warningIcon; // made on first use (needs a GUI application)
};

} // namespace folio
