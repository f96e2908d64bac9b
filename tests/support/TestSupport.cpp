// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "TestConfig.h"

#include "storage/Database.h"
#include "storage/Library.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio::test {

QString dataPath(const QString& relative)
{
    return QDir(QString::fromUtf8(FOLIO_TEST_DATA_DIR)).filePath(relative);
}

QByteArray readData(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("missing test data: %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

QString createLibraryAtVersion(const QString& path, int version)
{
    QString failed;
    const QString name = u"test-at-version"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            failed = db.lastError().text();
        }
        for (int v = 1; v <= version && failed.isEmpty(); ++v) {
            // A number without a file was reserved for a migration never merged.
            const QStringList files = QDir(u":/folio/sql"_s).entryList({u"%1_*.sql"_s.arg(v, 4, 10, QChar(u'0'))});
            for (const QString& file : files) {
                QFile f(u":/folio/sql/"_s + file);
                if (!f.open(QIODevice::ReadOnly)) {
                    failed = u"cannot read "_s + file;
                    break;
                }
                for (const QString& statement : Database::splitStatements(QString::fromUtf8(f.readAll()))) {
                    QSqlQuery q(db);
                    if (!q.exec(statement)) {
                        failed = file + u": "_s + q.lastError().text();
                        break;
                    }
                }
            }
        }
        QSqlQuery q(db);
        if (failed.isEmpty() && !q.exec(u"PRAGMA user_version = %1"_s.arg(version))) {
            failed = q.lastError().text();
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return failed;
}

QVariant peek(const QString& path, const QString& sql, const QVariantList& binds)
{
    QVariant value;
    const QString name = u"test-peek"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(sql);
            for (const QVariant& bind : binds) {
                q.addBindValue(bind);
            }
            if (q.exec() && q.next()) {
                value = q.value(0);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(bytes) == bytes.size();
}

void waitUntilIdle(Library& library)
{
    // An answer can ask for more (a model fetching its next page): settle a few rounds.
    for (int round = 0; round < 5; ++round) {
        library.waitForIdle();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    library.waitForIdle();
}

QByteArray imageBytes(const QSize& size, const QColor& color, const char* format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

} // namespace folio::test
