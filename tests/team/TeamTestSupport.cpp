// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamTestSupport.h"

#include "storage/Database.h"
#include "storage/Importer.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace folio::test {

bool PgCluster::enabled(QString* reason)
{
    if (qEnvironmentVariable("FOLIO_TEAM_TESTS") == "off"_L1) {
        *reason = u"FOLIO_TEAM_TESTS=off: the team tests against PostgreSQL are switched off"_s;
        return false;
    }
    return true;
}

QString PgCluster::socketDir()
{
    return qEnvironmentVariable("FOLIO_TEST_PG_DIR");
}

QString PgCluster::url(const QString& database, const QString& user, const QString& extra)
{
    return u"postgresql://%1@/%2?host=%3%4"_s.arg(user, database, socketDir(), extra);
}

QSqlDatabase PgCluster::connect(const QString& database, const QString& role, const QString& connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(socketDir());
    db.setDatabaseName(database);
    db.setUserName(role);
    if (!db.open()) {
        qWarning().noquote() << "cannot connect as" << role << "to" << database << db.lastError().text();
    }
    return db;
}

bool PgCluster::exec(const QString& database, const QString& sql)
{
    bool ok = false;
    {
        QSqlDatabase db = connect(database, u"postgres"_s, u"folio-test-admin"_s);
        QSqlQuery q(db);
        ok = db.isOpen() && q.exec(sql);
        if (!ok) {
            qWarning().noquote() << "admin SQL failed:" << q.lastError().text() << sql;
        }
    }
    QSqlDatabase::removeDatabase(u"folio-test-admin"_s);
    return ok;
}

qint64 PgCluster::scalar(const QString& database, const QString& sql)
{
    qint64 value = -1;
    {
        QSqlDatabase db = connect(database, u"postgres"_s, u"folio-test-scalar"_s);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next()) {
            value = q.value(0).toLongLong();
        } else {
            qWarning().noquote() << "admin query failed:" << q.lastError().text() << sql;
        }
    }
    QSqlDatabase::removeDatabase(u"folio-test-scalar"_s);
    return value;
}

bool PgCluster::createDatabase(const QString& name)
{
    return exec(u"postgres"_s, u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name))
        && exec(u"postgres"_s, u"CREATE DATABASE %1"_s.arg(name));
}

bool PgCluster::createAnalyst(const QString& name)
{
    return exec(u"postgres"_s, u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                               u"CREATE ROLE %1 LOGIN IN ROLE folio_analyst PASSWORD 'secret-%1'; END IF; END $$"_s.arg(name));
}

TestLibrary::TestLibrary(bool seed)
{
    m_path = QDir(m_dir.path()).filePath(Database::fileName());
    const auto prepared = Database::prepare(m_path);
    if (!prepared) {
        qWarning().noquote() << prepared.error().toString();
    }
    if (seed) {
        const auto seeded = Importer(db()).importSeedsIfNew();
        if (!seeded) {
            qWarning().noquote() << seeded.error().toString();
        }
    }
}

TestLibrary::~TestLibrary()
{
    Database::closeConnection(m_path);
}

QSqlDatabase TestLibrary::db()
{
    return Database::connection(m_path).value();
}

qint64 TestLibrary::scalar(const QString& sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql) || !q.next()) {
        qWarning().noquote() << "library query failed:" << q.lastError().text() << sql;
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestLibrary::addArticles(int n, const QString& prefix)
{
    Transaction tx(db());
    QSqlQuery q(db());
    q.prepare(u"INSERT INTO articles(identity, link, title, summary, content_html, content_text, published, added) "
              u"VALUES(?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (int i = 0; i < n; ++i) {
        const QString id = u"https://example.org/%1/%2"_s.arg(prefix).arg(i);
        q.addBindValue(id);
        q.addBindValue(id);
        q.addBindValue(u"%1 article %2 about Central Asia"_s.arg(prefix).arg(i));
        q.addBindValue(u"Summary of %1 %2"_s.arg(prefix).arg(i));
        q.addBindValue(u"<p>Body of article %1 of %2, with some words about Kazakhstan and trade.</p>"_s.arg(i).arg(prefix));
        q.addBindValue(u"Body of article %1 of %2, with some words about Kazakhstan and trade."_s.arg(i).arg(prefix));
        q.addBindValue(1700000000 + i);
        q.addBindValue(1700000000 + i);
        if (!q.exec()) {
            qWarning().noquote() << q.lastError().text();
            return;
        }
    }
    if (auto c = tx.commit(); !c) {
        qWarning().noquote() << c.error().toString();
    }
}

} // namespace folio::test
