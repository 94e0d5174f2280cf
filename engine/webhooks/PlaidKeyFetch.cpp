#include "webhooks/PlaidKeyFetch.h"

namespace coffer::webhooks {

namespace {
const QString kKeyEndpoint = QStringLiteral("/webhook_verification_key/get");
const QString kTimeoutOption = QStringLiteral("timeoutMs");
} // namespace

void fetchPlaidVerificationKey(providers::plaid::PlaidClient& client, const providers::plaid::PlaidCredentials& keys,
                               QVariantMap options, const QString& kid,
                               std::function<void(model::Result<QJsonObject>)> done)
{
    const int configured = options.value(kTimeoutOption, kKeyFetchTimeoutMs).toInt();
    options.insert(kTimeoutOption, configured > 0 ? std::min(configured, kKeyFetchTimeoutMs) : kKeyFetchTimeoutMs);
    client.post(kKeyEndpoint, QJsonObject{{QStringLiteral("key_id"), kid}}, keys, options,
                [done = std::move(done)](model::Result<QJsonObject> answer) {
                    if (!answer.ok())
                        return done(answer.error());
                    done(answer->value(u"key").toObject());
                });
}

} // namespace coffer::webhooks
