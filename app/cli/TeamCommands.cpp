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

namespace folio::cli {

QList<Command> TeamCommands::commands()
{
    return {
        {u"team"_s, u"init URL --name NAME | join URL --name NAME | sync | status | leave | tag NAME | search NAME | feed ID"_s,
         tr("work in a team library on PostgreSQL: init creates the team schema (if absent) and joins, join joins "
            "(URL: postgresql://[user[:password]@][host][:port]/db[?host=/socket&sslmode=…]), sync sends local changes "
            "and fetches the team's ({\"pushed\", \"pulled\"} with --json), status shows the team, the last sync and "
            "what waits, leave leaves (the library keeps everything); tag, search and feed share a tag, a saved "
            "search or a feed with the team (--off: stop sharing)"),
         {QCommandLineOption(u"name"_s, tr("init/join: the team's NAME."), u"NAME"_s),
          QCommandLineOption(u"remember-password"_s, tr("join: keep the URL's password in the system keychain.")),
          QCommandLineOption(u"off"_s, tr("tag/search/feed: stop sharing it with the team."))},
         false, [](Context& c, const QStringList& args) { return TeamCommands(c).run(args); }},
    };
}

QString TeamCommands::databasePath(bool* ok)
{
    const QString path = QDir(Library::resolveProfileDir(m_c.value(u"profile"_s))).filePath(Database::fileName());
    auto prepared = Database::prepare(path);
    *ok = bool(prepared);
    if (!prepared) {
        m_c.fail(prepared.error().toString());
    }
    return path;
}

int TeamCommands::run(const QStringList& args)
{
    if (args.isEmpty()) {
        return m_c.usage(tr("team needs a subcommand: init, join, sync, status, leave, tag, search or feed"));
    }
    const QString sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == "init"_L1 || sub == "join"_L1) {
        return init(rest, sub == "init"_L1);
    }
    if (!rest.isEmpty() && (sub == "sync"_L1 || sub == "status"_L1 || sub == "leave"_L1)) {
        return m_c.usage(tr("team %1 takes no arguments").arg(sub));
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
    return m_c.usage(tr("unknown team subcommand \"%1\"").arg(sub));
}

int TeamCommands::init(const QStringList& args, bool create)
{
    if (args.size() != 1) {
        return m_c.usage(tr("team %1 takes exactly one URL").arg(create ? u"init"_s : u"join"_s));
    }
    const QString name = m_c.value(u"name"_s).trimmed();
    if (name.isEmpty()) {
        return m_c.usage(tr("team %1 needs --name NAME").arg(create ? u"init"_s : u"join"_s));
    }
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    TeamService service(path);
    const auto done = create ? service.init(args.first(), name)
                             : service.join(args.first(), name, m_c.isSet(u"remember-password"_s));
    Database::closeConnection(path);
    if (!done) {
        return m_c.fail(done.error().toString());
    }
    m_c.out() << (create ? tr("Team \"%1\" is ready; this library has joined it.").arg(name)
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
        return m_c.fail(report.error().toString());
    }
    if (m_c.json()) {
        m_c.out() << QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"pushed"_s, report->pushed}, {u"pulled"_s, report->pulled}}).toJson());
    } else {
        m_c.out() << tr("Sent %1, received %2.").arg(report->pushed).arg(report->pulled) << Qt::endl;
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
        return m_c.fail(status.error().toString());
    }
    const QString last = status->lastSync ? status->lastSync->toString(Qt::ISODate) : QString();
    if (m_c.json()) {
        QJsonObject o;
        o.insert(u"url"_s, status->joined ? QJsonValue(status->url) : QJsonValue());
        o.insert(u"name"_s, status->joined ? QJsonValue(status->name) : QJsonValue());
        o.insert(u"last_sync"_s, last.isEmpty() ? QJsonValue() : QJsonValue(last));
        o.insert(u"pending"_s, status->pending);
        m_c.out() << QString::fromUtf8(QJsonDocument(o).toJson());
        return kExitOk;
    }
    if (!status->joined) {
        m_c.out() << tr("This library is not in a team.") << Qt::endl;
        return kExitOk;
    }
    m_c.out() << tr("Team:      %1").arg(status->name) << Qt::endl
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
        return m_c.fail(left.error().toString());
    }
    m_c.out() << tr("Left the team; everything stays in this library.") << Qt::endl;
    return kExitOk;
}

int TeamCommands::mark(const QString& what, const QStringList& args)
{
    if (args.size() != 1) {
        return m_c.usage(tr("team %1 takes exactly one name or ID").arg(what));
    }
    bool ok = false;
    const QString path = databasePath(&ok);
    if (!ok) {
        return kExitFailed;
    }
    auto db = Database::connection(path);
    if (!db) {
        return m_c.fail(db.error().toString());
    }
    const bool on = !m_c.isSet(u"off"_s);
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
            return m_c.usage(tr("team feed takes a feed ID (see folio-cli feeds)"));
        }
        done = local.setTeamFeed(id, on);
    }
    Database::closeConnection(path);
    if (!done) {
        return m_c.fail(done.error().toString());
    }
    m_c.out() << (on ? tr("Shared with the team.") : tr("No longer shared with the team.")) << Qt::endl;
    return kExitOk;
}

} // namespace folio::cli
