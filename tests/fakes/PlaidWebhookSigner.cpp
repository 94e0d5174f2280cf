#include "PlaidWebhookSigner.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <QtGlobal>

namespace coffer::test {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray part(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

std::shared_ptr<evp_pkey_st> generateP256()
{
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY* key = nullptr;
    const bool ok = context && EVP_PKEY_keygen_init(context) == 1 &&
                    EVP_PKEY_CTX_set_group_name(context, SN_X9_62_prime256v1) == 1 &&
                    EVP_PKEY_generate(context, &key) == 1;
    EVP_PKEY_CTX_free(context);
    if (!ok)
        qFatal("OpenSSL could not generate a P-256 key");
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

} // namespace

PlaidWebhookSigner::PlaidWebhookSigner(QString kid)
    : m_kid(std::move(kid))
    , m_key(generateP256())
{
}

QJsonObject PlaidWebhookSigner::jwk(std::optional<qint64> expiredAt) const
{
    unsigned char point[65] = {};
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &length) != 1 ||
        length != sizeof point)
        qFatal("OpenSSL did not give the public key as an uncompressed point");
    const QByteArray bytes(reinterpret_cast<const char*>(point), int(sizeof point));
    return QJsonObject{{QStringLiteral("alg"), QStringLiteral("ES256")},
                       {QStringLiteral("created_at"), 1560466150},
                       {QStringLiteral("crv"), QStringLiteral("P-256")},
                       {QStringLiteral("expired_at"), expiredAt ? QJsonValue(double(*expiredAt)) : QJsonValue()},
                       {QStringLiteral("kid"), m_kid},
                       {QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("use"), QStringLiteral("sig")},
                       {QStringLiteral("x"), QString::fromLatin1(bytes.mid(1, 32).toBase64(kBase64Url))},
                       {QStringLiteral("y"), QString::fromLatin1(bytes.mid(33, 32).toBase64(kBase64Url))}};
}

QJsonObject PlaidWebhookSigner::standardHeader() const
{
    return QJsonObject{{QStringLiteral("alg"), QStringLiteral("ES256")},
                       {QStringLiteral("kid"), m_kid},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
}

QJsonObject PlaidWebhookSigner::standardClaims(const QByteArray& body, const QDateTime& issuedAt)
{
    return QJsonObject{{QStringLiteral("iat"), double(issuedAt.toSecsSinceEpoch())},
                       {QStringLiteral("request_body_sha256"),
                        QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex())}};
}

QByteArray PlaidWebhookSigner::sign(const QByteArray& body, const QDateTime& issuedAt) const
{
    return signToken(standardHeader(), standardClaims(body, issuedAt));
}

QByteArray PlaidWebhookSigner::signToken(const QJsonObject& header, const QJsonObject& claims) const
{
    const QByteArray input = part(header) + '.' + part(claims);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    size_t derLength = 0;
    QByteArray der(128, '\0');
    derLength = size_t(der.size());
    const bool signedOk =
        context && EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
        EVP_DigestSign(context, reinterpret_cast<unsigned char*>(der.data()), &derLength,
                       reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) == 1;
    EVP_MD_CTX_free(context);
    if (!signedOk)
        qFatal("OpenSSL could not sign");
    // JOSE wants r || s, 32 bytes each, not OpenSSL's DER.
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, long(derLength));
    if (!sig)
        qFatal("OpenSSL's signature is not DER");
    QByteArray raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return input + '.' + raw.toBase64(kBase64Url);
}

QByteArray PlaidWebhookSigner::unsignedToken(const QJsonObject& header, const QJsonObject& claims,
                                             const QByteArray& signature)
{
    return part(header) + '.' + part(claims) + '.' + signature.toBase64(kBase64Url);
}

QByteArray PlaidWebhookSigner::withMirroredSignature(const QByteArray& token)
{
    const qsizetype dot = token.lastIndexOf('.');
    const QByteArray rs = QByteArray::fromBase64(token.mid(dot + 1), kBase64Url);
    Q_ASSERT(rs.size() == 64);
    const auto* bytes = reinterpret_cast<const unsigned char*>(rs.constData());
    EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    BIGNUM* s = BN_bin2bn(bytes + 32, 32, nullptr);
    BIGNUM* mirrored = BN_new();
    BN_sub(mirrored, EC_GROUP_get0_order(group), s);
    QByteArray out = rs.left(32) + QByteArray(32, '\0');
    BN_bn2binpad(mirrored, reinterpret_cast<unsigned char*>(out.data()) + 32, 32);
    BN_free(mirrored);
    BN_free(s);
    EC_GROUP_free(group);
    return token.left(dot + 1) + out.toBase64(kBase64Url);
}

} // namespace coffer::test
