// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Database.h"
#include "storage/StoryMerge.h"
#include "storage/DatabaseBackup.h"
#include "storage/DatabaseHealth.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

// The online backup, the daily rotation, check and restore.
class TestDatabaseBackup : public QObject
{
    Q_OBJECT

private:
    // Declared after the QTemporaryDir: closes the connections and the session marker first.
    struct Release
    {
        QString path;
        ~Release()
        {
            Database::closeConnection(path);
            DatabaseHealth::endSession(path);
        }
    };

    static bool run(const QString& path, const QStringList& statements)
    {
        auto db = Database::connection(path);
        if (!db) {
            return false;
        }
        for (const QString& s : statements) {
            QSqlQuery q(db.value());
            if (!q.exec(s)) {
                qWarning("%s", qPrintable(s));
                return false;
            }
        }
        return true;
    }

    // Every row of the user-facing tables, as text: what "restores and compares" compares.
    static QStringList dump(const QString& path)
    {
        QStringList out;
        auto db = Database::connection(path);
        if (!db) {
            return {u"cannot open"_s};
        }
        const QStringList tables = {u"articles"_s, u"tags"_s, u"article_tags"_s, u"article_state"_s, u"annotations"_s, u"meta"_s};
        for (const QString& table : tables) {
            QSqlQuery q(db.value());
            if (!q.exec(u"SELECT * FROM %1 ORDER BY 1, 2"_s.arg(table))) {
                out.append(u"no table "_s + table);
                continue;
            }
            while (q.next()) {
                QStringList row{table};
                for (int c = 0; c < q.record().count(); ++c) {
                    row.append(q.value(c).toString());
                }
                out.append(row.join(u'|'));
            }
        }
        return out;
    }

    static void makeLibrary(const QString& path)
    {
        QVERIFY(Database::prepare(path).hasValue());
        QVERIFY(run(path, {u"INSERT INTO articles(identity, title, added) VALUES('a', 'Kept', 1), ('b', 'Also kept', 2)"_s,
                           u"INSERT INTO article_state(article_id, bookmarked, read) VALUES(1, 1, 1)"_s,
                           u"INSERT INTO tags(name, key) VALUES('China', 'china')"_s,
                           u"INSERT INTO article_tags(article_id, tag_id, origin) VALUES(2, 1, 'user')"_s}));
        // Rows written behind the library's back get their story keys (as the next open would do).
        auto db = Database::connection(path);
        QVERIFY(db.hasValue());
        QVERIFY(StoryMerge(db.value()).backfill().hasValue());
    }

    static void age(const QString& file, int days)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-days), QFileDevice::FileModificationTime));
    }

