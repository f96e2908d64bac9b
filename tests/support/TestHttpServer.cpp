// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttpServer.h"

#include "TestSupport.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace folio::test {

namespace {

constexpr qsizetype kMaxRequestHead = 64 * 1024;
constexpr char kBufferProperty[] = "folioRequestBuffer";
constexpr char kActiveProperty[] = "folioRequestActive";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

} // namespace

TestHttpServer::TestHttpServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl TestHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void TestHttpServer::setRoute(const QByteArray& path, const Response& response)
{
    m_routes.insert(path, response);
}

void TestHttpServer::removeRoute(const QByteArray& path)
{
    m_routes.remove(path);
}

TestHttpServer::Response TestHttpServer::ok(const QByteArray& body, const QByteArray& contentType)
{
    Response r;
    r.body = body;
    r.addHeader("Content-Type", contentType);
    return r;
}

TestHttpServer::Response TestHttpServer::feed(const QString& fixture, const QByteArray& contentType)
{
    return ok(readData(QStringLiteral("feeds/http/") + fixture), contentType);
}

TestHttpServer::Response TestHttpServer::redirect(int status, const QByteArray& location)
{
    Response r;
    r.status = status;
    r.addHeader("Location", location);
    return r;
}

QList<TestHttpServer::Request> TestHttpServer::requestsTo(const QByteArray& path) const
{
    QList<Request> out;
    for (const Request& r : m_requests) {
        if (r.path.split('?').first() == path) {
            out.append(r);
        }
    }
    return out;
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            finishRequest(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    if (socket->property(kActiveProperty).toBool()) {
        return; // one request per connection; ignore anything after it
    }
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestHead) {
            socket->abort();
        } else {
            socket->setProperty(kBufferProperty, buffer);
        }
        return;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    Request request;
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    socket->setProperty(kActiveProperty, true);
    m_requests.append(request);
    ++m_active;
    m_maxConcurrent = qMax(m_maxConcurrent, m_active);
    Q_EMIT requestReceived(request.path.split('?').first());
    respond(socket, request);
}

void TestHttpServer::respond(QTcpSocket* socket, const Request& request)
{
    const QByteArray path = request.path.split('?').first();
    Response response;
    if (const auto it = m_routes.constFind(path); it != m_routes.cend()) {
        response = it.value();
    } else {
        response.status = 404;
        response.body = "no such route";
        response.addHeader("Content-Type", "text/plain");
    }
    if (response.delayMs > 0) {
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response, request] {
            if (guard) {
                send(guard, response, request);
            }
        });
        return;
    }
    send(socket, response, request);
}

void TestHttpServer::send(QTcpSocket* socket, const Response& original, const Request& request)
{
    Response response = original;
    const bool etagMatches = !response.etag.isEmpty() && request.header("If-None-Match") == response.etag;
    const bool dateMatches = !response.lastModified.isEmpty()
        && request.header("If-Modified-Since") == response.lastModified;
    if (response.status == 200 && (etagMatches || (dateMatches && request.header("If-None-Match").isEmpty()))) {
        response.status = 304;
        response.body.clear();
        response.trickleBytes = 0;
        response.closeAfterBytes = -1;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\n";
    for (const auto& [name, value] : std::as_const(response.headers)) {
        head += name + ": " + value + "\r\n";
    }
    if (!response.etag.isEmpty()) {
        head += "ETag: " + response.etag + "\r\n";
    }
    if (!response.lastModified.isEmpty()) {
        head += "Last-Modified: " + response.lastModified + "\r\n";
    }
    if (response.status != 304) {
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    socket->write(head);

    QByteArray body = response.body;
    if (response.closeAfterBytes >= 0) {
        socket->write(body.left(response.closeAfterBytes));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    if (response.trickleBytes <= 0 || body.isEmpty()) {
        socket->write(body);
        socket->disconnectFromHost();
        return;
    }
    // Trickle: one piece per tick until the body is out.
    auto* timer = new QTimer(socket);
    timer->setInterval(qMax(1, response.trickleIntervalMs));
    auto remaining = std::make_shared<QByteArray>(body);
    const int piece = response.trickleBytes;
    connect(timer, &QTimer::timeout, socket, [socket, timer, remaining, piece] {
        socket->write(remaining->left(piece));
        remaining->remove(0, piece);
        if (remaining->isEmpty()) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start();
}

void TestHttpServer::finishRequest(QTcpSocket* socket)
{
    if (socket->property(kActiveProperty).toBool()) {
        socket->setProperty(kActiveProperty, false);
        --m_active;
    }
}

} // namespace folio::test
