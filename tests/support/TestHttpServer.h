// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace folio::test {

/// A small HTTP/1.1 server inside the test process, on 127.0.0.1 and a free port. It answers
/// from a route table (path -> response), records every request it gets, and can misbehave on
/// purpose: answer late, trickle the body, close mid-body. Everything is driven by the event
/// loop (timers, socket signals), never by sleeps, so the test must spin the loop (QTRY_*,
/// QSignalSpy::wait or the code under test's own loop). One request per connection.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers; ///< sent as given (Content-Length is added)
        QByteArray body;
        QByteArray etag;         ///< sent as ETag; the answer is 304 when If-None-Match equals it
        QByteArray lastModified; ///< sent as Last-Modified; 304 when If-Modified-Since equals it
        int delayMs = 0;         ///< wait this long before answering at all
        int trickleBytes = 0;    ///< > 0: send the body in pieces of this size ...
        int trickleIntervalMs = 0; ///< ... one piece per interval
        qint64 closeAfterBytes = -1; ///< >= 0: announce the whole body, then close after this many bytes

        void addHeader(const QByteArray& name, const QByteArray& value) { headers.append(qMakePair(name, value)); }
    };

    struct Request
    {
        QByteArray method;
        QByteArray path; ///< with the query, as sent
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    };

    explicit TestHttpServer(QObject* parent = nullptr);
    ~TestHttpServer() override;

    /// Starts listening on 127.0.0.1; false when no port could be bound.
    bool listen();
    quint16 port() const;
    /// http://127.0.0.1:<port><path>
    QUrl url(const QString& path) const;

    /// Answers requests for path (without query) with response; replaces an earlier route.
    void setRoute(const QByteArray& path, const Response& response);
    void removeRoute(const QByteArray& path);

    static Response ok(const QByteArray& body, const QByteArray& contentType);
    /// 200 with the fixture tests/data/feeds/http/<fixture> as its body.
    static Response feed(const QString& fixture, const QByteArray& contentType = "application/rss+xml");
    static Response redirect(int status, const QByteArray& location);

    /// Every request received so far, in order of arrival.
    QList<Request> requests() const { return m_requests; }
    /// The requests for one path (without query).
    QList<Request> requestsTo(const QByteArray& path) const;
    void clearRequests() { m_requests.clear(); }

    /// The largest number of requests that were being answered at the same time.
    int maxConcurrent() const { return m_maxConcurrent; }
    void resetMaxConcurrent() { m_maxConcurrent = 0; }

Q_SIGNALS:
    void requestReceived(const QByteArray& path);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Request& request);
    void send(QTcpSocket* socket, const Response& response, const Request& request);
    void finishRequest(QTcpSocket* socket);

    QTcpServer* m_server;
    QHash<QByteArray, Response> m_routes;
    QList<Request> m_requests;
    int m_active = 0;
    int m_maxConcurrent = 0;
};

} // namespace folio::test
