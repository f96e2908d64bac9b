// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Importer.h"

#include "html/HtmlText.h"
#include "ingest/DocumentParser.h"
#include "ingest/IngestCommon.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/ImportPipeline.h"
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

ImportTarget Importer::target(const ParsedFeed& head, const QString& origin, const QUrl& feedUrl,
                              const ImportOptions& options)
{
    ImportTarget t;
    t.source = sourceFor(head, origin, feedUrl, options.sourceKey);
    t.site = t.source.siteUrl.isEmpty() ? t.source.url : t.source.siteUrl;
    t.feedLink = head.link;
    t.extraTags = options.extraTags;
    return t;
}

PreparedItem Importer::prepare(const FeedItem& item, const ImportTarget& target)
{
    return prepare(FeedItem(item), target);
}

PreparedItem Importer::prepare(FeedItem&& item, const ImportTarget& target)
{
    FeedItem copy = std::move(item);
    for (const QString& tag : target.extraTags) {
        if (!copy.tags.contains(tag, Qt::CaseInsensitive)) {
            copy.tags.append(tag);
        }
    }
    html::SanitizedHtml content = ingest::storedContent(copy, target.feedLink);
    copy.contentHtml = std::move(content.html);
    return ImportWriter::prepared(std::move(copy), std::move(content.text), target.site);
}

PreparedImport Importer::prepare(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl,
                                 const ImportOptions& options)
{
    PreparedImport prepared;
    prepared.target = target(feed, origin, feedUrl, options);
    prepared.origin = origin;
    prepared.format = feed.format;
    prepared.items.reserve(static_cast<size_t>(feed.items.size()));
    for (const FeedItem& item : feed.items) {
        prepared.items.push_back(prepare(item, prepared.target));
    }
    return prepared;
}

Result<ImportReport> Importer::store(const PreparedImport& prepared)
{
    ImportWriter writer(m_db);
    if (auto b = writer.begin(prepared.target.source); !b) {
        Error e = b.error();
        e.file = prepared.origin;
        return e;
    }
    for (const PreparedItem& item : prepared.items) {
        if (auto r = writer.store(item); !r) {
            Error e = r.error();
            e.file = prepared.origin;
            return e;
        }
    }
    auto report = writer.commit(prepared.target.source);
    if (!report) {
        Error e = report.error();
        e.file = prepared.origin;
        return e;
    }
    report->file = prepared.origin;
    report->format = prepared.format;
    return report;
}

Result<ImportReport> Importer::importParsed(const ParsedFeed& feed, const QString& origin, const QUrl& feedUrl,
                                            const ImportOptions& options)
{
    return store(prepare(feed, origin, feedUrl, options));
}

Result<ImportReport> Importer::importFile(const QString& path,
                                          const std::function<void(qint64 bytesStored, qint64 bytesTotal)>& progress)
{
    PipelineOptions options;
    if (progress) {
        options.progress = [&progress](int, qint64 stored, qint64 total) { progress(stored, total); };
    }
    return ImportPipeline::importFile(m_db, path, options);
}

QList<Result<ImportReport>> Importer::importFiles(const QStringList& paths,
                                                  const std::function<void(int, const Result<ImportReport>&)>& done)
{
    return ImportPipeline::importFiles(m_db, paths, {}, done);
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
