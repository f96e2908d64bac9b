// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

#include "domain/Dates.h"
#include "export/JsonExport.h"
#include "ingest/DocumentParser.h"
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"
#include "ingest/ParsedFeedJson.h"
#include "ingest/TextDecoding.h"
#include "net/FeedFetcher.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/FeedStore.h"
#include "storage/Importer.h"
#include "storage/Library.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QTimeZone>

#include <functional>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

struct Options
{
    QCommandLineOption profile{u"profile"_s, CommandLine::tr("Use the library in DIR."), u"DIR"_s};
    QCommandLineOption json{u"json"_s, CommandLine::tr("Print JSON on standard output.")};
    QCommandLineOption tag{u"tag"_s,
                           CommandLine::tr("list: only articles with tag NAME (repeatable); subscribe: tag every "
                                           "article of the feed NAME (repeatable)."),
                           u"NAME"_s};
    QCommandLineOption since{u"since"_s, CommandLine::tr("list: published on or after DATE (YYYY-MM-DD, UTC)."), u"DATE"_s};
    QCommandLineOption until{u"until"_s, CommandLine::tr("list: published on or before DATE (YYYY-MM-DD, UTC)."), u"DATE"_s};
    QCommandLineOption text{u"text"_s, CommandLine::tr("list: articles whose text contains every word of TEXT."), u"TEXT"_s};
    QCommandLineOption bookmarked{u"bookmarked"_s, CommandLine::tr("list: bookmarked articles only.")};
    QCommandLineOption unread{u"unread"_s, CommandLine::tr("list: unread articles only.")};
    QCommandLineOption limit{u"limit"_s, CommandLine::tr("list: at most N articles."), u"N"_s};
    QCommandLineOption off{u"off"_s, CommandLine::tr("bookmark/read: clear the flag instead of setting it.")};
    QCommandLineOption noSeed{u"no-seed"_s, CommandLine::tr("Do not import the bundled tag pages into a new library.")};
    QCommandLineOption output{QStringList{u"o"_s, u"output"_s}, CommandLine::tr("opml export: write to FILE."), u"FILE"_s};
};

QString commandSummary()
{
    return CommandLine::tr(
        "Commands:\n"
        "  import FILE...      import tag pages or feed files (each file all or nothing)\n"
        "  tags                tags with article and unread counts\n"
        "  list                articles, newest first (filters: --tag --since --until --text\n"
        "                      --bookmarked --unread --limit)\n"
        "  show ID             one article with its summary and content\n"
        "  bookmark ID [--off] bookmark an article (or remove the bookmark)\n"
        "  read ID [--off]     mark an article read (or unread)\n"
        "  stats               numbers of articles, tags, sources, bookmarks, unread\n"
        "  parse FILE          print a file as parsed, without touching a library\n"
        "  subscribe URL [--tag NAME]\n"
        "                      subscribe to a feed (or to the feed a web page names) and fetch it\n"
        "  feeds               subscribed feeds with their last fetch and last error\n"
        "  unsubscribe ID      remove a feed; its articles go too, except those another source\n"
        "                      also has and those bookmarked, read or tagged by you\n"
        "  fetch [ID...]       download feeds (all when no ID is given) and store what is new\n"
        "  opml import FILE    add the feeds of an OPML list (folders become tags); fetch them later\n"
        "  opml export [-o FILE]\n"
        "                      write the subscriptions as OPML (tags become folders)");
}

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QString dateText(const std::optional<qint64>& secs)
{
    return secs ? QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc()).toString(u"yyyy-MM-dd"_s) : u"-"_s;
}

std::optional<qint64> parseDay(const QString& text, bool endOfDay, bool* ok)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    *ok = day.isValid();
    if (!day.isValid()) {
        return std::nullopt;
    }
    const QDate d = endOfDay ? day.addDays(1) : day;
    return d.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
}

