// Committing pages: idempotent re-delivery, audit events, and all-or-nothing pages.

#include "LedgerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace coffer;
using providers::Page;
using providers::ProviderTransaction;

namespace {
using PageWriterTest = test::LedgerFixture;
} // namespace

TEST_F(PageWriterTest, ReDeliveryAddsNothing)
{
    sync::PageWriter writer(*m_db);
    Page page;
    page.added = {txn("t1", -1250, "COFFEE"), txn("t2", 250000, "PAYROLL")};
    page.nextCursor = QStringLiteral("c1");
    const auto first = writer.commit(m_target, page);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->added, 2);
    const auto second = writer.commit(m_target, page);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->total(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transactions")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE kind = 'added'")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT amount_minor FROM transactions WHERE provider_id = 't1'")), -1250);
    EXPECT_EQ(text(QStringLiteral("SELECT cursor FROM connections")), QStringLiteral("c1"));
}

TEST_F(PageWriterTest, ModificationIsAuditedWithBeforeAndAfter)
{
    sync::PageWriter writer(*m_db);
    Page page;
    page.added = {txn("t1", -1000, "CAFE", true)};
    ASSERT_TRUE(writer.commit(m_target, page).ok());
    Page change;
    change.modified = {txn("t1", -1200, "CAFE")};
    const auto counts = writer.commit(m_target, change);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->modified, 1);
    const auto changes =
        QJsonDocument::fromJson(
            text(QStringLiteral("SELECT changes FROM transaction_events WHERE kind = 'modified'")).toUtf8())
            .object();
    EXPECT_EQ(changes.value(QStringLiteral("amount")).toArray().at(0).toString(), QStringLiteral("-10.00"));
    EXPECT_EQ(changes.value(QStringLiteral("amount")).toArray().at(1).toString(), QStringLiteral("-12.00"));
    EXPECT_EQ(changes.value(QStringLiteral("status")).toArray().at(1).toString(), QStringLiteral("posted"));
    EXPECT_EQ(
        count(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE sync_run_id = %1").arg(m_target.runId)), 2);
}

TEST_F(PageWriterTest, RemovalKeepsTheRowAndIsIdempotent)
{
    sync::PageWriter writer(*m_db);
    Page page;
    page.added = {txn("t1", -1000, "CAFE")};
    ASSERT_TRUE(writer.commit(m_target, page).ok());
    Page gone;
    gone.removed = {providers::RemovedTransaction{QStringLiteral("acc-1"), QStringLiteral("t1")},
                    providers::RemovedTransaction{QStringLiteral("acc-1"), QStringLiteral("never-seen")}};
    const auto first = writer.commit(m_target, gone);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->removed, 1);
    EXPECT_EQ(writer.commit(m_target, gone)->removed, 0);
    EXPECT_EQ(text(QStringLiteral("SELECT status FROM transactions WHERE provider_id = 't1'")),
              QStringLiteral("removed"));
}

TEST_F(PageWriterTest, AFailureInsideAPageLeavesThePreviousStateIntact)
{
    sync::PageWriter writer(*m_db);
    Page first;
    first.added = {txn("t1", -1000, "CAFE")};
    first.nextCursor = QStringLiteral("after-page-1");
    ASSERT_TRUE(writer.commit(m_target, first).ok());

    Page second;
    second.added = {txn("t2", -2000, "BOOKS"), txn("t3", -3000, "SHOES"), txn("t4", -4000, "TRAIN")};
    second.modified = {txn("t1", -1500, "CAFE")};
    second.nextCursor = QStringLiteral("after-page-2");
    // Fail each statement of the page in turn: whichever fails, nothing of the page may remain.
    for (int n = 1; n <= 12; ++n) {
        m_db->failNthStatement(n);
        const auto result = writer.commit(m_target, second);
        m_db->failNthStatement(0);
        ASSERT_FALSE(result.ok()) << "statement " << n;
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transactions")), 1) << "statement " << n;
        EXPECT_EQ(count(QStringLiteral("SELECT amount_minor FROM transactions WHERE provider_id = 't1'")), -1000);
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events")), 1);
        EXPECT_EQ(text(QStringLiteral("SELECT cursor FROM connections")), QStringLiteral("after-page-1"));
    }
    const auto retried = writer.commit(m_target, second);
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->added, 3);
    EXPECT_EQ(retried->modified, 1);
    EXPECT_EQ(text(QStringLiteral("SELECT cursor FROM connections")), QStringLiteral("after-page-2"));
}

TEST_F(PageWriterTest, RecordOfAnUnlistedAccountIsQuarantinedAndTheRestStored)
{
    sync::PageWriter writer(*m_db);
    Page page;
    ProviderTransaction stray = txn("t9", -100, "X");
    stray.accountProviderId = QStringLiteral("not-listed");
    stray.raw = QByteArrayLiteral("{\"id\":\"t9\"}");
    page.added = {txn("t1", -1000, "CAFE"), stray};
    const auto result = writer.commit(m_target, page);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->added, 1);
    EXPECT_EQ(result->invalid, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transactions")), 1);
    EXPECT_EQ(text(QStringLiteral("SELECT reason FROM raw_payloads")),
              QStringLiteral("record 2 (transaction id \"t9\"): it is for an account the provider did not list"));
    EXPECT_EQ(text(QStringLiteral("SELECT CAST(payload AS TEXT) FROM raw_payloads")), QStringLiteral("{\"id\":\"t9\"}"));
}
