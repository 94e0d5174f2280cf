#include "webhooks/PlaidWebhookVerifier.h"

#include <QJsonValue>

#include <cmath>

namespace coffer::webhooks {

using model::Error;

namespace {

Error rejected(const QString& code, const QString& detail)
{
    Error e = Error::invalidData(QStringLiteral("The webhook could not be verified as coming from Plaid."), detail);
    e.providerCode = code;
    return e;
}

std::optional<qint64> wholeSeconds(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > 1e15)
        return std::nullopt;
    return qint64(d);
}

} // namespace

model::Result<PlaidVerificationKey> PlaidVerificationKey::fromJwk(const QJsonObject& jwk, const QString& kid)
{
    if (jwk.value(u"kty").toString() != u"EC" || jwk.value(u"crv").toString() != u"P-256")
        return rejected(rejection::kBadKey, QStringLiteral("the key is not an EC P-256 key"));
    if (jwk.contains(u"alg") && jwk.value(u"alg").toString() != u"ES256")
        return rejected(rejection::kBadKey, QStringLiteral("the key is not for ES256"));
    if (jwk.contains(u"use") && jwk.value(u"use").toString() != u"sig")
        return rejected(rejection::kBadKey, QStringLiteral("the key is not a signing key"));
    if (jwk.value(u"kid").toString() != kid)
        return rejected(rejection::kBadKey, QStringLiteral("the key returned is not the key asked for"));
    const auto x = decodeBase64Url(jwk.value(u"x").toString().toLatin1());
    const auto y = decodeBase64Url(jwk.value(u"y").toString().toLatin1());
    if (!x.ok() || !y.ok())
        return rejected(rejection::kBadKey, QStringLiteral("the key's coordinates are not base64url"));
    auto publicKey = Es256PublicKey::fromCoordinates(x.value(), y.value());
    if (!publicKey.ok())
        return rejected(rejection::kBadKey, publicKey.error().detail);
    PlaidVerificationKey key;
    key.kid = kid;
    key.publicKey = std::move(publicKey).value();
    key.createdAt = wholeSeconds(jwk.value(u"created_at"));
    const QJsonValue expired = jwk.value(u"expired_at");
    if (!expired.isNull() && !expired.isUndefined()) {
        key.expiredAt = wholeSeconds(expired);
        if (!key.expiredAt)
            return rejected(rejection::kBadKey, QStringLiteral("the key's expired_at is not a time"));
    }
    return key;
}

model::Result<PlaidSignature> PlaidSignature::read(const QByteArray& headerValue)
{
    if (headerValue.isEmpty())
        return rejected(rejection::kMissingSignature, QStringLiteral("no Plaid-Verification header"));
    auto jwt = CompactJwt::decode(headerValue);
    if (!jwt.ok())
        return rejected(rejection::kMalformedJwt, jwt.error().detail);
    // Only the algorithm Plaid signs with: never "none", never an HMAC keyed with a public key.
    if (jwt->header.value(u"alg").toString() != u"ES256")
        return rejected(rejection::kBadAlgorithm, QStringLiteral("the token's alg is not ES256"));
    const QString kid = jwt->header.value(u"kid").toString();
    if (kid.isEmpty() || kid.size() > 256)
        return rejected(rejection::kMissingKid, QStringLiteral("the token names no key (kid)"));
    return PlaidSignature{std::move(jwt).value(), kid};
}

model::Result<QJsonObject> verifyPlaidWebhook(const PlaidSignature& signature, const PlaidVerificationKey& key,
                                              const QByteArray& body, const QDateTime& now)
{
    if (key.kid != signature.kid)
        return rejected(rejection::kBadKey, QStringLiteral("the key is not the one the token names"));
    if (!key.publicKey.verify(signature.jwt.signingInput, signature.jwt.signature))
        return rejected(rejection::kBadSignature, QStringLiteral("the signature does not verify"));
    // Plaid: a key whose expired_at is set must not be used, whenever the token says it was issued.
    if (key.expiredAt)
        return rejected(rejection::kKeyExpired, QStringLiteral("the key has been retired"));
    const QJsonObject& claims = signature.jwt.claims;
    const auto issuedAt = wholeSeconds(claims.value(u"iat"));
    if (!issuedAt)
        return rejected(rejection::kMalformedJwt, QStringLiteral("the token has no iat"));
    const qint64 age = now.toSecsSinceEpoch() - *issuedAt;
    if (age > kPlaidMaxTokenAgeSeconds)
        return rejected(rejection::kStale, QStringLiteral("the token was issued %1 s ago").arg(age));
    if (-age > kPlaidMaxClockAheadSeconds)
        return rejected(rejection::kFromFuture, QStringLiteral("the token was issued %1 s in the future").arg(-age));
    const QByteArray claimed = claims.value(u"request_body_sha256").toString().toLatin1().toLower();
    if (!constantTimeEquals(sha256Hex(body), claimed))
        return rejected(rejection::kBodyMismatch, QStringLiteral("the body is not the one that was signed"));
    return claims;
}

int rejectionStatus(const Error& error)
{
    const QString& code = error.providerCode;
    if (code == rejection::kMissingSignature || code == rejection::kMalformedJwt || code == rejection::kMalformedBody)
        return 400;
    if (code == rejection::kKeyUnavailable)
        return 503;
    return 401;
}

} // namespace coffer::webhooks
