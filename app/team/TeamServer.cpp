// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamServer.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcTeam, "folio.team")

using namespace Qt::StringLiterals;

namespace folio {

namespace {

struct ServerMigration
{
    int version = 0;
    QString resource;
};

QList<ServerMigration> serverMigrations()
{
    static const QList<ServerMigration> list = [] {
        QList<ServerMigration> out;
        static const QRegularExpression re(u"^(\\d{4})_[a-z0-9_]+\\.sql$"_s);
        const QDir dir(u":/folio/sql/team"_s);
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& name : names) {
            const auto m = re.match(name);
            if (m.hasMatch()) {
                out.append(ServerMigration{m.captured(1).toInt(), dir.filePath(name)});
            }
        }
        return out;
    }();
    return list;
}

bool connectionLost(const QSqlError& error)
{
    // libpq reports a dropped server as a connection error, or in the statement's error text.
    const QString text = error.text();
    return error.type() == QSqlError::ConnectionError
        || text.contains(u"server closed the connection"_s) || text.contains(u"no connection to the server"_s)
        || text.contains(u"terminating connection"_s) || text.contains(u"could not send data"_s)
        || text.contains(u"could not receive data"_s) || text.contains(u"connection to server"_s);
}

} // namespace

TeamServer::TeamServer(QSqlDatabase db, QString name)
    : m_db(std::move(db))
    , m_name(std::move(name))
{
}

TeamServer::~TeamServer()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<TeamServer>> TeamServer::connect(const TeamUrl& url, const QString& password)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        return makeError(Error::Code::Generic,
                         u"Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"_s);
    }
    static QAtomicInteger<quint64> counter;
    const QString name = u"folio-team-%1"_s.arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    db.setDatabaseName(url.database);
    if (!url.host.isEmpty()) {
        db.setHostName(url.host);
    }
    if (url.port > 0) {
        db.setPort(url.port);
    }
    if (!url.user.isEmpty()) {
        db.setUserName(url.user);
    }
    const QString pass = password.isEmpty() ? url.password : password;
    if (!pass.isEmpty()) {
        db.setPassword(pass);
    }
    db.setConnectOptions(url.connectOptions());
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return makeError(Error::Code::Network, u"cannot reach the team server %1: %2"_s.arg(url.toString(), message));
    }
    std::unique_ptr<TeamServer> server(new TeamServer(db, name));
    QSqlQuery q(db);
    if (!q.exec(u"SELECT current_user"_s) || !q.next()) {
        return sqlError(q, u"ask the team server who we are"_s);
    }
    server->m_role = q.value(0).toString();
    return server;
}

int TeamServer::latestSchemaVersion()
{
    const auto list = serverMigrations();
    return list.isEmpty() ? 0 : list.last().version;
}

QStringList TeamServer::splitStatements(const QString& sql)
{
    QStringList out;
    QString current;
    bool quoted = false;
    const QStringList lines = sql.split(u'\n');
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(u"--"_s))) {
            continue;
        }
        current += raw + u'\n';
        if (raw.count(u"$$"_s) % 2 == 1) {
            quoted = !quoted;
        }
        if (!quoted && line.endsWith(u';')) {
            out.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        out.append(current.trimmed());
    }
    return out;
}

Error TeamServer::sqlError(const QSqlQuery& query, const QString& what)
{
    const QSqlError error = query.lastError();
    const bool lost = connectionLost(error);
    qCWarning(lcTeam).noquote() << what << "failed:" << error.text() << "|" << query.lastQuery().left(200);
    return makeError(lost ? Error::Code::Network : Error::Code::Database,
                     u"team server: %1: %2"_s.arg(what, error.text().trimmed()));
}

Result<int> TeamServer::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT to_regclass('public.team_schema_version') IS NOT NULL"_s) || !q.next()) {
        return sqlError(q, u"look for the team schema"_s);
    }
    if (!q.value(0).toBool()) {
        return 0;
    }
    if (!q.exec(u"SELECT coalesce(max(version), 0) FROM team_schema_version"_s) || !q.next()) {
        return sqlError(q, u"read the team schema version"_s);
    }
    return q.value(0).toInt();
}

