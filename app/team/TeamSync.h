// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "team/TeamService.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace folio {

class TeamSyncWorker;

/// Background team sync for the window: TeamService on a worker thread with its own
/// connections (PostgreSQL and the library), a timer, and the state the status bar shows.
/// Every call returns at once; answers come back as signals on this object's thread.
class TeamSync : public QObject
{
    Q_OBJECT

public:
    enum class State { NotJoined, Synced, Syncing, Offline, Failed };
    Q_ENUM(State)

    explicit TeamSync(QString databasePath, QObject* parent = nullptr);
    ~TeamSync() override;

    State state() const { return m_state; }
    QString message() const { return m_message; }
    const TeamStatus& status() const { return m_status; }

    /// Seconds between background syncs (default 120; 0 stops the timer).
    void setInterval(int seconds);
    /// Reads the status and, in a team, syncs now and then every interval.
    void start();

    void syncNow();
    void join(const QString& url, const QString& name, const QString& password, bool rememberPassword);
    void leave();

    /// A short label for a state (status bar), translated.
    static QString stateText(State state);

Q_SIGNALS:
    void stateChanged(folio::TeamSync::State state, const QString& message);
    void statusChanged(const folio::TeamStatus& status);
    /// A sync finished; pulled > 0 means the library changed.
    void synced(const folio::SyncReport& report);
    /// join() or leave() finished (message: the error, or empty).
    void membershipChanged(bool ok, const QString& message);

private:
    void setState(State state, const QString& message);
    void onStatus(const TeamStatus& status);

    QThread m_thread;
    TeamSyncWorker* m_worker = nullptr; // lives in m_thread, deleted when it finishes
    QTimer m_timer;
    State m_state = State::NotJoined;
    QString m_message;
    TeamStatus m_status;
    bool m_busy = false;
};

/// The worker half of TeamSync (internal; lives on TeamSync's thread).
class TeamSyncWorker : public QObject
{
    Q_OBJECT

public:
    explicit TeamSyncWorker(QString databasePath);

    void sync();
    void join(const QString& url, const QString& name, const QString& password, bool rememberPassword);
    void leave();
    void readStatus();

Q_SIGNALS:
    void syncFinished(bool ok, bool offline, const QString& message, const folio::SyncReport& report);
    void membershipFinished(bool ok, const QString& message);
    void statusRead(const folio::TeamStatus& status);

private:
    QString m_databasePath;
};

} // namespace folio

Q_DECLARE_METATYPE(folio::TeamStatus)
Q_DECLARE_METATYPE(folio::SyncReport)
