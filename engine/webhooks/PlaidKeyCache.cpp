#include "webhooks/PlaidKeyCache.h"

#include "log/Log.h"
#include "schedule/Clock.h"

namespace coffer::webhooks {

using model::Error;

namespace {

auto logger()
{
    return log::get("engine.webhook");
}

// Why a key could not be had, as a rejection the receiver answers for.
Error keyFailure(const Error& fetchError, const QString& kid)
{
    const bool tryLater =
        fetchError.kind == model::ErrorKind::Retryable || fetchError.kind == model::ErrorKind::NeedsUser;
    Error e = Error::invalidData(QStringLiteral("The webhook could not be verified as coming from Plaid."),
                                 QStringLiteral("key %1 not fetched: %2 (%3)")
                                     .arg(kid, model::errorKindName(fetchError.kind), fetchError.providerCode));
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

void PlaidKeyCache::get(const QString& scope, const QString& kid, const Fetch& fetch, KeyDone done)
{
    const QString slot = scope + u'\n' + kid;
    const QDateTime now = m_clock.now();
    if (const auto kept = m_state->keys.constFind(slot);
        kept != m_state->keys.cend() && kept->fetchedAt.isValid() && kept->fetchedAt.secsTo(now) < kRefreshAfterSeconds)
        return done(kept->key);
    if (!m_state->keys.contains(slot)) {
        // A new kid means Plaid is rotating keys: the kept ones are asked again when next used, so
        // a retired one (expired_at) is known as such, as Plaid's own example does.
        const QString sameScope = scope + u'\n';
        for (auto it = m_state->keys.begin(); it != m_state->keys.end(); ++it) {
            if (it.key().startsWith(sameScope) && !it->key.expiredAt)
                it->fetchedAt = {};
        }
    }
    auto& waiting = m_state->waiting[slot];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // already on its way
    logger()->info("fetching Plaid webhook verification key {}", kid.toStdString());
    std::weak_ptr<State> weak = m_state;
    fetch(kid, [weak, slot, kid, now](model::Result<QJsonObject> answer) {
        const auto state = weak.lock();
        if (!state)
            return;
        if (answer.ok()) {
            auto key = PlaidVerificationKey::fromJwk(answer.value(), kid);
            if (key.ok())
                state->keys.insert(slot, Entry{key.value(), now});
            else
                logger()->warn("Plaid's answer for key {} is not a usable key: {}", kid.toStdString(),
                               key.error().detail.toStdString());
            return settle(*state, slot, key);
        }
        logger()->warn("Plaid webhook verification key {} could not be fetched: {} ({})", kid.toStdString(),
                       model::errorKindName(answer.error().kind).toStdString(),
                       answer.error().providerCode.toStdString());
        if (const auto kept = state->keys.constFind(slot); kept != state->keys.cend())
            return settle(*state, slot, kept->key); // a refresh failed; the kept key still serves
        settle(*state, slot, keyFailure(answer.error(), kid));
    });
}

void PlaidKeyCache::settle(State& state, const QString& slot, const model::Result<PlaidVerificationKey>& outcome)
{
    const QList<KeyDone> waiting = state.waiting.take(slot);
    for (const KeyDone& done : waiting)
        done(outcome);
}

} // namespace coffer::webhooks
