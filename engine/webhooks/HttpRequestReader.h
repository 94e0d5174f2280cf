#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace coffer::webhooks {

// One HTTP/1.1 request as received: what the receiver routes on and what a handler verifies.
struct HttpRequest {
    QByteArray method;
    QByteArray path;                              // the request target without its query
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, values trimmed, in arrival order
    QByteArray body;                              // exactly Content-Length bytes, unaltered

    // The value of a header (case-insensitive name); empty when absent.
    QByteArray header(const QByteArray& name) const;
};

// How much a client may send. Everything past these is refused before it is buffered.
struct HttpLimits {
    int maxHeadBytes = 8 * 1024; // request line and headers, up to the blank line
    int maxHeaders = 64;
    int maxBodyBytes = 64 * 1024;
};

// Reads one request from bytes arriving in pieces (a socket's reads). Strict where a lenient
// parser would let a request mean two things: CRLF line ends, no folded headers, no
// Transfer-Encoding, one Content-Length (required when there is a body; POST must send it).
// Bytes after the body are ignored: the receiver answers one request per connection.
class HttpRequestReader {
public:
    enum class State { Incomplete, Complete, Failed };

    explicit HttpRequestReader(HttpLimits limits = {});

    State feed(const QByteArray& bytes);
    State state() const { return m_state; }
    const HttpRequest& request() const { return m_request; }
    // When Failed: the status to answer (400, 411, 413, 431, 501, 505) and why, in plain words.
    int errorStatus() const { return m_errorStatus; }
    const QString& errorReason() const { return m_errorReason; }

private:
    State fail(int status, const QString& reason);
    State parseHead(const QByteArray& head);
    State parseRequestLine(const QByteArray& line);
    State parseHeaderLine(const QByteArray& line);
    State checkFraming();

    HttpLimits m_limits;
    State m_state = State::Incomplete;
    QByteArray m_buffer;      // the head while it is incomplete
    qint64 m_bodyLength = -1; // from Content-Length once the head is read; -1 before
    bool m_http11 = true;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorReason;
};

} // namespace coffer::webhooks
