// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TeamCommands.h"

#include "storage/Database.h"
#include "storage/Library.h"
#include "team/TeamLocal.h"
#include "team/TeamService.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

} // namespace

CommandLine::CommandGroup TeamCommands::group()
{
    CommandLine::CommandGroup g;
    g.commands = {u"team"_s};
    g.summary = tr("  team init URL --name NAME\n"
                   "                      create the team schema on a PostgreSQL server (if absent) and join\n"
                   "  team join URL --name NAME [--remember-password]\n"
                   "                      join the team at URL (postgresql://[user[:password]@][host][:port]/db)\n"
                   "  team sync [--json]  send local changes to the team and fetch the team's\n"
                   "  team status [--json]\n"
                   "                      the team, the last sync and the number of changes waiting\n"
                   "  team leave          leave the team (the library keeps everything)\n"
                   "  team tag NAME [--off] | team search NAME [--off] | team feed ID [--off]\n"
                   "                      share a tag, a saved search or a feed with the team (or stop)");
    g.options = {
        QCommandLineOption(u"name"_s, tr("team init/join: the team's NAME."), u"NAME"_s),
        QCommandLineOption(u"remember-password"_s, tr("team join: keep the URL's password in the system keychain.")),
    };
    g.run = [](QTextStream& out, QTextStream& err, const QCommandLineParser& parser, const QString&,
               const QStringList& args) { return TeamCommands(out, err, parser).run(args); };
    return g;
}

TeamCommands::TeamCommands(QTextStream& out, QTextStream& err, const QCommandLineParser& parser)
    : m_out(out)
    , m_err(err)
    , m_parser(parser)
    , m_json(parser.isSet(u"json"_s))
{
}

int TeamCommands::fail(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl;
    return kExitFailed;
}

int TeamCommands::usage(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
    return kExitUsage;
}

QString TeamCommands::databasePath(bool* ok)
{
    const QString path = QDir(Library::resolveProfileDir(m_parser.value(u"profile"_s))).filePath(Database::fileName());
    auto prepared = Database::prepare(path);
    *ok = bool(prepared);
    if (!prepared) {
        fail(prepared.error().toString());
    }
    return path;
}

int TeamCommands::run(const QStringList& args)
{
    if (args.isEmpty()) {
        return usage(tr("team needs a subcommand: init, join, sync, status, leave, tag, search or feed"));
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == "init"_L1 || sub == "join"_L1) {
        return init(rest, sub == "init"_L1);
    }
    if (!rest.isEmpty() && (sub == "sync"_L1 || sub == "status"_L1 || sub == "leave"_L1)) {
        return usage(tr("team %1 takes no arguments").arg(sub));
    }
    if (sub == "sync"_L1) {
        return sync();
    }
    if (sub == "status"_L1) {
        return status();
    }
    if (sub == "leave"_L1) {
        return leave();
    }
    if (sub == "tag"_L1 || sub == "search"_L1 || sub == "feed"_L1) {
        return mark(sub, rest);
    }
    return usage(tr("unknown team subcommand \"%1\"").arg(sub));
}

int TeamCommands::init(const QStringList& args, bool create)
{
    if (args.size() != 1) {
        return usage(tr("team %1 takes exactly one URL").arg(create ? u"init"_s : u"join"_s));
    }
    const QString name = m_parser.value(u"name"_s).trimmed();
    if (name.isEmpty()) {
        return usage(tr("team %1 needs --name NAME").arg(create ? u"init"_s : u"join"_s));
    }
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    TeamService service(path);
    const auto done = create ? service.init(args.first(), name)
                             : service.join(args.first(), name, m_parser.isSet(u"remember-password"_s));
    Database::closeConnection(path);
    if (!done) {
        return fail(done.error().toString());
    }
    m_out << (create ? tr("Team \"%1\" is ready; this library has joined it.").arg(name)
                     : tr("Joined team \"%1\"; run folio-cli team sync to fetch it.").arg(name))
          << Qt::endl;
    return kExitOk;
}

int TeamCommands::sync()
{
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    TeamService service(path);
    const QByteArray page = qgetenv("FOLIO_TEAM_PAGE_SIZE"); // tests: many small pages
    if (!page.isEmpty()) {
        service.setPageSize(qMax(1, page.toInt()));
    }
    const auto report = service.sync();
    Database::closeConnection(path);
    if (!report) {
        return fail(report.error().toString());
    }
    if (m_json) {
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"pushed"_s, report->pushed}, {u"pulled"_s, report->pulled}}).toJson());
    } else {
        m_out << tr("Sent %1, received %2.").arg(report->pushed).arg(report->pulled) << Qt::endl;
    }
    return kExitOk;
}

int TeamCommands::status()
{
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    const auto status = TeamService(path).status();
    Database::closeConnection(path);
    if (!status) {
        return fail(status.error().toString());
    }
    const QString last = status->lastSync ? status->lastSync->toString(Qt::ISODate) : QString();
    if (m_json) {
        QJsonObject o;
        o.insert(u"url"_s, status->joined ? QJsonValue(status->url) : QJsonValue());
        o.insert(u"name"_s, status->joined ? QJsonValue(status->name) : QJsonValue());
        o.insert(u"last_sync"_s, last.isEmpty() ? QJsonValue() : QJsonValue(last));
        o.insert(u"pending"_s, status->pending);
        m_out << QString::fromUtf8(QJsonDocument(o).toJson());
        return kExitOk;
    }
    if (!status->joined) {
        m_out << tr("This library is not in a team.") << Qt::endl;
        return kExitOk;
    }
    m_out << tr("Team:      %1").arg(status->name) << Qt::endl
          << tr("Server:    %1").arg(status->url) << Qt::endl
          << tr("As:        %1").arg(status->user) << Qt::endl
          << tr("Last sync: %1").arg(last.isEmpty() ? tr("never") : last) << Qt::endl
          << tr("Waiting:   %1").arg(status->pending) << Qt::endl;
    return kExitOk;
}

int TeamCommands::leave()
{
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    const auto left = TeamService(path).leave();
    Database::closeConnection(path);
    if (!left) {
        return fail(left.error().toString());
    }
    m_out << tr("Left the team; everything stays in this library.") << Qt::endl;
    return kExitOk;
}

int TeamCommands::mark(const QString& what, const QStringList& args)
{
    if (args.size() != 1) {
        return usage(tr("team %1 takes exactly one name or ID").arg(what));
    }
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    auto db = Database::connection(path);
    if (!db) {
        return fail(db.error().toString());
    }
    const bool on = !m_parser.isSet(u"off"_s);
    TeamLocal local(db.value());
    Result<void> done;
    if (what == "tag"_L1) {
        done = local.setTeamTag(args.first(), on);
    } else if (what == "search"_L1) {
        done = local.setSharedSearch(args.first(), on);
    } else {
        const qint64 id = args.first().toLongLong(&ok);
        if (!ok) {
            Database::closeConnection(path);
            return usage(tr("team feed takes a feed ID (see folio-cli feeds)"));
        }
        done = local.setTeamFeed(id, on);
    }
    Database::closeConnection(path);
    if (!done) {
        return fail(done.error().toString());
    }
    m_out << (on ? tr("Shared with the team.") : tr("No longer shared with the team.")) << Qt::endl;
    return kExitOk;
}

} // namespace folio
