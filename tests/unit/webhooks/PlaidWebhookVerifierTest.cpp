// Plaid webhook verification as Plaid documents it, against tokens made with OpenSSL-generated keys.

#include "webhooks/PlaidWebhookVerifier.h"

#include "../../fakes/PlaidWebhookSigner.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <gtest/gtest.h>

namespace coffer::webhooks {
namespace {

using test::PlaidWebhookSigner;

const QByteArray kBody = R"({"environment":"sandbox","item_id":"item-1","webhook_code":"SYNC_UPDATES_AVAILABLE",)"
                         R"("webhook_type":"TRANSACTIONS","initial_update_complete":true})";

class PlaidWebhookVerifierTest : public ::testing::Test {
protected:
    PlaidVerificationKey keyOf(const PlaidWebhookSigner& s, std::optional<qint64> expiredAt = std::nullopt)
    {
        auto key = PlaidVerificationKey::fromJwk(s.jwk(expiredAt), s.kid());
        EXPECT_TRUE(key.ok()) << key.error().detail.toStdString();
        return key.value();
    }

    // The verdict on a Plaid-Verification header for body, with the signer's published key.
    model::Result<QJsonObject> verify(const QByteArray& token, const QByteArray& body,
                                      std::optional<qint64> expiredAt = std::nullopt)
    {
        const auto signature = PlaidSignature::read(token);
        if (!signature.ok())
            return signature.error();
        return verifyPlaidWebhook(signature.value(), keyOf(signer, expiredAt), body, now);
    }

    static QString codeOf(const model::Result<QJsonObject>& r) { return r.ok() ? QString() : r.error().providerCode; }

