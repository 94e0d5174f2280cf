// The min-heap of due connections behind the engine's single timer.

#include "schedule/Scheduler.h"

#include <gtest/gtest.h>

using coffer::schedule::Scheduler;

TEST(Scheduler, EarliestFirstAndEachConnectionOnce)
{
    Scheduler s;
    s.set(1, 3000);
    s.set(2, 1000);
    s.set(3, 2000);
    EXPECT_EQ(s.nextDueMs(), 1000);
    EXPECT_EQ(s.takeDue(2500), (QList<qint64>{2, 3}));
    EXPECT_EQ(s.nextDueMs(), 3000);
    EXPECT_TRUE(s.takeDue(2999).isEmpty());
    EXPECT_EQ(s.takeDue(3000), (QList<qint64>{1}));
    EXPECT_FALSE(s.nextDueMs());
}

TEST(Scheduler, ReschedulingReplacesTheOldPlan)
{
    Scheduler s;
    s.set(7, 1000);
    s.set(7, 5000); // e.g. a manual sync just ran
    EXPECT_EQ(s.nextDueMs(), 5000);
    EXPECT_TRUE(s.takeDue(4000).isEmpty());
    EXPECT_EQ(s.takeDue(6000), (QList<qint64>{7}));
    EXPECT_EQ(s.size(), 0);
}

TEST(Scheduler, ClockJumpCollapsesMissedRunsIntoOne)
{
    Scheduler s;
    for (qint64 id = 1; id <= 100; ++id)
        s.set(id, id * 1000);
    // The machine slept through all of them: each connection comes back exactly once.
    const QList<qint64> due = s.takeDue(10'000'000);
    EXPECT_EQ(due.size(), 100);
    EXPECT_EQ(s.size(), 0);
}

TEST(Scheduler, RemovedConnectionsNeverFire)
{
    Scheduler s;
    s.set(1, 1000);
    s.set(2, 1000);
    s.remove(1);
    EXPECT_EQ(s.takeDue(1000), (QList<qint64>{2}));
}

TEST(Scheduler, ManyReschedulesStayCompact)
{
    Scheduler s;
    for (int round = 0; round < 50; ++round) {
        for (qint64 id = 0; id < 1000; ++id)
            s.set(id, round * 10'000 + id);
    }
    EXPECT_EQ(s.size(), 1000);
    EXPECT_EQ(s.nextDueMs(), 49 * 10'000);
    EXPECT_EQ(s.takeDue(49 * 10'000 + 999).size(), 1000);
}
