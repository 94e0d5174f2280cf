// Deduplication as a user sees it: one visible transaction per real one, every match explained
// and undoable, and look-alikes left alone.

#include "LedgerFixture.h"
#include "sync/TransactionMatcher.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace coffer;
using model::TransactionStatus;
using providers::ProviderTransaction;

namespace {

using TransactionMatcherTest = test::LedgerFixture;

const QDate kMonday(2026, 11, 2);

ProviderTransaction posted(const char* id, qint64 minor, const char* description, QDate on,
                           const char* pendingId = "")
{
    auto t = test::LedgerFixture::txn(id, minor, description, false, on);
    t.pendingProviderId = QString::fromLatin1(pendingId);
    t.category = QStringLiteral("dining"); // where tips are normal; other tests say otherwise
    return t;
}

ProviderTransaction pending(const char* id, qint64 minor, const char* description, QDate on = kMonday)
{
    auto t = test::LedgerFixture::txn(id, minor, description, true, on);
    t.category = QStringLiteral("dining");
    return t;
}

ProviderTransaction atPharmacy(ProviderTransaction t)
{
    t.category = QStringLiteral("health");
    return t;
}

} // namespace

TEST_F(TransactionMatcherTest, TwoIdenticalPurchasesOnTheSameDayStayTwo)
{
    const auto counts = commit(m_target, {posted("c1", -450, "BLUE BOTTLE COFFEE", kMonday),
                                          posted("c2", -450, "BLUE BOTTLE COFFEE", kMonday)});
    EXPECT_EQ(counts.added, 2);
    EXPECT_EQ(counts.matched, 0);
    EXPECT_EQ(visible(), 2);
}

TEST_F(TransactionMatcherTest, ProviderLinkFoldsThePendingIntoItsPostedTransaction)
{
    commit(m_target, {pending("p1", -1000, "SHELL OIL 5744")});
    const auto counts = commit(m_target, {posted("t1", -1000, "SHELL OIL 5744", kMonday.addDays(2), "p1")});
    EXPECT_EQ(counts.matched, 1);
    EXPECT_EQ(visible(), 1);
    const auto p = row(m_target.source, "p1");
    const auto t = row(m_target.source, "t1");
    EXPECT_EQ(p.matchedTo, t.id);
    EXPECT_DOUBLE_EQ(p.matchScore, 1.0);
    EXPECT_TRUE(p.matchReason.contains(QStringLiteral("linked by the bank"))) << p.matchReason.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE kind = 'matched'")), 2);
}

TEST_F(TransactionMatcherTest, UnlinkedPostedWithATipReplacesItsPending)
{
    commit(m_target, {pending("p1", -4000, "TST* NOPA RESTAURANT")});
    const auto counts = commit(m_target, {posted("t1", -4800, "TST* NOPA RESTAURANT", kMonday.addDays(2))});
    EXPECT_EQ(counts.matched, 1);
    EXPECT_EQ(visible(), 1);
    const auto p = row(m_target.source, "p1");
    EXPECT_EQ(p.matchedTo, row(m_target.source, "t1").id);
    EXPECT_TRUE(p.matchReason.contains(QStringLiteral("20% higher (tip)"))) << p.matchReason.toStdString();
    EXPECT_GT(p.matchScore, 0.6);
    EXPECT_LT(p.matchScore, 1.0);
}

TEST_F(TransactionMatcherTest, OnlyWherePeopleTipMayThePostedAmountBeHigher)
{
    // At a pharmacy, a later and larger purchase is another purchase, not this one with a tip.
    commit(m_target, {atPharmacy(pending("p1", -2603, "CVS/PHARMACY #09812"))});
    EXPECT_EQ(commit(m_target, {atPharmacy(posted("other", -3183, "CVS/PHARMACY #09812", kMonday.addDays(2)))}).matched, 0);
    EXPECT_EQ(commit(m_target, {atPharmacy(posted("own", -2603, "CVS/PHARMACY #09812", kMonday.addDays(3)))}).matched, 1);
    EXPECT_EQ(row(m_target.source, "p1").matchedTo, row(m_target.source, "own").id);
}

TEST_F(TransactionMatcherTest, TheBanksLinkTakesThePendingBackFromAGuess)
{
    auto coffee = [](const char* id, qint64 minor, QDate on, bool isPending, const char* link = "") {
        auto t = test::LedgerFixture::txn(id, minor, "SQ *BLUE BOTTLE COFFEE", isPending, on);
        t.category = QStringLiteral("dining");
        t.pendingProviderId = QString::fromLatin1(link);
        return t;
    };
    commit(m_target, {coffee("p1", -547, kMonday, true)});
    // Another coffee a day later, a little dearer: the scored match takes p1 for it.
    EXPECT_EQ(commit(m_target, {coffee("other", -676, kMonday.addDays(1), false)}).matched, 1);
    // p1's own posted transaction arrives with the bank's link: p1 goes where it belongs.
    EXPECT_EQ(commit(m_target, {coffee("own", -547, kMonday.addDays(3), false, "p1")}).matched, 1);
    EXPECT_EQ(row(m_target.source, "p1").matchedTo, row(m_target.source, "own").id);
    EXPECT_EQ(visible(), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events e JOIN transactions t ON t.id = "
                                   "e.transaction_id WHERE t.provider_id = 'other' AND e.kind = 'unmatched'")),
              1);
}

