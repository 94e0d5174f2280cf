#include "webhooks/PlaidKeyCache.h"

#include "log/Log.h"
#include "schedule/Clock.h"
#include "webhooks/LoggableKid.h"

namespace coffer::webhooks {

using model::Error;

namespace {

auto logger()
{
    return log::get("engine.webhook");
}

// Why a key could not be had, as a rejection the receiver answers for.
Error keyFailure(const Error& fetchError)
{
    const bool tryLater =
        fetchError.kind == model::ErrorKind::Retryable || fetchError.kind == model::ErrorKind::NeedsUser;
    Error e = Error::invalidData(
        QStringLiteral("The webhook could not be verified as coming from Plaid."),
        QStringLiteral("key not fetched: %1 (%2)").arg(model::errorKindName(fetchError.kind), fetchError.providerCode));
    e.providerCode = tryLater ? rejection::kKeyUnavailable : rejection::kUnknownKey;
    return e;
}

} // namespace

PlaidKeyCache::PlaidKeyCache(const schedule::Clock& clock)
    : m_clock(clock)
    , m_state(std::make_shared<State>())
{
}

PlaidKeyCache::~PlaidKeyCache() = default;

std::optional<Error> PlaidKeyCache::refusal(const QString& scope, const QString& kid) const
{
    const QString slot = slotOf(scope, kid);
    if (m_state->keys.contains(slot) || m_state->waiting.contains(slot))
        return std::nullopt;
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    if (m_state->unknownUntilMs.value(slot, 0) > nowMs) {
        Error e = Error::invalidData(QStringLiteral("The webhook could not be verified as coming from Plaid."),
                                     QStringLiteral("Plaid recently said it has no such key"));
        e.providerCode = rejection::kUnknownKey;
        return e;
    }
    if (const auto asked = m_state->newKidAskedMs.constFind(scope);
        asked != m_state->newKidAskedMs.cend() && nowMs - *asked < kNewKidIntervalSeconds * 1000) {
        Error e = Error::invalidData(QStringLiteral("The webhook could not be verified as coming from Plaid."),
                                     QStringLiteral("another new key was asked for less than a minute ago"));
        e.providerCode = rejection::kKeyUnavailable;
        return e;
    }
    return std::nullopt;
}

void PlaidKeyCache::get(const QString& scope, const QString& kid, const Fetch& fetch, KeyDone done)
{
    const QString slot = slotOf(scope, kid);
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const auto kept = m_state->keys.constFind(slot);
    const bool wasKept = kept != m_state->keys.cend();
    if (wasKept && kept->fetchedAt.isValid() && kept->fetchedAt.secsTo(now) < kRefreshAfterSeconds)
        return done(kept->key);
    if (const auto on = m_state->waiting.find(slot); on != m_state->waiting.end())
        return on->append(std::move(done)); // already on its way
    if (const auto refused = refusal(scope, kid))
        return done(*refused);
    if (!wasKept)
        m_state->newKidAskedMs.insert(scope, nowMs);
    m_state->waiting[slot].append(std::move(done));
    logger()->info("fetching Plaid webhook verification key {}", loggableKid(kid));
    std::weak_ptr<State> weak = m_state;
    fetch(kid, [weak, scope, slot, kid, now, nowMs, wasKept](model::Result<QJsonObject> answer) {
        const auto state = weak.lock();
        if (!state)
            return;
        if (answer.ok()) {
            auto key = PlaidVerificationKey::fromJwk(answer.value(), kid);
            if (key.ok()) {
                if (!wasKept) // a kid Plaid serves and we did not keep: Plaid is rotating keys
                    markKeptStale(*state, scope, slot, nowMs);
                state->keys.insert(slot, Entry{key.value(), now});
            } else {
                logger()->warn("Plaid's answer for key {} is not a usable key: {}", loggableKid(kid),
                               key.error().detail.toStdString());
                if (!wasKept)
                    rememberUnknown(*state, slot, nowMs);
            }
            return settle(*state, slot, key);
        }
        logger()->warn("Plaid webhook verification key {} could not be fetched: {} ({})", loggableKid(kid),
                       model::errorKindName(answer.error().kind).toStdString(),
                       answer.error().providerCode.toStdString());
        if (const auto held = state->keys.constFind(slot); held != state->keys.cend())
            return settle(*state, slot, held->key); // a refresh failed; the kept key still serves
        const Error failure = keyFailure(answer.error());
        if (failure.providerCode == rejection::kUnknownKey)
            rememberUnknown(*state, slot, nowMs);
        settle(*state, slot, failure);
    });
}

void PlaidKeyCache::rememberUnknown(State& state, const QString& slot, qint64 nowMs)
{
    if (state.unknownUntilMs.size() >= kMaxUnknownKids)
        state.unknownUntilMs.removeIf([nowMs](const auto& entry) { return entry.value() <= nowMs; });
    if (state.unknownUntilMs.size() >= kMaxUnknownKids)
        state.unknownUntilMs.erase(state.unknownUntilMs.begin());
    state.unknownUntilMs.insert(slot, nowMs + kUnknownForSeconds * 1000);
}

void PlaidKeyCache::markKeptStale(State& state, const QString& scope, const QString& exceptSlot, qint64 nowMs)
{
    if (const auto last = state.refreshedAllMs.constFind(scope);
        last != state.refreshedAllMs.cend() && nowMs - *last < kNewKidIntervalSeconds * 1000)
        return;
    state.refreshedAllMs.insert(scope, nowMs);
    const QString sameScope = scope + u'\n';
    for (auto it = state.keys.begin(); it != state.keys.end(); ++it) {
        if (it.key() != exceptSlot && it.key().startsWith(sameScope) && !it->key.expiredAt)
            it->fetchedAt = {};
    }
}

void PlaidKeyCache::settle(State& state, const QString& slot, const model::Result<PlaidVerificationKey>& outcome)
{
    const QList<KeyDone> waiting = state.waiting.take(slot);
    for (const KeyDone& done : waiting)
        done(outcome);
}

} // namespace coffer::webhooks
