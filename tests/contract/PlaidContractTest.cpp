// Contract test: the Plaid connector's requests checked against Plaid's OpenAPI spec by a mock
// server (Prism with --errors, started by run-plaid-contract.sh). A request that breaks the spec
// (missing PLAID-CLIENT-ID, PLAID-SECRET or Plaid-Version headers, count above 500, a field the
// endpoint does not take) is answered with an error, so the call here fails. The mock answers with
// the spec's own examples, which the connector must read.

#include "AwaitResult.h"
#include "providers/plaid/PlaidClient.h"
#include "providers/plaid/PlaidConnector.h"

#include <gtest/gtest.h>

using namespace coffer;
using providers::FetchContext;
using providers::Page;
using providers::ProviderAccount;
using providers::plaid::PlaidClient;
using providers::plaid::PlaidConnector;
using providers::plaid::PlaidCredentials;

namespace {

class PlaidContractTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_FALSE(m_mockUrl.isEmpty()) << "run through run-plaid-contract.sh, which starts the mock server";
    }

    FetchContext context(const QString& cursor = {}) const
    {
        FetchContext c;
        c.connectionId = 1;
        c.secret = m_credentials.toSecret();
        c.options = {{QStringLiteral("environment"), QStringLiteral("sandbox")},
                     {QStringLiteral("baseUrl"), m_mockUrl}};
        c.cursor = cursor;
        return c;
    }

    static QString describe(const model::Error& e)
    {
        return e.providerCode + u": " + e.userMessage + u" (" + e.detail + u')';
    }

    const QString m_mockUrl = qEnvironmentVariable("COFFER_PLAID_MOCK_URL");
    const PlaidCredentials m_credentials{QStringLiteral("5f0c1d2e3a4b5c6d7e8f9a0b"), QStringLiteral("sandbox-secret-x"),
                                         QStringLiteral("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6")};
    PlaidConnector m_connector;
};

} // namespace

TEST_F(PlaidContractTest, AccountsRequestFollowsTheSpecAndItsExampleIsRead)
{
    const auto accounts =
        test::awaitResult<QList<ProviderAccount>>([&](auto done) { m_connector.listAccounts(context(), done); });
    ASSERT_TRUE(accounts.ok()) << describe(accounts.error()).toStdString();
    ASSERT_FALSE(accounts->isEmpty());
    EXPECT_FALSE(accounts->first().providerId.isEmpty());
    EXPECT_TRUE(accounts->first().balance.has_value());
}

TEST_F(PlaidContractTest, TransactionsSyncRequestFollowsTheSpecFirstAndWithACursor)
{
    const auto first = test::awaitResult<Page>([&](auto done) { m_connector.fetchChanges(context(), done); });
    ASSERT_TRUE(first.ok()) << describe(first.error()).toStdString();
    EXPECT_FALSE(first->nextCursor.isEmpty());
    for (const auto& t : first->added)
        EXPECT_TRUE(t.problem.isEmpty()) << t.providerId.toStdString() << ": " << t.problem.toStdString();

    const auto next =
        test::awaitResult<Page>([&](auto done) { m_connector.fetchChanges(context(first->nextCursor), done); });
    ASSERT_TRUE(next.ok()) << describe(next.error()).toStdString();
}

TEST_F(PlaidContractTest, TheMockRefusesARequestThatBreaksTheSpec)
{
    // Proof that validation is on: count 501 is beyond the spec's maximum of 500.
    PlaidClient client;
    const auto refused = test::awaitResult<QJsonObject>([&](auto done) {
        client.post(QStringLiteral("/transactions/sync"),
                    {{QStringLiteral("access_token"), m_credentials.accessToken}, {QStringLiteral("count"), 501}},
                    m_credentials, context().options, done);
    });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, model::ErrorKind::Permanent);
}
