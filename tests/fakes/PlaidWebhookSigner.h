#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st;

namespace coffer::test {

// Signs webhooks the way Plaid does (plaid.com/docs/api/webhooks/webhook-verification): a fresh
// P-256 key per signer, named by kid; the Plaid-Verification header is a compact JWT with header
// {"alg":"ES256","kid":...,"typ":"JWT"} and claims {"iat":..., "request_body_sha256": hex}, signed
// ES256 (signature r || s). jwk() is what /webhook_verification_key/get answers for the key.
class PlaidWebhookSigner {
public:
    explicit PlaidWebhookSigner(QString kid = QStringLiteral("6c5516e1-92dc-479e-a8ff-5a51992e0001"));

    const QString& kid() const { return m_kid; }
    // The public key as Plaid's key endpoint returns it; expiredAt set once "retired".
    QJsonObject jwk(std::optional<qint64> expiredAt = std::nullopt) const;

    // The Plaid-Verification header value for body, issued at issuedAt.
    QByteArray sign(const QByteArray& body, const QDateTime& issuedAt) const;
    // Any header and claims, signed with this key (for tokens a forger would make).
    QByteArray signToken(const QJsonObject& header, const QJsonObject& claims) const;
    // header.claims with an arbitrary third part (alg none, HMAC, garbage).
    static QByteArray unsignedToken(const QJsonObject& header, const QJsonObject& claims, const QByteArray& signature);

    // The same token with its ECDSA signature (r, s) re-encoded as (r, n - s), n the P-256 group
    // order: a different token that verifies just as well (ECDSA signatures are malleable).
    static QByteArray withMirroredSignature(const QByteArray& token);

    QJsonObject standardHeader() const;
    static QJsonObject standardClaims(const QByteArray& body, const QDateTime& issuedAt);

private:
    QString m_kid;
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace coffer::test
