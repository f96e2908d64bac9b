// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamLocal.h"

#include "storage/Database.h"
#include "storage/QueryBuilder.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace folio {

TeamLocal::TeamLocal(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<std::optional<TeamConfig>> TeamLocal::config()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT key, value FROM meta WHERE key LIKE 'team.%'"_s)) {
        return Database::sqlError(q, u"read team settings"_s);
    }
    TeamConfig c;
    bool joined = false;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == "team.url"_L1) {
            c.url = value;
            joined = !value.isEmpty();
        } else if (key == "team.name"_L1) {
            c.name = value;
        } else if (key == "team.user"_L1) {
            c.user = value;
        } else if (key == "team.library"_L1) {
            c.library = value;
        } else if (key == "team.cursor"_L1) {
            c.cursor = value.toLongLong();
        } else if (key == "team.last_sync"_L1 && !value.isEmpty()) {
            c.lastSync = QDateTime::fromSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
        }
    }
    if (!joined) {
        return std::optional<TeamConfig>();
    }
    return std::optional<TeamConfig>(c);
}

Result<void> TeamLocal::join(const QString& url, const QString& name, const QString& user)
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    auto library = Database::metaValue(m_db, u"team.library"_s);
    if (!library) {
        return library.error();
    }
    const QString id = library->isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : library.value();
    const QList<std::pair<QString, QString>> values = {
        {u"team.url"_s, url},      {u"team.name"_s, name}, {u"team.user"_s, user}, {u"team.library"_s, id},
        {u"team.cursor"_s, u"0"_s}, {u"team.last_sync"_s, u""_s}, {u"team.outbox"_s, u"1"_s},
    };
    for (const auto& [key, value] : values) {
        if (auto r = Database::setMetaValue(m_db, key, value); !r) {
            return r;
        }
    }
    // What this library wrote before it joined is its user's; then queue everything shared.
    const QStringList statements = {
        u"DELETE FROM team_outbox"_s,
        u"UPDATE annotations SET author = (SELECT value FROM meta WHERE key = 'team.user') WHERE author IS NULL"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'article', identity FROM articles ORDER BY id"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'tag', key FROM tags WHERE team = 1"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'article_tag', a.identity || char(31) || t.key "
        u"FROM article_tags at JOIN tags t ON t.id = at.tag_id JOIN articles a ON a.id = at.article_id "
        u"WHERE t.team = 1 AND at.origin = 'user'"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'annotation', uuid FROM annotations "
        u"WHERE author IS (SELECT value FROM meta WHERE key = 'team.user')"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'search', uuid FROM saved_searches WHERE shared = 1"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'feed', url FROM feeds WHERE team = 1"_s,
        u"INSERT INTO team_outbox(kind, ref) SELECT 'state', a.identity FROM article_state s "
        u"JOIN articles a ON a.id = s.article_id WHERE s.read = 1 OR s.bookmarked = 1"_s,
    };
    for (const QString& sql : statements) {
        if (auto r = Database::exec(m_db, sql); !r) {
            return r;
        }
    }
    return tx.commit();
}

Result<void> TeamLocal::leave()
{
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    // team.library stays: the same library re-joining is still the same library.
    for (const QString& sql : {u"DELETE FROM meta WHERE key LIKE 'team.%' AND key <> 'team.library'"_s,
                               u"DELETE FROM team_outbox"_s}) {
        if (auto r = Database::exec(m_db, sql); !r) {
            return r;
        }
    }
    return tx.commit();
}

Result<int> TeamLocal::pending()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT count(*) FROM (SELECT DISTINCT kind, ref FROM team_outbox)"_s) || !q.next()) {
        return Database::sqlError(q, u"count pending team changes"_s);
    }
    return q.value(0).toInt();
}

Result<void> TeamLocal::setLastSync(const QDateTime& when)
{
    return Database::setMetaValue(m_db, u"team.last_sync"_s, QString::number(when.toSecsSinceEpoch()));
}

Result<void> TeamLocal::setTeamTag(const QString& name, bool team)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE tags SET team = :team WHERE key = :key"_s);
    q.bindValue(u":team"_s, team ? 1 : 0);
    q.bindValue(u":key"_s, QueryBuilder::tagKey(name.simplified()));
    if (!q.exec()) {
        return Database::sqlError(q, u"mark team tag"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no tag named \"%1\""_s.arg(name.simplified()));
    }
    return {};
}

Result<void> TeamLocal::setSharedSearch(const QString& name, bool shared)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE saved_searches SET shared = :shared WHERE name = :name"_s);
    q.bindValue(u":shared"_s, shared ? 1 : 0);
    q.bindValue(u":name"_s, name);
    if (!q.exec()) {
        return Database::sqlError(q, u"mark shared search"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no saved search named \"%1\""_s.arg(name));
    }
    return {};
}

Result<void> TeamLocal::setTeamFeed(qint64 feedId, bool team)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE feeds SET team = :team WHERE id = :id"_s);
    q.bindValue(u":team"_s, team ? 1 : 0);
    q.bindValue(u":id"_s, feedId);
    if (!q.exec()) {
        return Database::sqlError(q, u"mark team feed"_s);
    }
    if (q.numRowsAffected() == 0) {
        return makeError(Error::Code::NotFound, u"no feed with id %1"_s.arg(feedId));
    }
    return {};
}

} // namespace folio
