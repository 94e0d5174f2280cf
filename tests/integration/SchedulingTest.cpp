// The engine keeping connections fresh on its own, on a simulated clock: schedules, retries
// with backoff, dead letters, needs-user errors, minimum intervals, pause and restart.

#include "EngineHarness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using test::EngineUnderTest;

namespace {

class SchedulingTest : public ::testing::Test {
protected:
    // Moves the simulated clock and lets the engine look at what became due.
    void advance(EngineUnderTest& engine, qint64 seconds)
    {
        m_clock->advanceSeconds(seconds);
        engine.host().wake();
    }

    // Waits until the engine reported `count` sync runs in all, or fails the test.
    void expectRuns(EngineUnderTest& engine, int count)
    {
        EXPECT_TRUE(test::waitFor([&] { return engine.summaries.size() >= count; }, 30000))
            << "expected " << count << " runs, saw " << engine.summaries.size();
        // And no more than that: give a wrongly armed timer or a double trigger a chance to show.
        QTest::qWait(150);
        EXPECT_EQ(engine.summaries.size(), count);
    }

    // The newest sync job (health checks and cleanups share the queue).
    static jobs::Job newestSyncJob(EngineUnderTest& engine)
    {
        for (const jobs::Job& j : engine.jobs()) {
            if (j.kind == jobs::JobKind::SyncConnection)
                return j;
        }
        ADD_FAILURE() << "no sync job";
        return {};
    }

    // The health reports the engine publishes from now on.
    const QList<jobs::HealthReport>& collectHealth(EngineUnderTest& engine)
    {
        QObject::connect(&engine.host(), &EngineHost::health, &m_context,
                         [this](const jobs::HealthReport& r) { m_reports << r; });
        return m_reports;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = test::clockAtFixedNow();
    QObject m_context;
    QList<jobs::HealthReport> m_reports;
};

} // namespace

TEST_F(SchedulingTest, NewConnectionSyncsSoonThenEveryFourHours)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(3);
    advance(engine, 61); // never synced: due within the first minute (staggered)
    expectRuns(engine, 1);
    EXPECT_TRUE(engine.summaries[0].succeeded);
    EXPECT_EQ(engine.summaries[0].connectionId, id);

    advance(engine, 3 * 3600); // not yet: the schedule is every 4 hours
    expectRuns(engine, 1);
    advance(engine, 3600 + 16 * 60); // 4 h after the last run, past the jitter window
    expectRuns(engine, 2);
}

TEST_F(SchedulingTest, MissedRunsAfterSleepCollapseIntoOne)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    engine.addDemo(4);
    advance(engine, 61);
    expectRuns(engine, 1);
    advance(engine, 3 * 24 * 3600); // the laptop slept for three days: eighteen runs missed
    expectRuns(engine, 2);
}

TEST_F(SchedulingTest, RetryableFailuresBackOffThenDeadLetter)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(5, {{QStringLiteral("fail"), QStringLiteral("transient")}});
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    EXPECT_EQ(engine.summaries[0].error->kind, model::ErrorKind::Retryable);

    advance(engine, 4); // the first retry waits at least 5 s
    expectRuns(engine, 1);
    advance(engine, 3); // 7 s: past 5 s plus at most 20 % jitter
    expectRuns(engine, 2);
    advance(engine, 9); // the second waits 10-12 s
    expectRuns(engine, 2);
    advance(engine, 4);
    expectRuns(engine, 3);
    advance(engine, 25); // the third waits 20-24 s
    expectRuns(engine, 4);
    advance(engine, 3600); // attempts used up: nothing more until the schedule
    expectRuns(engine, 4);

    const jobs::Job dead = newestSyncJob(engine);
    EXPECT_EQ(dead.state, jobs::JobState::Failed);
    EXPECT_EQ(dead.attempts, 4);
    EXPECT_EQ(dead.errors.size(), 4) << "the whole error history is kept";
    EXPECT_TRUE(dead.lastError.contains(QStringLiteral("temporarily unavailable")));
}

TEST_F(SchedulingTest, NeedsUserErrorsAreNeverRetried)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(6, {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    advance(engine, 60);
    advance(engine, 24 * 3600);
    expectRuns(engine, 1);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::ReauthRequired;
    }));
    EXPECT_EQ(newestSyncJob(engine).state, jobs::JobState::Failed);
}

TEST_F(SchedulingTest, SyncNowTooSoonSaysWhenTheNextSyncIsAllowed)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(7, {{QStringLiteral("minIntervalSeconds"), 300}});
    ASSERT_TRUE(engine.sync(id).succeeded);
    advance(engine, 60);
    engine.host().syncNow(id);
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    // The run started at the fixed "now"; five minutes later, in local time, minute rounded up.
    const QString expected = test::fixedNow().addSecs(300).toLocalTime().toString(QStringLiteral("HH:mm"));
    EXPECT_TRUE(engine.failures.last().contains(QStringLiteral("Next sync allowed at ") + expected))
        << engine.failures.last().toStdString();
    expectRuns(engine, 1);
    advance(engine, 241);
    EXPECT_TRUE(engine.sync(id).succeeded) << "allowed again after the interval";
}

