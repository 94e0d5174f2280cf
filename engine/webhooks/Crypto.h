#pragma once

#include "model/Result.h"

#include <QByteArray>

#include <memory>

struct evp_pkey_st;

namespace coffer::webhooks {

// An ECDSA P-256 public key for verifying ES256 signatures (RFC 7518 section 3.4), through
// OpenSSL's libcrypto: signature verification is not something to write by hand.
class Es256PublicKey {
public:
    // From a JWK's x and y coordinates (32 big-endian bytes each). Fails unless they name a point
    // on the curve.
    static model::Result<Es256PublicKey> fromCoordinates(const QByteArray& x, const QByteArray& y);

    // True when `signature` (JOSE form: r || s, 32 bytes each) signs SHA-256(signingInput).
    bool verify(const QByteArray& signingInput, const QByteArray& signature) const;

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

// Lower-case hex SHA-256 of bytes.
QByteArray sha256Hex(const QByteArray& bytes);

// Equal contents, compared in time that does not depend on where they differ (lengths may leak).
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

} // namespace coffer::webhooks
