// The dashboard's charts read the sync history and the ledger's activity through
// RunHistoryReader: runs written by the engine's own repositories, transactions by a real demo sync.

#include "store/RunHistoryReader.h"

#include "EngineHarness.h"
#include "model/Error.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SyncRunRepository.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coffer;
using store::HistoryRange;
using store::RunHistoryReader;

namespace {

// Noon local time on a day, so a run never straddles midnight whatever the test machine's zone.
QDateTime localNoon(const QDate& day)
{
    return QDateTime(day, QTime(12, 0)).toUTC();
}

class RunHistoryFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto opened = store::Database::open(m_dir.path());
        ASSERT_TRUE(opened.ok()) << opened.error().userMessage.toStdString();
        m_db = std::move(opened).value();
        m_first = addConnection(QStringLiteral("First"));
        m_second = addConnection(QStringLiteral("Second"));
    }

    qint64 addConnection(const QString& name)
    {
        auto id =
            store::ConnectionRepository(*m_db).insert({QStringLiteral("demo"), name, {}, {}}, name, localNoon(m_today));
        EXPECT_TRUE(id.ok());
        return id.ok() ? id.value() : 0;
    }

    // A run as the sync runner records it: begun, then finished with a status after durationMs.
    qint64 addRun(qint64 connectionId, const QDateTime& startedAt, qint64 durationMs, const QString& status)
    {
        store::SyncRunRepository runs(*m_db);
        auto id = runs.begin(connectionId, QStringLiteral("manual"), startedAt);
        EXPECT_TRUE(id.ok());
        const model::Error error = model::Error::retryable(QStringLiteral("The bank is down."));
        const bool failed = status == u"failed";
        EXPECT_TRUE(runs.finish(id.value(), status, startedAt.addMSecs(durationMs), failed ? &error : nullptr).ok());
        return id.value();
    }

    std::shared_ptr<RunHistoryReader> reader()
    {
        auto opened = RunHistoryReader::open(m_db->path());
        EXPECT_TRUE(opened.ok()) << opened.error().userMessage.toStdString();
        return opened.ok() ? opened.value() : nullptr;
    }

    HistoryRange lastThirtyDays(qint64 connectionId = 0) const { return {connectionId, m_today.addDays(-29), m_today}; }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QDate m_today = QDate(2026, 11, 20);
    qint64 m_first = 0;
    qint64 m_second = 0;
};

} // namespace

TEST_F(RunHistoryFixture, DurationsAreThoseOfFinishedRunsOldestFirst)
{
    addRun(m_first, localNoon(m_today.addDays(-40)), 9000, QStringLiteral("succeeded")); // before the range
    const qint64 a = addRun(m_first, localNoon(m_today.addDays(-3)), 1500, QStringLiteral("succeeded"));
    const qint64 b = addRun(m_second, localNoon(m_today.addDays(-2)), 250, QStringLiteral("failed"));
    addRun(m_first, localNoon(m_today.addDays(-1)), 700, QStringLiteral("interrupted")); // quit mid-run
    const qint64 c = addRun(m_first, localNoon(m_today), 42, QStringLiteral("succeeded"));
    ASSERT_TRUE(store::SyncRunRepository(*m_db).begin(m_first, QStringLiteral("manual"), localNoon(m_today)).ok());

    auto history = reader();
    ASSERT_TRUE(history);
    const auto all = history->durations(lastThirtyDays(), 100);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3);
    EXPECT_EQ(all->at(0).runId, a);
    EXPECT_EQ(all->at(0).durationMs, 1500);
    EXPECT_TRUE(all->at(0).succeeded);
    EXPECT_EQ(all->at(0).startedAt, localNoon(m_today.addDays(-3)));
    EXPECT_EQ(all->at(1).runId, b);
    EXPECT_EQ(all->at(1).durationMs, 250);
    EXPECT_FALSE(all->at(1).succeeded);
    EXPECT_EQ(all->at(1).connectionId, m_second);
    EXPECT_EQ(all->at(2).runId, c);
    EXPECT_EQ(all->at(2).durationMs, 42);

    const auto first = history->durations(lastThirtyDays(m_first), 100);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 2);
    EXPECT_EQ(first->at(0).runId, a);
    EXPECT_EQ(first->at(1).runId, c);

    const auto newest = history->durations(lastThirtyDays(), 2);
    ASSERT_TRUE(newest.ok());
    ASSERT_EQ(newest->size(), 2) << "the limit keeps the newest runs";
    EXPECT_EQ(newest->at(0).runId, b);
    EXPECT_EQ(newest->at(1).runId, c);
}

