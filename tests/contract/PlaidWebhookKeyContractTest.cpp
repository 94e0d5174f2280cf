// Contract test: the webhook receiver's key request (/webhook_verification_key/get) checked against
// Plaid's OpenAPI spec by the mock server run-plaid-contract.sh starts; the spec's example key, as
// the mock answers it, must load as a P-256 verification key.

#include "AwaitResult.h"
#include "providers/plaid/PlaidClient.h"
#include "webhooks/PlaidKeyFetch.h"
#include "webhooks/PlaidWebhookVerifier.h"

#include <gtest/gtest.h>

using namespace coffer;

TEST(PlaidWebhookKeyContract, KeyRequestFollowsTheSpecAndItsExampleKeyLoads)
{
    const QString mockUrl = qEnvironmentVariable("COFFER_PLAID_MOCK_URL");
    ASSERT_FALSE(mockUrl.isEmpty()) << "run through run-plaid-contract.sh, which starts the mock server";
    const QString kid = QStringLiteral("bfbd5111-8e33-4643-8ced-b2e642a72f3c"); // the spec's example key
    const providers::plaid::PlaidCredentials keys{
        QStringLiteral("5f0c1d2e3a4b5c6d7e8f9a0b"), QStringLiteral("sandbox-secret-x"), {}};
    const QVariantMap options{{QStringLiteral("environment"), QStringLiteral("sandbox")},
                              {QStringLiteral("baseUrl"), mockUrl}};
    providers::plaid::PlaidClient client;
    const auto answer = test::awaitResult<QJsonObject>(
        [&](auto done) { webhooks::fetchPlaidVerificationKey(client, keys, options, kid, done); });
    ASSERT_TRUE(answer.ok()) << answer.error().providerCode.toStdString() << ": "
                             << answer.error().detail.toStdString();
    const auto key = webhooks::PlaidVerificationKey::fromJwk(answer.value(), kid);
    ASSERT_TRUE(key.ok()) << key.error().detail.toStdString();
    EXPECT_FALSE(key->expiredAt.has_value());
}
