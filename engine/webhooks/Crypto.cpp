#include "webhooks/Crypto.h"

#include <QCryptographicHash>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace coffer::webhooks {

namespace {

constexpr int kCoordinateBytes = 32; // P-256

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using ParamBuild = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Signature = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

const unsigned char* bytesOf(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}

// r || s as the DER SEQUENCE OpenSSL verifies; empty when it is not 64 bytes.
QByteArray derSignature(const QByteArray& raw)
{
    if (raw.size() != 2 * kCoordinateBytes)
        return {};
    Signature sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytesOf(raw), kCoordinateBytes, nullptr);
    BIGNUM* s = BN_bin2bn(bytesOf(raw) + kCoordinateBytes, kCoordinateBytes, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

model::Error badKey(const char* what)
{
    model::Error e = model::Error::invalidData(
        QStringLiteral("The webhook verification key is not a P-256 public key."), QString::fromLatin1(what));
    e.providerCode = QStringLiteral("BAD_KEY");
    return e;
}

} // namespace

model::Result<Es256PublicKey> Es256PublicKey::fromCoordinates(const QByteArray& x, const QByteArray& y)
{
    if (x.size() != kCoordinateBytes || y.size() != kCoordinateBytes)
        return badKey("coordinates are not 32 bytes");
    const QByteArray point = '\x04' + x + y; // SEC 1 uncompressed point
    ParamBuild build(OSSL_PARAM_BLD_new());
    if (!build ||
        OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_X9_62_prime256v1, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1)
        return badKey("parameters not built");
    Params params(OSSL_PARAM_BLD_to_param(build.get()));
    KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !key)
        return badKey("not a point on P-256");
    Es256PublicKey out;
    out.m_key = std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
    KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return badKey("public key check failed");
    return out;
}

bool Es256PublicKey::verify(const QByteArray& signingInput, const QByteArray& signature) const
{
    const QByteArray der = derSignature(signature);
    if (der.isEmpty() || !m_key)
        return false;
    DigestContext context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(), bytesOf(der), size_t(der.size()), bytesOf(signingInput),
                            size_t(signingInput.size())) == 1;
}

QByteArray sha256Hex(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace coffer::webhooks
