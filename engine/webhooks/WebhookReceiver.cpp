#include "webhooks/WebhookReceiver.h"

#include "log/Log.h"

#include <QHostAddress>
#include <QPointer>

#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

namespace coffer::webhooks {

namespace {

auto logger()
{
    return log::get("engine.webhook");
}

constexpr qint64 kReadChunk = 16 * 1024; // the socket buffers at most this much ahead of the reader

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray formatResponse(const HttpResponse& response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (response.status == 405)
        out += "Allow: POST\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    return out + response.body;
}

// One connection: read one request within the time allowed, hand it to its route, write the
// answer, close. Owns its socket; deletes itself once the socket is closed.
class Exchange : public QObject {
public:
    Exchange(QTcpSocket* socket, const WebhookReceiver::Options& options,
             const QHash<QByteArray, WebhookReceiver::Route>& routes, std::function<void()> onGone, QObject* parent)
        : QObject(parent)
        , m_socket(socket)
        , m_reader(options.limits)
        , m_routes(routes)
        , m_answerTimeoutMs(options.answerTimeoutMs)
        , m_onGone(std::move(onGone))
    {
        m_socket->setParent(this);
        m_socket->setReadBufferSize(kReadChunk);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { onTimeout(); });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
        m_timer.start(options.readTimeoutMs);
        onReadyRead(); // bytes may have arrived with the connection
    }
    ~Exchange() override { m_onGone(); }

private:
    void onReadyRead()
    {
        while (m_phase == Phase::Reading && m_socket->bytesAvailable() > 0) {
            const auto state = m_reader.feed(m_socket->read(kReadChunk));
            if (state == HttpRequestReader::State::Failed) {
                logger()->info("webhook request refused: HTTP {} ({})", m_reader.errorStatus(),
                               m_reader.errorReason().toStdString());
                answer({m_reader.errorStatus(), m_reader.errorReason().toUtf8() + '\n'});
            } else if (state == HttpRequestReader::State::Complete) {
                dispatch();
            }
        }
    }

    void dispatch()
    {
        m_phase = Phase::Answering;
        m_timer.start(m_answerTimeoutMs);
        const HttpRequest& request = m_reader.request();
        const auto route = m_routes.constFind(request.path);
        if (route == m_routes.cend())
            return answer({404, QByteArrayLiteral("no such endpoint\n")});
        if (request.method != "POST")
            return answer({405, QByteArrayLiteral("only POST is accepted here\n")});
        // Browsers always name the page's origin on a cross-site POST; Plaid never does. Refusing
        // it keeps a web page (DNS rebinding to 127.0.0.1) from reaching the routes.
        const bool fromBrowser = std::any_of(request.headers.cbegin(), request.headers.cend(),
                                             [](const auto& h) { return h.first == "origin"; });
        if (fromBrowser) {
            logger()->info("webhook request refused: HTTP 403 (sent by a web page: it has an Origin header)");
            return answer({403, QByteArrayLiteral("requests from web pages are not accepted\n")});
        }
        QPointer<Exchange> self(this);
        (*route)(request, [self](HttpResponse response) {
            if (self)
                self->answer(std::move(response));
        });
    }

    void onTimeout()
    {
        if (m_phase == Phase::Reading) {
            logger()->info("webhook request refused: the client did not send a whole request in time");
            answer({408, QByteArrayLiteral("the request did not arrive in time\n")});
        } else if (m_phase == Phase::Answering) {
            logger()->warn("webhook request not answered in time; told the sender to try again");
            answer({503, QByteArrayLiteral("not answered in time; try again later\n")});
        } else {
            m_socket->abort(); // a client that does not read the answer or close its end
        }
    }

    void answer(const HttpResponse& response)
    {
        if (m_phase == Phase::Done)
            return;
        m_phase = Phase::Done;
        m_timer.start(m_answerTimeoutMs); // for writing the answer out
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return deleteLater();
        m_socket->write(formatResponse(response));
        m_socket->disconnectFromHost();
    }

    enum class Phase { Reading, Answering, Done };
    QTcpSocket* m_socket;
    HttpRequestReader m_reader;
    const QHash<QByteArray, WebhookReceiver::Route>& m_routes;
    int m_answerTimeoutMs;
    std::function<void()> m_onGone;
    QTimer m_timer;
    Phase m_phase = Phase::Reading;
};

} // namespace

WebhookReceiver::WebhookReceiver(QObject* parent)
    : WebhookReceiver(Options{}, parent)
{
}

WebhookReceiver::WebhookReceiver(Options options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
}

WebhookReceiver::~WebhookReceiver()
{
    close();
}

void WebhookReceiver::addPostRoute(const QByteArray& path, Route route)
{
    m_routes.insert(path, std::move(route));
}

model::Status WebhookReceiver::listen(quint16 port)
{
    close();
    if (m_server.listen(QHostAddress::LocalHost, port)) {
        logger()->info("webhook receiver listening on 127.0.0.1:{}", m_server.serverPort());
        return model::Ok{};
    }
    const auto error = m_server.serverError();
    const QString detail = m_server.errorString();
    logger()->warn("webhook receiver could not listen on 127.0.0.1:{}: {}", port, detail.toStdString());
    QString message;
    if (error == QAbstractSocket::AddressInUseError)
        message = QStringLiteral("Webhooks are not being received: port %1 on this computer is already used by another "
                                 "program. Choose another port for the webhook receiver in Settings, or stop the "
                                 "other program.")
                      .arg(port);
    else if (error == QAbstractSocket::SocketAccessError)
        message = QStringLiteral("Webhooks are not being received: Coffer is not allowed to listen on port %1. Choose "
                                 "a port from 1024 up in Settings.")
                      .arg(port);
    else
        message =
            QStringLiteral("Webhooks are not being received: listening on port %1 failed (%2).").arg(port).arg(detail);
    model::Error e = model::Error::permanent(message, detail);
    e.providerCode =
        error == QAbstractSocket::AddressInUseError ? QStringLiteral("PORT_IN_USE") : QStringLiteral("LISTEN_FAILED");
    return e;
}

void WebhookReceiver::close()
{
    if (!m_server.isListening())
        return;
    logger()->info("webhook receiver on 127.0.0.1:{} stopped", m_server.serverPort());
    m_server.close();
}

void WebhookReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        if (*m_open >= m_options.maxConnections) {
            logger()->warn("webhook receiver busy ({} connections); refused one", *m_open);
            socket->write(formatResponse({503, QByteArrayLiteral("busy; try again later\n")}));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
            continue;
        }
        ++*m_open;
        new Exchange(
            socket, m_options, m_routes, [open = m_open] { --*open; }, this);
    }
}

} // namespace coffer::webhooks
