#pragma once

#include "model/Result.h"
#include "providers/http/InFlightReplies.h"
#include "providers/plaid/PlaidCredentials.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QVariantMap>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace coffer::providers::plaid {

// How Plaid is named in messages to the user.
inline const QString kProviderName = QStringLiteral("Plaid");
// The API version Coffer speaks (and the spec in shared/specs/ describes).
inline const QByteArray kPlaidVersion = QByteArrayLiteral("2020-09-14");

// Plaid's API over HTTPS: every call is a POST of a JSON object to <base>/<endpoint> with the
// PLAID-CLIENT-ID, PLAID-SECRET and Plaid-Version headers, answered with a JSON object or Plaid's
// error object (mapped by errorFromObject()). Answers are bounded (http::kDefaultMaxBodyBytes),
// must be application/json, and are never logged; failures are logged with the endpoint, error
// kind and Plaid's codes only.
//
// Options (a connection's, not secret): "environment" = "sandbox" (default) | "production";
// "baseUrl" overrides it (https, or plain http to loopback only); "timeoutMs" the transfer timeout
// (default 30 s).
//
// Thread affinity: the thread that uses it (the engine thread for the connector). The network
// access manager is created on first use. done is called exactly once, later, on that thread,
// unless cancel() or the destructor comes first.
class PlaidClient {
public:
    PlaidClient();
    ~PlaidClient();
    PlaidClient(const PlaidClient&) = delete;
    PlaidClient& operator=(const PlaidClient&) = delete;

    // Where calls go for these options: https://sandbox.plaid.com, https://production.plaid.com,
    // or the baseUrl override. A Permanent error for an unknown environment or a refused URL.
    static model::Result<QUrl> baseUrl(const QVariantMap& options);

    // POSTs body to <base>/<endpoint> ("/transactions/sync" or "transactions/sync") as the user's
    // Plaid app (client id and secret in headers). The access token is not added: endpoints that
    // need one take it in body ("access_token"), as Plaid documents.
    void post(const QString& endpoint, const QJsonObject& body, const PlaidCredentials& credentials,
              const QVariantMap& options, std::function<void(model::Result<QJsonObject>)> done);

    // Drops every call in flight: their done callbacks are never called.
    void cancel();
    // Reports an error found before any call as a call's answer would come: later, and not after
    // cancel() or the client's end.
    template <typename T> void failLater(std::function<void(model::Result<T>)> done, model::Error error) const
    {
        http::failLater(m_inFlight.context(), std::move(done), std::move(error));
    }

private:
    QNetworkAccessManager& network();

    std::unique_ptr<QNetworkAccessManager> m_network;
    http::InFlightReplies m_inFlight;
};

// The answer of a finished Plaid reply: the JSON object of a complete 2xx application/json
// answer, or the error (Plaid's error object when the body holds one, else the HTTP meaning).
// Public so the fake-backed tests and other Plaid calls read answers one way.
model::Result<QJsonObject> readAnswer(QNetworkReply& reply, const QString& endpoint);

} // namespace coffer::providers::plaid
