#pragma once

#include "model/Result.h"
#include "providers/plaid/PlaidClient.h"
#include "webhooks/PlaidKeyCache.h"
#include "webhooks/PlaidWebhookEvent.h"
#include "webhooks/ReplayGuard.h"
#include "webhooks/WebhookReceiver.h"

#include <QObject>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace coffer::schedule {
class Clock;
}
namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}

namespace coffer::webhooks {

// POST /plaid: verifies a Plaid webhook and hands it on. The body names an Item (item_id); the
// Plaid connection holding it (connection option "itemId") lends its API keys (keychain secret
// {"client_id","secret","access_token"}) to fetch the verification key from its Plaid environment.
// A webhook for an Item no connection holds is verified with another Plaid connection's keys,
// then acknowledged and dropped.
//
// Answers: 200 once verified (a replay of an already-delivered one too, without acting again: a
// replay is known by the SHA-256 of the JWT's signing input, which the signature covers, so a
// re-encoded signature (ECDSA's (r, n-s)) is the same delivery);
// 400 for a malformed request; 401 for anything that does not verify; 503 when the key could not
// be fetched, or too many new kids are being asked for (Plaid delivers again later). A kid Plaid
// recently said it does not know is refused before the keychain is read (PlaidKeyCache::refusal). Rejections are logged
// with their kind, the kid and the body's size, never the body.
//
// Thread affinity: the engine thread.
class PlaidWebhookRoute : public QObject {
    Q_OBJECT
public:
    // Called once per verified, first-seen webhook for an Item a connection holds.
    using Deliver = std::function<void(qint64 connectionId, const PlaidWebhookEvent& event)>;

    // A delivery is remembered until its token is too old to verify, with room for clock skew.
    static constexpr qint64 kReplayKeptPastIatSeconds = kPlaidMaxTokenAgeSeconds + kPlaidMaxClockAheadSeconds;

    PlaidWebhookRoute(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
                      Deliver deliver, QObject* parent = nullptr);
    ~PlaidWebhookRoute() override;

    void handle(const HttpRequest& request, const WebhookReceiver::Respond& respond);

private:
    struct Target {
        qint64 connectionId = 0;
        QVariantMap options;
        bool holdsItem = false; // false: another Plaid connection, lending its keys to verify
    };
    std::optional<Target> findTarget(const QString& itemId) const;
    void verifyWithKeys(const QString& scope, const PlaidSignature& signature, const PlaidWebhookEvent& event,
                        const HttpRequest& request, const Target& target,
                        const providers::plaid::PlaidCredentials& keys, const WebhookReceiver::Respond& respond);
    void reject(const model::Error& error, const QString& kid, qsizetype bodyBytes,
                const WebhookReceiver::Respond& respond) const;

    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    const schedule::Clock& m_clock;
    Deliver m_deliver;
    providers::plaid::PlaidClient m_client;
    PlaidKeyCache m_keys;
    ReplayGuard m_replays;
};

} // namespace coffer::webhooks
