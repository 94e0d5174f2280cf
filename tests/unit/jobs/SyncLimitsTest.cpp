// Sync limits as the user meets them: "Sync now" too soon after the last sync, or after the bank's
// daily quota is spent, is refused with the time the next sync is allowed instead of burning quota.

#include "jobs/SyncLimits.h"

#include <gtest/gtest.h>

using coffer::jobs::SyncLimits;
using coffer::schedule::ManualClock;

namespace {

constexpr qint64 kConnection = 12;

QDateTime utc(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute, second), Qt::UTC);
}

class SyncLimitsTest : public ::testing::Test {
protected:
    ManualClock m_clock{utc(5, 14, 30)}; // Tuesday 5 March 2024
    SyncLimits m_limits{m_clock};
    const QTimeZone m_utc = QTimeZone::utc();

    // Spend the whole budget of a one-account connection: four syncs, three hours apart from 08:00.
    void spendFourCallsFromEight()
    {
        m_clock.set(utc(5, 8, 0));
        for (int i = 0; i < 4; ++i) {
            ASSERT_FALSE(m_limits.check(kConnection, 1, 1)) << "sync " << i + 1 << " is within budget";
            m_limits.recordStart(kConnection, 1);
            m_clock.advanceSeconds(3 * 3600);
        }
    }
};

} // namespace

TEST_F(SyncLimitsTest, AFirstSyncIsAlwaysAllowed)
{
    EXPECT_FALSE(m_limits.check(kConnection, 3, 3));
}

TEST_F(SyncLimitsTest, SyncNowTooSoonSaysWhenTheNextSyncIsAllowed)
{
    m_limits.recordStart(kConnection, 1);
    m_clock.advanceSeconds(60);

    const auto refusal = m_limits.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->nextAllowedAt, utc(5, 14, 35));
    EXPECT_EQ(m_limits.refusalMessage(*refusal, m_utc), QStringLiteral("Next sync allowed at 14:35"));
    EXPECT_EQ(refusal->reason, QStringLiteral("Coffer waits 5 minutes between syncs of one connection."));

    m_clock.advanceSeconds(239);
    EXPECT_TRUE(m_limits.check(kConnection, 1, 1)) << "still refused one second before";
    m_clock.advanceSeconds(1);
    EXPECT_FALSE(m_limits.check(kConnection, 1, 1)) << "allowed at 14:35 sharp";
}

TEST_F(SyncLimitsTest, TheTimeIsShownInTheUsersZoneAndNeverTooEarly)
{
    m_clock.set(utc(5, 14, 30, 20));
    m_limits.recordStart(kConnection, 1);

    const auto refusal = m_limits.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->nextAllowedAt, utc(5, 14, 35, 20));
    EXPECT_EQ(m_limits.refusalMessage(*refusal, m_utc), QStringLiteral("Next sync allowed at 14:36"))
        << "14:35 would still be refused";
    EXPECT_EQ(m_limits.refusalMessage(*refusal, QTimeZone(3600)), QStringLiteral("Next sync allowed at 15:36"));
}

TEST_F(SyncLimitsTest, TheDayIsAddedWhenItIsNotToday)
{
    m_clock.set(utc(5, 23, 58));
    m_limits.recordStart(kConnection, 1);

    const auto refusal = m_limits.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal);
    EXPECT_EQ(m_limits.refusalMessage(*refusal, m_utc), QStringLiteral("Next sync allowed tomorrow at 00:03"));
    EXPECT_EQ(m_limits.refusalMessage(*refusal, QTimeZone(-3600)), QStringLiteral("Next sync allowed at 23:03"))
        << "an hour west of UTC it is still the same day";
    EXPECT_EQ(m_limits.refusalMessage({utc(7, 9, 15), QString()}, m_utc),
              QStringLiteral("Next sync allowed on Thu 7 Mar at 09:15"));
}

TEST_F(SyncLimitsTest, TheIntervalCanBeSetPerConnection)
{
    m_limits.setMinIntervalSeconds(kConnection, 3600);
    m_limits.recordStart(kConnection, 1);
    m_limits.recordStart(13, 1);
    m_clock.advanceSeconds(600);

    const auto refusal = m_limits.check(kConnection, 1, 1);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->nextAllowedAt, utc(5, 15, 30));
    EXPECT_EQ(refusal->reason, QStringLiteral("Coffer waits 60 minutes between syncs of one connection."));
    EXPECT_FALSE(m_limits.check(13, 1, 1)) << "other connections keep the default";

    m_limits.setDefaultMinIntervalSeconds(900);
    EXPECT_TRUE(m_limits.check(13, 1, 1));
}

TEST_F(SyncLimitsTest, AnExhaustedDailyQuotaIsRefusedUntilTheOldestCallIsADayOld)
{
    m_limits.setDailyCallBudget(kConnection, 4);
    spendFourCallsFromEight(); // 08:00, 11:00, 14:00, 17:00; now 20:00

    const auto refusal = m_limits.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->nextAllowedAt, utc(6, 8, 0));
    EXPECT_EQ(m_limits.refusalMessage(*refusal, m_utc), QStringLiteral("Next sync allowed tomorrow at 08:00"));
    EXPECT_EQ(
        refusal->reason,
        QStringLiteral("The bank allows 4 calls a day for this connection, and 4 were made in the last 24 hours."));

    m_clock.set(utc(6, 7, 59));
    EXPECT_TRUE(m_limits.check(kConnection, 1, 1));
    m_clock.set(utc(6, 8, 0));
    EXPECT_FALSE(m_limits.check(kConnection, 1, 1)) << "the 08:00 call has left the 24 h window";
    m_limits.recordStart(kConnection, 1);
    m_clock.advanceSeconds(300);
    EXPECT_EQ(m_limits.check(kConnection, 1, 1)->nextAllowedAt, utc(6, 11, 0)) << "the window rolls on";
}