TEST_F(RunHistoryFixture, RunsPerDayCountSuccessesAndFailuresOnLocalDays)
{
    addRun(m_first, localNoon(m_today.addDays(-5)), 100, QStringLiteral("succeeded"));
    addRun(m_first, localNoon(m_today.addDays(-5)).addSecs(3600), 100, QStringLiteral("failed"));
    addRun(m_second, localNoon(m_today.addDays(-5)).addSecs(7200), 100, QStringLiteral("failed"));
    addRun(m_second, localNoon(m_today), 100, QStringLiteral("succeeded"));
    addRun(m_second, localNoon(m_today), 100, QStringLiteral("interrupted"));
    // The last minute of the range's last local day is in; the first of the next day is not.
    addRun(m_first, QDateTime(m_today, QTime(23, 59)).toUTC(), 100, QStringLiteral("succeeded"));
    addRun(m_first, QDateTime(m_today.addDays(1), QTime(0, 1)).toUTC(), 100, QStringLiteral("failed"));

    auto history = reader();
    ASSERT_TRUE(history);
    const auto all = history->runsPerDay(lastThirtyDays());
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2);
    EXPECT_EQ(all->at(0).day, m_today.addDays(-5));
    EXPECT_EQ(all->at(0).succeeded, 1);
    EXPECT_EQ(all->at(0).failed, 2);
    EXPECT_EQ(all->at(1).day, m_today);
    EXPECT_EQ(all->at(1).succeeded, 2);
    EXPECT_EQ(all->at(1).failed, 0);

    const auto second = history->runsPerDay(lastThirtyDays(m_second));
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->size(), 2);
    EXPECT_EQ(second->at(0).failed, 1);
    EXPECT_EQ(second->at(0).succeeded, 0);
    EXPECT_EQ(second->at(1).succeeded, 1);
}

TEST(RunHistoryReader, TransactionsPerDayFollowWhatDemoSyncsStored)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    test::EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), false);
    const qint64 first = engine.addDemo(21);
    const qint64 second = engine.addDemo(22);
    ASSERT_TRUE(engine.sync(first).succeeded);
    ASSERT_TRUE(engine.sync(second).succeeded);

    auto opened = RunHistoryReader::open(engine.databasePath);
    ASSERT_TRUE(opened.ok()) << opened.error().userMessage.toStdString();
    const RunHistoryReader& history = *opened.value();
    const QDate today = test::fixedNow().date();
    const HistoryRange everything{0, today.addYears(-5), today.addDays(1)};
    const auto all = history.transactionsPerDay(everything);
    ASSERT_TRUE(all.ok());
    ASSERT_FALSE(all->isEmpty());

    // Every day once, in order, and together exactly the transactions the list shows.
    qint64 total = 0;
    for (int i = 0; i < all->size(); ++i) {
        EXPECT_GT(all->at(i).count, 0);
        if (i > 0) {
            EXPECT_LT(all->at(i - 1).day, all->at(i).day);
        }
        total += all->at(i).count;
    }
    test::Inspector db(engine.databasePath);
    EXPECT_EQ(total, db.number(QStringLiteral(
                         "SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND matched_to IS NULL")));

    // One connection's days add up to its own transactions; the two connections to the whole.
    qint64 perConnection = 0;
    for (const qint64 id : {first, second}) {
        const auto days = history.transactionsPerDay({id, everything.from, everything.to});
        ASSERT_TRUE(days.ok());
        qint64 sum = 0;
        for (const store::DailyCount& d : days.value())
            sum += d.count;
        EXPECT_EQ(sum, db.number(QStringLiteral("SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = "
                                                "t.account_id WHERE a.connection_id = %1 AND t.status != 'removed' "
                                                "AND t.matched_to IS NULL")
                                     .arg(id)));
        perConnection += sum;
    }
    EXPECT_EQ(perConnection, total);

    // A window holds only its own days.
    const HistoryRange lastWeek{0, today.addDays(-6), today};
    const auto week = history.transactionsPerDay(lastWeek);
    ASSERT_TRUE(week.ok());
    for (const store::DailyCount& d : week.value()) {
        EXPECT_GE(d.day, lastWeek.from);
        EXPECT_LE(d.day, lastWeek.to);
    }

    // And the two demo syncs are in the run history.
    const auto runs = history.runsPerDay({0, today.addDays(-29), today.addDays(1)}); // whatever the local zone
    ASSERT_TRUE(runs.ok());
    ASSERT_EQ(runs->size(), 1);
    EXPECT_EQ(runs->at(0).succeeded, 2);
}

TEST(RunHistoryReader, AMissingDatabaseIsAnErrorNotACrash)
{
    QTemporaryDir dir;
    const auto opened = RunHistoryReader::open(dir.filePath(QStringLiteral("nothing-here.sqlite3")));
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().userMessage.contains(QStringLiteral("does not exist")));
}
