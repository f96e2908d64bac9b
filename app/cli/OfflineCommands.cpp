// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/OfflineCommands.h"

#include "net/FeedFetcher.h"
#include "storage/Database.h"
#include "storage/OfflineStore.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio::cli {

namespace {

QString storeDirFor(const QString& databasePath)
{
    return ResourceStore::storeDirOf(QFileInfo(databasePath).absolutePath());
}

// Runs one downloader on an event loop of this thread until it has finished (CLI only).
OfflineReport runDownloader(const QString& databasePath, const std::function<void(OfflineDownloader&)>& start)
{
    QNetworkAccessManager network;
    FeedFetcher fetcher(&network); // the downloads share the fetcher's limits
    OfflineDownloader downloader(&network, databasePath, storeDirFor(databasePath));
    downloader.useLimitsOf(fetcher);
    OfflineReport report;
    QEventLoop loop;
    QObject::connect(&downloader, &OfflineDownloader::finished, &loop, [&report, &loop](const OfflineReport& r) {
        report = r;
        loop.quit();
    });
    start(downloader);
    if (downloader.isBusy()) {
        loop.exec();
    }
    return report;
}

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size();
}

} // namespace

QList<Command> OfflineCommands::commands()
{
    return {
        {u"offline"_s, u"ID... [--full]"_s,
         tr("make articles available offline now: their images into the store, and with --full (or "
            "where their feed's policy is full) the full article"),
         {QCommandLineOption(u"full"_s, tr("Also download the full articles."))}, true,
         [](Context& c, const QStringList& args) { return OfflineCommands(c).offline(args); }},
        {u"prune"_s, u"[--max-store MB] [--older-than DAYS]"_s,
         tr("free images and full text of articles neither bookmarked nor annotated: older than DAYS, "
            "then the oldest until the store fits in MB"),
         {QCommandLineOption(u"max-store"_s, tr("Keep the store within MB MiB."), u"MB"_s),
          QCommandLineOption(u"older-than"_s, tr("Free what was added more than DAYS ago."), u"DAYS"_s)},
         true, [](Context& c, const QStringList&) { return OfflineCommands(c).prune(c.db()); }},
    };
}

QCommandLineOption OfflineCommands::policyOption()
{
    return QCommandLineOption(u"offline"_s, tr("Offline policy of the feed: none, images or full."), u"POLICY"_s);
}

OfflineReport OfflineCommands::downloadPending(const QString& databasePath, const QList<qint64>& feedIds)
{
    return runDownloader(databasePath, [&feedIds](OfflineDownloader& d) { d.startPending(feedIds); });
}

OfflineReport OfflineCommands::download(const QString& databasePath, const QList<qint64>& articleIds, bool full)
{
    return runDownloader(databasePath, [&articleIds, full](OfflineDownloader& d) { d.start(articleIds, full); });
}

void OfflineCommands::printReport(const OfflineReport& r)
{
    if (m_c.json()) {
        m_c.out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"articles"_s, r.articles},
                                                              {u"complete"_s, r.complete},
                                                              {u"images"_s, r.images},
                                                              {u"images_failed"_s, r.imagesFailed},
                                                              {u"full_articles"_s, r.fullArticles},
                                                              {u"full_failed"_s, r.fullFailed},
                                                              {u"errors"_s, QJsonArray::fromStringList(r.errors)}})
                                       .toJson(QJsonDocument::Indented));
        return;
    }
    m_c.out() << tr("%1 articles, %2 available offline; %3 images stored, %4 failed; %5 full articles, %6 failed")
                 .arg(r.articles)
                 .arg(r.complete)
                 .arg(r.images)
                 .arg(r.imagesFailed)
                 .arg(r.fullArticles)
                 .arg(r.fullFailed)
          << Qt::endl;
    for (const QString& e : r.errors) {
        m_c.err() << "  " << e << Qt::endl;
    }
}

int OfflineCommands::offline(const QStringList& args)
{
    QList<qint64> ids;
    for (const QString& arg : args) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok || id <= 0) {
            return m_c.usage(tr("offline: \"%1\" is not an article ID").arg(arg));
        }
        ids.append(id);
    }
    if (ids.isEmpty()) {
        return m_c.usage(tr("offline takes one or more article IDs"));
    }
    const OfflineReport report = download(m_c.databasePath(), ids, m_c.isSet(u"full"_s));
    printReport(report);
    return report.errors.isEmpty() || report.complete == report.articles ? kExitOk : kExitFailed;
}

int OfflineCommands::prune(QSqlDatabase db)
{
    const auto setting = [&db](const char* key) -> qint64 {
        auto value = Database::metaValue(db, QString::fromLatin1(key));
        return value ? value->toLongLong() : 0;
    };
    qint64 maxBytes = setting(kMaxStoreBytesKey);
    qint64 days = setting(kPruneDaysKey);
    bool ok = true;
    if (m_c.isSet(u"max-store"_s)) {
        maxBytes = m_c.value(u"max-store"_s).toLongLong(&ok) * 1024 * 1024;
        if (!ok || maxBytes < 0) {
            return m_c.usage(tr("prune: --max-store needs a number of MiB"));
        }
    }
    if (m_c.isSet(u"older-than"_s)) {
        days = m_c.value(u"older-than"_s).toLongLong(&ok);
        if (!ok || days < 0) {
            return m_c.usage(tr("prune: --older-than needs a number of days"));
        }
    }
    const qint64 olderThan = days > 0 ? QDateTime::currentSecsSinceEpoch() - days * 86400 : 0;
    auto report = OfflineStore(db, storeDirFor(m_c.databasePath())).prune(maxBytes, olderThan);
    if (!report) {
        return m_c.fail(report.error().toString());
    }
    if (m_c.json()) {
        m_c.out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"articles"_s, report->articles},
                                                              {u"files"_s, report->files},
                                                              {u"bytes"_s, report->bytes}})
                                       .toJson(QJsonDocument::Indented));
    } else {
        m_c.out() << tr("Pruned %1 articles: %2 files, %3 bytes freed").arg(report->articles).arg(report->files).arg(report->bytes)
              << Qt::endl;
    }
    return kExitOk;
}

Result<void> OfflineCommands::addToArticleJson(Context& c, qint64 articleId, QJsonObject& object)
{
    auto status = OfflineStore(c.db(), storeDirFor(c.databasePath())).status(articleId);
    if (!status) {
        return status.error();
    }
    object.insert(u"offline"_s, status->offline);
    object.insert(u"full_html"_s, status->full ? QJsonValue(status->full->html) : QJsonValue(QJsonValue::Null));
    QJsonArray resources;
    for (const ArticleResource& r : std::as_const(status->resources)) {
        resources.append(QJsonObject{{u"url"_s, r.url}, {u"size"_s, r.size}, {u"type"_s, r.type}});
    }
    object.insert(u"resources"_s, resources);
    return {};
}

Result<void> OfflineCommands::addToStatsJson(Context& c, QJsonObject& object)
{
    const QString& databasePath = c.databasePath();
    auto store = ResourceStore(c.db(), storeDirFor(databasePath)).totalBytes();
    if (!store) {
        return store.error();
    }
    const qint64 library = fileSize(databasePath) + fileSize(databasePath + u"-wal"_s);
    object.insert(u"library_bytes"_s, library);
    object.insert(u"store_bytes"_s, *store);
    return {};
}

Result<StoreCleanup> OfflineCommands::collectGarbage(Context& c)
{
    return ResourceStore(c.db(), storeDirFor(c.databasePath())).collectGarbage();
}

} // namespace folio::cli
