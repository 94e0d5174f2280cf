#pragma once

#include "model/Result.h"
#include "webhooks/HttpRequestReader.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace coffer::webhooks {

// What a route answers. The body is plain text for people reading a tunnel's log; it never holds
// anything from the request.
struct HttpResponse {
    int status = 200;
    QByteArray body;
};

// A small HTTP/1.1 listener on 127.0.0.1 only, for provider webhooks the user forwards through a
// tunnel of their own. One request per connection, answered with "Connection: close". Reads are
// bounded (HttpLimits) and a client has readTimeoutMs to send its whole request; a route has
// answerTimeoutMs to answer before the client gets 503. At most maxConnections are served at
// once; more get 503 straight away.
//
// Thread affinity: the thread that created it (the engine thread); routes are called there.
class WebhookReceiver : public QObject {
    Q_OBJECT
public:
    struct Options {
        HttpLimits limits;
        int readTimeoutMs = 10'000;
        int answerTimeoutMs = 20'000;
        int maxConnections = 16;
    };
    using Respond = std::function<void(HttpResponse)>; // call once; later calls are ignored
    using Route = std::function<void(const HttpRequest&, Respond)>;

    explicit WebhookReceiver(QObject* parent = nullptr);
    WebhookReceiver(Options options, QObject* parent = nullptr);
    ~WebhookReceiver() override;

    // POST requests to `path` go to `route`; other paths get 404, other methods 405, and a request
    // with an Origin header (sent by a web page, never by Plaid) 403.
    void addPostRoute(const QByteArray& path, Route route);

    // Starts listening on 127.0.0.1:port (0: any free port). The error says, for the user, why not
    // (the port is taken, not allowed).
    model::Status listen(quint16 port);
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void onNewConnection();

    Options m_options;
    QTcpServer m_server;
    QHash<QByteArray, Route> m_routes;
    std::shared_ptr<int> m_open = std::make_shared<int>(0); // connections being served; outlives their ends
};

} // namespace coffer::webhooks
