// What keeps the ledger honest around matching: bad records quarantined one by one, vanished
// transactions noticed, stale pending ones expired, and balances that stop adding up flagged.

#include "LedgerFixture.h"
#include "sync/BalanceReconciler.h"
#include "sync/PendingExpiry.h"

#include <gtest/gtest.h>

using namespace coffer;
using model::TransactionStatus;
using providers::ProviderTransaction;

namespace {
using PipelineChecksTest = test::LedgerFixture;
const QDate kDay(2026, 11, 2);
} // namespace

TEST_F(PipelineChecksTest, BadRecordsAreQuarantinedWithTheirReasonAndNeverCostThePage)
{
    ProviderTransaction noId = txn("", -100, "A");
    noId.raw = QByteArrayLiteral("{\"amount\":\"-1.00\"}");
    ProviderTransaction badDate = txn("d1", -100, "B");
    badDate.bookedOn = QDate(2026, 2, 30); // no such day
    ProviderTransaction badCurrency = txn("c1", -100, "C");
    badCurrency.amount = model::Money(-100, QStringLiteral("XYZ"));
    ProviderTransaction badAmount = txn("a1", 0, "D");
    badAmount.problem = QStringLiteral("its amount \"12,3.4\" is not a number");
    badAmount.raw = QByteArrayLiteral("{\"id\":\"a1\",\"amount\":\"12,3.4\"}");

    const auto counts = commit(m_target, {txn("ok1", -100, "GOOD"), noId, badDate, badCurrency, badAmount,
                                          txn("ok2", -200, "GOOD TOO")});
    EXPECT_EQ(counts.added, 2);
    EXPECT_EQ(counts.invalid, 4);
    EXPECT_EQ(count(QStringLiteral("SELECT invalid FROM sync_runs WHERE id = %1").arg(m_target.runId)), 4);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM raw_payloads")), 4);
    EXPECT_EQ(text(QStringLiteral("SELECT reason FROM raw_payloads ORDER BY id LIMIT 1")),
              QStringLiteral("record 2: it has no transaction id"));
    EXPECT_EQ(text(QStringLiteral("SELECT CAST(payload AS TEXT) FROM raw_payloads ORDER BY id LIMIT 1")),
              QStringLiteral("{\"amount\":\"-1.00\"}"));
    EXPECT_EQ(text(QStringLiteral("SELECT reason FROM raw_payloads ORDER BY id LIMIT 1 OFFSET 1")),
              QStringLiteral("record 3 (transaction id \"d1\"): its date is missing or impossible"));
    EXPECT_EQ(text(QStringLiteral("SELECT reason FROM raw_payloads ORDER BY id LIMIT 1 OFFSET 2")),
              QStringLiteral("record 4 (transaction id \"c1\"): its currency \"XYZ\" is not an ISO 4217 currency"));
    EXPECT_EQ(text(QStringLiteral("SELECT reason FROM raw_payloads ORDER BY id LIMIT 1 OFFSET 3")),
              QStringLiteral("record 5 (transaction id \"a1\"): its amount \"12,3.4\" is not a number"));
}

TEST_F(PipelineChecksTest, ForeignCurrencyOriginalAmountIsKept)
{
    ProviderTransaction abroad = txn("t1", -5432, "HOTEL LISBOA");
    abroad.originalAmount = model::Money(-4999, QStringLiteral("EUR"));
    commit(m_target, {abroad});
    const auto stored = row(m_target.source, "t1");
    ASSERT_TRUE(stored.originalAmount.has_value());
    EXPECT_EQ(*stored.originalAmount, model::Money(-4999, QStringLiteral("EUR")));
    EXPECT_EQ(stored.amount, model::Money(-5432, QStringLiteral("USD")));
}

