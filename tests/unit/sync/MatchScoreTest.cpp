// The scores behind every automatic match, on the cases a user would judge by eye.

#include "sync/MatchScore.h"
#include "sync/Normalizer.h"

#include <gtest/gtest.h>

using namespace coffer;
using model::Transaction;

namespace {

Transaction make(const char* description, qint64 minor, QDate on, const char* counterparty = "")
{
    Transaction t;
    t.accountId = 1;
    t.source = QStringLiteral("connection:1");
    t.descriptionRaw = QString::fromLatin1(description);
    t.description = sync::cleanDescription(t.descriptionRaw);
    t.counterparty = QString::fromLatin1(counterparty);
    t.amount = model::Money(minor, QStringLiteral("USD"));
    t.bookedOn = on;
    return t;
}

const QDate kDay(2026, 3, 10);

} // namespace

TEST(MatchScore, PayeesAlikeDespiteProcessorNoise)
{
    EXPECT_GE(sync::payeeSimilarity(make("SQ *BLUE BOTTLE COFFEE 0423 SAN FRANCISCO CA", 0, kDay),
                                    make("BLUE BOTTLE COFFEE", 0, kDay)),
              0.8);
    EXPECT_GE(sync::payeeSimilarity(make("AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", 0, kDay),
                                    make("Amazon Marketplace", 0, kDay)),
              0.5);
    EXPECT_GE(sync::payeeSimilarity(make("POS 4411", 0, kDay, "Blue Bottle"), make("BLUE BOTTLE COFFEE", 0, kDay)), 0.8);
    EXPECT_GE(sync::payeeSimilarity(make("PGANDE WEB ONLINE", 0, kDay), make("PG&E WEBONLINE", 0, kDay)), 0.6);
    EXPECT_GE(sync::payeeSimilarity(make("CLIPPER CARD", 0, kDay), make("BART CLIPPER SAN FRANCISCO CA", 0, kDay)), 0.9);
    EXPECT_LT(sync::payeeSimilarity(make("BLUE BOTTLE COFFEE", 0, kDay), make("CITY PARKING", 0, kDay)), 0.3);
}

TEST(MatchScore, PendingAmountRangeAllowsUpToThirtyPercentMore)
{
    EXPECT_EQ(sync::pendingAmountRange(-1300), std::make_pair(qint64(-1300), qint64(-1000)));
    EXPECT_EQ(sync::pendingAmountRange(1300), std::make_pair(qint64(1000), qint64(1300)));
    EXPECT_EQ(sync::pendingAmountRange(-1), std::make_pair(qint64(-1), qint64(-1)));
}

TEST(MatchScore, PendingToPostedNeedsTheSameSignACloseDateAndAnAlikePayee)
{
    Transaction pending = make("NOPA RESTAURANT", -4000, kDay);
    pending.category = QStringLiteral("dining");
    EXPECT_TRUE(sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", -4800, kDay.addDays(3))));
    EXPECT_FALSE(sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", 4000, kDay.addDays(1))));
    EXPECT_FALSE(sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", -4000, kDay.addDays(-1))));
    EXPECT_FALSE(sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", -4000, kDay.addDays(9))));
    EXPECT_FALSE(sync::scorePendingToPosted(pending, make("SHELL OIL", -4000, kDay)));
    // Exact and same day scores above a tip two days later.
    EXPECT_GT(sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", -4000, kDay))->score,
              sync::scorePendingToPosted(pending, make("NOPA RESTAURANT", -4800, kDay.addDays(2)))->score);
}

TEST(MatchScore, CrossSourceNeedsTheExactAmountAndNoConflictingCheck)
{
    Transaction stored = make("CHECK 1042", -12000, kDay);
    Transaction incoming = make("CHQ", -12000, kDay.addDays(1));
    incoming.source = QStringLiteral("import:file");
    stored.checkNumber = QStringLiteral("1042");
    incoming.checkNumber = QStringLiteral("1042");
    const auto same = sync::scoreCrossSource(stored, incoming);
    ASSERT_TRUE(same);
    EXPECT_TRUE(same->reason.contains(QStringLiteral("same check number")));
    incoming.checkNumber = QStringLiteral("1043");
    EXPECT_FALSE(sync::scoreCrossSource(stored, incoming));
    incoming.checkNumber.clear();
    incoming.amount = model::Money(-12001, QStringLiteral("USD"));
    EXPECT_FALSE(sync::scoreCrossSource(stored, incoming));
    incoming.source = stored.source; // one source never duplicates itself
    incoming.amount = stored.amount;
    EXPECT_FALSE(sync::scoreCrossSource(stored, incoming));
}

TEST(MatchScore, AProviderConnectionOutranksAFile)
{
    EXPECT_GT(sync::sourceQuality(QStringLiteral("connection:3")), sync::sourceQuality(QStringLiteral("import:x")));
}
