// The circuit breaker that stops the engine from hammering a failing bank: open after repeated failures,
// one probe when the wait is over, closed again on success, a longer wait after a failed probe.

#include "jobs/CircuitBreaker.h"

#include <gtest/gtest.h>

using coffer::jobs::CircuitBreaker;
using coffer::schedule::ManualClock;
using State = CircuitBreaker::State;

namespace {

class CircuitBreakerTest : public ::testing::Test {
protected:
    const QString m_key = QStringLiteral("connection:12");
    ManualClock m_clock{QDateTime(QDate(2024, 3, 5), QTime(12, 0), Qt::UTC)};
    CircuitBreaker m_breaker{m_clock};

    void failTimes(int count, const QString& which)
    {
        for (int i = 0; i < count; ++i) {
            ASSERT_TRUE(m_breaker.allow(which));
            m_breaker.recordFailure(which);
        }
    }
    QDateTime inSeconds(qint64 seconds) const { return m_clock.now().addSecs(seconds); }
};

} // namespace

TEST_F(CircuitBreakerTest, OpensAfterFiveFailuresInARow)
{
    failTimes(4, m_key);
    EXPECT_EQ(m_breaker.state(m_key), State::Closed);
    EXPECT_TRUE(m_breaker.allow(m_key));

    m_breaker.recordFailure(m_key);

    EXPECT_EQ(m_breaker.state(m_key), State::Open);
    EXPECT_FALSE(m_breaker.allow(m_key));
    EXPECT_EQ(m_breaker.nextAttemptAt(m_key), inSeconds(300));
}

TEST_F(CircuitBreakerTest, ASuccessInBetweenResetsTheCount)
{
    failTimes(4, m_key);
    m_breaker.recordSuccess(m_key);
    failTimes(4, m_key);

    EXPECT_EQ(m_breaker.state(m_key), State::Closed);
    EXPECT_TRUE(m_breaker.allow(m_key));
    EXPECT_EQ(m_breaker.nextAttemptAt(m_key), m_clock.now());
}

TEST_F(CircuitBreakerTest, AfterTheWaitExactlyOneProbeGoesThrough)
{
    failTimes(5, m_key);

    m_clock.advanceSeconds(299);
    EXPECT_FALSE(m_breaker.allow(m_key)) << "still open one second before the wait is over";
    m_clock.advanceSeconds(1);
    EXPECT_EQ(m_breaker.state(m_key), State::HalfOpen);

    EXPECT_TRUE(m_breaker.allow(m_key)) << "the probe";
    EXPECT_FALSE(m_breaker.allow(m_key)) << "everyone else waits for the probe's outcome";
    EXPECT_FALSE(m_breaker.allow(m_key));
    EXPECT_EQ(m_breaker.state(m_key), State::HalfOpen);
    EXPECT_GT(m_breaker.nextAttemptAt(m_key), m_clock.now());
}

TEST_F(CircuitBreakerTest, ASuccessfulProbeClosesAndForgetsThePast)
{
    failTimes(5, m_key);
    m_clock.advanceSeconds(300);
    ASSERT_TRUE(m_breaker.allow(m_key));

    m_breaker.recordSuccess(m_key);

    EXPECT_EQ(m_breaker.state(m_key), State::Closed);
    EXPECT_TRUE(m_breaker.allow(m_key));
    EXPECT_TRUE(m_breaker.allow(m_key));
    failTimes(4, m_key);
    EXPECT_EQ(m_breaker.state(m_key), State::Closed) << "failure count started again from zero";
    m_breaker.recordFailure(m_key);
    EXPECT_EQ(m_breaker.nextAttemptAt(m_key), inSeconds(300)) << "and so did the wait";
}

TEST_F(CircuitBreakerTest, AFailedProbeReopensForTwiceAsLongUpToAnHour)
{
    failTimes(5, m_key);

    for (const int expectedWait : {600, 1200, 2400, 3600, 3600}) {
        m_clock.set(m_breaker.nextAttemptAt(m_key));
        ASSERT_TRUE(m_breaker.allow(m_key));
        m_breaker.recordFailure(m_key);

        EXPECT_EQ(m_breaker.state(m_key), State::Open);
        EXPECT_FALSE(m_breaker.allow(m_key));
        EXPECT_EQ(m_breaker.nextAttemptAt(m_key), inSeconds(expectedWait));
    }
}

TEST_F(CircuitBreakerTest, ALostProbeIsReplacedAfterAnotherWait)
{
    failTimes(5, m_key);
    m_clock.advanceSeconds(300);
    ASSERT_TRUE(m_breaker.allow(m_key)); // the probe's job is cancelled and never reports

    m_clock.advanceSeconds(299);
    EXPECT_FALSE(m_breaker.allow(m_key));
    m_clock.advanceSeconds(1);
    EXPECT_TRUE(m_breaker.allow(m_key)) << "the breaker must not stay shut forever";
    EXPECT_FALSE(m_breaker.allow(m_key));
}

TEST_F(CircuitBreakerTest, LateFailuresWhileOpenDoNotExtendTheWait)
{
    failTimes(5, m_key);
    const QDateTime reopensAt = m_breaker.nextAttemptAt(m_key);

    m_clock.advanceSeconds(10);
    m_breaker.recordFailure(m_key); // a call that started before the breaker opened

    EXPECT_EQ(m_breaker.nextAttemptAt(m_key), reopensAt);
}

TEST_F(CircuitBreakerTest, EachConnectionAndProviderHasItsOwnBreaker)
{
    failTimes(5, m_key);

    EXPECT_FALSE(m_breaker.allow(m_key));
    EXPECT_TRUE(m_breaker.allow(QStringLiteral("connection:13")));
    EXPECT_EQ(m_breaker.state(QStringLiteral("provider:plaid")), State::Closed);
}

TEST_F(CircuitBreakerTest, ThresholdAndWaitAreConfigurable)
{
    CircuitBreaker strict(m_clock, {2, 60, 120});
    strict.recordFailure(m_key);
    strict.recordFailure(m_key);
    EXPECT_EQ(strict.nextAttemptAt(m_key), inSeconds(60));

    m_clock.advanceSeconds(60);
    ASSERT_TRUE(strict.allow(m_key));
    strict.recordFailure(m_key);
    EXPECT_EQ(strict.nextAttemptAt(m_key), inSeconds(120));
}
