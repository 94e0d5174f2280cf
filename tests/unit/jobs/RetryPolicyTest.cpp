// How a failed job is retried: exponential backoff with jitter, the server's Retry-After, and the errors
// that are never retried automatically.

#include "jobs/RetryPolicy.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

using coffer::jobs::RetryDecision;
using coffer::jobs::RetryPolicy;
using coffer::model::Error;

namespace {

Error networkDown()
{
    return Error::retryable(QStringLiteral("The bank did not answer"), QStringLiteral("timeout"));
}

Error rateLimited(int retryAfterSeconds)
{
    Error error = Error::retryable(QStringLiteral("The bank asked us to slow down"), QStringLiteral("429"));
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

// No jitter: the base schedule exactly.
RetryPolicy withoutJitter()
{
    RetryPolicy policy;
    policy.random = [] { return quint32(0); };
    return policy;
}

} // namespace

TEST(RetryPolicy, WaitsFiveTenTwentySecondsThenDeadLetters)
{
    RetryPolicy policy = withoutJitter();
    policy.maxAttempts = 4;

    const RetryDecision first = policy.decide(1, networkDown());
    const RetryDecision second = policy.decide(2, networkDown());
    const RetryDecision third = policy.decide(3, networkDown());
    const RetryDecision fourth = policy.decide(4, networkDown());

    ASSERT_TRUE(first.retries());
    EXPECT_EQ(first.delayMs, 5'000);
    ASSERT_TRUE(second.retries());
    EXPECT_EQ(second.delayMs, 10'000);
    ASSERT_TRUE(third.retries());
    EXPECT_EQ(third.delayMs, 20'000);
    EXPECT_EQ(fourth.action, RetryDecision::Action::DeadLetter) << "attempts used up: the user sees a failed job";
}

TEST(RetryPolicy, ByDefaultRetriesThreeTimesThenDeadLetters)
{
    // The product default: three retries, after 5 s, 10 s and 20 s; the fourth failure is final.
    const RetryPolicy policy = withoutJitter();

    EXPECT_EQ(policy.decide(1, networkDown()).delayMs, 5'000);
    EXPECT_EQ(policy.decide(2, networkDown()).delayMs, 10'000);
    EXPECT_EQ(policy.decide(3, networkDown()).delayMs, 20'000);
    EXPECT_EQ(policy.decide(4, networkDown()).action, RetryDecision::Action::DeadLetter);
}

TEST(RetryPolicy, JitterAddsUpToTwentyPercentButNeverRetriesEarly)
{
    RetryPolicy policy;
    policy.maxAttempts = 10;
    QRandomGenerator seeded(42);
    policy.random = [&seeded] { return seeded.generate(); };

    bool spread = false;
    for (int i = 0; i < 200; ++i) {
        const qint64 delay = policy.decide(3, networkDown()).delayMs;
        EXPECT_GE(delay, 20'000);
        EXPECT_LE(delay, 24'000);
        spread = spread || delay != 20'000;
    }
    EXPECT_TRUE(spread) << "jobs that failed together must not all come back at the same instant";

    policy.random = [] { return quint32(4'000); };
    EXPECT_EQ(policy.decide(3, networkDown()).delayMs, 24'000) << "the largest jitter is exactly 20 %";
}

TEST(RetryPolicy, WorksWithTheSystemRandomSource)
{
    const RetryPolicy policy; // no injected source
    const qint64 delay = policy.decide(1, networkDown()).delayMs;
    EXPECT_GE(delay, 5'000);
    EXPECT_LE(delay, 6'000);
}

TEST(RetryPolicy, OwnBackoffNeverExceedsAnHour)
{
    RetryPolicy policy;
    policy.maxAttempts = 100;
    policy.random = [] { return quint32(0xFFFFFFFF); }; // as much jitter as possible

    EXPECT_EQ(policy.decide(15, networkDown()).delayMs, 3'600'000);
    EXPECT_EQ(policy.decide(99, networkDown()).delayMs, 3'600'000) << "large attempt numbers do not overflow";
}

TEST(RetryPolicy, HonorsRetryAfterWhenTheServerAsksForLonger)
{
    const RetryPolicy policy = withoutJitter();

    EXPECT_EQ(policy.decide(1, rateLimited(120)).delayMs, 120'000);
    EXPECT_EQ(policy.decide(1, rateLimited(2)).delayMs, 5'000) << "a shorter Retry-After does not speed us up";
}

TEST(RetryPolicy, HonorsRetryAfterBeyondOurOwnCapButNotBeyondADay)
{
    const RetryPolicy policy = withoutJitter();

    EXPECT_EQ(policy.decide(1, rateLimited(2 * 3600)).delayMs, 2 * 3'600'000);
    EXPECT_EQ(policy.decide(1, rateLimited(3 * 86400)).delayMs, 86'400'000);
}

TEST(RetryPolicy, RetryAfterDoesNotBuyExtraAttempts)
{
    const RetryPolicy policy = withoutJitter();

    EXPECT_EQ(policy.decide(policy.maxAttempts, rateLimited(60)).action, RetryDecision::Action::DeadLetter);
}

TEST(RetryPolicy, NeverRetriesWhatRetryingCannotFix)
{
    const RetryPolicy policy = withoutJitter();
    const QString message = QStringLiteral("x");

    for (Error error : {Error::needsUser(message), Error::invalidData(message), Error::permanent(message),
                        Error::storage(message), Error::cancelled(message)}) {
        error.retryAfterSeconds = 60; // not even when a header says when
        const RetryDecision decision = policy.decide(1, error);
        EXPECT_EQ(decision.action, RetryDecision::Action::NoRetry)
            << qPrintable(coffer::model::errorKindName(error.kind));
        EXPECT_FALSE(decision.retries());
    }
}
