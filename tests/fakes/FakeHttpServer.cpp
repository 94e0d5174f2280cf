#include "FakeHttpServer.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace coffer::test {

QByteArray FakeHttpServer::Request::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeHttpServer::Answer FakeHttpServer::Answer::json(int status, const QJsonObject& object)
{
    Answer answer;
    answer.status = status;
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    answer.contentType = "application/json";
    return answer;
}

FakeHttpServer::Answer FakeHttpServer::Answer::text(int status, const QByteArray& body)
{
    Answer answer;
    answer.status = status;
    answer.body = body;
    answer.contentType = "text/plain";
    return answer;
}

FakeHttpServer::Answer& FakeHttpServer::Answer::withHeader(const QByteArray& name, const QByteArray& value)
{
    extraHeaders += name + ": " + value + "\r\n";
    return *this;
}

FakeHttpServer::FakeHttpServer(QObject* parent)
    : QObject(parent)
{
}

bool FakeHttpServer::listen()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] { read(socket, *buffer); });
        }
    });
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

QByteArray FakeHttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void FakeHttpServer::read(QTcpSocket* socket, QByteArray& buffer)
{
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return; // the head is not complete yet
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Request request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path();
    request.query = QUrlQuery(target);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const qsizetype length = request.header("Content-Length").toLongLong();
    if (buffer.size() - (headEnd + 4) < length)
        return; // the body is not complete yet
    request.body = buffer.mid(headEnd + 4, length);
    disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
    const Answer answer = handle(request);
    if (answer.delayMs > 0)
        QTimer::singleShot(answer.delayMs, socket, [this, socket, answer] { send(socket, answer); });
    else
        send(socket, answer);
}

void FakeHttpServer::send(QTcpSocket* socket, const Answer& answer)
{
    QByteArray type = answer.contentType;
    if (type.isEmpty())
        type = answer.body.startsWith('{') ? QByteArrayLiteral("application/json") : QByteArrayLiteral("text/plain");
    const qsizetype announced = answer.announcedLength >= 0 ? answer.announcedLength : answer.body.size();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status) +
                      "\r\nContent-Type: " + type + "\r\n";
    if (!answer.omitLength)
        head += "Content-Length: " + QByteArray::number(announced) + "\r\n";
    head += "Connection: close\r\n" + answer.extraHeaders + "\r\n";
    socket->write(head);
    socket->write(answer.dropMidBody ? answer.body.left(answer.body.size() / 2) : answer.body);
    socket->disconnectFromHost(); // after the bytes are out
}

} // namespace coffer::test
