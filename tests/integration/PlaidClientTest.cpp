// Plaid's HTTP client over real HTTP against the Plaid fake on loopback: what it sends (headers,
// JSON, endpoint), and what every kind of answer (Plaid's error objects, hostile or broken
// bodies, silence) becomes for the engine.

#include "providers/plaid/PlaidClient.h"
#include "../fakes/PlaidFake.h"
#include "AwaitResult.h"
#include "providers/Connector.h"

#include <QJsonArray>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using providers::plaid::PlaidClient;
using providers::plaid::PlaidCredentials;
using test::PlaidFake;

namespace {

class PlaidClientTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    QVariantMap options() const { return {{QStringLiteral("baseUrl"), m_fake.baseUrl()}}; }

    PlaidCredentials credentials() const
    {
        auto parsed = PlaidCredentials::fromSecret(m_fake.credentialsJson());
        EXPECT_TRUE(parsed.ok());
        return parsed.ok() ? parsed.value() : PlaidCredentials{};
    }

    model::Result<QJsonObject> call(const QString& endpoint, QJsonObject body, const QVariantMap& extraOptions = {})
    {
        QVariantMap o = options();
        o.insert(extraOptions);
        return test::awaitResult<QJsonObject>(
            [&](auto done) { m_client.post(endpoint, body, credentials(), o, done); });
    }

    model::Result<QJsonObject> accountsGet(const QVariantMap& extraOptions = {})
    {
        return call(QStringLiteral("/accounts/get"), {{QStringLiteral("access_token"), m_fake.accessToken()}},
                    extraOptions);
    }

    PlaidFake m_fake{QDate(2026, 3, 14), 12};
    PlaidClient m_client;
};

} // namespace

TEST_F(PlaidClientTest, PostsJsonWithTheAppKeysAndApiVersionInHeaders)
{
    const auto answer = accountsGet();
    ASSERT_TRUE(answer.ok()) << answer.error().userMessage.toStdString();
    EXPECT_EQ(answer->value(QStringLiteral("accounts")).toArray().size(), 3);
    ASSERT_EQ(m_fake.requests().size(), 1);
    const auto& sent = m_fake.requests().first();
    EXPECT_EQ(sent.http.method, QByteArray("POST"));
    EXPECT_EQ(sent.endpoint, QStringLiteral("/accounts/get"));
    EXPECT_EQ(sent.http.header("PLAID-CLIENT-ID"), PlaidFake::clientId().toUtf8());
    EXPECT_EQ(sent.http.header("PLAID-SECRET"), PlaidFake::secret().toUtf8());
    EXPECT_EQ(sent.http.header("Plaid-Version"), QByteArray("2020-09-14"));
    EXPECT_TRUE(sent.http.header("Content-Type").startsWith("application/json"));
    EXPECT_EQ(sent.body.value(QStringLiteral("access_token")).toString(), m_fake.accessToken());
}

TEST_F(PlaidClientTest, CredentialsRoundTripThroughTheKeychainSecret)
{
    const PlaidCredentials keys{QStringLiteral("id-1"), QStringLiteral("s\"ecret"), QString()};
    const auto back = PlaidCredentials::fromSecret(keys.toSecret());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->clientId, keys.clientId);
    EXPECT_EQ(back->secret, keys.secret);
    EXPECT_FALSE(back->isLinked()) << "no access token before Link";
    const auto broken = PlaidCredentials::fromSecret(QStringLiteral("not json"));
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().kind, model::ErrorKind::NeedsUser);
}

TEST_F(PlaidClientTest, EnvironmentChoosesPlaidsHostAndPlainHttpOnlyReachesLoopback)
{
    EXPECT_EQ(PlaidClient::baseUrl({}).value(), QUrl(QStringLiteral("https://sandbox.plaid.com")));
    EXPECT_EQ(PlaidClient::baseUrl({{QStringLiteral("environment"), QStringLiteral("production")}}).value(),
              QUrl(QStringLiteral("https://production.plaid.com")));
    EXPECT_FALSE(PlaidClient::baseUrl({{QStringLiteral("environment"), QStringLiteral("development")}}).ok());
    const auto remote = PlaidClient::baseUrl({{QStringLiteral("baseUrl"), QStringLiteral("http://plaid.example")}});
    ASSERT_FALSE(remote.ok());
    EXPECT_EQ(remote.error().providerCode, QStringLiteral("INSECURE_URL"));
    EXPECT_TRUE(remote.error().userMessage.contains(QStringLiteral("Plaid")));
}

TEST_F(PlaidClientTest, AnInvalidRequestIsPermanentAndNamesPlaidsCode)
{
    const auto tooMany = call(QStringLiteral("/transactions/sync"),
                              {{QStringLiteral("access_token"), m_fake.accessToken()}, {QStringLiteral("count"), 501}});
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().kind, model::ErrorKind::Permanent);
    EXPECT_EQ(tooMany.error().providerCode, QStringLiteral("INVALID_FIELD"));
    EXPECT_TRUE(tooMany.error().userMessage.contains(QStringLiteral("Plaid")));
    EXPECT_FALSE(tooMany.error().detail.contains(QStringLiteral("count must be"))) << "Plaid's error_message stays out";
}
