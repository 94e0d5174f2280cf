#pragma once

#include "model/Result.h"
#include "webhooks/PlaidWebhookVerifier.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace coffer::schedule {
class Clock;
}

namespace coffer::webhooks {

// Plaid's webhook verification keys by Plaid environment (its base URL) and kid, as Plaid advises:
// fetch a key the first time its kid is seen, then keep it. A kept key is asked for again after a
// day, or after a new kid has appeared (Plaid is rotating keys), so a retirement (expired_at) is
// learnt; if that refresh fails, the kept key still serves.
// Asks for the same key while one is on its way share that one request. A failed fetch is not
// remembered: the next delivery asks again.
//
// Thread affinity: one thread (the engine thread); callbacks arrive on it.
class PlaidKeyCache {
public:
    // Asks Plaid (/webhook_verification_key/get) for the key named kid: done gets the answer's
    // "key" object, or the error.
    using Fetch = std::function<void(const QString& kid, std::function<void(model::Result<QJsonObject>)> done)>;
    using KeyDone = std::function<void(model::Result<PlaidVerificationKey>)>;

    static constexpr qint64 kRefreshAfterSeconds = 24 * 3600;

    explicit PlaidKeyCache(const schedule::Clock& clock);
    ~PlaidKeyCache();

    // The key for kid in environment scope. Errors carry rejection::kUnknownKey (Plaid does not
    // know the kid, or answered with something that is not such a key) or rejection::kKeyUnavailable
    // (Plaid could not be asked: network, 5xx, refused API keys).
    void get(const QString& scope, const QString& kid, const Fetch& fetch, KeyDone done);

private:
    struct Entry {
        PlaidVerificationKey key;
        QDateTime fetchedAt;
    };
    struct State {
        QHash<QString, Entry> keys;             // scope + '\n' + kid
        QHash<QString, QList<KeyDone>> waiting; // fetches on their way
    };
    static void settle(State& state, const QString& slot, const model::Result<PlaidVerificationKey>& outcome);

    const schedule::Clock& m_clock;
    std::shared_ptr<State> m_state; // fetch callbacks hold it weakly: they may outlive the cache
};

} // namespace coffer::webhooks
