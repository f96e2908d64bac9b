// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/DatabaseHealth.h"

#include "storage/DatabaseBackup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QSaveFile>

#include <memory>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

struct Registry
{
    QMutex mutex;
    QHash<QString, LibraryHealth> health;
    // This process's session markers, released (and so removed) when the process ends normally.
    QHash<QString, std::shared_ptr<QLockFile>> sessions;
};

Registry& registry()
{
    static Registry r;
    return r;
}

QString key(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString markerPrefix(const QString& path)
{
    return QFileInfo(path).fileName() + u".session-"_s;
}

QString ownMarker(const QString& path)
{
    return key(path) + u".session-"_s + QString::number(QCoreApplication::applicationPid()) + u".lock"_s;
}

// Other processes' markers of path, as file paths.
QStringList otherMarkers(const QString& path)
{
    const QFileInfo info(key(path));
    const QDir dir = info.absoluteDir();
    const QString own = QFileInfo(ownMarker(path)).fileName();
    QStringList out;
    const QStringList names = dir.entryList({markerPrefix(path) + u"*.lock"_s}, QDir::Files | QDir::Hidden);
    for (const QString& name : names) {
        if (name != own) {
            out.append(dir.filePath(name));
        }
    }
    return out;
}

} // namespace

LibraryHealth DatabaseHealth::get(const QString& path)
{
    Registry& r = registry();
    const QMutexLocker lock(&r.mutex);
    return r.health.value(key(path));
}

void DatabaseHealth::set(const QString& path, const LibraryHealth& health)
{
    Registry& r = registry();
    const QMutexLocker lock(&r.mutex);
    LibraryHealth h = health;
    h.known = true;
    r.health.insert(key(path), h);
}

bool DatabaseHealth::beginSession(const QString& path)
{
    bool unclean = false;
    const QStringList markers = otherMarkers(path);
    for (const QString& marker : markers) {
        QLockFile other(marker);
        other.setStaleLockTime(0); // stale only when its process is gone, never by age
        if (other.tryLock(0)) {
            unclean = true; // its owner died without releasing it
            other.unlock();
        }
    }
    Registry& r = registry();
    const QMutexLocker lock(&r.mutex);
    const QString k = key(path);
    if (!r.sessions.contains(k)) {
        auto mine = std::make_shared<QLockFile>(ownMarker(path));
        mine->setStaleLockTime(0);
        if (mine->tryLock(0)) {
            r.sessions.insert(k, mine);
        }
    }
    return unclean;
}

QList<qint64> DatabaseHealth::otherSessions(const QString& path)
{
    QList<qint64> out;
    const QStringList markers = otherMarkers(path);
    for (const QString& marker : markers) {
        QLockFile other(marker);
        other.setStaleLockTime(0);
        if (other.tryLock(0)) {
            other.unlock();
            continue;
        }
        qint64 pid = 0;
        QString host;
        QString app;
        if (other.getLockInfo(&pid, &host, &app)) {
            out.append(pid);
        }
    }
    return out;
}

void DatabaseHealth::endSession(const QString& path)
{
    std::shared_ptr<QLockFile> mine;
    {
        Registry& r = registry();
        const QMutexLocker lock(&r.mutex);
        mine = r.sessions.take(key(path));
    }
    if (mine) {
        mine->unlock();
    }
}

QString DatabaseHealth::damageMarkerPath(const QString& path)
{
    return key(path) + u".damaged"_s;
}

void DatabaseHealth::markDamaged(const QString& path, const QString& report)
{
    QSaveFile file(damageMarkerPath(path));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(report.toUtf8());
        file.commit();
    }
}

void DatabaseHealth::clearDamaged(const QString& path)
{
    QFile::remove(damageMarkerPath(path));
}

QString DatabaseHealth::damageReport(const QString& path)
{
    QFile file(damageMarkerPath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString report = QString::fromUtf8(file.read(64 * 1024)).trimmed();
    return report.isEmpty() ? u"damaged"_s : report;
}

Result<void> DatabaseHealth::checkWritable(const QString& path)
{
    const LibraryHealth h = get(path);
    if (h.damaged) {
        const QString latest = DatabaseBackup::latestBackup(path);
        const QString advice = latest.isEmpty()
                                   ? u"no backup was found; run \"folio-cli check --full\" for details"_s
                                   : u"restore the latest backup with \"folio-cli restore %1\""_s.arg(latest);
        return makeError(Error::Code::Damaged,
                         u"library is damaged, writing is refused (%1); %2"_s.arg(h.damage.section(u'\n', 0, 0), advice),
                         key(path));
    }
    if (h.diskFull) {
        return makeError(Error::Code::DiskFull,
                         u"disk full: there is no free space where the library lives; free some space and try again"_s,
                         key(path));
    }
    if (h.readOnly) {
        return makeError(Error::Code::ReadOnly, u"library is read-only (%1)"_s.arg(h.readOnlyReason), key(path));
    }
    return {};
}

} // namespace folio