    PlaidWebhookSigner signer;
    QDateTime now = test::fixedNow();
};

TEST_F(PlaidWebhookVerifierTest, AGenuineWebhookVerifiesAndYieldsItsClaims)
{
    const auto verdict = verify(signer.sign(kBody, now.addSecs(-30)), kBody);
    ASSERT_TRUE(verdict.ok()) << verdict.error().detail.toStdString();
    EXPECT_EQ(verdict->value(u"iat").toInteger(), now.addSecs(-30).toSecsSinceEpoch());
}

TEST_F(PlaidWebhookVerifierTest, ATokenSignedWithAnotherKeyIsRejected)
{
    PlaidWebhookSigner forger(signer.kid()); // same key id, different private key
    const auto verdict = verify(forger.sign(kBody, now), kBody);
    EXPECT_EQ(codeOf(verdict), rejection::kBadSignature);
    EXPECT_EQ(rejectionStatus(verdict.error()), 401);
}

TEST_F(PlaidWebhookVerifierTest, AlgorithmNoneIsRejectedBeforeAnyKeyIsFetched)
{
    QJsonObject header = signer.standardHeader();
    header[u"alg"] = QStringLiteral("none");
    const QByteArray token = PlaidWebhookSigner::unsignedToken(header, signer.standardClaims(kBody, now), {});
    const auto read = PlaidSignature::read(token);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().providerCode, rejection::kBadAlgorithm);
    EXPECT_EQ(rejectionStatus(read.error()), 401);
}

TEST_F(PlaidWebhookVerifierTest, AnHmacTokenKeyedWithThePublicKeyIsRejected)
{
    // The classic confusion attack: HS256 with the (public) key bytes as the HMAC secret.
    QJsonObject header = signer.standardHeader();
    header[u"alg"] = QStringLiteral("HS256");
    const QByteArray unsignedPart = PlaidWebhookSigner::unsignedToken(header, signer.standardClaims(kBody, now), {});
    const QByteArray input = unsignedPart.left(unsignedPart.lastIndexOf('.'));
    const QByteArray secret = QJsonDocument(signer.jwk()).toJson(QJsonDocument::Compact);
    const QByteArray mac = QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    const auto read = PlaidSignature::read(
        input + '.' + mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().providerCode, rejection::kBadAlgorithm);
}

TEST_F(PlaidWebhookVerifierTest, ATokenOlderThanFiveMinutesIsRejected)
{
    EXPECT_TRUE(verify(signer.sign(kBody, now.addSecs(-300)), kBody).ok()) << "exactly five minutes is still fresh";
    const auto stale = verify(signer.sign(kBody, now.addSecs(-301)), kBody);
    EXPECT_EQ(codeOf(stale), rejection::kStale);
    EXPECT_EQ(codeOf(verify(signer.sign(kBody, now.addDays(-3)), kBody)), rejection::kStale);
}

TEST_F(PlaidWebhookVerifierTest, ATokenFromTheFarFutureIsRejected)
{
    EXPECT_TRUE(verify(signer.sign(kBody, now.addSecs(60)), kBody).ok()) << "a minute of clock skew is tolerated";
    EXPECT_EQ(codeOf(verify(signer.sign(kBody, now.addSecs(61)), kBody)), rejection::kFromFuture) << "not more";
    EXPECT_EQ(codeOf(verify(signer.sign(kBody, now.addSecs(3600)), kBody)), rejection::kFromFuture);
}

TEST_F(PlaidWebhookVerifierTest, ATamperedBodyIsRejected)
{
    const QByteArray token = signer.sign(kBody, now);
    QByteArray tampered = kBody;
    tampered.replace("item-1", "item-2");
    EXPECT_EQ(codeOf(verify(token, tampered)), rejection::kBodyMismatch);
    EXPECT_EQ(codeOf(verify(token, kBody + ' ')), rejection::kBodyMismatch) << "one trailing byte";
    EXPECT_EQ(codeOf(verify(token, {})), rejection::kBodyMismatch);
}

TEST_F(PlaidWebhookVerifierTest, ClaimsWithoutABodyHashOrIatAreRejected)
{
    QJsonObject claims = signer.standardClaims(kBody, now);
    claims.remove(u"request_body_sha256");
    EXPECT_EQ(codeOf(verify(signer.signToken(signer.standardHeader(), claims), kBody)), rejection::kBodyMismatch);
    claims = signer.standardClaims(kBody, now);
    claims[u"iat"] = QString::number(now.toSecsSinceEpoch());
    EXPECT_EQ(codeOf(verify(signer.signToken(signer.standardHeader(), claims), kBody)), rejection::kMalformedJwt);
}

TEST_F(PlaidWebhookVerifierTest, ARetiredKeyVerifiesNothing)
{
    const QByteArray token = signer.sign(kBody, now.addSecs(-10));
    EXPECT_EQ(codeOf(verify(token, kBody, now.addSecs(-60).toSecsSinceEpoch())), rejection::kKeyExpired);
    // Plaid: a key whose expired_at is not null must not be used, even for a token that says it was
    // issued before then (its iat is the sender's word).
    EXPECT_EQ(codeOf(verify(token, kBody, now.toSecsSinceEpoch())), rejection::kKeyExpired);
    EXPECT_TRUE(verify(token, kBody).ok()) << "the same token with the key in service";
}

TEST_F(PlaidWebhookVerifierTest, ASignatureInDerFormInsteadOfJoseFormIsRejected)
{
    QByteArray token = signer.sign(kBody, now);
    const QByteArray raw = *decodeBase64Url(token.mid(token.lastIndexOf('.') + 1));
    QByteArray der = "\x30\x44\x02\x20" + raw.left(32) + "\x02\x20" + raw.mid(32);
    token = token.left(token.lastIndexOf('.') + 1) + encodeBase64Url(der);
    EXPECT_EQ(codeOf(verify(token, kBody)), rejection::kBadSignature);
}

TEST_F(PlaidWebhookVerifierTest, MalformedHeadersAreRejectedAsBadRequests)
{
    for (const QByteArray& token : {QByteArray("a.b"), QByteArray("!!!.e30.e30"), QByteArray("e30.e30.e30.e30"),
                                    QByteArray("bm90IGpzb24.e30.")}) {
        const auto read = PlaidSignature::read(token);
        ASSERT_FALSE(read.ok()) << token.constData();
        EXPECT_EQ(read.error().providerCode, rejection::kMalformedJwt) << token.constData();
        EXPECT_EQ(rejectionStatus(read.error()), 400);
        EXPECT_FALSE(read.error().userMessage.contains(QString::fromLatin1(token)));
    }
    EXPECT_EQ(PlaidSignature::read({}).error().providerCode, rejection::kMissingSignature);
    EXPECT_EQ(PlaidSignature::read(QByteArray(9000, 'a')).error().providerCode, rejection::kMalformedJwt);
}

TEST_F(PlaidWebhookVerifierTest, ATokenWithoutAKeyIdIsRejected)
{
    QJsonObject header = signer.standardHeader();
    header.remove(u"kid");
    const auto read = PlaidSignature::read(signer.signToken(header, signer.standardClaims(kBody, now)));
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().providerCode, rejection::kMissingKid);
}

