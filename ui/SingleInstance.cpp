// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcInstance, "folio.ui.instance")

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr quint32 kMagic = 0x464f4c31; // "FOL1": the message format version
constexpr char kAck = '1';

} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
    , m_name(serverName(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString& key)
{
    // The same profile reached through another spelling (trailing slash, symlink) is the same key.
    const QString canonical = QDir(key).canonicalPath();
    const QString normalized = canonical.isEmpty() ? QDir::cleanPath(QDir(key).absolutePath()) : canonical;
    const QByteArray hash = QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha256);
    return u"folio-"_s + QString::fromLatin1(hash.toHex().left(24));
}

SingleInstance::Outcome SingleInstance::sendToRunning(const QStringList& arguments, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs)) {
        // Nobody listens; a socket file of a crashed instance is cleaned up by listen().
        return Outcome::NoInstance;
    }
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kMagic << arguments;
    socket.write(bytes);
    if (!socket.waitForBytesWritten(timeoutMs) || !socket.waitForReadyRead(timeoutMs)) {
        // A server that accepted the connection is alive even if busy: starting a second window
        // on the same library would be worse than losing these arguments.
        qCWarning(lcInstance) << "The running instance did not confirm the message:" << socket.errorString();
    }
    socket.disconnectFromServer();
    return Outcome::Delivered;
}

bool SingleInstance::listen()
{
    if (m_server) {
        return m_server->isListening();
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_name)) {
        return true;
    }
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Either a launch that started at the same moment listens now, or a crashed instance
        // left its socket behind. Only the second may be removed.
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(500)) {
            probe.disconnectFromServer();
            return false;
        }
        qCInfo(lcInstance) << "Removing the stale socket" << m_name;
        QLocalServer::removeServer(m_name);
        if (m_server->listen(m_name)) {
            return true;
        }
    }
    qCWarning(lcInstance) << "Cannot listen on" << m_name << m_server->errorString();
    return false;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        // The sender may have written (and even gone) before the connection was accepted.
        readMessage(socket);
    }
}

void SingleInstance::readMessage(QLocalSocket* socket)
{
    if (socket->bytesAvailable() <= 0) {
        return;
    }
    QDataStream in(socket);
    in.setVersion(QDataStream::Qt_6_0);
    in.startTransaction();
    quint32 magic = 0;
    QStringList arguments;
    in >> magic >> arguments;
    if (!in.commitTransaction()) {
        return; // wait for the rest
    }
    if (magic != kMagic) {
        qCWarning(lcInstance) << "Ignoring a message in an unknown format";
        socket->disconnectFromServer();
        return;
    }
    if (socket->state() == QLocalSocket::ConnectedState) {
        socket->write(&kAck, 1);
        socket->flush();
    }
    Q_EMIT messageReceived(arguments);
}

} // namespace folio
