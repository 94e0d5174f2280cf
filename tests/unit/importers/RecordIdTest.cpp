#include "importers/RecordId.h"

#include <gtest/gtest.h>

using coffer::importers::RecordIdMaker;
using coffer::model::Money;

namespace {

const QDate kDay(2024, 5, 3);

} // namespace

TEST(RecordIdTest, SameRecordInAnotherParseGetsTheSameId)
{
    RecordIdMaker first;
    RecordIdMaker second;
    EXPECT_EQ(first.idFor(u"acct", kDay, Money(-450, QStringLiteral("EUR")), u"Coffee"),
              second.idFor(u"acct", kDay, Money(-450, QStringLiteral("EUR")), u"Coffee"));
}

TEST(RecordIdTest, IdenticalRecordsInOneFileAreNumberedByOccurrence)
{
    RecordIdMaker maker;
    const QString a = maker.idFor(u"acct", kDay, Money(-450, QStringLiteral("EUR")), u"Coffee");
    const QString b = maker.idFor(u"acct", kDay, Money(-450, QStringLiteral("EUR")), u"Coffee");
    EXPECT_NE(a, b);
    EXPECT_TRUE(a.endsWith(QStringLiteral(".1"))) << a.toStdString();
    EXPECT_TRUE(b.endsWith(QStringLiteral(".2"))) << b.toStdString();
    EXPECT_EQ(a.chopped(2), b.chopped(2));
}

TEST(RecordIdTest, AnyDifferingFieldGivesAnotherId)
{
    RecordIdMaker maker;
    const Money amount(-450, QStringLiteral("EUR"));
    const QString base = maker.idFor(u"acct", kDay, amount, u"Coffee");
    EXPECT_NE(base, maker.idFor(u"other", kDay, amount, u"Coffee"));
    EXPECT_NE(base, maker.idFor(u"acct", kDay.addDays(1), amount, u"Coffee"));
    EXPECT_NE(base, maker.idFor(u"acct", kDay, Money(-451, QStringLiteral("EUR")), u"Coffee"));
    EXPECT_NE(base, maker.idFor(u"acct", kDay, Money(-450, QStringLiteral("USD")), u"Coffee"));
    EXPECT_NE(base, maker.idFor(u"acct", kDay, amount, u"Tea"));
    // Field boundaries count: "ab"+"c" is not "a"+"bc".
    EXPECT_NE(maker.idFor(u"ab", kDay, amount, u"c"), maker.idFor(u"a", kDay, amount, u"bc"));
}

TEST(RecordIdTest, WhiteSpaceRunsInTheTextDoNotChangeTheId)
{
    RecordIdMaker first;
    RecordIdMaker second;
    EXPECT_EQ(first.idFor(u"acct", kDay, Money(100, QStringLiteral("EUR")), u"  Coffee   shop "),
              second.idFor(u"acct", kDay, Money(100, QStringLiteral("EUR")), u"Coffee shop"));
}

TEST(RecordIdTest, IdsStayTheSameAcrossVersions)
{
    // Stored ids of earlier imports must keep matching: a change here duplicates every re-import.
    RecordIdMaker maker;
    EXPECT_EQ(maker.idFor(u"acct", kDay, Money(-450, QStringLiteral("EUR")), u" Coffee  Shop "),
              QStringLiteral("gen:e61bb2ede76fcb99.1"));
    EXPECT_EQ(maker.idFor(u"", QDate(987, 1, 2), Money(123456789, QStringLiteral("JPY")), u"Zoë"),
              QStringLiteral("gen:1f6f9871fa408d19.1"));
}

TEST(RecordIdTest, AFileIdIsUsedOnceAndARepeatGetsAMadeId)
{
    RecordIdMaker maker;
    const Money amount(-450, QStringLiteral("EUR"));
    EXPECT_EQ(maker.fileIdOrMade(u"acct", QStringLiteral("REF1"), kDay, amount, u"Coffee"), QStringLiteral("REF1"));
    // The same reference in another account is that account's first use.
    EXPECT_EQ(maker.fileIdOrMade(u"other", QStringLiteral("REF1"), kDay, amount, u"Coffee"), QStringLiteral("REF1"));
    const QString repeat = maker.fileIdOrMade(u"acct", QStringLiteral("REF1"), kDay, amount, u"Tea");
    EXPECT_TRUE(repeat.startsWith(QStringLiteral("gen:"))) << repeat.toStdString();

    RecordIdMaker again;
    EXPECT_EQ(again.fileIdOrMade(u"acct", QStringLiteral("REF1"), kDay, amount, u"Coffee"), QStringLiteral("REF1"));
    EXPECT_EQ(again.fileIdOrMade(u"acct", QStringLiteral("REF1"), kDay, amount, u"Tea"), repeat);
}
