#pragma once

#include "model/Result.h"
#include "webhooks/CompactJwt.h"
#include "webhooks/Crypto.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace coffer::webhooks {

// Plaid's webhook verification, step by step as Plaid documents it
// (plaid.com/docs/api/webhooks/webhook-verification): the Plaid-Verification header is a JWT whose
// header must say alg ES256 and name a key (kid); the key is a JWK from
// /webhook_verification_key/get and must not be retired (expired_at set); the signature must
// verify with it; iat must be at most five minutes old (and at most a minute ahead of our clock); the claim
// request_body_sha256 must equal the SHA-256 of the raw body (compared in constant time). Every failure is an Error
// whose providerCode names the kind (for the log and the HTTP status); nothing from the token or the body goes into it.

// A verification key as /webhook_verification_key/get returns it ("key").
struct PlaidVerificationKey {
    QString kid;
    Es256PublicKey publicKey;
    std::optional<qint64> createdAt; // Unix seconds
    std::optional<qint64> expiredAt; // set once Plaid has retired the key

    // Checks it is an EC P-256 signing key for ES256 named `kid`.
    static model::Result<PlaidVerificationKey> fromJwk(const QJsonObject& jwk, const QString& kid);
};

// The Plaid-Verification header, decoded and checked before any key is fetched.
struct PlaidSignature {
    CompactJwt jwt;
    QString kid;

    static model::Result<PlaidSignature> read(const QByteArray& headerValue);
};

inline constexpr qint64 kPlaidMaxTokenAgeSeconds = 5 * 60;
inline constexpr qint64 kPlaidMaxClockAheadSeconds = 60; // clock skew tolerated for iat

// The token's claims when the webhook is genuine: signed by `key` (not retired), issued within the
// last five minutes (and not more than a minute ahead of our clock), for exactly this body.
model::Result<QJsonObject> verifyPlaidWebhook(const PlaidSignature& signature, const PlaidVerificationKey& key,
                                              const QByteArray& body, const QDateTime& now);

// The provider codes verification errors carry.
namespace rejection {
inline const QString kMissingSignature = QStringLiteral("MISSING_SIGNATURE");
inline const QString kMalformedJwt = QStringLiteral("MALFORMED_JWT");
inline const QString kBadAlgorithm = QStringLiteral("BAD_ALGORITHM");
inline const QString kMissingKid = QStringLiteral("MISSING_KID");
inline const QString kBadKey = QStringLiteral("BAD_KEY");
inline const QString kUnknownKey = QStringLiteral("UNKNOWN_KEY");
inline const QString kKeyUnavailable = QStringLiteral("KEY_UNAVAILABLE");
inline const QString kUnknownItem = QStringLiteral("UNKNOWN_ITEM");
inline const QString kKeyExpired = QStringLiteral("KEY_EXPIRED");
inline const QString kBadSignature = QStringLiteral("BAD_SIGNATURE");
inline const QString kStale = QStringLiteral("STALE_IAT");
inline const QString kFromFuture = QStringLiteral("FUTURE_IAT");
inline const QString kBodyMismatch = QStringLiteral("BODY_MISMATCH");
inline const QString kMalformedBody = QStringLiteral("MALFORMED_BODY");
} // namespace rejection

// What to answer the sender for a rejection: 400 when the request is malformed, 503 when the key
// could not be fetched (Plaid retries), 401 otherwise.
int rejectionStatus(const model::Error& error);

} // namespace coffer::webhooks
