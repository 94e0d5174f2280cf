// Contract test: Plaid Link's requests (PlaidLink: /link/token/create for a new item and in update
// mode, with and without a webhook address, /link/token/get, /item/public_token/exchange,
// /sandbox/public_token/create) and PlaidWebhookRegistration's /item/webhook/update, checked against
// Plaid's OpenAPI spec by the mock server run-plaid-contract.sh starts (Prism with --errors: a
// request that breaks the spec is answered with an error, so the flow here fails). The mock answers
// with the spec's examples; the one for /link/token/create has no hosted_link_url (the spec's example
// predates Hosted Link), so the test adds one to that answer, never to a request.

#include "AwaitResult.h"
#include "providers/plaid/PlaidClient.h"
#include "providers/plaid/PlaidLink.h"
#include "providers/plaid/PlaidWebhookRegistration.h"
#include "schedule/Clock.h"

#include <gtest/gtest.h>

using namespace coffer;
using providers::plaid::LinkedItem;
using providers::plaid::LinkSettings;
using providers::plaid::PlaidClient;
using providers::plaid::PlaidCredentials;
using providers::plaid::PlaidLink;
using providers::plaid::PlaidWebhookRegistration;

namespace {

class PlaidLinkContractTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_FALSE(m_mockUrl.isEmpty()) << "run through run-plaid-contract.sh, which starts the mock server";
    }

    // Posts through the real client to the mock, recording what was called.
    providers::plaid::PlaidPost post()
    {
        return [this](const QString& endpoint, const QJsonObject& body, auto done) {
            m_called << endpoint;
            m_client.post(endpoint, body, m_credentials, m_options,
                          [endpoint, done = std::move(done)](model::Result<QJsonObject> answer) {
                              if (answer.ok() && endpoint == u"/link/token/create" &&
                                  !answer->contains(QStringLiteral("hosted_link_url")))
                                  answer.value().insert(QStringLiteral("hosted_link_url"),
                                                        QStringLiteral("https://secure.plaid.com/hl/example"));
                              done(std::move(answer));
                          });
        };
    }

    model::Result<LinkedItem> runLink(const QString& accessToken, const QString& webhook = {})
    {
        PlaidLink link(post(), m_clock);
        LinkSettings settings;
        settings.clientUserId = QStringLiteral("coffer-contract");
        settings.accessToken = accessToken;
        settings.webhook = webhook;
        settings.pollIntervalMs = 10;
        return test::awaitResult<LinkedItem>([&](auto done) {
            link.start(
                settings, [](const QUrl&) {}, done);
        });
    }

    static QString describe(const model::Error& e)
    {
        return e.providerCode + u": " + e.userMessage + u" (" + e.detail + u')';
    }

    const QString m_mockUrl = qEnvironmentVariable("COFFER_PLAID_MOCK_URL");
    const QVariantMap m_options{{QStringLiteral("environment"), QStringLiteral("sandbox")},
                                {QStringLiteral("baseUrl"), m_mockUrl}};
    const PlaidCredentials m_credentials{QStringLiteral("5f0c1d2e3a4b5c6d7e8f9a0b"), QStringLiteral("sandbox-secret-x"),
                                         QString()};
    // Before the expiration in the spec's /link/token/create example (2020-03-27T12:56:34Z).
    schedule::ManualClock m_clock{QDateTime(QDate(2020, 3, 27), QTime(12, 0), Qt::UTC)};
    PlaidClient m_client;
    QStringList m_called;
};

} // namespace

TEST_F(PlaidLinkContractTest, HostedLinkForANewItemCreatesPollsAndExchangesAsTheSpecSays)
{
    const auto item = runLink(QString());
    ASSERT_TRUE(item.ok()) << describe(item.error()).toStdString();
    EXPECT_FALSE(item->accessToken.isEmpty());
    EXPECT_FALSE(item->itemId.isEmpty());
    EXPECT_EQ(m_called, (QStringList{QStringLiteral("/link/token/create"), QStringLiteral("/link/token/get"),
                                     QStringLiteral("/item/public_token/exchange")}));
}

TEST_F(PlaidLinkContractTest, UpdateModeNamesTheItemAndExchangesNothing)
{
    const auto item = runLink(QStringLiteral("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"));
    ASSERT_TRUE(item.ok()) << describe(item.error()).toStdString();
    EXPECT_EQ(m_called, (QStringList{QStringLiteral("/link/token/create"), QStringLiteral("/link/token/get")}));
}

TEST_F(PlaidLinkContractTest, SandboxTestItemFollowsTheSpec)
{
    PlaidLink link(post(), m_clock);
    const auto item = test::awaitResult<LinkedItem>([&](auto done) { link.createSandboxItem(done); });
    ASSERT_TRUE(item.ok()) << describe(item.error()).toStdString();
    EXPECT_FALSE(item->accessToken.isEmpty());
    EXPECT_EQ(m_called, (QStringList{QStringLiteral("/sandbox/public_token/create"),
                                     QStringLiteral("/item/public_token/exchange")}));
}

TEST_F(PlaidLinkContractTest, LinkWithAWebhookAddressFollowsTheSpec)
{
    const QString tunnel = QStringLiteral("https://coffer-tunnel.example.com/plaid");
    const auto item = runLink(QString(), tunnel);
    ASSERT_TRUE(item.ok()) << describe(item.error()).toStdString();
    EXPECT_EQ(m_called.value(0), QStringLiteral("/link/token/create"));
    const auto update = runLink(QStringLiteral("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"), tunnel);
    ASSERT_TRUE(update.ok()) << describe(update.error()).toStdString();
}

TEST_F(PlaidLinkContractTest, WebhookUpdateSetsAndRemovesTheAddressAsTheSpecSays)
{
    const QString accessToken = QStringLiteral("access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6");
    for (const QString& url : {QStringLiteral("https://coffer-tunnel.example.com/plaid"), QString()}) {
        const auto answer = test::awaitResult<QJsonObject>([&](auto done) {
            m_client.post(PlaidWebhookRegistration::kUpdateEndpoint,
                          PlaidWebhookRegistration::updateRequest(accessToken, url), m_credentials, m_options, done);
        });
        ASSERT_TRUE(answer.ok()) << (url.isEmpty() ? "null webhook: " : "webhook: ")
                                 << describe(answer.error()).toStdString();
        EXPECT_TRUE(answer->value(QStringLiteral("item")).isObject());
    }
}
