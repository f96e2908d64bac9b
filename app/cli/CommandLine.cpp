// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

#include "domain/Dates.h"
#include "export/JsonExport.h"
#include "ingest/DocumentParser.h"
#include "ingest/ParsedFeedJson.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"
#include "storage/Importer.h"
#include "storage/Library.h"
#include "storage/StateStore.h"
#include "storage/TagStore.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

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
    QCommandLineOption tag{u"tag"_s, CommandLine::tr("list: only articles with tag NAME (repeatable)."), u"NAME"_s};
    QCommandLineOption since{u"since"_s, CommandLine::tr("list: published on or after DATE (YYYY-MM-DD, UTC)."), u"DATE"_s};
    QCommandLineOption until{u"until"_s, CommandLine::tr("list: published on or before DATE (YYYY-MM-DD, UTC)."), u"DATE"_s};
    QCommandLineOption text{u"text"_s, CommandLine::tr("list: articles whose text contains every word of TEXT."), u"TEXT"_s};
    QCommandLineOption bookmarked{u"bookmarked"_s, CommandLine::tr("list: bookmarked articles only.")};
    QCommandLineOption unread{u"unread"_s, CommandLine::tr("list: unread articles only.")};
    QCommandLineOption limit{u"limit"_s, CommandLine::tr("list: at most N articles."), u"N"_s};
    QCommandLineOption off{u"off"_s, CommandLine::tr("bookmark/read: clear the flag instead of setting it.")};
    QCommandLineOption noSeed{u"no-seed"_s, CommandLine::tr("Do not import the bundled tag pages into a new library.")};
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
        "  parse FILE          print a file as parsed, without touching a library");
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
                                          u"read"_s, u"stats"_s};
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
                       options.bookmarked, options.unread, options.limit, options.off, options.noSeed});
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
