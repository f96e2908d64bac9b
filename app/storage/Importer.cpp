// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Importer.h"

#include "html/HtmlText.h"
#include "ingest/DocumentParser.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/QueryBuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

const QString kSeedKey = u"seed_imported"_s;

SourceSpec sourceFor(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl, const QString& sourceKey)
{
    SourceSpec s;
    if (!sourceKey.isEmpty()) {
        // A subscribed feed: keyed by its subscription, whatever the document is and wherever it moves.
        s.kind = u"feed"_s;
        s.key = sourceKey;
        s.url = feedUrl.toString();
        s.siteUrl = feed.link;
        s.title = !feed.title.trimmed().isEmpty() ? feed.title.simplified() : s.url;
        return s;
    }
    if (feed.format == "tagpage"_L1) {
        s.kind = u"tagpage"_s;
        s.key = u"tagpage:"_s + QueryBuilder::tagKey(feed.title);
        s.title = feed.title;
        return s;
    }
    s.kind = feedUrl.isValid() && !feedUrl.isLocalFile() ? u"feed"_s : u"file"_s;
    s.url = feedUrl.isValid() && !feedUrl.isLocalFile() ? feedUrl.toString() : QString();
    s.siteUrl = feed.link;
    const QString stable = !s.url.isEmpty() ? s.url : (!feed.link.isEmpty() ? feed.link : origin);
    s.key = s.kind + u':' + stable;
    s.title = !feed.title.trimmed().isEmpty() ? feed.title.simplified() : QFileInfo(origin).fileName();
    return s;
}

} // namespace

Importer::Importer(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<ImportReport> Importer::importParsed(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl,
                                            const ImportOptions& options)
{
    QList<ImportItem> items;
    items.reserve(feed.items.size());
    for (const FeedItem& item : feed.items) {
        ImportItem entry{item, {}};
        for (const QString& tag : options.extraTags) {
            if (!entry.item.tags.contains(tag, Qt::CaseInsensitive)) {
                entry.item.tags.append(tag);
            }
        }
        if (!item.contentHtml.trimmed().isEmpty()) {
            const QUrl base = item.link.isEmpty() ? QUrl(feed.link) : QUrl(item.link);
            entry.item.contentHtml = html::sanitize(item.contentHtml, base);
            entry.contentText = html::toPlainText(entry.item.contentHtml);
        } else {
            entry.item.contentHtml.clear();
        }
        items.append(std::move(entry));
    }
    auto report = ArticleStore(m_db).importItems(sourceFor(feed, origin, feedUrl, options.sourceKey), items);
    if (!report) {
        Error e = report.error();
        e.file = origin;
        return e;
    }
    report->file = origin;
    report->format = feed.format;
    return report;
}

Result<ImportReport> Importer::importFile(const QString& path)
{
    auto parsed = DocumentParser::parseFile(path);
    if (!parsed) {
        return parsed.error();
    }
    return importParsed(parsed.value(), path);
}

Result<void> Importer::declineSeeds()
{
    auto done = Database::metaValue(m_db, kSeedKey);
    if (!done) {
        return done.error();
    }
    if (!done->isEmpty()) {
        return {};
    }
    return Database::setMetaValue(m_db, kSeedKey, u"declined"_s);
}

Result<int> Importer::importSeedsIfNew()
{
    auto done = Database::metaValue(m_db, kSeedKey);
    if (!done) {
        return done.error();
    }
    if (!done->isEmpty()) {
        return 0;
    }
    auto stats = ArticleStore(m_db).stats();
    if (!stats) {
        return stats.error();
    }
    int added = 0;
    if (stats->articles == 0) {
        const QDir seeds(u":/folio/seeds"_s);
        const QStringList names = seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
        for (const QString& name : names) {
            auto report = importFile(seeds.filePath(name));
            if (!report) {
                return report.error();
            }
            added += report->added;
        }
    }
    if (auto r = Database::setMetaValue(m_db, kSeedKey, u"1"_s); !r) {
        return r.error();
    }
    return added;
}

} // namespace folio