TEST_F(TransactionMatcherTest, PendingIsNotReplacedBeyondTheRules)
{
    commit(m_target, {pending("p1", -4000, "NOPA RESTAURANT"), pending("p2", -4000, "NOPA RESTAURANT"),
                      pending("p3", -4000, "NOPA RESTAURANT")});
    const auto counts = commit(m_target, {
                                             posted("more-than-tip", -5300, "NOPA RESTAURANT", kMonday.addDays(1)),
                                             posted("too-late", -4000, "NOPA RESTAURANT", kMonday.addDays(9)),
                                             posted("other-payee", -4000, "CITY PARKING", kMonday.addDays(1)),
                                             posted("less", -3000, "NOPA RESTAURANT", kMonday.addDays(1)),
                                             posted("refund", 4000, "NOPA RESTAURANT", kMonday.addDays(1)),
                                         });
    EXPECT_EQ(counts.matched, 0);
    EXPECT_EQ(visible(), 8);
}

TEST_F(TransactionMatcherTest, TwoIdenticalPendingCoffeesPostAsTwo)
{
    commit(m_target, {pending("p1", -450, "BLUE BOTTLE COFFEE"), pending("p2", -450, "BLUE BOTTLE COFFEE")});
    const auto counts = commit(m_target, {posted("t1", -450, "BLUE BOTTLE COFFEE", kMonday.addDays(1)),
                                          posted("t2", -450, "BLUE BOTTLE COFFEE", kMonday.addDays(1))});
    EXPECT_EQ(counts.matched, 2);
    EXPECT_EQ(visible(), 2);
    EXPECT_NE(row(m_target.source, "p1").matchedTo, row(m_target.source, "p2").matchedTo);
}

TEST_F(TransactionMatcherTest, AFileImportOverlappingTheSyncAddsNothingTwice)
{
    commit(m_target, {posted("t1", -2599, "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", kMonday)});
    const auto counts = commit(m_import, {posted("FIT-1", -2599, "AMAZON MARKETPLACE", kMonday.addDays(1)),
                                          posted("FIT-2", -1000, "CITY PARKING", kMonday)});
    EXPECT_EQ(counts.added, 2);
    EXPECT_EQ(counts.matched, 1);
    EXPECT_EQ(visible(), 2);
    // The provider's row stays what the user sees; the file's row is kept, folded into it.
    const auto fromFile = row(m_import.source, "FIT-1");
    EXPECT_EQ(fromFile.matchedTo, row(m_target.source, "t1").id);
    EXPECT_TRUE(fromFile.matchReason.startsWith(QStringLiteral("Same transaction from two sources")));

    // Re-delivery from either side stays idempotent.
    EXPECT_EQ(commit(m_import, {posted("FIT-1", -2599, "AMAZON MARKETPLACE", kMonday.addDays(1))}).total(), 0);
    EXPECT_EQ(commit(m_target, {posted("t1", -2599, "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", kMonday)}).total(), 0);
    EXPECT_EQ(visible(), 2);
}

TEST_F(TransactionMatcherTest, TheProviderWinsWhenItArrivesAfterTheFile)
{
    commit(m_import, {posted("FIT-1", -2599, "AMAZON MARKETPLACE", kMonday)});
    const auto counts = commit(m_target, {posted("t1", -2599, "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", kMonday)});
    EXPECT_EQ(counts.matched, 1);
    EXPECT_EQ(visible(), 1);
    EXPECT_EQ(row(m_import.source, "FIT-1").matchedTo, row(m_target.source, "t1").id);
    EXPECT_EQ(row(m_target.source, "t1").matchedTo, 0);
}

TEST_F(TransactionMatcherTest, CheckNumbersDecideBetweenSources)
{
    auto synced = posted("t1", -12000, "CHECK", kMonday);
    synced.checkNumber = QStringLiteral("1042");
    auto other = posted("t2", -12000, "CHECK", kMonday);
    other.checkNumber = QStringLiteral("1043");
    commit(m_target, {synced, other});
    auto fromFile = posted("FIT-9", -12000, "CHQ PAID", kMonday.addDays(2));
    fromFile.checkNumber = QStringLiteral("1043");
    EXPECT_EQ(commit(m_import, {fromFile}).matched, 1);
    EXPECT_EQ(row(m_import.source, "FIT-9").matchedTo, row(m_target.source, "t2").id);
    EXPECT_EQ(visible(), 2);
}

TEST_F(TransactionMatcherTest, TwoIdenticalCoffeesInBothSourcesPairOneToOne)
{
    commit(m_target, {posted("t1", -450, "BLUE BOTTLE COFFEE", kMonday), posted("t2", -450, "BLUE BOTTLE COFFEE", kMonday)});
    const auto counts =
        commit(m_import, {posted("F1", -450, "BLUE BOTTLE", kMonday), posted("F2", -450, "BLUE BOTTLE", kMonday),
                          posted("F3", -450, "BLUE BOTTLE", kMonday)});
    EXPECT_EQ(counts.matched, 2);
    EXPECT_EQ(visible(), 3) << "two coffees from both sources and a third only the file knows";
}