class Session
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    Session(QTextStream& out, QTextStream& err, const QCommandLineParser& parser, const Options& options)
        : m_out(out)
        , m_err(err)
        , m_parser(parser)
        , m_options(options)
        , m_json(parser.isSet(options.json))
    {
    }

    int fail(const QString& message)
    {
        m_err << "folio-cli: " << message << Qt::endl;
        return kExitFailed;
    }

    int usage(const QString& message)
    {
        m_err << "folio-cli: " << message << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
        return kExitUsage;
    }

    // Opens the library (creating it and importing the seed on first use).
    Result<QSqlDatabase> openLibrary()
    {
        m_path = QDir(Library::resolveProfileDir(m_parser.value(m_options.profile))).filePath(Database::fileName());
        if (auto r = Database::prepare(m_path); !r) {
            return r.error();
        }
        auto db = Database::connection(m_path);
        if (!db) {
            return db.error();
        }
        if (!m_parser.isSet(m_options.noSeed)) {
            if (auto seeded = Importer(db.value()).importSeedsIfNew(); !seeded) {
                return seeded.error();
            }
        }
        return db;
    }

    ~Session()
    {
        if (!m_path.isEmpty()) {
            Database::closeConnection(m_path);
        }
    }

    int dispatch(const QString& command, const QStringList& args)
    {
        if (command == "parse"_L1) {
            return parse(args);
        }
        static const QStringList known = {u"import"_s, u"tags"_s, u"list"_s, u"show"_s, u"bookmark"_s,
                                          u"read"_s, u"stats"_s, u"subscribe"_s, u"feeds"_s, u"unsubscribe"_s,
                                          u"fetch"_s, u"opml"_s};
        if (!known.contains(command)) {
            return usage(tr("unknown command \"%1\"").arg(command));
        }
        auto db = openLibrary();
        if (!db) {
            return fail(db.error().toString());
        }
        if (command == "import"_L1) {
            return importFiles(db.value(), args);
        }
        if (command == "tags"_L1) {
            return tags(db.value());
        }
        if (command == "list"_L1) {
            return list(db.value());
        }
        if (command == "show"_L1) {
            return show(db.value(), args);
        }
        if (command == "stats"_L1) {
            return stats(db.value());
        }
        if (command == "subscribe"_L1) {
            return subscribe(db.value(), args);
        }
        if (command == "feeds"_L1) {
            return feeds(db.value());
        }
        if (command == "unsubscribe"_L1) {
            return unsubscribe(db.value(), args);
        }
        if (command == "fetch"_L1) {
            return fetch(db.value(), args);
        }
        if (command == "opml"_L1) {
            return opml(db.value(), args);
        }
        return setFlag(db.value(), command, args);
    }