TEST_F(PlaidWebhookVerifierTest, KeysThatAreNotP256SigningKeysForTheRightKidAreRefused)
{
    QJsonObject jwk = signer.jwk();
    EXPECT_EQ(PlaidVerificationKey::fromJwk(jwk, QStringLiteral("another-kid")).error().providerCode,
              rejection::kBadKey);
    jwk[u"crv"] = QStringLiteral("P-384");
    EXPECT_FALSE(PlaidVerificationKey::fromJwk(jwk, signer.kid()).ok());
    jwk = signer.jwk();
    jwk[u"alg"] = QStringLiteral("HS256");
    EXPECT_FALSE(PlaidVerificationKey::fromJwk(jwk, signer.kid()).ok());
    jwk = signer.jwk();
    // A point off the curve: y of the key plus one.
    QByteArray y = *decodeBase64Url(jwk.value(u"y").toString().toLatin1());
    y[31] = char(y[31] ^ 1);
    jwk[u"y"] = QString::fromLatin1(encodeBase64Url(y));
    const auto offCurve = PlaidVerificationKey::fromJwk(jwk, signer.kid());
    ASSERT_FALSE(offCurve.ok());
    EXPECT_EQ(offCurve.error().providerCode, rejection::kBadKey);
    // Plaid's own example key from its OpenAPI spec is a valid P-256 point.
    const QJsonObject example{{QStringLiteral("alg"), QStringLiteral("ES256")},
                              {QStringLiteral("created_at"), 1560466150},
                              {QStringLiteral("crv"), QStringLiteral("P-256")},
                              {QStringLiteral("expired_at"), QJsonValue()},
                              {QStringLiteral("kid"), QStringLiteral("bfbd5111-8e33-4643-8ced-b2e642a72f3c")},
                              {QStringLiteral("kty"), QStringLiteral("EC")},
                              {QStringLiteral("use"), QStringLiteral("sig")},
                              {QStringLiteral("x"), QStringLiteral("hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ")},
                              {QStringLiteral("y"), QStringLiteral("shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys")}};
    EXPECT_TRUE(PlaidVerificationKey::fromJwk(example, QStringLiteral("bfbd5111-8e33-4643-8ced-b2e642a72f3c")).ok());
}

TEST(Base64Url, IsStrict)
{
    EXPECT_EQ(*decodeBase64Url("aGk"), "hi");
    EXPECT_FALSE(decodeBase64Url("aGk=").ok()) << "padding is not part of base64url in JOSE";
    EXPECT_FALSE(decodeBase64Url("aG+k").ok());
    EXPECT_FALSE(decodeBase64Url("a").ok());
    EXPECT_EQ(encodeBase64Url("\xfb\xff"), "-_8");
}

} // namespace
} // namespace coffer::webhooks
