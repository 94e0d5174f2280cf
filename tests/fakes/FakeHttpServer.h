#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrlQuery>

#include <utility>

class QTcpSocket;

namespace coffer::test {

// The HTTP/1.1 side every provider fake shares: listens on 127.0.0.1 (a free port), reads one
// request per connection (head, then the body by Content-Length), hands it to handle() and sends
// the Answer it returns, faults included (a wrong length, a body cut off, a delay), then closes.
// Thread affinity: the test's thread; it answers while that thread's event loop runs.
class FakeHttpServer : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QList<std::pair<QByteArray, QByteArray>> headers; // as sent
        QByteArray body;
        // The value of a header, names compared case-insensitively; empty when absent.
        QByteArray header(const QByteArray& name) const;
    };
    struct Answer {
        int status = 200;
        QByteArray body;
        QByteArray contentType;         // empty: application/json for a body starting '{', else text/plain
        QByteArray extraHeaders;        // whole "Name: value\r\n" lines
        qsizetype announcedLength = -1; // Content-Length to announce instead of the body's size
        bool omitLength = false;        // no Content-Length: the body ends when the connection closes
        bool dropMidBody = false;       // announce the whole body, send half, close the connection
        int delayMs = 0;                // wait this long before answering

        static Answer json(int status, const QJsonObject& object);
        static Answer text(int status, const QByteArray& body);
        Answer& withHeader(const QByteArray& name, const QByteArray& value);
    };

    explicit FakeHttpServer(QObject* parent = nullptr);

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const; // http://127.0.0.1:<port>

    static QByteArray reasonPhrase(int status);

protected:
    // The answer to one complete request.
    virtual Answer handle(const Request& request) = 0;

private:
    void read(QTcpSocket* socket, QByteArray& buffer);
    void send(QTcpSocket* socket, const Answer& answer);

    QTcpServer m_server;
};

} // namespace coffer::test
