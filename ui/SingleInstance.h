// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace folio {

/// One running Folio per profile. The first process listens on a local socket named after the
/// profile; a later one hands its arguments to it and exits. Works across processes and, for
/// tests, between two objects of one process.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Delivered, ///< another instance took the message: this process should exit
        NoInstance, ///< nobody listens (or only a stale socket of a crashed instance)
    };

    /// key: the profile directory (any string naming what must be unique).
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// The local server name for a key: short, stable, no path characters.
    static QString serverName(const QString& key);

    /// Hands arguments to the running instance. Waits at most timeoutMs: it runs before any window
    /// exists, in a process that is about to exit, so the short wait blocks nothing on screen.
    Outcome sendToRunning(const QStringList& arguments, int timeoutMs = 2000);

    /// Becomes the instance others talk to; a socket left by a crashed instance is removed first.
    bool listen();
    bool isListening() const;

Q_SIGNALS:
    /// Another launch handed over its arguments (file paths already absolute).
    void messageReceived(const QStringList& arguments);

private:
    void onNewConnection();
    void readMessage(QLocalSocket* socket);

    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace folio
