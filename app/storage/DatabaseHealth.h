// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QList>
#include <QString>

namespace folio {

/// What this process knows about one library file once Database::prepare has opened it.
struct LibraryHealth
{
    bool known = false;     ///< prepare() has run for this path in this process
    bool readOnly = false;  ///< connections open with SQLITE_OPEN_READONLY; writes are refused
    QString readOnlyReason; ///< why, for messages: "the file is read-only", "opened with --read-only"
    bool diskFull = false;  ///< read-only because there is no free space where the library lives
    bool damaged = false;   ///< failed PRAGMA quick_check / integrity_check; writes are refused
    QString damage;         ///< what the check reported (its first lines)
    bool uncleanShutdown = false; ///< a session before this one ended without closing the library
    bool checked = false;   ///< quick_check ran when the library opened
    bool created = false;   ///< prepare() created the library (no daily backup on its first run)
    bool immutable = false; ///< WAL library on read-only media without its -shm: read with immutable=1
};

/// The process-wide registry of LibraryHealth per library path, the session markers that tell
/// a clean shutdown from a crash, and the "<library>.damaged" marker that remembers a failed
/// check across runs.
///
/// A session marker is a QLockFile "<library>.session-<pid>.lock" that a process writing the
/// library holds; it is removed when the process ends normally (also on exit() and return from
/// main) and left behind by a crash, SIGKILL or power loss.
class DatabaseHealth
{
public:
    static LibraryHealth get(const QString& path);
    static void set(const QString& path, const LibraryHealth& health);

    /// Claims this process's session marker for path (once per process). Returns true when a
    /// marker of a process that no longer runs was found (the last session ended uncleanly);
    /// such markers are removed.
    static bool beginSession(const QString& path);

    /// Process ids of other live processes that hold a session marker for path.
    static QList<qint64> otherSessions(const QString& path);

    /// Releases this process's session marker for path, if any (restore, tests).
    static void endSession(const QString& path);

    static QString damageMarkerPath(const QString& path);
    /// Remembers a failed check (report: what the check said) in "<path>.damaged".
    static void markDamaged(const QString& path, const QString& report);
    /// Forgets a failed check, after a check passed or a restore.
    static void clearDamaged(const QString& path);
    /// The report of a remembered failed check; empty when there is none.
    static QString damageReport(const QString& path);

    /// The Error a write to path gets: ReadOnly (with the reason), DiskFull, or Damaged (naming
    /// the latest backup); a value when writing is allowed.
    static Result<void> checkWritable(const QString& path);
};

} // namespace folio
