// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Transaction: commit, rollback, nested scopes as savepoints, and a multi-row write that fails
// half-way leaving nothing behind.
#include "storage/Database.h"
#include "storage/StateStore.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTransaction : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;

    QSqlDatabase db() { return Database::connection(m_path).value(); }

    QStringList values()
    {
        QSqlQuery q(db());
        QStringList out;
        if (q.exec(u"SELECT value FROM meta WHERE key LIKE 'test:%' ORDER BY key"_s)) {
            while (q.next()) {
                out.append(q.value(0).toString());
            }
        }
        return out;
    }

    bool put(const QString& key, const QString& value)
    {
        return Database::setMetaValue(db(), u"test:"_s + key, value).hasValue();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        if (!m_path.isEmpty()) {
            Database::closeConnection(m_path);
        }
        m_path = m_dir.filePath(u"library-%1/folio.sqlite"_s.arg(++m_run));
        QVERIFY(Database::prepare(m_path));
    }

    void cleanupTestCase() { Database::closeConnection(m_path); }

    void commitsAndRollsBack()
    {
        {
            Transaction tx(db());
            QVERIFY(tx.status());
            QCOMPARE(tx.depth(), 0);
            QVERIFY(put(u"a"_s, u"kept"_s));
            QVERIFY(tx.commit());
        }
        {
            Transaction tx(db());
            QVERIFY(put(u"b"_s, u"dropped"_s));
        } // no commit: rolled back
        QCOMPARE(values(), QStringList{u"kept"_s});
    }

    void nestedScopesAreSavepoints()
    {
        Transaction outer(db());
        QVERIFY(outer.status());
        QVERIFY(put(u"1"_s, u"outer"_s));
        {
            Transaction inner(db());
            QVERIFY2(inner.status(), qPrintable(inner.status().error().toString()));
            QCOMPARE(inner.depth(), 1);
            QVERIFY(put(u"2"_s, u"inner, rolled back"_s));
        } // the inner scope alone is undone
        {
            Transaction inner(db());
            QVERIFY(put(u"3"_s, u"inner, released"_s));
            QVERIFY(inner.commit());
        }
        QCOMPARE(values(), (QStringList{u"outer"_s, u"inner, released"_s}));
        QVERIFY(outer.commit());
        QCOMPARE(values(), (QStringList{u"outer"_s, u"inner, released"_s}));
        // After the outermost scope a new one is a transaction again.
        Transaction next(db());
        QCOMPARE(next.depth(), 0);
    }

    void aReleasedSavepointGoesWithItsOuterRollback()
    {
        {
            Transaction outer(db());
            Transaction inner(db());
            QVERIFY(put(u"x"_s, u"inside"_s));
            QVERIFY(inner.commit());
        } // outer not committed: nothing stays
        QVERIFY(values().isEmpty());
    }

    void aMultiRowWriteThatFailsHalfWayWritesNothing()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(u"INSERT INTO articles(identity, title, added) VALUES('url:https://example.org/1', 'One', 1)"_s));
        const qint64 id = q.lastInsertId().toLongLong();
        StateStore store(db());
        // The first id is valid and written first; the second is unknown and fails the call.
        const auto r = store.setRead({id, id + 1000}, true);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::NotFound);
        QCOMPARE(store.state(id).value().read, false);
        QVERIFY(q.exec(u"SELECT count(*) FROM article_state"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(store.setRead({id}, true));
        QCOMPARE(store.state(id).value().read, true);
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "TestTransaction.moc"
