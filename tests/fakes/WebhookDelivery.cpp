#include "WebhookDelivery.h"

#include "TestSupport.h"

#include <QTcpSocket>

namespace coffer::test {

QByteArray exchangeRaw(quint16 port, const QByteArray& request, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [&](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            closed = true;
    });
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    waitFor([&] { return closed; }, timeoutMs);
    received += socket.readAll();
    return received;
}

QByteArray webhookRequest(const QByteArray& path, const QByteArray& body, const QByteArray& verification)
{
    QByteArray out = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!verification.isEmpty())
        out += "Plaid-Verification: " + verification + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}

int statusOf(const QByteArray& response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

} // namespace coffer::test
