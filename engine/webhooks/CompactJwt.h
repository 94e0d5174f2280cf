#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace coffer::webhooks {

// A JSON Web Token in compact form (RFC 7519): base64url(header).base64url(claims).base64url(signature),
// decoded but NOT verified. The header is read first to learn which algorithm and key to verify with.
struct CompactJwt {
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // "header.claims" exactly as received: what the signature covers
    QByteArray signature;    // decoded bytes

    // Decodes a token of at most maxBytes. InvalidData errors name the part that is wrong; the
    // token itself is never put into an error.
    static model::Result<CompactJwt> decode(const QByteArray& token, int maxBytes = 8 * 1024);
};

// base64url without padding (RFC 7515 section 2), strict: any other character is an error.
model::Result<QByteArray> decodeBase64Url(const QByteArray& text);
QByteArray encodeBase64Url(const QByteArray& bytes);

} // namespace coffer::webhooks