TEST_F(SchedulingTest, DuplicateRequestsMergeIntoOneRun)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(8, {{QStringLiteral("latencyMs"), 30}});
    for (int i = 0; i < 5; ++i)
        engine.host().syncNow(id);
    expectRuns(engine, 1);
}

TEST_F(SchedulingTest, PausedQueueStartsNothingUntilResumed)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(9);
    engine.host().pauseQueue();
    ASSERT_TRUE(test::waitFor([&] { return !engine.doneMessages.isEmpty(); }));
    engine.host().syncNow(id);
    advance(engine, 3600);
    expectRuns(engine, 0);
    engine.host().resumeQueue();
    expectRuns(engine, 1);
}

TEST_F(SchedulingTest, AnInterruptedJobResumesAfterRestart)
{
    qint64 id = 0;
    {
        EngineUnderTest engine(m_dir.path(), m_clock);
        id = engine.addDemo(10, {{QStringLiteral("latencyMs"), 60}});
        engine.host().syncNow(id);
        ASSERT_TRUE(test::waitFor([&] { return engine.progressReports >= 3; }));
    } // quit mid-sync
    EngineUnderTest again(m_dir.path(), m_clock);
    // Nobody asks again: the open job resumes on its own and completes.
    ASSERT_TRUE(test::waitFor([&] { return !again.summaries.isEmpty(); }, 30000));
    EXPECT_TRUE(again.summaries[0].succeeded);
    EXPECT_EQ(again.summaries[0].connectionId, id);
}

TEST_F(SchedulingTest, HealthChecksRunEveryFifteenMinutesAndFlagStaleData)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const QList<jobs::HealthReport>& reports = collectHealth(engine);
    engine.addDemo(11, {{QStringLiteral("fail"), QStringLiteral("transient")}});
    advance(engine, 15 * 60 + 1);
    ASSERT_TRUE(test::waitFor([&] { return !reports.isEmpty(); }));
    ASSERT_EQ(reports.last().connections.size(), 1);
    EXPECT_TRUE(reports.last().connections[0].stale) << "it never synced successfully";
    ASSERT_TRUE(test::waitFor([&] {
        return std::any_of(engine.notifications.cbegin(), engine.notifications.cend(),
                           [](const model::Notification& n) { return n.kind == model::Notification::Kind::DataStale; });
    }));
    // Told once, not at every check.
    advance(engine, 15 * 60 + 1);
    ASSERT_TRUE(test::waitFor([&] { return reports.size() >= 2; }));
    const auto stale = std::count_if(engine.notifications.cbegin(), engine.notifications.cend(),
                                     [](const model::Notification& n) { return n.kind == model::Notification::Kind::DataStale; });
    EXPECT_EQ(stale, 1);
}

TEST_F(SchedulingTest, NewConnectionsFollowTheUsersDefaultScheduleAndStaleThreshold)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const QList<jobs::HealthReport>& reports = collectHealth(engine);
    engine.host().setSetting(QStringLiteral("default_schedule"), QStringLiteral("every 1d"));
    engine.host().setSetting(QStringLiteral("stale_after_hours"), QStringLiteral("1"));
    ASSERT_TRUE(test::waitFor([&] { return engine.doneMessages.size() >= 2; }));
    engine.addDemo(13);
    advance(engine, 61);
    expectRuns(engine, 1);
    ASSERT_TRUE(engine.summaries[0].succeeded);

    advance(engine, 15 * 60 + 1);
    ASSERT_TRUE(test::waitFor([&] { return !reports.isEmpty(); }));
    ASSERT_EQ(reports.last().connections.size(), 1);
    EXPECT_FALSE(reports.last().connections[0].stale) << "16 minutes old, stale after an hour";
    advance(engine, 5 * 3600); // past four hours and the jitter window: "every 4h" would have run again
    ASSERT_TRUE(test::waitFor([&] { return reports.size() >= 2; }));
    ASSERT_EQ(reports.last().connections.size(), 1);
    EXPECT_TRUE(reports.last().connections[0].stale) << "over an hour old; the default threshold is a day";
    EXPECT_TRUE(test::waitFor([&] {
        return std::any_of(engine.notifications.cbegin(), engine.notifications.cend(),
                           [](const model::Notification& n) { return n.kind == model::Notification::Kind::DataStale; });
    }));
    expectRuns(engine, 1); // synced daily, not every 4 hours
}

TEST_F(SchedulingTest, OfflineScheduledSyncsWaitAndManualOnesFailFast)
{
    auto network = std::make_shared<schedule::ManualNetworkStatus>();
    EngineUnderTest engine(m_dir.path(), m_clock, true, network);
    const qint64 id = engine.addDemo(12, {{QStringLiteral("needsNetwork"), true}});
    network->setOnline(false);
    engine.host().syncNow(id);
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    EXPECT_TRUE(engine.failures.last().contains(QStringLiteral("offline"))) << engine.failures.last().toStdString();
    advance(engine, 2 * 3600); // the schedule comes due while offline: it waits
    expectRuns(engine, 0);
    network->setOnline(true); // back online: caught up without being asked
    expectRuns(engine, 1);
    EXPECT_TRUE(engine.summaries[0].succeeded);
}

