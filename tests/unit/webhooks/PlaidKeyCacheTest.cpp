// Verification keys fetched by kid, kept, shared between concurrent deliveries, a kid Plaid does
// not know remembered for a while, and new kids asked for at most once a minute.

#include "webhooks/PlaidKeyCache.h"
#include "webhooks/ReplayGuard.h"

#include "../../fakes/PlaidWebhookSigner.h"
#include "TestSupport.h"
#include "schedule/Clock.h"

#include <gtest/gtest.h>

namespace coffer::webhooks {
namespace {

using Answer = std::function<void(model::Result<QJsonObject>)>;

class PlaidKeyCacheTest : public ::testing::Test {
protected:
    // A key endpoint that answers later, when the test says so.
    PlaidKeyCache::Fetch fetch()
    {
        return [this](const QString& kid, Answer done) {
            askedFor << kid;
            pending << std::move(done);
        };
    }
    void get(const QString& kid)
    {
        cache.get(QStringLiteral("sandbox"), kid, fetch(),
                  [this](model::Result<PlaidVerificationKey> key) { outcomes << key; });
    }

    schedule::ManualClock clock{test::fixedNow()};
    PlaidKeyCache cache{clock};
    test::PlaidWebhookSigner signer;
    QStringList askedFor;
    QList<Answer> pending;
    QList<model::Result<PlaidVerificationKey>> outcomes;
};

TEST_F(PlaidKeyCacheTest, FetchesAKeyOnceAndKeepsIt)
{
    get(signer.kid());
    get(signer.kid()); // a second delivery while the first fetch is on its way
    ASSERT_EQ(askedFor.size(), 1) << "one request for both";
    pending.takeFirst()(signer.jwk());
    ASSERT_EQ(outcomes.size(), 2);
    EXPECT_TRUE(outcomes[0].ok() && outcomes[1].ok());
    get(signer.kid());
    EXPECT_EQ(askedFor.size(), 1) << "kept";
    ASSERT_EQ(outcomes.size(), 3);
    EXPECT_EQ(outcomes[2]->kid, signer.kid());
}

TEST_F(PlaidKeyCacheTest, AFailedFetchIsAskedAgainOnTheNextDelivery)
{
    get(signer.kid());
    pending.takeFirst()(model::Error::retryable(QStringLiteral("down")));
    ASSERT_EQ(outcomes.size(), 1);
    ASSERT_FALSE(outcomes[0].ok());
    EXPECT_EQ(outcomes[0].error().providerCode, rejection::kKeyUnavailable);
    get(signer.kid());
    EXPECT_EQ(askedFor.size(), 1) << "a kid not kept is asked for at most once a minute";
    EXPECT_EQ(outcomes.last().error().providerCode, rejection::kKeyUnavailable);
    clock.advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds);
    get(signer.kid());
    ASSERT_EQ(askedFor.size(), 2);
    pending.takeFirst()(signer.jwk());
    EXPECT_TRUE(outcomes.last().ok());
}

TEST_F(PlaidKeyCacheTest, AKidPlaidDoesNotKnowIsAnUnknownKey)
{
    get(QStringLiteral("no-such-kid"));
    pending.takeFirst()(model::Error::permanent(QStringLiteral("INVALID_INPUT")));
    ASSERT_FALSE(outcomes.last().ok());
    EXPECT_EQ(outcomes.last().error().providerCode, rejection::kUnknownKey);
    EXPECT_EQ(rejectionStatus(outcomes.last().error()), 401);
    // Remembered: asking again, even past the new-kid interval, does not reach Plaid.
    clock.advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds + 1);
    EXPECT_TRUE(cache.refusal(QStringLiteral("sandbox"), QStringLiteral("no-such-kid")).has_value());
    get(QStringLiteral("no-such-kid"));
    EXPECT_EQ(askedFor.size(), 1);
    EXPECT_EQ(outcomes.last().error().providerCode, rejection::kUnknownKey);
    clock.advanceSeconds(PlaidKeyCache::kUnknownForSeconds);
    get(QStringLiteral("no-such-kid"));
    EXPECT_EQ(askedFor.size(), 2) << "forgotten after a while";
}

