// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

#include "cli/AnnotationCommands.h"
#include "cli/MaintenanceCommands.h"

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
#include "storage/QueryBuilder.h"
#include "storage/QueryParser.h"
#include "storage/SavedSearchStore.h"
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
    QCommandLineOption query{u"query"_s, CommandLine::tr("list: articles matching QUERY in the search syntax "
                                                         "(docs/search.md); other filters narrow it further."),
                             u"QUERY"_s};
    QCommandLineOption addedSince{u"added-since"_s, CommandLine::tr("list: added to the library on or after DATE."),
                                  u"DATE"_s};
    QCommandLineOption addedUntil{u"added-until"_s, CommandLine::tr("list: added to the library on or before DATE."),
                                  u"DATE"_s};
    QCommandLineOption dateField{u"date-field"_s,
                                 CommandLine::tr("list: --since/--until apply to FIELD: published (default) or added."),
                                 u"FIELD"_s};
    QCommandLineOption withUndated{u"with-undated"_s, CommandLine::tr("list: keep undated articles in a date range.")};
    QCommandLineOption anyTag{u"any-tag"_s, CommandLine::tr("list: articles with any of the --tag tags, not all.")};
    QCommandLineOption add{u"add"_s, CommandLine::tr("tag: add tag NAME to the articles."), u"NAME"_s};
    QCommandLineOption remove{u"remove"_s, CommandLine::tr("tag: take tag NAME off the articles."), u"NAME"_s};
    // Read by main() before the parser runs (the help is already in that language); listed for --help.
    QCommandLineOption lang{u"lang"_s,
                            CommandLine::tr("Messages in LANGUAGE (en, nl); default: $FOLIO_LANG, else the system's."),
                            u"LANGUAGE"_s};
    // Annotations (AnnotationCommands).
    QCommandLineOption quote{u"quote"_s, CommandLine::tr("annotate: the passage to highlight."), u"TEXT"_s};
    QCommandLineOption note{u"note"_s, CommandLine::tr("annotate: a note on the highlight."), u"TEXT"_s};
    QCommandLineOption color{u"color"_s, CommandLine::tr("annotate: yellow, green, blue, pink or purple."), u"NAME"_s};
    QCommandLineOption occurrence{u"occurrence"_s, CommandLine::tr("annotate: highlight the Nth occurrence."), u"N"_s};
    QCommandLineOption format{u"format"_s, CommandLine::tr("export: markdown, csv, json or w3c."), u"FORMAT"_s};
    // Maintenance (MaintenanceCommands).
    QCommandLineOption readOnly{u"read-only"_s, CommandLine::tr("Open the library read-only (commands that write are refused).")};
    QCommandLineOption full{u"full"_s, CommandLine::tr("check: run the full integrity check.")};
};

