// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamSync.h"

#include "storage/Database.h"

#include <QCoreApplication>

namespace folio {

namespace {

constexpr int kDefaultIntervalSeconds = 120;

} // namespace

TeamSyncWorker::TeamSyncWorker(QString databasePath)
    : m_databasePath(std::move(databasePath))
{
}

void TeamSyncWorker::readStatus()
{
    auto status = TeamService(m_databasePath).status();
    Q_EMIT statusRead(status ? status.value() : TeamStatus());
}

void TeamSyncWorker::sync()
{
    auto report = TeamService(m_databasePath).sync();
    if (report) {
        Q_EMIT syncFinished(true, false, QString(), report.value());
    } else {
        Q_EMIT syncFinished(false, report.error().code == Error::Code::Network, report.error().toString(), SyncReport());
    }
    readStatus();
}

void TeamSyncWorker::join(const QString& url, const QString& name, const QString& password, bool rememberPassword)
{
    auto joined = TeamService(m_databasePath).join(url, name, rememberPassword, password);
    Q_EMIT membershipFinished(bool(joined), joined ? QString() : joined.error().toString());
    readStatus();
}

void TeamSyncWorker::leave()
{
    auto left = TeamService(m_databasePath).leave();
    Q_EMIT membershipFinished(bool(left), left ? QString() : left.error().toString());
    readStatus();
}

TeamSync::TeamSync(QString databasePath, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<TeamStatus>();
    qRegisterMetaType<SyncReport>();
    m_thread.setObjectName(QStringLiteral("folio-team-sync"));
    m_worker = new TeamSyncWorker(std::move(databasePath));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TeamSyncWorker::statusRead, this, &TeamSync::onStatus);
    connect(m_worker, &TeamSyncWorker::syncFinished, this,
            [this](bool ok, bool offline, const QString& message, const SyncReport& report) {
                m_busy = false;
                if (ok) {
                    setState(State::Synced, tr("Sent %1, received %2").arg(report.pushed).arg(report.pulled));
                    Q_EMIT synced(report);
                } else {
                    setState(offline ? State::Offline : State::Failed, message);
                }
            });
    connect(m_worker, &TeamSyncWorker::membershipFinished, this, [this](bool ok, const QString& message) {
        m_busy = false;
        if (!ok) {
            setState(State::Failed, message);
        }
        Q_EMIT membershipChanged(ok, message);
        if (ok && m_status.joined) {
            syncNow();
        }
    });
    m_timer.setInterval(kDefaultIntervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &TeamSync::syncNow);
    m_thread.start();
}

TeamSync::~TeamSync()
{
    m_timer.stop();
    m_thread.quit();
    m_thread.wait();
}

QString TeamSync::stateText(State state)
{
    switch (state) {
    case State::NotJoined:
        return QString();
    case State::Synced:
        return tr("Team: synced");
    case State::Syncing:
        return tr("Team: syncing…");
    case State::Offline:
        return tr("Team: offline");
    case State::Failed:
        return tr("Team: error");
    }
    return QString();
}

void TeamSync::setInterval(int seconds)
{
    if (seconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.setInterval(seconds * 1000);
}

void TeamSync::start()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->readStatus(); }, Qt::QueuedConnection);
}

void TeamSync::onStatus(const TeamStatus& status)
{
    const bool wasJoined = m_status.joined;
    m_status = status;
    if (!status.joined) {
        m_timer.stop();
        setState(State::NotJoined, QString());
    } else if (!wasJoined) {
        m_timer.start();
        syncNow();
    }
    Q_EMIT statusChanged(status);
}

void TeamSync::syncNow()
{
    if (m_busy || !m_status.joined) {
        return;
    }
    m_busy = true;
    setState(State::Syncing, QString());
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->sync(); }, Qt::QueuedConnection);
}

void TeamSync::join(const QString& url, const QString& name, const QString& password, bool rememberPassword)
{
    m_busy = true;
    setState(State::Syncing, tr("Joining %1…").arg(name));
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, url, name, password, rememberPassword] { w->join(url, name, password, rememberPassword); },
        Qt::QueuedConnection);
}

void TeamSync::leave()
{
    m_busy = true;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->leave(); }, Qt::QueuedConnection);
}

void TeamSync::setState(State state, const QString& message)
{
    if (state == m_state && message == m_message) {
        return;
    }
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged(state, message);
}

} // namespace folio
