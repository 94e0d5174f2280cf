#include "webhooks/CompactJwt.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace coffer::webhooks {

using model::Error;

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error malformed(const QString& what)
{
    Error e = Error::invalidData(QStringLiteral("The webhook's signature token is malformed: %1.").arg(what), what);
    e.providerCode = QStringLiteral("MALFORMED_JWT");
    return e;
}

model::Result<QJsonObject> decodeJsonPart(const QByteArray& part, const QString& name)
{
    const auto bytes = decodeBase64Url(part);
    if (!bytes.ok())
        return malformed(QStringLiteral("its %1 is not base64url").arg(name));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("its %1 is not a JSON object").arg(name));
    return document.object();
}

} // namespace

model::Result<QByteArray> decodeBase64Url(const QByteArray& text)
{
    for (char c : text) {
        const bool allowed =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed)
            return Error::invalidData(QStringLiteral("not base64url"));
    }
    if (text.size() % 4 == 1) // no whole byte ends there
        return Error::invalidData(QStringLiteral("not base64url"));
    auto decoded = QByteArray::fromBase64Encoding(text, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error::invalidData(QStringLiteral("not base64url"));
    return decoded.decoded;
}

QByteArray encodeBase64Url(const QByteArray& bytes)
{
    return bytes.toBase64(kBase64Url);
}

model::Result<CompactJwt> CompactJwt::decode(const QByteArray& token, int maxBytes)
{
    if (token.isEmpty())
        return malformed(QStringLiteral("it is empty"));
    if (token.size() > maxBytes)
        return malformed(QStringLiteral("it is longer than %1 bytes").arg(maxBytes));
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return malformed(QStringLiteral("it does not have three dot-separated parts"));
    auto header = decodeJsonPart(parts[0], QStringLiteral("header"));
    if (!header.ok())
        return header.error();
    auto claims = decodeJsonPart(parts[1], QStringLiteral("claims"));
    if (!claims.ok())
        return claims.error();
    auto signature = decodeBase64Url(parts[2]);
    if (!signature.ok())
        return malformed(QStringLiteral("its signature is not base64url"));
    CompactJwt jwt;
    jwt.header = std::move(header).value();
    jwt.claims = std::move(claims).value();
    jwt.signingInput = parts[0] + '.' + parts[1];
    jwt.signature = std::move(signature).value();
    return jwt;
}

} // namespace coffer::webhooks
