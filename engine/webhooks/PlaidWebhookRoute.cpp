#include "webhooks/PlaidWebhookRoute.h"

#include "log/Log.h"
#include "schedule/Clock.h"
#include "secrets/CredentialStore.h"
#include "store/ConnectionRepository.h"
#include "webhooks/LoggableKid.h"
#include "webhooks/PlaidKeyFetch.h"

#include <QPointer>

namespace coffer::webhooks {

using model::Error;
using providers::plaid::PlaidClient;
using providers::plaid::PlaidCredentials;

namespace {

auto logger()
{
    return log::get("engine.webhook");
}

const QString kPlaidProvider = QStringLiteral("plaid");
const QString kItemIdOption = QStringLiteral("itemId");

Error cannotVerify(const QString& code, const QString& detail)
{
    Error e = Error::invalidData(QStringLiteral("The webhook could not be verified as coming from Plaid."), detail);
    e.providerCode = code;
    return e;
}

} // namespace

PlaidWebhookRoute::PlaidWebhookRoute(store::Database& db, secrets::CredentialStore& credentials,
                                     const schedule::Clock& clock, Deliver deliver, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_deliver(std::move(deliver))
    , m_keys(clock)
{
}

PlaidWebhookRoute::~PlaidWebhookRoute() = default;

void PlaidWebhookRoute::handle(const HttpRequest& request, const WebhookReceiver::Respond& respond)
{
    auto signature = PlaidSignature::read(request.header("plaid-verification"));
    if (!signature.ok())
        return reject(signature.error(), {}, request.body.size(), respond);
    const QString kid = signature->kid;
    // The body is read before it is verified only to learn whose API keys can fetch the key.
    const auto event = PlaidWebhookEvent::parse(request.body);
    if (!event.ok())
        return reject(event.error(), kid, request.body.size(), respond);
    const auto target = findTarget(event->itemId);
    if (!target)
        return reject(cannotVerify(rejection::kUnknownItem, QStringLiteral("no Plaid connection to verify with")), kid,
                      request.body.size(), respond);
    const auto base = PlaidClient::baseUrl(target->options);
    if (!base.ok())
        return reject(cannotVerify(rejection::kKeyUnavailable, base.error().detail), kid, request.body.size(), respond);
    // Before the keychain is read: a kid Plaid does not know, or a flood of new ones, costs nothing.
    const QString scope = base->toString();
    if (const auto refused = m_keys.refusal(scope, kid))
        return reject(*refused, kid, request.body.size(), respond);
    QPointer<PlaidWebhookRoute> self(this);
    m_credentials.read(target->connectionId, secrets::kConnectionSecret,
                       [self, scope, signature = signature.value(), event = event.value(), request, target = *target,
                        respond](model::Result<QString> secret) {
                           if (!self)
                               return;
                           const auto keys = secret.ok() ? PlaidCredentials::fromSecret(secret.value())
                                                         : model::Result<PlaidCredentials>(secret.error());
                           if (!keys.ok())
                               return self->reject(
                                   cannotVerify(rejection::kKeyUnavailable,
                                                QStringLiteral("connection %1's Plaid API keys are not readable: %2")
                                                    .arg(target.connectionId)
                                                    .arg(keys.error().providerCode)),
                                   signature.kid, request.body.size(), respond);
                           self->verifyWithKeys(scope, signature, event, request, target, keys.value(), respond);
                       });
}

void PlaidWebhookRoute::verifyWithKeys(const QString& scope, const PlaidSignature& signature,
                                       const PlaidWebhookEvent& event, const HttpRequest& request, const Target& target,
                                       const PlaidCredentials& keys, const WebhookReceiver::Respond& respond)
{
    QPointer<PlaidWebhookRoute> self(this);
    const PlaidKeyCache::Fetch fetch = [self, keys, options = target.options](const QString& kid, auto done) {
        if (self)
            fetchPlaidVerificationKey(self->m_client, keys, options, kid, std::move(done));
    };
    m_keys.get(
        scope, signature.kid, fetch,
        [self, signature, event, request, target, respond](model::Result<PlaidVerificationKey> key) {
            if (!self)
                return;
            const qsizetype size = request.body.size();
            if (!key.ok())
                return self->reject(key.error(), signature.kid, size, respond);
            const auto claims = verifyPlaidWebhook(signature, key.value(), request.body, self->m_clock.now());
            if (!claims.ok())
                return self->reject(claims.error(), signature.kid, size, respond);
            // What the signature covers, not the token's text: an ECDSA signature can be
            // re-encoded ((r, n-s) verifies too), so the same delivery has many tokens.
            const QDateTime forgetAt = QDateTime::fromSecsSinceEpoch(
                qint64(claims->value(u"iat").toDouble()) + kReplayKeptPastIatSeconds, Qt::UTC);
            if (!self->m_replays.firstSeen(sha256Hex(signature.jwt.signingInput), self->m_clock.now(), forgetAt)) {
                logger()->info("Plaid webhook {} {} for connection {} delivered again; already handled",
                               event.type.toStdString(), event.code.toStdString(), target.connectionId);
                return respond({200, QByteArrayLiteral("already received\n")});
            }
            if (!target.holdsItem) {
                logger()->info("verified Plaid webhook {} {} for an Item no connection holds; ignored",
                               event.type.toStdString(), event.code.toStdString());
                return respond({200, QByteArrayLiteral("no connection holds this item\n")});
            }
            logger()->info("verified Plaid webhook {} {} for connection {}", event.type.toStdString(),
                           event.code.toStdString(), target.connectionId);
            respond({200, QByteArrayLiteral("ok\n")});
            self->m_deliver(target.connectionId, event);
        });
}

std::optional<PlaidWebhookRoute::Target> PlaidWebhookRoute::findTarget(const QString& itemId) const
{
    const auto connections = store::ConnectionRepository(m_db).list();
    if (!connections.ok())
        return std::nullopt;
    std::optional<Target> lender;
    for (const model::Connection& c : connections.value()) {
        if (c.provider != kPlaidProvider)
            continue;
        if (c.options.value(kItemIdOption).toString() == itemId)
            return Target{c.id, c.options, true};
        if (!lender)
            lender = Target{c.id, c.options, false};
    }
    return lender;
}

void PlaidWebhookRoute::reject(const Error& error, const QString& kid, qsizetype bodyBytes,
                               const WebhookReceiver::Respond& respond) const
{
    const int status = rejectionStatus(error);
    logger()->warn("Plaid webhook rejected with HTTP {}: {} ({}); kid {}, body {} bytes", status,
                   error.providerCode.toStdString(), error.detail.toStdString(), loggableKid(kid), bodyBytes);
    respond({status, status == 503 ? QByteArrayLiteral("cannot verify now; try again later\n")
                                   : QByteArrayLiteral("rejected\n")});
}

} // namespace coffer::webhooks
