// Older history on demand: fetched newest first in the provider's chunks, idempotent, and resumed
// where it stopped after a failure, with the same result as an uninterrupted backfill.

#include "EngineHarness.h"

#include <QTemporaryDir>

#include <algorithm>

#include <gtest/gtest.h>

using namespace coffer;
using test::clockAtFixedNow;
using test::EngineUnderTest;
using test::Inspector;

namespace {

constexpr bool kOnDemand = false;
const QDate kToday = test::fixedNow().toUTC().date();
const QDate kFrom = kToday.addDays(-200);

model::SyncSummary backfill(EngineUnderTest& engine, qint64 id, const QDate& from)
{
    const auto before = engine.summaries.size();
    engine.host().backfill(id, from);
    EXPECT_TRUE(test::waitFor([&] { return engine.summaries.size() > before || !engine.failures.isEmpty(); }, 60000));
    EXPECT_TRUE(engine.failures.isEmpty()) << engine.failures.value(0).toStdString();
    return engine.summaries.value(before);
}

QStringList backfilledLedger(quint64 seed)
{
    return test::referenceLedger(seed,
                                 [](EngineUnderTest& engine, qint64 id) { return backfill(engine, id, kFrom).succeeded; });
}

} // namespace

TEST(Backfill, OlderHistoryArrivesNewestFirstAndOnlyOnce)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(31);
    ASSERT_TRUE(engine.sync(id).succeeded);
    Inspector db(engine.databasePath);
    const qint64 recent = db.number(QStringLiteral("SELECT COUNT(*) FROM transactions"));
    EXPECT_GE(db.rows(QStringLiteral("SELECT MIN(booked_on) FROM transactions")).value(0),
              kToday.addDays(-90).toString(Qt::ISODate));

    const auto run = backfill(engine, id, kFrom);
    ASSERT_TRUE(run.succeeded) << (run.error ? run.error->userMessage.toStdString() : "");
    EXPECT_EQ(run.pages, 7) << "201 days in chunks of 30";
    EXPECT_GT(run.changes.added, 0);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), recent + run.changes.added);
    const QString oldest = db.rows(QStringLiteral("SELECT MIN(booked_on) FROM transactions")).value(0);
    EXPECT_GE(oldest, kFrom.toString(Qt::ISODate));
    EXPECT_LE(oldest, kFrom.addDays(5).toString(Qt::ISODate));
    // Newest first: the rows of the most recent backfilled month were stored before the oldest month's.
    const auto firstIdBetween = [&](const QDate& a, const QDate& b) {
        return db.number(QStringLiteral("SELECT MIN(id) FROM transactions WHERE first_seen_run = %1 AND booked_on "
                                        "BETWEEN '%2' AND '%3'")
                             .arg(run.syncRunId)
                             .arg(a.toString(Qt::ISODate), b.toString(Qt::ISODate)));
    };
    EXPECT_LT(firstIdBetween(kToday.addDays(-120), kToday.addDays(-91)), firstIdBetween(kFrom, kFrom.addDays(29)));
    EXPECT_TRUE(run.warnings.isEmpty()) << "older history moves the balance drift, as expected";

    const auto again = backfill(engine, id, kFrom);
    ASSERT_TRUE(again.succeeded);
    EXPECT_EQ(again.changes.total(), 0) << "a second backfill of the same days changes nothing";
}

