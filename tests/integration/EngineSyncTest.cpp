// The engine end to end on a real SQLite file and the real keychain: syncing the demo bank is
// idempotent, resumable after a failure between pages, and survives a shutdown mid-sync.

#include "EngineHarness.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coffer;
using test::clockAtFixedNow;
using test::EngineUnderTest;
using test::Inspector;

namespace {
// These tests are about what one sync does; schedules are SchedulingTest's business.
constexpr bool kOnDemand = false;
} // namespace

namespace {

// The ledger a demo bank gives when synced in one go.
QStringList uninterruptedLedger(quint64 seed)
{
    return test::referenceLedger(seed, [](EngineUnderTest& engine, qint64 id) { return engine.sync(id).succeeded; });
}

} // namespace

TEST(EngineSync, SecondSyncAddsNothing)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(5);
    const auto first = engine.sync(id);
    ASSERT_TRUE(first.succeeded) << (first.error ? first.error->userMessage.toStdString() : "");
    EXPECT_GT(first.changes.added, 100);
    EXPECT_GT(first.pages, 1);
    const auto second = engine.sync(id);
    ASSERT_TRUE(second.succeeded);
    EXPECT_EQ(second.changes.total(), 0);

    Inspector db(engine.databasePath);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), first.changes.added);
    EXPECT_EQ(
        db.number(
            QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE sync_run_id = %1").arg(first.syncRunId)),
        first.changes.total() + 2 * first.changes.matched); // a match is logged on both rows
    EXPECT_GT(first.changes.matched, 0) << "the demo bank posts pending card purchases";
    EXPECT_EQ(
        db.number(
            QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE sync_run_id = %1").arg(second.syncRunId)),
        0);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status = 'pending'")) > 0, true);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE amount_minor > 0")) > 0, true)
        << "income";
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM balances WHERE sync_run_id = %1").arg(first.syncRunId)) >=
                  2,
              true);
    EXPECT_GT(engine.progressReports, 0);
    // The dashboard settles on idle with the time of the last success once the runs are over.
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].lastSuccessAt.isValid() &&
               engine.statuses[0].state == model::ConnectionState::Idle;
    }));
    EXPECT_EQ(engine.statuses[0].transactionCount,
              db.number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND matched_to IS NULL")));
}

TEST(EngineSync, FailureBetweenPagesKeepsCommittedPagesAndResumes)
{
    const QStringList reference = uninterruptedLedger(21);
    ASSERT_FALSE(reference.isEmpty());

    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(21, {{QStringLiteral("failAfterPages"), 2}});
    const auto failed = engine.sync(id);
    ASSERT_FALSE(failed.succeeded);
    EXPECT_EQ(failed.error->kind, model::ErrorKind::Retryable);
    EXPECT_EQ(failed.pages, 2);
    {
        Inspector db(engine.databasePath);
        EXPECT_EQ(db.rows(QStringLiteral("SELECT status, pages FROM sync_runs WHERE id = %1").arg(failed.syncRunId)),
                  QStringList{QStringLiteral("failed|2")});
        // Exactly the two committed pages are stored: no more, no less.
        EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), failed.changes.added);
        EXPECT_FALSE(db.rows(QStringLiteral("SELECT cursor FROM connections")).value(0).isEmpty());
        EXPECT_LT(db.ledger(id).size(), reference.size());
        db.exec(QStringLiteral("UPDATE connections SET options = json_remove(options, '$.failAfterPages')"));
    }
    const auto resumed = engine.sync(id);
    ASSERT_TRUE(resumed.succeeded);
    EXPECT_EQ(Inspector(engine.databasePath).ledger(id), reference)
        << "resuming gives exactly the uninterrupted result";
}

TEST(EngineSync, TimePassingBringsNewAndPostedTransactions)
{
    QTemporaryDir dir;
    auto clock = clockAtFixedNow();
    EngineUnderTest engine(dir.path(), clock);
    const qint64 id = engine.addDemo(8);
    ASSERT_TRUE(engine.sync(id).succeeded);
    clock->advanceSeconds(3 * 24 * 3600);
    const auto later = engine.sync(id);
    ASSERT_TRUE(later.succeeded);
    EXPECT_GT(later.changes.added, 0);
    EXPECT_GT(later.changes.removed, 0) << "pending transactions that posted are replaced";
}

