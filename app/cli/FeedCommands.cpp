// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/FeedCommands.h"

#include "cli/OfflineCommands.h"

#include "domain/Dates.h"
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"
#include "ingest/TextDecoding.h"
#include "net/FeedFetcher.h"
#include "storage/FeedStore.h"
#include "storage/OfflineStore.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace folio::cli {

namespace {

// Runs the fetches on an event loop of this thread until each request has reported. Only the
// CLI may wait like this; library code stays asynchronous.
void runFetches(const QList<FetchRequest>& requests, const std::function<void(const FetchResult&)>& onResult)
{
    QNetworkAccessManager network;
    FeedFetcher fetcher(&network);
    QEventLoop loop;
    QObject::connect(&fetcher, &FeedFetcher::feedFetched, &loop, onResult);
    QObject::connect(&fetcher, &FeedFetcher::finished, &loop, &QEventLoop::quit);
    fetcher.fetch(requests);
    loop.exec();
}

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject feedJson(const Feed& f)
{
    return QJsonObject{{u"id"_s, f.id},
                       {u"title"_s, f.title},
                       {u"url"_s, f.url},
                       {u"site_url"_s, nullable(f.siteUrl)},
                       {u"tags"_s, QJsonArray::fromStringList(f.tags)},
                       {u"last_fetched"_s, dates::isoOrNull(f.lastFetched)},
                       {u"error"_s, nullable(f.lastError)}};
}

QString statusName(FetchResult::Status status)
{
    switch (status) {
    case FetchResult::Status::Ok:
        return u"ok"_s;
    case FetchResult::Status::NotModified:
        return u"not_modified"_s;
    case FetchResult::Status::Failed:
        return u"failed"_s;
    case FetchResult::Status::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

} // namespace

QList<Command> FeedCommands::commands()
{
    return {
        {u"subscribe"_s, u"URL [--tag NAME]... [--offline none|images|full]"_s,
         tr("subscribe to a feed (or to the feed a web page names) and fetch it; --offline keeps its images "
            "(images) or also its full articles (full) for offline reading"),
         {QCommandLineOption(u"tag"_s, tr("Tag every article of the feed NAME (repeatable)."), u"NAME"_s),
          OfflineCommands::policyOption()},
         true,
         [](Context& c, const QStringList& args) { return FeedCommands(c).subscribe(c.db(), args); }},
        {u"feeds"_s, QString(), tr("subscribed feeds with their last fetch and last error"), {}, true,
         [](Context& c, const QStringList&) { return FeedCommands(c).feeds(c.db()); }},
        {u"unsubscribe"_s, u"ID"_s,
         tr("remove a feed; its articles go too, except those another source also has and those bookmarked, "
            "read, tagged or annotated by you"),
         {}, true, [](Context& c, const QStringList& args) { return FeedCommands(c).unsubscribe(c.db(), args); }},
        {u"fetch"_s, u"[ID...]"_s, tr("download feeds (all when no ID is given) and store what is new"), {}, true,
         [](Context& c, const QStringList& args) { return FeedCommands(c).fetch(c.db(), args); }},
        {u"opml"_s, u"import FILE | export [-o FILE]"_s,
         tr("add the feeds of an OPML list (folders become tags; fetch them later), or write the subscriptions as "
            "OPML (tags become folders)"),
         {QCommandLineOption(QStringList{u"o"_s, u"output"_s}, tr("export: write to FILE."), u"FILE"_s)}, true,
         [](Context& c, const QStringList& args) { return FeedCommands(c).opml(c.db(), args); }},
    };
}

Result<QList<qint64>> FeedCommands::feedIds(const QStringList& args, const QString& command)
{
    QList<qint64> ids;
    for (const QString& arg : args) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok || id <= 0) {
            return makeError(Error::Code::Invalid, tr("%1: \"%2\" is not a feed ID").arg(command, arg));
        }
        ids.append(id);
    }
    return ids;
}