TEST(Backfill, AnInterruptedBackfillResumesWhereItStopped)
{
    const QStringList reference = backfilledLedger(33);
    ASSERT_FALSE(reference.isEmpty());

    QTemporaryDir dir;
    auto clock = clockAtFixedNow();
    EngineUnderTest engine(dir.path(), clock, kOnDemand);
    const qint64 id = engine.addDemo(33, {{QStringLiteral("failAfterPages"), 3}});
    const auto broken = backfill(engine, id, kFrom);
    ASSERT_FALSE(broken.succeeded);
    EXPECT_EQ(broken.pages, 3);
    {
        Inspector db(engine.databasePath);
        // Three chunks of 30 days are stored, and where to go on is saved with them.
        EXPECT_EQ(db.rows(QStringLiteral("SELECT value FROM settings WHERE key = 'backfill_progress/%1'").arg(id)),
                  QStringList{kFrom.toString(Qt::ISODate) + u'|' + kToday.addDays(-90).toString(Qt::ISODate)});
        EXPECT_GE(db.rows(QStringLiteral("SELECT MIN(booked_on) FROM transactions")).value(0),
                  kToday.addDays(-89).toString(Qt::ISODate));
        db.exec(QStringLiteral("UPDATE connections SET options = json_remove(options, '$.failAfterPages')"));
    }
    // The failed job waits for its retry; asking again joins it.
    clock->advanceSeconds(60);
    const auto resumed = backfill(engine, id, kFrom);
    ASSERT_TRUE(resumed.succeeded) << (resumed.error ? resumed.error->userMessage.toStdString() : "");
    EXPECT_EQ(resumed.pages, 4) << "only the chunks not yet stored";
    Inspector db(engine.databasePath);
    EXPECT_EQ(db.ledger(id), reference) << "resuming gives exactly the uninterrupted result";
    EXPECT_TRUE(db.rows(QStringLiteral("SELECT value FROM settings WHERE key = 'backfill_progress/%1'").arg(id))
                    .value(0)
                    .isEmpty());
}

TEST(Backfill, ABackfillMustStartBeforeToday)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(34);
    engine.host().backfill(id, kToday.addDays(3));
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    EXPECT_EQ(engine.failures[0], QStringLiteral("A backfill starts on a day before today."));
}

TEST(Backfill, AWeeklyFullRefetchCorrectsWhatSyncsMissed)
{
    QTemporaryDir dir;
    auto clock = clockAtFixedNow();
    EngineUnderTest engine(dir.path(), clock); // automatic: the re-fetch follows a sync on its own
    const qint64 id = engine.addDemo(41);
    ASSERT_TRUE(engine.sync(id).succeeded);
    const QString recent = kToday.addDays(-30).toString(Qt::ISODate);
    {
        // Something went wrong behind the syncs' back: a transaction lost, an amount changed.
        Inspector db(engine.databasePath);
        db.exec(QStringLiteral("DELETE FROM transactions WHERE id = (SELECT MIN(id) FROM transactions WHERE status = "
                               "'posted' AND matched_to IS NULL AND booked_on > '%1')")
                    .arg(recent));
        db.exec(QStringLiteral("UPDATE transactions SET amount_minor = amount_minor - 1 WHERE id = (SELECT MAX(id) "
                               "FROM transactions WHERE status = 'posted' AND matched_to IS NULL AND booked_on > '%1')")
                    .arg(recent));
    }
    clock->advanceSeconds(8 * 24 * 3600);
    engine.host().wake();
    const auto refetchRun = [&] {
        return Inspector(engine.databasePath)
            .number(QStringLiteral("SELECT id FROM sync_runs WHERE trigger = 'full-refetch' AND status = 'succeeded'"));
    };
    ASSERT_TRUE(test::waitFor([&] { return refetchRun() > 0; }, 60000));
    ASSERT_TRUE(test::waitFor([&] {
        return std::any_of(engine.summaries.cbegin(), engine.summaries.cend(),
                           [&](const model::SyncSummary& s) { return s.syncRunId == refetchRun(); });
    }));
    const auto refetch = *std::find_if(engine.summaries.cbegin(), engine.summaries.cend(),
                                       [&](const model::SyncSummary& s) { return s.syncRunId == refetchRun(); });
    EXPECT_EQ(refetch.changes.added, 1) << "the lost transaction is back";
    EXPECT_EQ(refetch.changes.modified, 1) << "the wrong amount is corrected";
    ASSERT_FALSE(refetch.warnings.isEmpty());
    EXPECT_TRUE(refetch.warnings[0].startsWith(QStringLiteral("A full re-fetch found 2 differences")))
        << refetch.warnings[0].toStdString();
    // The incremental sync before it already saw the balances stop adding up.
    EXPECT_TRUE(std::any_of(engine.notifications.cbegin(), engine.notifications.cend(), [](const model::Notification& n) {
        return n.kind == model::Notification::Kind::BalanceMismatch;
    }));
}
