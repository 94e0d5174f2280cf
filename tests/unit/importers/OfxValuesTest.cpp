#include "importers/ofx/OfxAmounts.h"
#include "importers/ofx/OfxDate.h"

#include <gtest/gtest.h>

using namespace coffer::importers::ofx;

TEST(OfxDate, IsTheDayTheBankWrote)
{
    EXPECT_EQ(parseOfxDate("20240105"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20240105120000"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("202401051200"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20240105120000.000"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20240105233000.000[-5:EST]"), QDate(2024, 1, 5)); // 04:30 on the 6th in UTC
    EXPECT_EQ(parseOfxDate("20240105003000[+5.30:IST]"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20240105120000[0:GMT]"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20240105120000[-7]"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate("20180804093914:014"), QDate(2018, 8, 4)); // ':' for the fraction point
    EXPECT_EQ(parseOfxDate("20240105120000-0500"), QDate(2024, 1, 5));
    EXPECT_EQ(parseOfxDate(" 20240229 "), QDate(2024, 2, 29));
}

TEST(OfxDate, RefusesWhatIsNotADate)
{
    for (const char* text : {"", "2024010", "20241301", "20240230", "20230229", "20240100", "2024-01-05", "05012024x",
                             "20240105x", "20240105250000", "20240105126000", "20240105120", "20240105120000[-5:EST",
                             "20240105120000.000[-5:EST]x", "20240105120000 EST", "00000000"})
        EXPECT_FALSE(parseOfxDate(text).has_value()) << text;
}

TEST(OfxAmounts, ReadsAmountsAsOfxWritesThem)
{
    EXPECT_EQ(parseOfxAmount("-42.17", 2).value(), -4217);
    EXPECT_EQ(parseOfxAmount("+00000000000000.2400", 2).value(), 24);
    EXPECT_EQ(parseOfxAmount("120", 2).value(), 12000);
    EXPECT_EQ(parseOfxAmount("-7,50", 2).value(), -750);
    EXPECT_EQ(parseOfxAmount("1500", 0).value(), 1500);
    EXPECT_FALSE(parseOfxAmount("$120", 2).ok());
    EXPECT_FALSE(parseOfxAmount("1,234.56", 2).ok()); // OFX has no thousands separators
    EXPECT_FALSE(parseOfxAmount("", 2).ok());
}

TEST(OfxAmounts, ConvertsWithTheRateRoundingHalfAwayFromZero)
{
    const OfxRate rate = parseOfxRate("1.1500").value();
    EXPECT_EQ(rate.mantissa, 115);
    EXPECT_EQ(rate.scale, 2);
    EXPECT_EQ(applyRate(-9200, 2, rate, 2, false).value(), -10580); // GBP 92.00 * 1.15 = EUR 105.80
    EXPECT_EQ(applyRate(-2700, 2, parseOfxRate("0.00625").value(), 0, true).value(),
              -4320);                                                                     // EUR 27 / 0.00625 = JPY 4320
    EXPECT_EQ(applyRate(1000, 0, parseOfxRate("0.0061").value(), 2, false).value(), 610); // JPY 1000 -> EUR 6.10
    EXPECT_EQ(applyRate(1, 2, parseOfxRate("0.5").value(), 2, false).value(), 1);         // 0.005 rounds up
    EXPECT_EQ(applyRate(-1, 2, parseOfxRate("0.5").value(), 2, false).value(), -1);
    EXPECT_EQ(applyRate(1, 2, parseOfxRate("0.4").value(), 2, false).value(), 0);
    EXPECT_FALSE(applyRate(std::numeric_limits<qint64>::max() / 2, 2, parseOfxRate("3").value(), 2, false).ok());
    EXPECT_FALSE(parseOfxRate("0").ok());
    EXPECT_FALSE(parseOfxRate("-1.2").ok());
    EXPECT_FALSE(parseOfxRate("abc").ok());
}