int FeedCommands::subscribe(QSqlDatabase db, const QStringList& args)
{
    if (args.size() != 1) {
        return m_c.usage(tr("subscribe takes exactly one URL"));
    }
    std::optional<OfflinePolicy> policy;
    if (m_c.isSet(u"offline"_s)) {
        policy = parseOfflinePolicy(m_c.value(u"offline"_s));
        if (!policy) {
            return m_c.usage(tr("--offline takes none, images or full, not \"%1\"").arg(m_c.value(u"offline"_s)));
        }
    }
    const QUrl url = QUrl::fromUserInput(args.first());
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
        return m_c.usage(tr("subscribe needs an http or https URL, not \"%1\"").arg(args.first()));
    }
    FeedStore store(db);
    auto existing = store.findByUrl(url);
    if (!existing) {
        return m_c.fail(existing.error().toString());
    }
    SubscribeReport report;
    if (existing.value()) {
        report.feed = *existing.value();
        report.alreadySubscribed = true;
    } else {
        std::optional<FetchResult> fetched;
        FetchRequest request;
        request.url = url;
        request.discover = true;
        runFetches({request}, [&fetched](const FetchResult& r) { fetched = r; });
        if (!fetched) {
            return m_c.fail(tr("%1: no answer").arg(url.toString()));
        }
        if (!fetched->ok()) {
            return m_c.fail(fetched->error.toString());
        }
        auto stored = store.subscribe(*fetched, m_c.values(u"tag"_s));
        if (!stored) {
            return m_c.fail(stored.error().toString());
        }
        report = std::move(stored).value();
    }
    OfflineReport offline;
    if (policy) {
        if (auto r = OfflineStore(db, ResourceStore::storeDirOf(QFileInfo(m_c.databasePath()).absolutePath()))
                         .setPolicy(report.feed.id, *policy);
            !r) {
            return m_c.fail(r.error().toString());
        }
        if (*policy != OfflinePolicy::None) {
            offline = OfflineCommands::downloadPending(m_c.databasePath(), {report.feed.id});
        }
    }
    if (m_c.json()) {
        QJsonObject o = feedJson(report.feed);
        if (policy) {
            o.insert(u"offline_policy"_s, offlinePolicyName(*policy));
            o.insert(u"offline_articles"_s, offline.complete);
        }
        o.insert(u"already_subscribed"_s, report.alreadySubscribed);
        o.insert(u"added"_s, report.import.added);
        o.insert(u"updated"_s, report.import.updated);
        m_c.printJson(o);
    } else if (report.alreadySubscribed) {
        m_c.out() << tr("Already subscribed to %1 (feed %2); nothing changed.").arg(report.feed.url).arg(report.feed.id)
              << Qt::endl;
    } else {
        m_c.out() << tr("Subscribed to \"%1\" (%2) as feed %3: %4 items, %5 new")
                     .arg(report.feed.title, report.feed.url)
                     .arg(report.feed.id)
                     .arg(report.import.items)
                     .arg(report.import.added)
              << Qt::endl;
    }
    return kExitOk;
}

int FeedCommands::feeds(QSqlDatabase db)
{
    auto all = FeedStore(db).feeds();
    if (!all) {
        return m_c.fail(all.error().toString());
    }
    if (m_c.json()) {
        QJsonArray array;
        for (const Feed& f : std::as_const(all.value())) {
            array.append(feedJson(f));
        }
        m_c.printJson(array);
        return kExitOk;
    }
    for (const Feed& f : std::as_const(all.value())) {
        m_c.out() << f.id << '\t' << f.title << '\t' << f.url << '\t'
              << (f.lastFetched ? dates::isoUtc(*f.lastFetched) : tr("never fetched"));
        if (!f.tags.isEmpty()) {
            m_c.out() << '\t' << tr("tags: %1").arg(f.tags.join(u", "_s));
        }
        if (!f.lastError.isEmpty()) {
            m_c.out() << '\t' << tr("error: %1").arg(f.lastError);
        }
        m_c.out() << Qt::endl;
    }
    return kExitOk;
}

int FeedCommands::unsubscribe(QSqlDatabase db, const QStringList& args)
{
    auto ids = feedIds(args, u"unsubscribe"_s);
    if (!ids || ids->size() != 1) {
        return m_c.usage(ids ? tr("unsubscribe takes exactly one feed ID") : ids.error().message);
    }
    auto report = FeedStore(db).remove(ids->first());
    if (report) {
        // The removed articles' images and full text went with them: delete the files nothing uses.
        if (auto cleaned = OfflineCommands::collectGarbage(m_c); !cleaned) {
            return m_c.fail(cleaned.error().toString());
        }
    }
    if (!report) {
        return m_c.fail(report.error().toString());
    }
    if (m_c.json()) {
        m_c.printJson(QJsonObject{{u"id"_s, report->feed.id},
                                     {u"url"_s, report->feed.url},
                                     {u"articles_removed"_s, report->articlesRemoved},
                                     {u"articles_kept"_s, report->articlesKept}});
    } else {
        m_c.out() << tr("Unsubscribed from \"%1\" (%2): %3 articles removed, %4 kept")
                     .arg(report->feed.title, report->feed.url)
                     .arg(report->articlesRemoved)
                     .arg(report->articlesKept)
              << Qt::endl;
    }
    return kExitOk;
}