TEST_F(TransactionMatcherTest, UndoSplitsTheMatchForGood)
{
    commit(m_target, {pending("p1", -4000, "NOPA RESTAURANT")});
    commit(m_target, {posted("t1", -4400, "NOPA RESTAURANT", kMonday.addDays(1))});
    ASSERT_EQ(visible(), 1);
    const qint64 pendingId = row(m_target.source, "p1").id;

    store::TransactionRepository repo(*m_db);
    sync::TransactionMatcher matcher(repo);
    const auto split = matcher.undo(pendingId, 0);
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(split.value(), 1);
    EXPECT_EQ(visible(), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE kind = 'unmatched'")), 2);
    EXPECT_EQ(matcher.undo(pendingId, 0).value(), 0) << "nothing left to split";

    // Delivered again, the pair stays apart.
    auto again = posted("t1", -4400, "NOPA RESTAURANT", kMonday.addDays(1));
    again.description = QStringLiteral("NOPA RESTAURANT SF");
    commit(m_target, {again, pending("p1", -4000, "NOPA RESTAURANT")});
    EXPECT_EQ(row(m_target.source, "p1").matchedTo, 0);
    EXPECT_EQ(visible(), 2);
}

TEST_F(TransactionMatcherTest, UndoFromTheSurvivorSplitsEverythingFoldedIntoIt)
{
    commit(m_target, {pending("p1", -2599, "AMAZON")});
    commit(m_import, {posted("F1", -2599, "AMAZON", kMonday)});
    commit(m_target, {posted("t1", -2599, "AMAZON", kMonday, "p1")});
    ASSERT_EQ(visible(), 1);
    store::TransactionRepository repo(*m_db);
    const auto split = sync::TransactionMatcher(repo).undo(row(m_target.source, "t1").id, 0);
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(split.value(), 2);
    EXPECT_EQ(visible(), 3);
}

TEST_F(TransactionMatcherTest, ThePendingTheBankLaterRemovesStaysFoldedAndThePostedStays)
{
    commit(m_target, {pending("p1", -1000, "SHELL")});
    commit(m_target, {posted("t1", -1000, "SHELL", kMonday.addDays(1), "p1")});
    providers::Page gone;
    gone.removed = {providers::RemovedTransaction{QStringLiteral("acc-1"), QStringLiteral("p1")}};
    ASSERT_TRUE(sync::PageWriter(*m_db).commit(m_target, gone).ok());
    EXPECT_EQ(visible(), 1);
    EXPECT_EQ(row(m_target.source, "t1").status, TransactionStatus::Posted);
}

TEST_F(TransactionMatcherTest, CandidateLookupsUseAnIndexNeverAScan)
{
    // The matcher's range reads, as SQLite plans them: each must search an index.
    const QStringList lookups{
        QStringLiteral("SELECT id FROM transactions t WHERE account_id = 1 AND amount_minor BETWEEN -10 AND -5 AND "
                       "booked_on BETWEEN '2026-01-01' AND '2026-01-09' AND status = 'pending' AND matched_to IS NULL"),
        QStringLiteral("SELECT id FROM transactions t WHERE account_id = 1 AND amount_minor = -5 AND booked_on BETWEEN "
                       "'2026-01-01' AND '2026-01-09' AND source != 'x' AND status = 'posted' AND matched_to IS NULL "
                       "AND NOT EXISTS (SELECT 1 FROM transactions d WHERE d.matched_to = t.id AND d.source = 'x' AND d.status = 'posted')"),
    };
    for (const QString& sql : lookups) {
        QSqlQuery q(m_db->handle());
        ASSERT_TRUE(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
        while (q.next()) {
            const QString step = q.value(3).toString();
            EXPECT_FALSE(step.startsWith(QStringLiteral("SCAN"))) << step.toStdString();
        }
    }
}

TEST_F(TransactionMatcherTest, ASplitPairIsNeverMatchedAgain)
{
    commit(m_import, {posted("F1", -2599, "AMAZON MARKETPLACE", kMonday)});
    commit(m_target, {pending("s1", -2599, "AMAZON MKTPLACE")});
    // It posts under the same id: now it duplicates the file's row.
    EXPECT_EQ(commit(m_target, {posted("s1", -2599, "AMAZON MKTPLACE", kMonday)}).matched, 1);
    store::TransactionRepository repo(*m_db);
    ASSERT_EQ(sync::TransactionMatcher(repo).undo(row(m_import.source, "F1").id, 0).value(), 1);
    // The bank flips it back to pending and posts it again: the user's split holds.
    commit(m_target, {pending("s1", -2599, "AMAZON MKTPLACE")});
    EXPECT_EQ(commit(m_target, {posted("s1", -2599, "AMAZON MKTPLACE", kMonday)}).matched, 0);
    EXPECT_EQ(visible(), 2);
}
