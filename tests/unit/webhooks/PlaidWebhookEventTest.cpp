// What Coffer does with each kind of Plaid webhook body.

#include "webhooks/PlaidWebhookEvent.h"
#include "webhooks/PlaidWebhookVerifier.h"

#include <gtest/gtest.h>

namespace coffer::webhooks {
namespace {

using Action = PlaidWebhookEvent::Action;

TEST(PlaidWebhookEvent, SyncUpdatesAvailableAsksForASync)
{
    const auto e = PlaidWebhookEvent::parse(R"({"webhook_type":"TRANSACTIONS","webhook_code":"SYNC_UPDATES_AVAILABLE",
        "item_id":"item-1","initial_update_complete":true,"historical_update_complete":false,"environment":"sandbox"})");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->itemId, QStringLiteral("item-1"));
    EXPECT_EQ(e->action(), Action::Sync);
}

TEST(PlaidWebhookEvent, LoginRepairedAsksForASyncThatClearsTheSignInRequest)
{
    const auto e = PlaidWebhookEvent::parse(
        R"({"webhook_type":"ITEM","webhook_code":"LOGIN_REPAIRED","item_id":"item-1","environment":"production"})");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->action(), Action::Sync);
}

TEST(PlaidWebhookEvent, AnItemErrorCarriesPlaidsErrorObject)
{
    const auto e = PlaidWebhookEvent::parse(R"({"webhook_type":"ITEM","webhook_code":"ERROR","item_id":"item-1",
        "error":{"error_type":"ITEM_ERROR","error_code":"ITEM_LOGIN_REQUIRED","error_message":"the login details of this item have changed","display_message":null,"status":400},"environment":"production"})");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->action(), Action::ItemError);
    EXPECT_EQ(e->error.value(u"error_code").toString(), QStringLiteral("ITEM_LOGIN_REQUIRED"));
}

TEST(PlaidWebhookEvent, PendingExpirationCarriesWhenConsentEnds)
{
    const auto e = PlaidWebhookEvent::parse(R"({"webhook_type":"ITEM","webhook_code":"PENDING_EXPIRATION",
        "item_id":"item-1","consent_expiration_time":"2026-12-10T13:25:17.766Z","environment":"production"})");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->action(), Action::ConsentEnding);
    EXPECT_EQ(e->consentExpiresAt, QDateTime(QDate(2026, 12, 10), QTime(13, 25, 17, 766), Qt::UTC));
}

TEST(PlaidWebhookEvent, OtherWebhooksAreIgnored)
{
    for (const char* body : {R"({"webhook_type":"TRANSACTIONS","webhook_code":"DEFAULT_UPDATE","item_id":"i"})",
                             R"({"webhook_type":"ITEM","webhook_code":"WEBHOOK_UPDATE_ACKNOWLEDGED","item_id":"i"})",
                             R"({"webhook_type":"ITEM","webhook_code":"PENDING_EXPIRATION","item_id":"i"})",
                             R"({"webhook_type":"HOLDINGS","webhook_code":"DEFAULT_UPDATE","item_id":"i"})"}) {
        const auto e = PlaidWebhookEvent::parse(body);
        ASSERT_TRUE(e.ok()) << body;
        EXPECT_EQ(e->action(), Action::Ignore) << body;
    }
}

TEST(PlaidWebhookEvent, ABodyThatIsNotAPlaidWebhookIsRefusedWithoutQuotingIt)
{
    for (const char* body :
         {"", "[]", "{\"webhook_type\":\"ITEM\"", R"({"webhook_type":"ITEM","webhook_code":"ERROR"})",
          R"({"item_id":"secret-looking-item","webhook_code":"ERROR"})"}) {
        const auto e = PlaidWebhookEvent::parse(body);
        ASSERT_FALSE(e.ok()) << body;
        EXPECT_EQ(e.error().providerCode, rejection::kMalformedBody);
        EXPECT_FALSE(e.error().detail.contains(QStringLiteral("secret-looking-item")));
        EXPECT_EQ(rejectionStatus(e.error()), 400);
    }
}

} // namespace
} // namespace coffer::webhooks
