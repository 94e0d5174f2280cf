// What the user reads instead of the bank's raw statement text.

#include "sync/Normalizer.h"

#include <gtest/gtest.h>

using coffer::sync::cleanDescription;
using coffer::sync::mapCategory;

TEST(CleanDescription, DropsStoreNumbersCardNoiseAndShouting)
{
    EXPECT_EQ(cleanDescription(QStringLiteral("WHOLEFDS MKT #10234 SAN FRANCISCO")),
              QStringLiteral("Wholefds Mkt San Francisco"));
    EXPECT_EQ(cleanDescription(QStringLiteral("SQ *BLUE BOTTLE COFFEE 4411")), QStringLiteral("Blue Bottle Coffee"));
    EXPECT_EQ(cleanDescription(QStringLiteral("  CARD   XXXX1234   SHELL  OIL ")), QStringLiteral("Card Shell Oil"));
    EXPECT_EQ(cleanDescription(QStringLiteral("UBER *TRIP HELP.UBER.COM")), QStringLiteral("Uber Trip"));
}

TEST(CleanDescription, AWebAddressThatIsThePayeeStays)
{
    EXPECT_EQ(cleanDescription(QStringLiteral("NETFLIX.COM NETFLIX.COM CA")), QStringLiteral("Netflix Ca"));
    EXPECT_EQ(cleanDescription(QStringLiteral("AMAZON MKTPLACE PMTS AMZN.COM/BILL WA")),
              QStringLiteral("Amazon Mktplace Pmts Wa"));
    EXPECT_EQ(cleanDescription(QStringLiteral("AMZN MKTP US*2K4L19 AMZN.COM/BILL")), QStringLiteral("Amzn Mktp"));
}

TEST(CleanDescription, LeavesCleanTextAlone)
{
    EXPECT_EQ(cleanDescription(QStringLiteral("Blue Bottle Coffee")), QStringLiteral("Blue Bottle Coffee"));
    EXPECT_EQ(cleanDescription(QStringLiteral("12345")), QStringLiteral("12345")) << "never empties a description";
}

TEST(MapCategory, KnownCategoriesPassOthersBecomeOther)
{
    EXPECT_EQ(mapCategory(QStringLiteral("Groceries")), QStringLiteral("groceries"));
    EXPECT_EQ(mapCategory(QStringLiteral("dining")), QStringLiteral("dining"));
    EXPECT_EQ(mapCategory(QStringLiteral("Space travel insurance")), QStringLiteral("other"));
}