TEST_F(SyncLimitsTest, TheQuotaIsPerAccount)
{
    m_limits.setDailyCallBudget(kConnection, 4); // three accounts: 12 calls a day
    m_clock.set(utc(5, 8, 0));
    for (int i = 0; i < 3; ++i) {
        m_limits.recordStart(kConnection, 3);
        m_clock.advanceSeconds(3600);
    }
    // 9 of 12 calls used at 08:00, 09:00 and 10:00; now 11:00.

    EXPECT_FALSE(m_limits.check(kConnection, 3, 3)) << "3 calls fit in the 3 left";
    const auto refusal = m_limits.check(kConnection, 3, 4);
    ASSERT_TRUE(refusal) << "4 calls do not";
    EXPECT_EQ(refusal->nextAllowedAt, utc(6, 8, 0));
    EXPECT_EQ(m_limits.check(kConnection, 3, 7)->nextAllowedAt, utc(6, 9, 0)) << "two old syncs must expire first";
}

TEST_F(SyncLimitsTest, ASyncLargerThanTheWholeDailyQuotaHasNoNextTime)
{
    m_limits.setDailyCallBudget(kConnection, 4);

    const auto refusal = m_limits.check(kConnection, 2, 9);

    ASSERT_TRUE(refusal);
    EXPECT_FALSE(refusal->nextAllowedAt.isValid());
    EXPECT_EQ(m_limits.refusalMessage(*refusal, m_utc),
              QStringLiteral("This sync needs 9 calls, more than the 8 a day the bank allows."));
}

TEST_F(SyncLimitsTest, NoBudgetMeansUnlimitedCalls)
{
    m_limits.setMinIntervalSeconds(kConnection, 0);
    for (int i = 0; i < 100; ++i) {
        ASSERT_FALSE(m_limits.check(kConnection, 5, 5));
        m_limits.recordStart(kConnection, 5);
    }
}

TEST_F(SyncLimitsTest, WhenBothLimitsApplyTheLaterTimeIsGiven)
{
    m_limits.setDailyCallBudget(kConnection, 1);
    m_limits.recordStart(kConnection, 1);
    m_clock.advanceSeconds(60);

    const auto refusal = m_limits.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->nextAllowedAt, utc(6, 14, 30)) << "not 14:35, when the quota would still refuse";
}

TEST_F(SyncLimitsTest, AfterARestartTheWindowIsRebuiltFromTheDatabase)
{
    // A new engine process: nothing in memory, the sync history read back from SQLite.
    SyncLimits restarted(m_clock);
    restarted.setDailyCallBudget(kConnection, 4);
    const QDateTime now = m_clock.now();
    restarted.restore(kConnection, {{now.addSecs(-25 * 3600), 1},
                                    {now.addSecs(-2 * 60), 1},
                                    {now.addSecs(-10 * 3600), 1},
                                    {now.addSecs(-23 * 3600), 1},
                                    {now.addSecs(-20 * 3600), 1}});

    const auto refusal = restarted.check(kConnection, 1, 1);

    ASSERT_TRUE(refusal) << "four calls in the last 24 hours; the one 25 hours ago no longer counts";
    EXPECT_EQ(refusal->nextAllowedAt, now.addSecs(3600)) << "when the call 23 hours ago turns 24 hours old";

    restarted.restore(kConnection, {{now.addSecs(-2 * 60), 1}});
    const auto intervalOnly = restarted.check(kConnection, 1, 1);
    ASSERT_TRUE(intervalOnly) << "restore replaces, it does not add";
    EXPECT_EQ(intervalOnly->nextAllowedAt, now.addSecs(3 * 60));
}

TEST_F(SyncLimitsTest, ARemovedConnectionIsForgotten)
{
    m_limits.setMinIntervalSeconds(kConnection, 3600);
    m_limits.recordStart(kConnection, 1);

    m_limits.forget(kConnection);

    EXPECT_FALSE(m_limits.check(kConnection, 1, 1));
}

TEST_F(SyncLimitsTest, ASyncCountsTheCallsItReallyMade)
{
    // SimpleFIN Bridge: 24 requests a day for the whole connection, whatever its number of accounts.
    m_limits.setDailyCallBudget(kConnection, 24);
    m_limits.setMinIntervalSeconds(kConnection, 0);
    m_limits.recordStart(kConnection, 2); // planned: the accounts and one window
    m_limits.settleCalls(kConnection, 5); // a long gap since the last sync: three windows more
    m_clock.advanceSeconds(60);
    m_limits.recordStart(kConnection, 3); // a backfill: the accounts and two chunks

    EXPECT_FALSE(m_limits.check(kConnection, 1, 16)) << "8 used, 16 left";
    const auto refusal = m_limits.check(kConnection, 1, 17);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(
        refusal->reason,
        QStringLiteral("The bank allows 24 calls a day for this connection, and 8 were made in the last 24 hours."));
    EXPECT_EQ(refusal->nextAllowedAt, utc(6, 14, 30)) << "when the first sync's five calls leave the window";

    SyncLimits restarted(m_clock);
    restarted.setDailyCallBudget(kConnection, 24);
    restarted.restore(kConnection, {{utc(5, 14, 30), 5}, {utc(5, 14, 31), 3}});
    EXPECT_EQ(restarted.checkBudget(kConnection, 1, 17)->nextAllowedAt, utc(6, 14, 30))
        << "the calls of each run are read back as they were";
}
