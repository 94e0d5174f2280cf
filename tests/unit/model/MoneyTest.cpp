// Money: integer minor units, the right exponent per currency, no floating point anywhere.

#include "model/Money.h"
#include "model/Currency.h"

#include <QLocale>

#include <gtest/gtest.h>

#include <limits>

using coffer::model::Money;
namespace currency = coffer::model::currency;

namespace {

qint64 minor(const char* text, const char* code, const QLocale& locale = QLocale::c())
{
    const auto parsed = Money::parse(QString::fromUtf8(text), QString::fromLatin1(code), locale);
    EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().userMessage.toStdString());
    return parsed.ok() ? parsed->minorUnits() : 0;
}

bool rejects(const char* text, const char* code, const QLocale& locale = QLocale::c())
{
    return !Money::parse(QString::fromUtf8(text), QString::fromLatin1(code), locale).ok();
}

} // namespace

TEST(Currency, ExponentFollowsIso4217)
{
    EXPECT_EQ(currency::exponent(QStringLiteral("USD")), 2);
    EXPECT_EQ(currency::exponent(QStringLiteral("EUR")), 2);
    EXPECT_EQ(currency::exponent(QStringLiteral("JPY")), 0);
    EXPECT_EQ(currency::exponent(QStringLiteral("KRW")), 0);
    EXPECT_EQ(currency::exponent(QStringLiteral("BHD")), 3);
    EXPECT_EQ(currency::exponent(QStringLiteral("KWD")), 3);
    EXPECT_EQ(currency::exponent(QStringLiteral("CLF")), 4);
    EXPECT_EQ(currency::minorPerMajor(QStringLiteral("BHD")), 1000);
}

TEST(Currency, CodesAreThreeUpperCaseLetters)
{
    EXPECT_TRUE(currency::isValidCode(QStringLiteral("USD")));
    EXPECT_FALSE(currency::isValidCode(QStringLiteral("usd")));
    EXPECT_FALSE(currency::isValidCode(QStringLiteral("US")));
    EXPECT_FALSE(currency::isValidCode(QStringLiteral("US1")));
}

TEST(MoneyParse, PlainDecimals)
{
    EXPECT_EQ(minor("-0.50", "USD"), -50);
    EXPECT_EQ(minor("0.5", "USD"), 50);
    EXPECT_EQ(minor("12", "USD"), 1200);
    EXPECT_EQ(minor("+12.34", "USD"), 1234);
    EXPECT_EQ(minor(".99", "USD"), 99);
    EXPECT_EQ(minor("  7.10  ", "EUR"), 710);
    EXPECT_EQ(minor("1,234.56", "USD"), 123456);
    EXPECT_EQ(minor("(12.00)", "USD"), -1200);
}

TEST(MoneyParse, CurrencyExponentDecidesPrecision)
{
    EXPECT_EQ(minor("120", "JPY"), 120);
    EXPECT_TRUE(rejects("120.5", "JPY"));
    EXPECT_EQ(minor("1.234", "BHD"), 1234);
    EXPECT_TRUE(rejects("1.2345", "BHD"));
    EXPECT_TRUE(rejects("0.001", "USD"));
    EXPECT_EQ(minor("0.100", "USD"), 10) << "trailing zeros beyond the exponent lose nothing";
}

TEST(MoneyParse, LocaleSeparators)
{
    const QLocale german(QLocale::German, QLocale::Germany);
    EXPECT_EQ(minor("1.234,56", "EUR", german), 123456);
    EXPECT_EQ(minor("-0,50", "EUR", german), -50);
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    EXPECT_EQ(minor("1,234,567.89", "USD", us), 123456789);
}

TEST(MoneyParse, RejectsMalformedInput)
{
    EXPECT_TRUE(rejects("", "USD"));
    EXPECT_TRUE(rejects("   ", "USD"));
    EXPECT_TRUE(rejects("-", "USD"));
    EXPECT_TRUE(rejects("12a", "USD"));
    EXPECT_TRUE(rejects("1.2.3", "USD"));
    EXPECT_TRUE(rejects("1e5", "USD"));
    EXPECT_TRUE(rejects("12,34.00", "USD")) << "misplaced grouping";
    EXPECT_TRUE(rejects("1,2345.00", "USD")) << "misplaced grouping";
    EXPECT_TRUE(rejects("--1", "USD"));
    EXPECT_TRUE(rejects("12", "usd")) << "bad currency code";
    EXPECT_TRUE(rejects("NaN", "USD"));
}

TEST(MoneyParse, OverflowIsAnErrorNotAWrap)
{
    EXPECT_EQ(minor("92233720368547758.07", "USD"), std::numeric_limits<qint64>::max());
    EXPECT_TRUE(rejects("92233720368547758.08", "USD"));
    EXPECT_TRUE(rejects("99999999999999999999999", "JPY"));
}

TEST(MoneyParse, ErrorNamesTheInput)
{
    const auto parsed = Money::parse(QStringLiteral("12x"), QStringLiteral("USD"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().userMessage.contains(QStringLiteral("12x")));
}

TEST(MoneyFormat, RoundTripsThroughParse)
{
    for (qint64 value : {qint64(0), qint64(1), qint64(-1), qint64(-50), qint64(123456), qint64(-100000000)}) {
        for (const char* code : {"USD", "JPY", "BHD"}) {
            const Money m(value, QString::fromLatin1(code));
            const auto back = Money::parse(m.toDecimalString(), m.currency());
            ASSERT_TRUE(back.ok()) << m.toDecimalString().toStdString();
            EXPECT_EQ(back.value(), m);
        }
    }
}

TEST(MoneyFormat, ShowsExactlyTheCurrencyDigits)
{
    EXPECT_EQ(Money(-50, QStringLiteral("USD")).toDecimalString(), QStringLiteral("-0.50"));
    EXPECT_EQ(Money(120, QStringLiteral("JPY")).toDecimalString(), QStringLiteral("120"));
    EXPECT_EQ(Money(1005, QStringLiteral("BHD")).toDecimalString(), QStringLiteral("1.005"));
    EXPECT_EQ(Money(123456, QStringLiteral("USD")).format(QLocale(QLocale::English, QLocale::UnitedStates)),
              QStringLiteral("1,234.56"));
    EXPECT_EQ(Money(-123456, QStringLiteral("EUR")).format(QLocale(QLocale::German, QLocale::Germany)),
              QStringLiteral("-1.234,56"));
    EXPECT_EQ(Money(std::numeric_limits<qint64>::min(), QStringLiteral("USD")).toDecimalString(),
              QStringLiteral("-92233720368547758.08"));
}

TEST(MoneyArithmetic, AddsWithinOneCurrency)
{
    const Money a(1050, QStringLiteral("USD"));
    const Money b(-2000, QStringLiteral("USD"));
    const auto sum = a.plus(b);
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(sum->minorUnits(), -950);
    const auto difference = a.minus(b);
    ASSERT_TRUE(difference.ok());
    EXPECT_EQ(difference->minorUnits(), 3050);
}

TEST(MoneyArithmetic, RefusesMixedCurrenciesAndOverflow)
{
    EXPECT_FALSE(Money(1, QStringLiteral("USD")).plus(Money(1, QStringLiteral("EUR"))).ok());
    const Money big(std::numeric_limits<qint64>::max(), QStringLiteral("USD"));
    EXPECT_FALSE(big.plus(Money(1, QStringLiteral("USD"))).ok());
    EXPECT_FALSE(
        Money(0, QStringLiteral("USD")).minus(Money(std::numeric_limits<qint64>::min(), QStringLiteral("USD"))).ok());
}