TEST_F(PlaidKeyCacheTest, ManyNewKidsCostOneRequestAMinuteAndDoNotMakeKeptKeysStale)
{
    get(signer.kid());
    pending.takeFirst()(signer.jwk());
    clock.advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds);
    for (int i = 0; i < 50; ++i)
        get(QStringLiteral("made-up-%1").arg(i));
    EXPECT_EQ(askedFor.size(), 2);
    pending.takeFirst()(model::Error::permanent(QStringLiteral("INVALID_FIELD")));
    get(signer.kid());
    EXPECT_EQ(askedFor.size(), 2) << "the kept key is still fresh";
    EXPECT_TRUE(outcomes.last().ok());
}

TEST_F(PlaidKeyCacheTest, AKeptKeyIsRefreshedAfterADaySoARetirementIsLearnt)
{
    get(signer.kid());
    pending.takeFirst()(signer.jwk());
    clock.advanceSeconds(PlaidKeyCache::kRefreshAfterSeconds + 1);
    get(signer.kid());
    ASSERT_EQ(askedFor.size(), 2);
    pending.takeFirst()(signer.jwk(clock.now().toSecsSinceEpoch()));
    ASSERT_TRUE(outcomes.last().ok());
    EXPECT_TRUE(outcomes.last()->expiredAt.has_value());
    // A failed refresh leaves the kept key in service.
    clock.advanceSeconds(PlaidKeyCache::kRefreshAfterSeconds + 1);
    get(signer.kid());
    pending.takeFirst()(model::Error::retryable(QStringLiteral("down")));
    EXPECT_TRUE(outcomes.last().ok());
}

TEST_F(PlaidKeyCacheTest, ANewKidMakesTheKeptKeysBeAskedAgainSoARetirementIsLearnt)
{
    get(signer.kid());
    pending.takeFirst()(signer.jwk());
    clock.advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds);
    test::PlaidWebhookSigner successor(QStringLiteral("kid-2"));
    get(successor.kid());
    pending.takeFirst()(successor.jwk());
    get(signer.kid()); // the old key is asked for again
    ASSERT_EQ(askedFor, (QStringList{signer.kid(), successor.kid(), signer.kid()}));
    pending.takeFirst()(signer.jwk(clock.now().toSecsSinceEpoch()));
    ASSERT_TRUE(outcomes.last().ok());
    EXPECT_TRUE(outcomes.last()->expiredAt.has_value());
    get(successor.kid());
    EXPECT_EQ(askedFor.size(), 3) << "the new key is kept as fetched";
}

TEST_F(PlaidKeyCacheTest, AnAnswerThatIsNotTheKeyAskedForIsRefused)
{
    get(QStringLiteral("other-kid"));
    pending.takeFirst()(signer.jwk()); // names signer.kid(), not other-kid
    ASSERT_FALSE(outcomes.last().ok());
    EXPECT_EQ(outcomes.last().error().providerCode, rejection::kBadKey);
}

TEST(ReplayGuard, RecognisesADeliveryUntilItIsForgottenOnly)
{
    ReplayGuard guard(3);
    const QDateTime t = test::fixedNow();
    EXPECT_TRUE(guard.firstSeen("a", t, t.addSecs(360)));
    EXPECT_FALSE(guard.firstSeen("a", t.addSecs(359), t.addSecs(719)));
    EXPECT_TRUE(guard.firstSeen("a", t.addSecs(361), t.addSecs(721)));
    // Bounded: the one forgotten soonest goes first.
    EXPECT_TRUE(guard.firstSeen("b", t.addSecs(362), t.addSecs(900)));
    EXPECT_TRUE(guard.firstSeen("c", t.addSecs(363), t.addSecs(800)));
    EXPECT_TRUE(guard.firstSeen("d", t.addSecs(364), t.addSecs(950)));
    EXPECT_TRUE(guard.firstSeen("a", t.addSecs(365), t.addSecs(725)));
    EXPECT_FALSE(guard.firstSeen("b", t.addSecs(366), t.addSecs(900)));
}

} // namespace
} // namespace coffer::webhooks