TEST_F(PipelineChecksTest, ATransactionMissingFromAFullyReportedWindowIsRemoved)
{
    commit(m_target, {txn("t1", -100, "A", false, kDay), txn("t2", -200, "B", false, kDay.addDays(2)),
                      txn("p1", -300, "C", true, kDay.addDays(3)), txn("old", -400, "D", false, kDay.addDays(-30))});
    providers::Page page;
    page.added = {txn("t1", -100, "A", false, kDay)};
    page.window = providers::CoveredWindow{kDay.addDays(-1), kDay.addDays(5), {QStringLiteral("acc-1")}};
    const auto counts = sync::PageWriter(*m_db).commit(m_target, page);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->removed, 1);
    EXPECT_EQ(row(m_target.source, "t2").status, TransactionStatus::Removed);
    EXPECT_EQ(row(m_target.source, "t1").status, TransactionStatus::Posted);
    EXPECT_EQ(row(m_target.source, "p1").status, TransactionStatus::Pending) << "vanished pending: grace, then expiry";
    EXPECT_EQ(row(m_target.source, "old").status, TransactionStatus::Posted) << "outside the window";
    EXPECT_TRUE(text(QStringLiteral("SELECT changes FROM transaction_events WHERE kind = 'removed'"))
                    .contains(QStringLiteral("no longer reported")));
    // The same window again removes nothing more.
    EXPECT_EQ(sync::PageWriter(*m_db).commit(m_target, page)->removed, 0);
}

TEST_F(PipelineChecksTest, PendingTheSourceStopsReportingExpires)
{
    sync::PageWriter::Target early = m_target;
    early.today = kDay;
    providers::Page page;
    page.added = {txn("p-old", -100, "A", true), txn("p-kept", -200, "B", true)};
    ASSERT_TRUE(sync::PageWriter(*m_db).commit(early, page).ok());
    // Five days later only one is delivered again.
    sync::PageWriter::Target later = m_target;
    later.today = kDay.addDays(5);
    page.added = {txn("p-kept", -200, "B", true)};
    ASSERT_TRUE(sync::PageWriter(*m_db).commit(later, page).ok());

    auto expired = sync::expirePending(*m_db, m_target.source, kDay.addDays(10), 10, m_target.runId);
    ASSERT_TRUE(expired.ok());
    EXPECT_EQ(expired.value(), 0) << "ten days is not more than ten";
    expired = sync::expirePending(*m_db, m_target.source, kDay.addDays(11), 10, m_target.runId);
    ASSERT_TRUE(expired.ok());
    EXPECT_EQ(expired.value(), 1);
    EXPECT_EQ(row(m_target.source, "p-old").status, TransactionStatus::Removed);
    EXPECT_EQ(row(m_target.source, "p-kept").status, TransactionStatus::Pending);
    EXPECT_TRUE(text(QStringLiteral("SELECT changes FROM transaction_events WHERE kind = 'removed'"))
                    .contains(QStringLiteral("pending expired")));
}

TEST_F(PipelineChecksTest, TheExpirySettingIsTheUsers)
{
    EXPECT_EQ(sync::pendingExpiryDays(*m_db), 10);
    QSqlQuery(m_db->handle()).exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('pending_expiry_days', '21')"));
    EXPECT_EQ(sync::pendingExpiryDays(*m_db), 21);
}

TEST_F(PipelineChecksTest, ABalanceDriftThatMovesIsFlagged)
{
    commit(m_target, {txn("t1", -1000, "A"), txn("t2", 5000, "B"), txn("p1", -700, "C", true)});
    sync::BalanceReconciler reconciler(*m_db);
    const model::Money usd(10000, QStringLiteral("USD"));
    // 100.00 reported, 40.00 stored (pending excluded): 60.00 of history before the first stored day.
    auto first = reconciler.reconcile(m_accountId, usd, m_target.runId, test::fixedNow(), false);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->driftMinor, 6000);
    EXPECT_FALSE(first->flagged);
    EXPECT_FALSE(reconciler.reconcile(m_accountId, usd, m_target.runId, test::fixedNow(), false)->flagged);

    // The bank's balance moves by 12.00 that no stored transaction explains.
    const auto missed = reconciler.reconcile(m_accountId, model::Money(8800, QStringLiteral("USD")), m_target.runId,
                                             test::fixedNow(), false);
    ASSERT_TRUE(missed.ok());
    EXPECT_TRUE(missed->flagged);
    EXPECT_EQ(missed->driftMinor, 4800);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM reconciliations WHERE flagged = 1")), 1);

    // A backfill adds older history: the drift may move.
    commit(m_target, {txn("old", 4800, "E", false, kDay.addDays(-200))});
    EXPECT_FALSE(reconciler.reconcile(m_accountId, model::Money(8800, QStringLiteral("USD")), m_target.runId,
                                      test::fixedNow(), true)
                     ->flagged);
}