Result<void> TeamServer::begin()
{
    if (!m_db.transaction()) {
        return makeError(connectionLost(m_db.lastError()) ? Error::Code::Network : Error::Code::Database,
                         u"team server: begin: %1"_s.arg(m_db.lastError().text()));
    }
    return {};
}

Result<void> TeamServer::commit()
{
    if (!m_db.commit()) {
        const QSqlError error = m_db.lastError();
        m_db.rollback();
        return makeError(connectionLost(error) ? Error::Code::Network : Error::Code::Database,
                         u"team server: commit: %1"_s.arg(error.text()));
    }
    return {};
}

void TeamServer::rollback()
{
    m_db.rollback();
}

Result<void> TeamServer::migrate(const QString& teamName)
{
    auto current = schemaVersion();
    if (!current) {
        return current.error();
    }
    const int latest = latestSchemaVersion();
    if (current.value() > latest) {
        return makeError(Error::Code::Schema,
                         u"the team server has schema version %1, but this Folio knows only up to %2; "
                         u"please use a newer Folio"_s.arg(current.value())
                             .arg(latest));
    }
    QSqlQuery q(m_db);
    if (current.value() == 0 && !q.exec(u"CREATE TABLE IF NOT EXISTS team_schema_version (version integer PRIMARY KEY, "
                u"applied timestamptz NOT NULL DEFAULT now())"_s)) {
        return sqlError(q, u"create team_schema_version"_s);
    }
    const auto list = serverMigrations();
    for (const ServerMigration& m : list) {
        if (m.version <= current.value()) {
            continue;
        }
        QFile file(m.resource);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Schema, u"missing team migration %1"_s.arg(m.resource));
        }
        if (auto b = begin(); !b) {
            return b;
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        for (const QString& statement : statements) {
            if (!q.exec(statement)) {
                const Error e = sqlError(q, u"team migration %1"_s.arg(m.version));
                rollback();
                return e;
            }
        }
        q.prepare(u"INSERT INTO team_schema_version(version) VALUES (?)"_s);
        q.addBindValue(m.version);
        if (!q.exec()) {
            const Error e = sqlError(q, u"record team schema version"_s);
            rollback();
            return e;
        }
        if (auto c = commit(); !c) {
            return c;
        }
        qCInfo(lcTeam) << "team schema migrated to" << m.version;
    }
    if (!q.exec(u"SELECT count(*) FROM team_info"_s) || !q.next()) {
        return sqlError(q, u"read the team's name"_s);
    }
    if (q.value(0).toInt() == 0) {
        q.prepare(u"INSERT INTO team_info(name) VALUES (?)"_s);
        q.addBindValue(teamName);
        if (!q.exec()) {
            return sqlError(q, u"name the team"_s);
        }
    }
    return {};
}

Result<QString> TeamServer::check()
{
    auto version = schemaVersion();
    if (!version) {
        return version.error();
    }
    if (version.value() == 0) {
        return makeError(Error::Code::Schema, u"no Folio team on this server yet (an administrator runs "
                                              u"folio-cli team init)"_s);
    }
    if (version.value() > latestSchemaVersion()) {
        return makeError(Error::Code::Schema,
                         u"the team server has schema version %1, but this Folio knows only up to %2; "
                         u"please use a newer Folio"_s.arg(version.value())
                             .arg(latestSchemaVersion()));
    }
    if (version.value() < latestSchemaVersion()) {
        return makeError(Error::Code::Schema,
                         u"the team server has schema version %1 and this Folio needs %2; an administrator "
                         u"upgrades it with folio-cli team init"_s.arg(version.value())
                             .arg(latestSchemaVersion()));
    }
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT name FROM team_info LIMIT 1"_s)) {
        return sqlError(q, u"read the team's name"_s);
    }
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace folio