private Q_SLOTS:
    void restoresBackupAndComparesEqual()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path);
        const QStringList before = dump(path);
        QVERIFY(before.size() >= 5);
        const QString backup = dir.filePath(u"saved.sqlite"_s);
        QVERIFY(DatabaseBackup::backupFile(path, backup).hasValue()); // while the library is open
        QCOMPARE(DatabaseBackup::checkFile(backup, true).value(), QStringList());
        QVERIFY(!QFile::exists(backup + u"-wal"_s)); // a self-contained file

        QVERIFY(run(path, {u"DELETE FROM article_tags"_s, u"UPDATE articles SET title = 'Changed'"_s,
                           u"INSERT INTO articles(identity, title, added) VALUES('c', 'New', 3)"_s}));
        QVERIFY(dump(path) != before);
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);

        auto report = DatabaseBackup::restore(path, backup);
        QVERIFY2(report.hasValue(), qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->schemaVersion, Database::latestSchemaVersion());
        QVERIFY(report->previous.startsWith(DatabaseBackup::backupDir(path) + u"/folio-before-restore-"_s));
        QVERIFY(!QFile::exists(path + u".restoring"_s));
        QVERIFY(Database::prepare(path).hasValue());
        QCOMPARE(dump(path), before);
        Database::closeConnection(path);
        // The library it replaced is kept, with the changes.
        QVERIFY(Database::prepare(report->previous).hasValue());
        QVERIFY(dump(report->previous).join(u'\n').contains(u"|New|"_s));
        Database::closeConnection(report->previous);
        DatabaseHealth::endSession(report->previous);
        DatabaseHealth::endSession(path);
    }

    void restoreRefusesForeignAndDamagedFilesKeepingTheLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path);
        const QStringList before = dump(path);
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);

        const QString foreign = dir.filePath(u"other.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE photos(id INTEGER PRIMARY KEY)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        auto r = DatabaseBackup::restore(path, foreign);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Foreign);
        QCOMPARE(r.error().file, foreign);

        const QString text = dir.filePath(u"notes.txt"_s);
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("not a database at all, but long enough to look like one................................");
        t.close();
        r = DatabaseBackup::restore(path, text);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Foreign);

        r = DatabaseBackup::restore(path, dir.filePath(u"missing.sqlite"_s));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::NotFound);

        QVERIFY(Database::prepare(path).hasValue());
        QCOMPARE(dump(path), before);
        QVERIFY(!QDir(DatabaseBackup::backupDir(path)).exists()); // nothing was swapped
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
    }

    void restoreRefusedWhileAnotherProcessHasTheLibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path);
        const QString backup = dir.filePath(u"saved.sqlite"_s);
        QVERIFY(DatabaseBackup::backupFile(path, backup).hasValue());
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
        QProcess other;
        other.start(u"sleep"_s, {u"30"_s});
        QVERIFY(other.waitForStarted());
        {
            QFile marker(path + u".session-%1.lock"_s.arg(other.processId()));
            QVERIFY(marker.open(QIODevice::WriteOnly));
            marker.write(QByteArray::number(other.processId()) + "\nsleep\n\n");
        }
        const qint64 pid = other.processId();
        const auto r = DatabaseBackup::restore(path, backup);
        other.kill();
        other.waitForFinished();
        QVERIFY(!r.hasValue());
        QVERIFY2(r.error().message.contains(u"open in another Folio process (%1)"_s.arg(pid)),
                 qPrintable(r.error().message));
    }

    void dailyBackupOncePerDayKeepingSeven()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        makeLibrary(path);
        // Never in the run that created the library.
        QCOMPARE(DatabaseBackup::backupIfDue(path).value(), QString());
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
        QVERIFY(Database::prepare(path).hasValue()); // the next run

        const auto first = DatabaseBackup::backupIfDue(path);
        QVERIFY2(first.hasValue(), qPrintable(first ? QString() : first.error().toString()));
        QVERIFY(QFile::exists(first.value()));
        QVERIFY(QFileInfo(first.value()).fileName().startsWith(u"folio-2"_s));
        QCOMPARE(DatabaseBackup::checkFile(first.value(), true).value(), QStringList());
        QCOMPARE(DatabaseBackup::backupIfDue(path).value(), QString()); // not again the same day

        // A day later, but nothing changed: still none.
        age(first.value(), 2);
        age(path, 3);
        if (QFile::exists(path + u"-wal"_s)) {
            age(path + u"-wal"_s, 3);
        }
        QCOMPARE(DatabaseBackup::backupIfDue(path).value(), QString());

        // Eight old backups and a change: a new one, and only the newest seven stay.
        for (int i = 0; i < 8; ++i) {
            const QString old = DatabaseBackup::backupDir(path) + u"/folio-2020010%1-000000.sqlite"_s.arg(i + 1);
            QVERIFY(QFile::copy(first.value(), old));
            age(old, 100 - i);
        }
        QVERIFY(run(path, {u"INSERT INTO articles(identity, title, added) VALUES('d', 'Changed', 4)"_s}));
        const auto next = DatabaseBackup::backupIfDue(path);
        QVERIFY(next.hasValue());
        QVERIFY(!next->isEmpty());
        const QStringList left = QDir(DatabaseBackup::backupDir(path)).entryList({u"folio-2*.sqlite"_s}, QDir::Files);
        QCOMPARE(left.size(), DatabaseBackup::kKeep);
        QVERIFY(left.contains(QFileInfo(next.value()).fileName()));
        QVERIFY(left.contains(QFileInfo(first.value()).fileName()));
        QVERIFY(!left.contains(u"folio-20200101-000000.sqlite"_s)); // the oldest went
        QCOMPARE(DatabaseBackup::latestBackup(path), next.value());
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
    }

    void checkFindsDamage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"folio.sqlite"_s);
        const Release release{path};
        QVERIFY(Database::prepare(path).hasValue());
        QStringList statements;
        for (int i = 0; i < 300; ++i) {
            statements.append(u"INSERT INTO articles(identity, title, summary, added) VALUES('id%1', 't', '%2', 1)"_s.arg(i).arg(
                QString(500, u'q')));
        }
        QVERIFY(run(path, statements));
        Database::closeConnection(path);
        DatabaseHealth::endSession(path);
        QCOMPARE(DatabaseBackup::checkFile(path, false).value(), QStringList());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() / 2));
        f.write(QByteArray(3 * 4096, '\x5A'));
        f.close();
        const auto quick = DatabaseBackup::checkFile(path, false);
        QVERIFY(quick.hasValue());
        QVERIFY(!quick->isEmpty());
        const auto full = DatabaseBackup::checkFile(path, true);
        QVERIFY(full.hasValue());
        QVERIFY(!full->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseBackup)
#include "TestDatabaseBackup.moc"