private:
    int parse(const QStringList& args)
    {
        if (args.size() != 1) {
            return usage(tr("parse takes exactly one FILE"));
        }
        auto parsed = DocumentParser::parseFile(args.first());
        if (!parsed) {
            return fail(parsed.error().toString());
        }
        printJson(m_out, parsedFeedToJson(parsed.value()));
        return kExitOk;
    }

    int importFiles(QSqlDatabase db, const QStringList& files)
    {
        if (files.isEmpty()) {
            return usage(tr("import needs at least one FILE"));
        }
        int status = kExitOk;
        QJsonArray reports;
        Importer importer(db);
        for (const QString& file : files) {
            auto report = importer.importFile(file);
            if (!report) {
                m_err << "folio-cli: " << report.error().toString() << Qt::endl;
                status = kExitFailed;
                continue;
            }
            if (m_json) {
                reports.append(json::importReport(report.value()));
            } else {
                m_out << tr("%1: %2 items, %3 new, %4 updated").arg(file).arg(report->items).arg(report->added)
                             .arg(report->updated)
                      << Qt::endl;
            }
        }
        if (m_json) {
            printJson(m_out, reports);
        }
        return status;
    }

    int tags(QSqlDatabase db)
    {
        auto counts = TagStore(db).tagCounts();
        if (!counts) {
            return fail(counts.error().toString());
        }
        if (m_json) {
            QJsonArray array;
            for (const TagCount& t : counts.value()) {
                array.append(json::tagCount(t));
            }
            printJson(m_out, array);
            return kExitOk;
        }
        for (const TagCount& t : counts.value()) {
            m_out << t.name << '\t' << t.count << '\t' << tr("%1 unread").arg(t.unread) << Qt::endl;
        }
        return kExitOk;
    }

    int list(QSqlDatabase db)
    {
        ArticleQuery query;
        query.tags = m_parser.values(m_options.tag);
        query.text = m_parser.value(m_options.text);
        query.bookmarkedOnly = m_parser.isSet(m_options.bookmarked);
        query.unreadOnly = m_parser.isSet(m_options.unread);
        bool ok = true;
        if (m_parser.isSet(m_options.since)) {
            query.since = parseDay(m_parser.value(m_options.since), false, &ok);
            if (!ok) {
                return usage(tr("--since needs a date as YYYY-MM-DD, not \"%1\"").arg(m_parser.value(m_options.since)));
            }
        }
        if (m_parser.isSet(m_options.until)) {
            query.until = parseDay(m_parser.value(m_options.until), true, &ok);
            if (!ok) {
                return usage(tr("--until needs a date as YYYY-MM-DD, not \"%1\"").arg(m_parser.value(m_options.until)));
            }
        }
        int limit = -1;
        if (m_parser.isSet(m_options.limit)) {
            limit = m_parser.value(m_options.limit).toInt(&ok);
            if (!ok || limit < 0) {
                return usage(tr("--limit needs a number, not \"%1\"").arg(m_parser.value(m_options.limit)));
            }
        }
        ArticleStore store(db);
        std::vector<ArticleRow> rows;
        std::optional<ArticleCursor> cursor;
        constexpr int kPage = 1000;
        while (limit < 0 || static_cast<int>(rows.size()) < limit) {
            const int want = limit < 0 ? kPage : qMin(kPage, limit - static_cast<int>(rows.size()));
            auto page = store.page(query, cursor, want);
            if (!page) {
                return fail(page.error().toString());
            }
            const bool last = static_cast<int>(page->size()) < want;
            for (ArticleRow& row : page.value()) {
                rows.push_back(std::move(row));
            }
            if (last || rows.empty()) {
                break;
            }
            cursor = ArticleStore::cursorAfter(rows.back());
        }
        if (m_json) {
            QJsonArray array;
            for (const ArticleRow& row : rows) {
                array.append(json::articleRow(row));
            }
            printJson(m_out, array);
            return kExitOk;
        }
        for (const ArticleRow& row : rows) {
            m_out << row.id << '\t' << dateText(row.published) << '\t' << (row.state.bookmarked ? "*" : " ")
                  << (row.state.read ? " " : "N") << '\t' << row.title << '\t' << row.tags.join(u", "_s) << Qt::endl;
        }
        return kExitOk;
    }

    Result<qint64> articleId(const QStringList& args, const QString& command)
    {
        bool ok = false;
        const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
        if (!ok) {
            return makeError(Error::Code::Invalid, tr("%1 takes exactly one article ID").arg(command));
        }
        return id;
    }

    int show(QSqlDatabase db, const QStringList& args)
    {
        auto id = articleId(args, u"show"_s);
        if (!id) {
            return usage(id.error().message);
        }
        auto article = ArticleStore(db).article(id.value());
        if (!article) {
            return fail(article.error().toString());
        }
        const Article& a = article.value();
        if (m_json) {
            printJson(m_out, json::article(a));
            return kExitOk;
        }
        m_out << a.title << Qt::endl
              << tr("Published: %1").arg(a.published ? dates::isoUtc(*a.published) : tr("unknown")) << Qt::endl
              << tr("Source: %1").arg(a.source) << Qt::endl
              << tr("Tags: %1").arg(a.tags.join(u", "_s)) << Qt::endl;
        if (!a.link.isEmpty()) {
            m_out << tr("Link: %1").arg(a.link) << Qt::endl;
        }
        m_out << Qt::endl << a.summary << Qt::endl;
        return kExitOk;
    }

    int stats(QSqlDatabase db)
    {
        auto s = ArticleStore(db).stats();
        if (!s) {
            return fail(s.error().toString());
        }
        if (m_json) {
            printJson(m_out, json::stats(s.value()));
            return kExitOk;
        }
        m_out << tr("Articles: %1").arg(s->articles) << Qt::endl
              << tr("Tags: %1").arg(s->tags) << Qt::endl
              << tr("Sources: %1").arg(s->sources) << Qt::endl
              << tr("Bookmarks: %1").arg(s->bookmarks) << Qt::endl
              << tr("Unread: %1").arg(s->unread) << Qt::endl;
        return kExitOk;
    }

    int setFlag(QSqlDatabase db, const QString& command, const QStringList& args)
    {
        auto id = articleId(args, command);
        if (!id) {
            return usage(id.error().message);
        }
        const bool on = !m_parser.isSet(m_options.off);
        StateStore store(db);
        auto r = command == "bookmark"_L1 ? store.setBookmarked({id.value()}, on) : store.setRead({id.value()}, on);
        if (!r) {
            return fail(r.error().toString());
        }
        auto state = store.state(id.value());
        if (!state) {
            return fail(state.error().toString());
        }
        if (m_json) {
            printJson(m_out, QJsonObject{{u"id"_s, id.value()}, {u"read"_s, state->read}, {u"bookmarked"_s, state->bookmarked}});
        } else if (command == "bookmark"_L1) {
            m_out << (on ? tr("Bookmarked %1").arg(id.value()) : tr("Removed bookmark from %1").arg(id.value())) << Qt::endl;
        } else {
            m_out << (on ? tr("Marked %1 read").arg(id.value()) : tr("Marked %1 unread").arg(id.value())) << Qt::endl;
        }
        return kExitOk;
    }

    // --- Feeds ---------------------------------------------------------------------------------

    // Runs the fetches on an event loop of this thread until each request has reported. Only the
    // CLI may wait like this; library code stays asynchronous.
    static void runFetches(const QList<FetchRequest>& requests, const std::function<void(const FetchResult&)>& onResult)
    {
        QNetworkAccessManager network;
        FeedFetcher fetcher(&network);
        QEventLoop loop;
        QObject::connect(&fetcher, &FeedFetcher::feedFetched, &loop, onResult);
        QObject::connect(&fetcher, &FeedFetcher::finished, &loop, &QEventLoop::quit);
        fetcher.fetch(requests);
        loop.exec();
    }

    static QJsonValue nullable(const QString& s)
    {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    }

    static QJsonObject feedJson(const Feed& f)
    {
        return QJsonObject{{u"id"_s, f.id},
                           {u"title"_s, f.title},
                           {u"url"_s, f.url},
                           {u"site_url"_s, nullable(f.siteUrl)},
                           {u"tags"_s, QJsonArray::fromStringList(f.tags)},
                           {u"last_fetched"_s, dates::isoOrNull(f.lastFetched)},
                           {u"error"_s, nullable(f.lastError)}};
    }

    Result<QList<qint64>> feedIds(const QStringList& args, const QString& command)
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

    int subscribe(QSqlDatabase db, const QStringList& args)
    {
        if (args.size() != 1) {
            return usage(tr("subscribe takes exactly one URL"));
        }
        const QUrl url = QUrl::fromUserInput(args.first());
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
            return usage(tr("subscribe needs an http or https URL, not \"%1\"").arg(args.first()));
        }
        FeedStore store(db);
        auto existing = store.findByUrl(url);
        if (!existing) {
            return fail(existing.error().toString());
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
                return fail(tr("%1: no answer").arg(url.toString()));
            }
            if (!fetched->ok()) {
                return fail(fetched->error.toString());
            }
            auto stored = store.subscribe(*fetched, m_parser.values(m_options.tag));
            if (!stored) {
                return fail(stored.error().toString());
            }
            report = std::move(stored).value();
        }
        if (m_json) {
            QJsonObject o = feedJson(report.feed);
            o.insert(u"already_subscribed"_s, report.alreadySubscribed);
            o.insert(u"added"_s, report.import.added);
            o.insert(u"updated"_s, report.import.updated);
            printJson(m_out, o);
        } else if (report.alreadySubscribed) {
            m_out << tr("Already subscribed to %1 (feed %2); nothing changed.").arg(report.feed.url).arg(report.feed.id)
                  << Qt::endl;
        } else {
            m_out << tr("Subscribed to \"%1\" (%2) as feed %3: %4 items, %5 new")
                         .arg(report.feed.title, report.feed.url)
                         .arg(report.feed.id)
                         .arg(report.import.items)
                         .arg(report.import.added)
                  << Qt::endl;
        }
        return kExitOk;
    }

    int feeds(QSqlDatabase db)
    {
        auto all = FeedStore(db).feeds();
        if (!all) {
            return fail(all.error().toString());
        }
        if (m_json) {
            QJsonArray array;
            for (const Feed& f : std::as_const(all.value())) {
                array.append(feedJson(f));
            }
            printJson(m_out, array);
            return kExitOk;
        }
        for (const Feed& f : std::as_const(all.value())) {
            m_out << f.id << '\t' << f.title << '\t' << f.url << '\t'
                  << (f.lastFetched ? dates::isoUtc(*f.lastFetched) : tr("never fetched"));
            if (!f.tags.isEmpty()) {
                m_out << '\t' << tr("tags: %1").arg(f.tags.join(u", "_s));
            }
            if (!f.lastError.isEmpty()) {
                m_out << '\t' << tr("error: %1").arg(f.lastError);
            }
            m_out << Qt::endl;
        }
        return kExitOk;
    }

    int unsubscribe(QSqlDatabase db, const QStringList& args)
    {
        auto ids = feedIds(args, u"unsubscribe"_s);
        if (!ids || ids->size() != 1) {
            return usage(ids ? tr("unsubscribe takes exactly one feed ID") : ids.error().message);
        }
        auto report = FeedStore(db).remove(ids->first());
        if (!report) {
            return fail(report.error().toString());
        }
        if (m_json) {
            printJson(m_out, QJsonObject{{u"id"_s, report->feed.id},
                                         {u"url"_s, report->feed.url},
                                         {u"articles_removed"_s, report->articlesRemoved},
                                         {u"articles_kept"_s, report->articlesKept}});
        } else {
            m_out << tr("Unsubscribed from \"%1\" (%2): %3 articles removed, %4 kept")
                         .arg(report->feed.title, report->feed.url)
                         .arg(report->articlesRemoved)
                         .arg(report->articlesKept)
                  << Qt::endl;
        }
        return kExitOk;
    }

    static QString statusName(FetchResult::Status status)
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

    int fetch(QSqlDatabase db, const QStringList& args)
    {
        auto ids = feedIds(args, u"fetch"_s);
        if (!ids) {
            return usage(ids.error().message);
        }
        FeedStore store(db);
        auto list = ids->isEmpty() ? store.feeds() : store.feeds(ids.value());
        if (!list) {
            return fail(list.error().toString());
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
            if (m_json) {
                printJson(m_out, QJsonArray());
            } else {
                m_out << tr("No feeds to fetch; add one with 'folio-cli subscribe URL'.") << Qt::endl;
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
            if (m_json) {
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
            (update.status == FetchResult::Status::Failed ? m_err : m_out)
                << update.feedId << '\t' << titles.value(update.feedId) << '\t' << line << Qt::endl;
        });
        if (m_json) {
            printJson(m_out, results);
        }
        return failed > 0 ? kExitFailed : kExitOk;
    }

    int opml(QSqlDatabase db, const QStringList& args)
    {
        const QString sub = args.value(0);
        if (sub == "import"_L1 && args.size() == 2) {
            return opmlImport(db, args.at(1));
        }
        if (sub == "export"_L1 && args.size() == 1) {
            return opmlExport(db);
        }
        return usage(tr("use 'opml import FILE' or 'opml export [-o FILE]'"));
    }

    int opmlImport(QSqlDatabase db, const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(tr("%1: cannot open: %2").arg(path, file.errorString()));
        }
        const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
        if (bytes.size() > text::kMaxDocumentBytes) {
            return fail(tr("%1: file is larger than %2 MiB").arg(path).arg(text::kMaxDocumentBytes / (1024 * 1024)));
        }
        auto document = OpmlParser::parse(bytes, path);
        if (!document) {
            return fail(document.error().toString());
        }
        auto report = FeedStore(db).importSubscriptions(document->outlines);
        if (!report) {
            return fail(report.error().toString());
        }
        if (m_json) {
            printJson(m_out, QJsonObject{{u"file"_s, path},
                                         {u"feeds"_s, report->outlines},
                                         {u"added"_s, report->added},
                                         {u"existing"_s, report->existing}});
        } else {
            m_out << tr("%1: %2 feeds, %3 new, %4 already subscribed; run 'folio-cli fetch' to download them")
                         .arg(path)
                         .arg(report->outlines)
                         .arg(report->added)
                         .arg(report->existing)
                  << Qt::endl;
        }
        return kExitOk;
    }

    int opmlExport(QSqlDatabase db)
    {
        auto outlines = FeedStore(db).exportSubscriptions();
        if (!outlines) {
            return fail(outlines.error().toString());
        }
        const QByteArray bytes = OpmlWriter::write(outlines.value(), tr("Folio subscriptions"),
                                                   QDateTime::currentDateTimeUtc());
        if (!m_parser.isSet(m_options.output)) {
            m_out << QString::fromUtf8(bytes);
            return kExitOk;
        }
        const QString path = m_parser.value(m_options.output);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            return fail(tr("%1: cannot write: %2").arg(path, file.errorString()));
        }
        return kExitOk;
    }

    QTextStream& m_out;
    QTextStream& m_err;
    const QCommandLineParser& m_parser;
    const Options& m_options;
    const bool m_json;
    QString m_path;
};

} // namespace

CommandLine::CommandLine(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
}

int CommandLine::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Folio %1, headless: the article library from the command line.\n\n%2")
                                         .arg(QString::fromLatin1(FOLIO_VERSION), commandSummary()));
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption version(QStringList{u"v"_s, u"version"_s}, tr("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    const Options options;
    parser.addOptions({options.profile, options.json, options.tag, options.since, options.until, options.text,
                       options.bookmarked, options.unread, options.limit, options.off, options.noSeed,
                       options.output});
    parser.addPositionalArgument(u"command"_s, tr("What to do (see Commands)."), u"COMMAND [ARGS...]"_s);
    if (!parser.parse(arguments)) {
        m_err << "folio-cli: " << parser.errorText() << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(help)) {
        m_out << parser.helpText();
        return kExitOk;
    }
    if (parser.isSet(version)) {
        m_out << "folio-cli " << FOLIO_VERSION << Qt::endl;
        return kExitOk;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << "folio-cli: " << tr("no command given") << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
        return kExitUsage;
    }
    const QString command = positional.takeFirst();
    Session session(m_out, m_err, parser, options);
    return session.dispatch(command, positional);
}

} // namespace folio
