#pragma once

#include "model/Result.h"
#include "providers/plaid/PlaidClient.h"

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <functional>

namespace coffer::webhooks {

// The longest a key fetch may take: Plaid counts a delivery unanswered after 10 s.
inline constexpr int kKeyFetchTimeoutMs = 7'000;

// Asks Plaid for the webhook verification key named kid: POST /webhook_verification_key/get with
// {"key_id": kid}, the app's client id and secret in the headers as PlaidClient sends them, to the
// environment the connection options name, within kKeyFetchTimeoutMs (or the options' shorter
// timeoutMs). done gets the answer's "key" object, or the error.
void fetchPlaidVerificationKey(providers::plaid::PlaidClient& client, const providers::plaid::PlaidCredentials& keys,
                               QVariantMap options, const QString& kid,
                               std::function<void(model::Result<QJsonObject>)> done);

} // namespace coffer::webhooks
