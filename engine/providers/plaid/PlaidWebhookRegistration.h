#pragma once

#include "providers/plaid/PlaidClient.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}

namespace coffer::providers::plaid {

// Tells Plaid where to send each item's webhooks: the user's public tunnel address
// (webhook_public_url) while the receiver is on (webhook_enabled), else nowhere. New items get it
// through /link/token/create (webhookUrl()); existing ones through /item/webhook/update (refresh():
// when the settings change, and when a long-running engine starts, which catches a change made by
// a one-shot `cofferctl settings set` and retries a failed update), with each connection's access
// token from the keychain. What Plaid was last told is kept in the connection's kOption option.
// Failures go to `failed` in words for the user, naming the connection and never a secret; they
// change no connection's state. Thread affinity: the engine thread.
class PlaidWebhookRegistration {
public:
    PlaidWebhookRegistration(store::Database& db, secrets::CredentialStore& credentials,
                             std::function<void(const QString&)> failed);
    ~PlaidWebhookRegistration();
    PlaidWebhookRegistration(const PlaidWebhookRegistration&) = delete;
    PlaidWebhookRegistration& operator=(const PlaidWebhookRegistration&) = delete;

    // The address Plaid should post this installation's webhooks to; empty: none.
    static QString webhookUrl(store::Database& db);

    // The /item/webhook/update request for an item: url, or null (no webhooks) when empty.
    static inline const QString kUpdateEndpoint = QStringLiteral("/item/webhook/update");
    static QJsonObject updateRequest(const QString& accessToken, const QString& url);

    // A Plaid connection's option: the webhook address Plaid was last told for its item.
    static inline const QString kOption = QStringLiteral("webhook");

    // Tells Plaid the current webhookUrl() for every item whose kOption differs. An item with an
    // update on its way gets the newest address once that one is answered.
    void refresh();

private:
    void update(qint64 connectionId, const QString& name, const QVariantMap& options);

    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    std::function<void(const QString&)> m_failed;
    PlaidClient m_client;
    QString m_url;                // the newest address
    QSet<qint64> m_pending;       // connections with an update on its way
    std::shared_ptr<int> m_alive; // keychain answers arriving after destruction are dropped
};

} // namespace coffer::providers::plaid
