#pragma once

#include "PlaidFake.h"
#include "PlaidWebhookSigner.h"
#include "WebhookDelivery.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace coffer::test {

// Plaid's webhook side on a PlaidFake: /webhook_verification_key/get serving the public keys of
// the signers published here (400 INVALID_FIELD for a kid it does not know, as for a key id Plaid
// never issued), and webhook bodies as Plaid sends them. Deliveries go to Coffer's receiver over
// real loopback HTTP (WebhookDelivery.h).
class PlaidFakeWebhooks {
public:
    static inline const QString kKeyEndpoint = QStringLiteral("/webhook_verification_key/get");

    explicit PlaidFakeWebhooks(PlaidFake& fake);

    // Serves signer's key from now on; expiredAt marks it retired.
    void publish(const PlaidWebhookSigner& signer, std::optional<qint64> expiredAt = std::nullopt);
    int keyRequests() const { return m_fake.callsTo(kKeyEndpoint); }

    // Bodies, as Plaid's webhooks (keys in Plaid's order and spelling).
    QByteArray syncUpdatesAvailable(const QString& itemId) const;
    QByteArray itemError(const QString& itemId, const QString& errorCode, const QString& displayMessage) const;
    QByteArray pendingExpiration(const QString& itemId, const QDateTime& consentExpiresAt) const;

private:
    PlaidFake& m_fake;
    QHash<QString, QJsonObject> m_keys; // kid -> JWK
};

} // namespace coffer::test