TEST(EngineSync, ReauthenticationFailureIsShownOnTheConnection)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(2, {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    const auto result = engine.sync(id);
    ASSERT_FALSE(result.succeeded);
    EXPECT_EQ(result.error->kind, model::ErrorKind::NeedsUser);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::ReauthRequired;
    }));
    EXPECT_TRUE(engine.statuses[0].lastError.contains(QStringLiteral("sign in again")));
    ASSERT_EQ(engine.notifications.size(), 1);
    EXPECT_EQ(engine.notifications[0].kind, model::Notification::Kind::ReauthRequired);
    EXPECT_EQ(Inspector(engine.databasePath).number(QStringLiteral("SELECT COUNT(*) FROM transactions")), 0);
}

TEST(EngineSync, ShutdownMidSyncLeavesOnlyWholePages)
{
    const QStringList reference = uninterruptedLedger(13);
    ASSERT_FALSE(reference.isEmpty());
    QTemporaryDir dir;
    qint64 id = 0;
    {
        EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
        id = engine.addDemo(13, {{QStringLiteral("latencyMs"), 60}});
        engine.host().syncNow(id);
        ASSERT_TRUE(test::waitFor([&] { return engine.progressReports >= 3; }));
        engine.host().shutdown(); // mid-sync
    }
    {
        Inspector db(QDir(dir.path()).filePath(QStringLiteral("coffer.sqlite3")));
        EXPECT_EQ(db.rows(QStringLiteral("SELECT status FROM sync_runs")), QStringList{QStringLiteral("interrupted")});
        // Whatever was stored is whole pages: the run's own page counters account for every row.
        EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")),
                  db.number(QStringLiteral("SELECT added FROM sync_runs")));
        EXPECT_LT(db.ledger(id).size(), reference.size());
        db.exec(QStringLiteral("UPDATE connections SET options = json_set(options, '$.latencyMs', 0)"));
    }
    EngineUnderTest again(dir.path(), clockAtFixedNow(), kOnDemand);
    ASSERT_TRUE(again.sync(id).succeeded);
    EXPECT_EQ(Inspector(again.databasePath).ledger(id), reference);
}

TEST(EngineSync, RemovingAConnectionCanKeepOrDeleteItsData)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 keep = engine.addDemo(3);
    const qint64 drop = engine.addDemo(4);
    ASSERT_TRUE(engine.sync(0).succeeded);
    ASSERT_TRUE(test::waitFor([&] { return engine.summaries.size() == 2; }));
    Inspector db(engine.databasePath);
    const qint64 keptRows = db.ledger(keep).size();
    bool removed = false;
    QObject context;
    QObject::connect(&engine.host(), &EngineHost::connectionRemoved, &context, [&](qint64) { removed = true; });
    engine.host().removeConnection(keep, true);
    ASSERT_TRUE(test::waitFor([&] { return removed; }));
    removed = false;
    engine.host().removeConnection(drop, false);
    ASSERT_TRUE(test::waitFor([&] { return removed; }));
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM connections")), 0);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), keptRows);
}

TEST(EngineSync, DataChangingDuringPaginationRestartsFromTheRunsFirstCursor)
{
    const QStringList reference = uninterruptedLedger(22);
    ASSERT_FALSE(reference.isEmpty());
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(22, {{QStringLiteral("mutateOnPage"), 3}});
    const auto run = engine.sync(id);
    ASSERT_TRUE(run.succeeded) << (run.error ? run.error->userMessage.toStdString() : "");
    EXPECT_GT(run.pages, 3) << "the three pages before the restart, then all of them again";
    Inspector db(engine.databasePath);
    EXPECT_EQ(db.ledger(id), reference) << "nothing lost, nothing doubled";
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE kind = 'added'")),
              db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")));
}