QString commandSummary()
{
    return CommandLine::tr(
        "Commands:\n"
        "  import FILE...      import tag pages or feed files (each file all or nothing)\n"
        "  tags                tags with article and unread counts\n"
        "  list                articles, newest first, best match first with --text (filters:\n"
        "                      --query --tag --any-tag --since --until --date-field --added-since\n"
        "                      --added-until --with-undated --text --bookmarked --unread --limit)\n"
        "  tag ID... --add NAME | --remove NAME\n"
        "                      add your own tag to articles, or take a tag off them\n"
        "  tags rename OLD NEW | merge FROM INTO | delete NAME | color NAME [#RRGGBB]\n"
        "                      rename, merge, delete or colour a tag\n"
        "  searches [save NAME QUERY | delete NAME]\n"
        "                      saved searches with their counts; save or delete one\n"
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
        "                      write the subscriptions as OPML (tags become folders)")
        + u'\n' + AnnotationCommands::summary() + u'\n' + MaintenanceCommands::summary();
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

    MaintenanceCommands maintenance()
    {
        m_path = QDir(Library::resolveProfileDir(m_parser.value(m_options.profile))).filePath(Database::fileName());
        MaintenanceOptions o;
        o.libraryPath = m_path;
        o.json = m_json;
        o.full = m_parser.isSet(m_options.full);
        o.readOnly = m_parser.isSet(m_options.readOnly);
        o.noSeed = m_parser.isSet(m_options.noSeed);
        return MaintenanceCommands(m_out, m_err, o);
    }

    // Opens the library (creating it and importing the seed on first use; read-only when it
    // cannot be written, refusing a writing command then).
    Result<QSqlDatabase> openLibrary(const QString& command, const QStringList& args)
    {
        return maintenance().openLibrary(command, args);
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
        if (AnnotationCommands::commands().contains(command)) {
            return annotationCommand(command, args);
        }
        if (MaintenanceCommands::commands().contains(command)) {
            return maintenance().run(command, args);
        }
        static const QStringList known = {u"import"_s, u"tags"_s, u"list"_s, u"show"_s, u"bookmark"_s,
                                          u"read"_s, u"stats"_s, u"subscribe"_s, u"feeds"_s, u"unsubscribe"_s,
                                          u"fetch"_s, u"opml"_s, u"tag"_s, u"searches"_s};
        if (!known.contains(command)) {
            return usage(tr("unknown command \"%1\"").arg(command));
        }
        auto db = openLibrary(command, args);
        if (!db) {
            return fail(db.error().toString());
        }
        if (command == "import"_L1) {
            return importFiles(db.value(), args);
        }
        if (command == "tags"_L1) {
            return args.isEmpty() ? tags(db.value()) : editTags(db.value(), args);
        }
        if (command == "tag"_L1) {
            return tagArticles(db.value(), args);
        }
        if (command == "searches"_L1) {
            return searches(db.value(), args);
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
    int annotationCommand(const QString& command, const QStringList& args)
    {
        auto db = openLibrary(command, args);
        if (!db) {
            return fail(db.error().toString());
        }
        AnnotationCommandOptions o;
        if (m_parser.isSet(m_options.quote)) {
            o.quote = m_parser.value(m_options.quote);
        }
        o.note = m_parser.value(m_options.note);
        o.color = m_parser.value(m_options.color);
        if (m_parser.isSet(m_options.occurrence)) {
            o.occurrence = m_parser.value(m_options.occurrence);
        }
        o.format = m_parser.value(m_options.format);
        o.tags = m_parser.values(m_options.tag);
        if (m_parser.isSet(m_options.since)) {
            o.since = m_parser.value(m_options.since);
        }
        if (m_parser.isSet(m_options.output)) {
            o.output = m_parser.value(m_options.output);
        }
        o.json = m_json;
        return AnnotationCommands(m_out, m_err, o).run(db.value(), command, args);
    }

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
        auto built = listQuery();
        if (!built) {
            return usage(built.error().message);
        }
        const ArticleQuery query = built.value();
        bool ok = true;
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
                  << (row.state.read ? " " : "N") << '\t' << row.title << '\t' << row.tags.join(u", "_s);
            if (!row.snippet.isEmpty()) {
                m_out << '\t' << row.snippet.simplified(); // the matching passage, when searching
            }
            m_out << Qt::endl;
        }
        return kExitOk;
    }

    // --query first, then every other list option narrows it (the same search as the window).
    Result<ArticleQuery> listQuery()
    {
        ArticleQuery query;
        if (m_parser.isSet(m_options.query)) {
            auto parsed = QueryParser::parse(m_parser.value(m_options.query));
            if (!parsed) {
                return makeError(Error::Code::Invalid, tr("--query: %1").arg(parsed.error().message));
            }
            query = parsed.value();
        }
        query.tags.append(m_parser.values(m_options.tag));
        if (m_parser.isSet(m_options.anyTag)) {
            query.tagMatch = ArticleQuery::TagMatch::Any;
        }
        const QString text = m_parser.value(m_options.text).trimmed();
        if (!text.isEmpty()) {
            query.text = query.text.isEmpty() ? text : query.text + u' ' + text;
        }
        if (auto fts = QueryBuilder::compileText(query.text); !fts) {
            return makeError(Error::Code::Invalid, tr("search text: %1").arg(fts.error().message));
        }
        query.bookmarkedOnly = query.bookmarkedOnly || m_parser.isSet(m_options.bookmarked);
        query.unreadOnly = query.unreadOnly || m_parser.isSet(m_options.unread);
        query.includeUndated = query.includeUndated || m_parser.isSet(m_options.withUndated);
        if (m_parser.isSet(m_options.dateField)) {
            const QString field = m_parser.value(m_options.dateField);
            if (field != "published"_L1 && field != "added"_L1) {
                return makeError(Error::Code::Invalid, tr("--date-field takes published or added, not \"%1\"").arg(field));
            }
            query.dateField = field == "added"_L1 ? ArticleQuery::DateField::Added : ArticleQuery::DateField::Published;
        }
        const bool added = m_parser.isSet(m_options.addedSince) || m_parser.isSet(m_options.addedUntil);
        if (added && (m_parser.isSet(m_options.since) || m_parser.isSet(m_options.until))) {
            return makeError(Error::Code::Invalid, tr("use --since/--until or --added-since/--added-until, not both"));
        }
        if (added) {
            query.dateField = ArticleQuery::DateField::Added;
        }
        const std::pair<const QCommandLineOption*, bool> bounds[] = {
            {&m_options.since, false}, {&m_options.until, true}, {&m_options.addedSince, false}, {&m_options.addedUntil, true}};
        for (const auto& [option, endOfDay] : bounds) {
            if (!m_parser.isSet(*option)) {
                continue;
            }
            bool ok = true;
            const auto secs = parseDay(m_parser.value(*option), endOfDay, &ok);
            if (!ok) {
                return makeError(Error::Code::Invalid, tr("--%1 needs a date as YYYY-MM-DD, not \"%2\"")
                                                           .arg(option->names().constFirst(), m_parser.value(*option)));
            }
            (endOfDay ? query.until : query.since) = secs;
        }
        if (!query.text.isEmpty()) {
            query.sort = ArticleQuery::Sort::Relevance; // best match first while searching
        }
        return query;
    }

    int tagArticles(QSqlDatabase db, const QStringList& args)
    {
        const bool add = m_parser.isSet(m_options.add);
        if (add == m_parser.isSet(m_options.remove)) {
            return usage(tr("tag needs either --add NAME or --remove NAME"));
        }
        QList<qint64> ids;
        for (const QString& arg : args) {
            bool ok = false;
            const qint64 id = arg.toLongLong(&ok);
            if (!ok) {
                return usage(tr("tag takes article IDs, not \"%1\"").arg(arg));
            }
            ids.append(id);
        }
        if (ids.isEmpty()) {
            return usage(tr("tag needs at least one article ID"));
        }
        ArticleStore articles(db);
        for (const qint64 id : std::as_const(ids)) {
            if (auto a = articles.article(id); !a) {
                return fail(a.error().toString());
            }
        }
        const QString name = m_parser.value(add ? m_options.add : m_options.remove);
        TagStore store(db);
        auto r = add ? store.addTag(ids, name) : store.removeTag(ids, name);
        if (!r) {
            return fail(r.error().toString());
        }
        m_out << (add ? tr("Tagged %n article(s) with %1", nullptr, static_cast<int>(ids.size())).arg(name.simplified())
                      : tr("Took %1 off %n article(s)", nullptr, static_cast<int>(ids.size())).arg(name.simplified()))
              << Qt::endl;
        return kExitOk;
    }

    int editTags(QSqlDatabase db, const QStringList& args)
    {
        const QString action = args.first();
        TagStore store(db);
        Result<void> r;
        QString done;
        if (action == "rename"_L1 && args.size() == 3) {
            r = store.rename(args.at(1), args.at(2));
            done = tr("Renamed %1 to %2").arg(args.at(1), args.at(2).simplified());
        } else if (action == "merge"_L1 && args.size() == 3) {
            r = store.merge(args.at(1), args.at(2));
            done = tr("Merged %1 into %2").arg(args.at(1), args.at(2));
        } else if (action == "delete"_L1 && args.size() == 2) {
            r = store.remove(args.at(1));
            done = tr("Deleted tag %1").arg(args.at(1));
        } else if (action == "color"_L1 && (args.size() == 2 || args.size() == 3)) {
            r = store.setColor(args.at(1), args.value(2));
            done = tr("Colour of %1: %2").arg(args.at(1), args.value(2, tr("none")));
        } else {
            return usage(tr("tags takes: rename OLD NEW | merge FROM INTO | delete NAME | color NAME [#RRGGBB]"));
        }
        if (!r) {
            return fail(r.error().toString());
        }
        m_out << done << Qt::endl;
        return kExitOk;
    }

    int searches(QSqlDatabase db, const QStringList& args)
    {
        SavedSearchStore store(db);
        if (!args.isEmpty()) {
            if (args.first() == "save"_L1 && args.size() == 3) {
                auto saved = store.add(args.at(1), args.at(2));
                if (!saved) {
                    return fail(saved.error().toString());
                }
                m_out << tr("Saved search %1").arg(saved->name) << Qt::endl;
                return kExitOk;
            }
            if (args.first() == "delete"_L1 && args.size() == 2) {
                auto found = store.find(args.at(1));
                if (!found) {
                    return fail(found.error().toString());
                }
                if (auto r = store.remove(found->id); !r) {
                    return fail(r.error().toString());
                }
                m_out << tr("Deleted saved search %1").arg(found->name) << Qt::endl;
                return kExitOk;
            }
            return usage(tr("searches takes: save NAME QUERY | delete NAME"));
        }
        auto list = store.list(true);
        if (!list) {
            return fail(list.error().toString());
        }
        if (m_json) {
            QJsonArray array;
            for (const SavedSearch& s : list.value()) {
                array.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}, {u"query"_s, s.query}, {u"count"_s, s.count}});
            }
            printJson(m_out, array);
            return kExitOk;
        }
        for (const SavedSearch& s : list.value()) {
            m_out << s.name << '\t' << s.count << '\t' << s.query << Qt::endl;
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
                       options.output, options.lang, options.query, options.addedSince, options.addedUntil,
                       options.dateField, options.withUndated, options.anyTag, options.add, options.remove});
    parser.addOptions({options.quote, options.note, options.color, options.occurrence, options.format});
    parser.addOptions({options.readOnly, options.full});
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
