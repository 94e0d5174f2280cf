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
#include <optional>

namespace coffer::schedule {
class Clock;
}

namespace coffer::webhooks {

// Plaid's webhook verification keys by Plaid environment (its base URL) and kid, as Plaid advises:
// fetch a key the first time its kid is seen, then keep it. A kept key is asked for again after a
// day, or after Plaid has served a new kid (it is rotating keys; at most once a minute), so a
// retirement (expired_at) is learnt; if that refresh fails, the kept key still serves.
// Asks for the same key while one is on its way share that one request.
// The kid comes from an unverified sender, so asking is bounded: a kid Plaid said it does not know
// is remembered as unknown for kUnknownForSeconds, and at most one kid not yet kept is asked for
// per environment per kNewKidIntervalSeconds (others are refused as unavailable for now: Plaid
// delivers again later). A fetch that failed otherwise is asked again after that interval.
//
// Thread affinity: one thread (the engine thread); callbacks arrive on it.
class PlaidKeyCache {
public:
    // Asks Plaid (/webhook_verification_key/get) for the key named kid: done gets the answer's
    // "key" object, or the error.
    using Fetch = std::function<void(const QString& kid, std::function<void(model::Result<QJsonObject>)> done)>;
    using KeyDone = std::function<void(model::Result<PlaidVerificationKey>)>;

    static constexpr qint64 kRefreshAfterSeconds = 24 * 3600;
    static constexpr qint64 kUnknownForSeconds = 10 * 60;
    static constexpr qint64 kNewKidIntervalSeconds = 60;
    static constexpr int kMaxUnknownKids = 1024;

    explicit PlaidKeyCache(const schedule::Clock& clock);
    ~PlaidKeyCache();

    // The key for kid in environment scope. Errors carry rejection::kUnknownKey (Plaid does not
    // know the kid, or answered with something that is not such a key) or rejection::kKeyUnavailable
    // (Plaid could not be asked: network, 5xx, refused API keys).
    void get(const QString& scope, const QString& kid, const Fetch& fetch, KeyDone done);

    // Why get() would answer without asking Plaid and without a key (the kid is known to be
    // unknown, or too many new kids are being asked for), or nothing. Lets a caller refuse before
    // doing the work a fetch needs (reading the API keys).
    std::optional<model::Error> refusal(const QString& scope, const QString& kid) const;

private:
    struct Entry {
        PlaidVerificationKey key;
        QDateTime fetchedAt;
    };
    struct State {
        QHash<QString, Entry> keys;             // scope + '\n' + kid
        QHash<QString, QList<KeyDone>> waiting; // fetches on their way
        QHash<QString, qint64> unknownUntilMs;  // slot -> until when Plaid's "no such key" stands
        QHash<QString, qint64> newKidAskedMs;   // scope -> when a kid not kept was last asked for
        QHash<QString, qint64> refreshedAllMs;  // scope -> when the kept keys were last made stale
    };
    static QString slotOf(const QString& scope, const QString& kid) { return scope + u'\n' + kid; }
    static void rememberUnknown(State& state, const QString& slot, qint64 nowMs);
    static void markKeptStale(State& state, const QString& scope, const QString& exceptSlot, qint64 nowMs);
    static void settle(State& state, const QString& slot, const model::Result<PlaidVerificationKey>& outcome);

    const schedule::Clock& m_clock;
    std::shared_ptr<State> m_state; // fetch callbacks hold it weakly: they may outlive the cache
};

} // namespace coffer::webhooks
