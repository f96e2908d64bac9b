// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamService.h"

#include "storage/Database.h"
#include "team/TeamCredentials.h"
#include "team/TeamPull.h"
#include "team/TeamPush.h"
#include "team/TeamServer.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace folio {

TeamService::TeamService(QString databasePath)
    : m_databasePath(std::move(databasePath))
{
}

Result<QString> TeamService::password(const TeamUrl& url)
{
    if (!url.password.isEmpty()) {
        return url.password;
    }
    // No password in the URL: the keychain, else libpq's own (~/.pgpass, $PGPASSWORD, peer/trust).
    return TeamCredentials::read(url.toString());
}

Result<void> TeamService::init(const QString& url, const QString& name)
{
    auto parsed = TeamUrl::parse(url);
    if (!parsed) {
        return parsed.error();
    }
    if (name.trimmed().isEmpty()) {
        return makeError(Error::Code::Invalid, u"team init needs --name NAME"_s);
    }
    auto pass = password(parsed.value());
    if (!pass) {
        return pass.error();
    }
    auto server = TeamServer::connect(parsed.value(), pass.value());
    if (!server) {
        return server.error();
    }
    if (auto r = server.value()->migrate(name.trimmed()); !r) {
        return r;
    }
    return join(url, name);
}

Result<void> TeamService::join(const QString& url, const QString& name, bool rememberPassword,
                               const QString& givenPassword)
{
    auto parsed = TeamUrl::parse(url);
    if (!parsed) {
        return parsed.error();
    }
    if (!givenPassword.isEmpty()) {
        parsed->password = givenPassword;
    }
    auto pass = password(parsed.value());
    if (!pass) {
        return pass.error();
    }
    auto server = TeamServer::connect(parsed.value(), pass.value());
    if (!server) {
        return server.error();
    }
    auto teamName = server.value()->check();
    if (!teamName) {
        return teamName.error();
    }
    if (!name.trimmed().isEmpty() && teamName.value() != name.trimmed()) {
        return makeError(Error::Code::Invalid,
                         u"the team on this server is called \"%1\", not \"%2\""_s.arg(teamName.value(), name.trimmed()));
    }
    auto db = Database::connection(m_databasePath);
    if (!db) {
        return db.error();
    }
    if (rememberPassword && !parsed->password.isEmpty()) {
        if (auto r = TeamCredentials::write(parsed->toString(), parsed->password); !r) {
            return r;
        }
    }
    return TeamLocal(db.value()).join(parsed->toString(), teamName.value(), server.value()->role());
}

Result<SyncReport> TeamService::sync(const std::function<void(int)>& progress)
{
    auto db = Database::connection(m_databasePath);
    if (!db) {
        return db.error();
    }
    TeamLocal local(db.value());
    auto config = local.config();
    if (!config) {
        return config.error();
    }
    if (!config.value()) {
        return makeError(Error::Code::Invalid, u"this library has not joined a team (folio-cli team join URL)"_s);
    }
    auto url = TeamUrl::parse(config.value()->url);
    if (!url) {
        return url.error();
    }
    auto pass = password(url.value());
    if (!pass) {
        return pass.error();
    }
    QElapsedTimer timer;
    timer.start();
    auto server = TeamServer::connect(url.value(), pass.value());
    if (!server) {
        return server.error();
    }
    if (auto checked = server.value()->check(); !checked) {
        return checked.error();
    }
    SyncReport report;
    auto pushed = TeamPush(db.value(), *server.value(), *config.value()).run();
    if (!pushed) {
        return pushed.error();
    }
    report.pushed = pushed.value();
    TeamPull pull(db.value(), *server.value(), *config.value());
    pull.setPageSize(m_pageSize);
    if (progress) {
        pull.setProgress(progress);
    }
    auto pulled = pull.run();
    if (!pulled) {
        return pulled.error();
    }
    report.pulled = pulled->changes;
    if (auto r = local.setLastSync(QDateTime::currentDateTimeUtc()); !r) {
        return r.error();
    }
    qCInfo(lcTeam) << "synced: pushed" << report.pushed << "pulled" << report.pulled << "in" << timer.elapsed() << "ms";
    return report;
}

Result<TeamStatus> TeamService::status()
{
    auto db = Database::connection(m_databasePath);
    if (!db) {
        return db.error();
    }
    TeamLocal local(db.value());
    auto config = local.config();
    if (!config) {
        return config.error();
    }
    TeamStatus status;
    if (config.value()) {
        status.joined = true;
        status.url = config.value()->url;
        status.name = config.value()->name;
        status.user = config.value()->user;
        status.lastSync = config.value()->lastSync;
    }
    auto pending = local.pending();
    if (!pending) {
        return pending.error();
    }
    status.pending = pending.value();
    return status;
}

Result<void> TeamService::leave()
{
    const auto current = status();
    if (!current) {
        return current.error();
    }
    auto db = Database::connection(m_databasePath);
    if (!db) {
        return db.error();
    }
    if (auto left = TeamLocal(db.value()).leave(); !left) {
        return left;
    }
    // A password remembered at join goes with the membership (keyed by the URL without it).
    if (current->joined) {
        if (auto forgotten = TeamCredentials::remove(current->url); !forgotten) {
            qCWarning(lcTeam).noquote() << forgotten.error().toString();
        }
    }
    return {};
}

} // namespace folio
