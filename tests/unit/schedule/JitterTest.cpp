// Jitter: many connections due at the same moment are spread out, the same way every time.

#include "schedule/Jitter.h"
#include "schedule/Schedule.h"

#include <QHash>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using coffer::schedule::jitterSeconds;
using coffer::schedule::jitterWindowSeconds;
using coffer::schedule::Schedule;

namespace {

constexpr qint64 kWindow = 15 * 60;

Schedule schedule(const QString& text)
{
    auto parsed = Schedule::parse(text);
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? std::move(parsed).value() : Schedule::defaultSchedule();
}

// How many of the ids land on the busiest second, and how many seconds get at least one.
std::pair<int, int> spread(qint64 firstId, qint64 step, int count)
{
    std::vector<int> perSecond(size_t(kWindow), 0);
    for (int i = 0; i < count; ++i) {
        const qint64 offset = jitterSeconds(firstId + i * step, kWindow);
        EXPECT_GE(offset, 0);
        EXPECT_LT(offset, kWindow);
        if (offset >= 0 && offset < kWindow)
            ++perSecond[size_t(offset)];
    }
    const int busiest = *std::max_element(perSecond.begin(), perSecond.end());
    const int used = int(std::count_if(perSecond.begin(), perSecond.end(), [](int n) { return n > 0; }));
    return {busiest, used};
}

} // namespace

TEST(Jitter, TenThousandConnectionsSpreadOverTheWindow)
{
    // 10,000 over 900 seconds is about 11 a second; no second may take a burst.
    const auto [busiest, used] = spread(1, 1, 10'000);
    EXPECT_LE(busiest, 40);
    EXPECT_GE(used, 890);
}

TEST(Jitter, PatternedIdsSpreadToo)
{
    // Ids handed out in blocks (or multiples of the window) must not collide on one second.
    EXPECT_LE(spread(1'000'000, 1000, 10'000).first, 40);
    EXPECT_LE(spread(0, kWindow, 10'000).first, 40);
}

TEST(Jitter, SameConnectionSameOffset)
{
    for (qint64 id : {1LL, 42LL, 123'456'789LL, -7LL}) {
        EXPECT_EQ(jitterSeconds(id, kWindow), jitterSeconds(id, kWindow));
        EXPECT_GE(jitterSeconds(id, kWindow), 0);
        EXPECT_LT(jitterSeconds(id, kWindow), kWindow);
    }
    EXPECT_NE(jitterSeconds(1, kWindow), jitterSeconds(2, kWindow));
}

TEST(Jitter, EmptyWindowMeansNoDelay)
{
    EXPECT_EQ(jitterSeconds(42, 0), 0);
    EXPECT_EQ(jitterSeconds(42, -5), 0);
    EXPECT_EQ(jitterSeconds(42, 1), 0);
}

TEST(Jitter, WindowIsATenthOfTheIntervalUpToFifteenMinutes)
{
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("every 30m"))), 180);
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("every 1m"))), 6);
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("every 2h"))), 720);
    EXPECT_EQ(jitterWindowSeconds(Schedule::defaultSchedule()), 15 * 60);
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("every 1d"))), 15 * 60);
}

TEST(Jitter, WindowIsFiveMinutesForTimesOfDay)
{
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("daily 04:00"))), 5 * 60);
    EXPECT_EQ(jitterWindowSeconds(schedule(QStringLiteral("cron 0 4 * * * Europe/Berlin"))), 5 * 60);
}