TEST_F(SchedulingTest, InvalidDataIsQuarantinedNotRetried)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(13, {{QStringLiteral("fail"), QStringLiteral("invalid")}});
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    EXPECT_EQ(engine.summaries[0].error->kind, model::ErrorKind::InvalidData);
    advance(engine, 60);
    expectRuns(engine, 1);
    test::Inspector db(engine.databasePath);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT payload FROM raw_payloads WHERE connection_id = %1").arg(id)),
              QStringList{QStringLiteral("{\"transactions\": \"<garbled>\"}")});
    EXPECT_EQ(newestSyncJob(engine).state, jobs::JobState::Failed);
}

TEST_F(SchedulingTest, ExpiringConsentIsAnnouncedOnceAndShownOnTheConnection)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    engine.addDemo(14, {{QStringLiteral("consentDays"), 5}});
    engine.addDemo(15); // 90 days: nothing to say
    engine.host().wake();
    ASSERT_TRUE(test::waitFor([&] {
        return std::count_if(engine.statuses.cbegin(), engine.statuses.cend(), [](const model::ConnectionStatus& s) {
                   return s.state == model::ConnectionState::ReauthSoon;
               }) == 1;
    }));
    // The daily credentials check runs at start and then once a day: one notice, not one a day.
    advance(engine, 24 * 3600 + 60);
    advance(engine, 24 * 3600 + 60);
    QTest::qWait(300);
    const auto notices = std::count_if(engine.notifications.cbegin(), engine.notifications.cend(),
                                       [](const model::Notification& n) {
                                           return n.kind == model::Notification::Kind::ConsentExpiring;
                                       });
    EXPECT_EQ(notices, 1);
}

TEST_F(SchedulingTest, SyncAllReportsTheBatchOnceItIsDone)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    engine.addDemo(16);
    engine.addDemo(17);
    engine.host().syncAll();
    ASSERT_TRUE(test::waitFor([&] {
        return std::any_of(engine.notifications.cbegin(), engine.notifications.cend(), [](const model::Notification& n) {
            return n.kind == model::Notification::Kind::BatchCompleted;
        });
    }));
    EXPECT_EQ(engine.summaries.size(), 2);
}

TEST_F(SchedulingTest, NoMoreThanTwoSyncsOfOneProviderRunAtOnce)
{
    EngineUnderTest engine(m_dir.path(), m_clock, false);
    for (quint64 seed = 20; seed < 25; ++seed)
        engine.addDemo(seed, {{QStringLiteral("latencyMs"), 20}});
    int mostAtOnce = 0;
    QObject context;
    QObject::connect(&engine.host(), &EngineHost::connectionsChanged, &context,
                     [&](const QList<model::ConnectionStatus>& statuses) {
                         const auto syncing = std::count_if(statuses.cbegin(), statuses.cend(), [](const auto& s) {
                             return s.state == model::ConnectionState::Syncing;
                         });
                         mostAtOnce = std::max(mostAtOnce, int(syncing));
                     });
    engine.host().syncAll();
    expectRuns(engine, 5);
    EXPECT_EQ(mostAtOnce, 2) << "the per-provider limit, and it is actually used";
}

TEST_F(SchedulingTest, ShortLivedTokensAreRenewedTenMinutesBeforeTheyExpire)
{
    EngineUnderTest engine(m_dir.path(), m_clock);
    const qint64 id = engine.addDemo(30, {{QStringLiteral("tokenLifetimeMinutes"), 60}});
    test::Inspector db(engine.databasePath);
    const auto tokenExpiry = [&] {
        return QDateTime::fromString(
            QJsonDocument::fromJson(db.rows(QStringLiteral("SELECT options FROM connections WHERE id = %1").arg(id)).value(0).toUtf8())
                .object()
                .value(QStringLiteral("tokenExpiresAt"))
                .toString(),
            Qt::ISODateWithMs);
    };
    const QDateTime first = tokenExpiry();
    ASSERT_EQ(first, test::fixedNow().addSecs(3600));

    advance(engine, 49 * 60); // eleven minutes before expiry: not yet
    QTest::qWait(200);
    EXPECT_EQ(tokenExpiry(), first);
    advance(engine, 2 * 60); // inside the ten-minute buffer: renewed
    ASSERT_TRUE(test::waitFor([&] { return tokenExpiry() > first; }));
    EXPECT_EQ(tokenExpiry(), m_clock->now().addSecs(3600));

    advance(engine, 20 * 60); // past the first token's expiry: syncing still works
    const auto result = engine.sync(id);
    EXPECT_TRUE(result.succeeded) << (result.error ? result.error->userMessage.toStdString() : "");
}