int FeedCommands::fetch(QSqlDatabase db, const QStringList& args)
{
    auto ids = feedIds(args, u"fetch"_s);
    if (!ids) {
        return m_c.usage(ids.error().message);
    }
    FeedStore store(db);
    auto list = ids->isEmpty() ? store.feeds() : store.feeds(ids.value());
    if (!list) {
        return m_c.fail(list.error().toString());
    }
    QList<FetchRequest> requests;
    QHash<qint64, QString> titles;
    for (const Feed& f : std::as_const(list.value())) {
        FetchRequest request;
        request.feedId = f.id;
        request.url = QUrl(f.url);
        request.etag = f.etag;
        request.lastModified = f.lastModified;
        requests.append(request);
        titles.insert(f.id, f.title.isEmpty() ? f.url : f.title);
    }
    if (requests.isEmpty()) {
        if (m_c.json()) {
            m_c.printJson(QJsonArray());
        } else {
            m_c.out() << tr("No feeds to fetch; add one with 'folio-cli subscribe URL'.") << Qt::endl;
        }
        return kExitOk;
    }
    int failed = 0;
    QJsonArray results;
    // Storing happens here on the main thread, right after each feed is parsed (CLI only).
    runFetches(requests, [&](const FetchResult& fetched) {
        auto stored = store.recordFetch(fetched);
        FeedUpdate update;
        if (stored) {
            update = stored.value();
        } else {
            update.feedId = fetched.feedId;
            update.status = FetchResult::Status::Failed;
            update.error = stored.error().message;
        }
        if (update.status == FetchResult::Status::Failed) {
            ++failed;
        }
        if (m_c.json()) {
            results.append(QJsonObject{{u"id"_s, update.feedId},
                                       {u"status"_s, statusName(update.status)},
                                       {u"added"_s, update.import.added},
                                       {u"updated"_s, update.import.updated},
                                       {u"url"_s, nullable(update.newUrl)},
                                       {u"error"_s, nullable(update.error)}});
            return;
        }
        QString line;
        switch (update.status) {
        case FetchResult::Status::Ok:
            line = tr("%1 items, %2 new, %3 updated")
                       .arg(update.import.items)
                       .arg(update.import.added)
                       .arg(update.import.updated);
            break;
        case FetchResult::Status::NotModified:
            line = tr("not modified");
            break;
        case FetchResult::Status::Failed:
            line = tr("error: %1").arg(update.error);
            break;
        case FetchResult::Status::Cancelled:
            line = tr("cancelled");
            break;
        }
        if (!update.newUrl.isEmpty()) {
            line += u' ' + tr("(moved to %1)").arg(update.newUrl);
        }
        (update.status == FetchResult::Status::Failed ? m_c.err() : m_c.out())
            << update.feedId << '\t' << titles.value(update.feedId) << '\t' << line << Qt::endl;
    });
    // What the feeds' offline policies ask for, and bookmarked or annotated articles.
    const OfflineReport offline = OfflineCommands::downloadPending(m_c.databasePath(), ids.value());
    if (!m_c.json() && offline.articles > 0) {
        m_c.out() << tr("Offline: %1 of %2 articles complete, %3 images and %4 full articles stored")
                         .arg(offline.complete)
                         .arg(offline.articles)
                         .arg(offline.images)
                         .arg(offline.fullArticles)
                  << Qt::endl;
    }
    if (m_c.json()) {
        m_c.printJson(results);
    }
    return failed > 0 ? kExitFailed : kExitOk;
}

int FeedCommands::opml(QSqlDatabase db, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == "import"_L1 && args.size() == 2) {
        return opmlImport(db, args.at(1));
    }
    if (sub == "export"_L1 && args.size() == 1) {
        return opmlExport(db);
    }
    return m_c.usage(tr("use 'opml import FILE' or 'opml export [-o FILE]'"));
}

int FeedCommands::opmlImport(QSqlDatabase db, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return m_c.fail(tr("%1: cannot open: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
    if (bytes.size() > text::kMaxDocumentBytes) {
        return m_c.fail(tr("%1: file is larger than %2 MiB").arg(path).arg(text::kMaxDocumentBytes / (1024 * 1024)));
    }
    auto document = OpmlParser::parse(bytes, path);
    if (!document) {
        return m_c.fail(document.error().toString());
    }
    auto report = FeedStore(db).importSubscriptions(document->outlines);
    if (!report) {
        return m_c.fail(report.error().toString());
    }
    if (m_c.json()) {
        m_c.printJson(QJsonObject{{u"file"_s, path},
                                     {u"feeds"_s, report->outlines},
                                     {u"added"_s, report->added},
                                     {u"existing"_s, report->existing}});
    } else {
        m_c.out() << tr("%1: %2 feeds, %3 new, %4 already subscribed; run 'folio-cli fetch' to download them")
                     .arg(path)
                     .arg(report->outlines)
                     .arg(report->added)
                     .arg(report->existing)
              << Qt::endl;
    }
    return kExitOk;
}

int FeedCommands::opmlExport(QSqlDatabase db)
{
    auto outlines = FeedStore(db).exportSubscriptions();
    if (!outlines) {
        return m_c.fail(outlines.error().toString());
    }
    const QByteArray bytes = OpmlWriter::write(outlines.value(), tr("Folio subscriptions"),
                                               QDateTime::currentDateTimeUtc());
    if (!m_c.isSet(u"output"_s)) {
        m_c.out() << QString::fromUtf8(bytes);
        return kExitOk;
    }
    const QString path = m_c.value(u"output"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return m_c.fail(tr("%1: cannot write: %2").arg(path, file.errorString()));
    }
    return kExitOk;
}

} // namespace folio::cli
