// Importing bank CSV exports: what a user sees come out of each file.

#include "CsvTestSupport.h"

#include "importers/csv/CsvProfile.h"
#include "importers/csv/CsvSniffer.h"

#include <gtest/gtest.h>

using namespace coffer::importers;
using namespace coffer::test::csv;
using coffer::model::Money;

namespace {

QVariantMap sniffedProfile(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    auto r = csv::CsvSniffer::sniff(buffer);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r.value().profile.toVariantMap() : QVariantMap();
}

} // namespace

TEST(CsvParser, UsBankExportWithQuotesThousandsAndNoFinalNewline)
{
    const Parsed r = parseBytes(fixture("us-bank.csv"), withCurrency("USD"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.accounts.size(), 1);
    EXPECT_TRUE(r.sink.accounts[0].id.isEmpty()) << "one account";
    ASSERT_EQ(r.sink.transactions.size(), 6);
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 1, 15));
    EXPECT_EQ(r.tx(0).amount, Money(-450, QStringLiteral("USD")));
    EXPECT_EQ(r.tx(0).description, QStringLiteral("COFFEE SHOP, DOWNTOWN"));
    EXPECT_EQ(r.tx(1).amount, Money(250000, QStringLiteral("USD")));
    EXPECT_EQ(r.tx(2).description, QStringLiteral("RENT \"JANUARY\""));
    EXPECT_EQ(r.tx(3).description, QStringLiteral("TRANSFER TO SAVINGS"));
    EXPECT_EQ(r.tx(3).raw, QByteArray("01/20/2024,\"TRANSFER\nTO SAVINGS\",-250.00"));
    EXPECT_EQ(r.tx(5).bookedOn, QDate(2024, 1, 31)) << "the last line has no line end";
    for (const auto& t : r.sink.transactions) {
        EXPECT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
        EXPECT_TRUE(t.providerId.startsWith(QStringLiteral("gen:"))) << t.providerId.toStdString();
    }
    EXPECT_NE(r.tx(0).providerId, r.tx(5).providerId) << "the same coffee twice is two records";
}

TEST(CsvParser, SameFileAgainGivesTheSameIds)
{
    const Parsed a = parseBytes(fixture("us-bank.csv"), withCurrency("USD"));
    const Parsed b = parseBytes(fixture("us-bank.csv"), withCurrency("USD"));
    ASSERT_EQ(a.sink.transactions.size(), b.sink.transactions.size());
    for (int i = 0; i < a.sink.transactions.size(); ++i)
        EXPECT_EQ(a.tx(i).providerId, b.tx(i).providerId);
}

TEST(CsvParser, GermanExportSkipsPreambleAndTotalsAndReadsUmlauts)
{
    const Parsed r = parseBytes(fixture("german-sparkasse.csv"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 4);
    EXPECT_EQ(r.tx(0).counterparty, QStringLiteral("Bäckerei Müller"));
    EXPECT_EQ(r.tx(0).description, QStringLiteral("Brötchen"));
    EXPECT_EQ(r.tx(0).amount, Money(-385, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(1).amount, Money(345678, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(1).bookedOn, QDate(2024, 3, 4));
    EXPECT_EQ(r.tx(1).authorizedOn, QDate(2024, 3, 5)) << "the value date";
    EXPECT_EQ(r.tx(2).description, QStringLiteral("Abschlag; Strom"));
    EXPECT_EQ(r.tx(2).amount, Money(-123456, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(3).counterparty, QStringLiteral("Straße & Söhne"));
    ASSERT_EQ(r.sink.notices.size(), 1);
    EXPECT_TRUE(r.sink.notices[0].startsWith(QStringLiteral("line 10: skipped"))) << r.sink.notices[0].toStdString();
}

TEST(CsvParser, Utf16FileWithCurrencyColumn)
{
    const Parsed r = parseBytes(fixture("utf16le-bom.csv"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 3);
    EXPECT_EQ(r.tx(0).counterparty, QStringLiteral("Café Zoë"));
    EXPECT_EQ(r.tx(2).counterparty, QStringLiteral("Łódź Market"));
    EXPECT_EQ(r.tx(1).amount, Money(150000, QStringLiteral("EUR")));
}

TEST(CsvParser, DebitAndCreditColumns)
{
    const Parsed r = parseBytes(fixture("debit-credit.csv"), withCurrency("GBP"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 4);
    EXPECT_EQ(r.tx(0).amount, Money(-2340, QStringLiteral("GBP")));
    EXPECT_EQ(r.tx(1).amount, Money(200000, QStringLiteral("GBP")));
    EXPECT_EQ(r.tx(2).bookedOn, QDate(2024, 1, 13));
}

TEST(CsvParser, DirectionColumnAndReferencesAsIds)
{
    const Parsed r = parseBytes(fixture("type-drcr.csv"), withCurrency("USD"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 4);
    EXPECT_EQ(r.tx(0).amount, Money(-4500, QStringLiteral("USD")));
    EXPECT_EQ(r.tx(1).amount, Money(100000, QStringLiteral("USD")));
    EXPECT_EQ(r.tx(0).providerId, QStringLiteral("TX-1001"));
    EXPECT_EQ(r.tx(3).providerId, QStringLiteral("TX-1004"));
    EXPECT_EQ(r.tx(0).reference, QStringLiteral("TX-1001"));
    EXPECT_EQ(r.tx(2).description, QStringLiteral("Bakery")) << "no memo: the payee";
}

TEST(CsvParser, AmbiguousDatesAskUnlessTheOrderIsGiven)
{
    Parsed r = parseBytes(fixture("ambiguous-dates.csv"), withCurrency("EUR"));
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->providerCode, kAskDateOrderCode);
    EXPECT_TRUE(r.sink.transactions.isEmpty());

    ParseOptions options = withCurrency("EUR");
    options.dateOrder = DateOrder::MonthDay;
    r = parseBytes(fixture("ambiguous-dates.csv"), options);
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 3, 4));
    options.dateOrder = DateOrder::DayMonth;
    r = parseBytes(fixture("ambiguous-dates.csv"), options);
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 4, 3));
    EXPECT_EQ(r.tx(2).bookedOn, QDate(2024, 12, 11));
}

TEST(CsvParser, BadRowsAreQuarantinedWithTheirLineTheRestImports)
{
    const Parsed r = parseBytes(fixture("bad-rows.csv"), withCurrency("EUR"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 5);
    EXPECT_TRUE(r.tx(0).problem.isEmpty());
    EXPECT_EQ(r.tx(0).amount, Money(-100, QStringLiteral("EUR")));
    EXPECT_TRUE(r.tx(1).problem.startsWith(QStringLiteral("line 3: \"2024-13-45\" is not a date")))
        << r.tx(1).problem.toStdString();
    EXPECT_TRUE(r.tx(2).problem.startsWith(QStringLiteral("line 4: \"abc\" is not an amount")))
        << r.tx(2).problem.toStdString();
    EXPECT_TRUE(r.tx(3).problem.startsWith(QStringLiteral("line 5: 2 fields where the header has 3")))
        << r.tx(3).problem.toStdString();
    EXPECT_TRUE(r.tx(4).problem.isEmpty());
    EXPECT_EQ(r.tx(4).amount, Money(550, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(2).raw, QByteArray("2024-05-03;Bad amount;abc"));
}

TEST(CsvParser, NoCurrencyAnywhereIsAnError)
{
    const Parsed r = parseBytes(fixture("us-bank.csv"));
    ASSERT_TRUE(r.error.has_value());
    EXPECT_TRUE(r.errorText().contains(QStringLiteral("currency")));
}

TEST(CsvParser, AConfirmedProfileIsUsedAsIs)
{
    // The user says amounts are money out when positive.
    QVariantMap profile = sniffedProfile(fixture("us-bank.csv"));
    profile[QStringLiteral("amountSign")] = QStringLiteral("negated");
    ParseOptions options = withCurrency("USD");
    options.formatOptions = profile;
    const Parsed r = parseBytes(fixture("us-bank.csv"), options);
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    EXPECT_EQ(r.tx(0).amount, Money(450, QStringLiteral("USD")));
}

TEST(CsvParser, AProfileForOtherColumnsRefusesTheFile)
{
    ParseOptions options = withCurrency("EUR");
    options.formatOptions = sniffedProfile(fixture("us-bank.csv"));
    const Parsed r = parseBytes(fixture("debit-credit.csv"), options);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_TRUE(r.errorText().startsWith(QStringLiteral("line 1: the columns are not the ones")))
        << r.errorText().toStdString();
    EXPECT_TRUE(r.sink.transactions.isEmpty());
}

TEST(CsvParser, AFileWhereNoRowFitsTheProfileIsAnError)
{
    QVariantMap profile = sniffedProfile(fixture("us-bank.csv"));
    profile.remove(QStringLiteral("headers"));
    profile[QStringLiteral("dateFormat")] = QStringLiteral("yyyy-MM-dd");
    ParseOptions options = withCurrency("USD");
    options.formatOptions = profile;
    const Parsed r = parseBytes(fixture("us-bank.csv"), options);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_TRUE(r.errorText().contains(QStringLiteral("no row of the file fits"))) << r.errorText().toStdString();
}

TEST(CsvParser, AnInvalidProfileNamesItsKey)
{
    ParseOptions options = withCurrency("USD");
    options.formatOptions = {{QStringLiteral("dateColumn"), QStringLiteral("first")}};
    const Parsed r = parseBytes(fixture("us-bank.csv"), options);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_TRUE(r.errorText().contains(QStringLiteral("\"dateColumn\""))) << r.errorText().toStdString();
}

TEST(CsvParser, NeverCrashesOnGarbage)
{
    // Truncations and byte flips of every fixture: each either parses or fails cleanly.
    for (const char* name : {"us-bank.csv", "german-sparkasse.csv", "utf16le-bom.csv", "debit-credit.csv",
                             "type-drcr.csv", "bad-rows.csv", "chase-trailing-comma.csv"}) {
        const QByteArray bytes = fixture(name);
        for (int cut = 0; cut < bytes.size(); cut += 7) {
            const Parsed r = parseBytes(bytes.left(cut), withCurrency("EUR"));
            EXPECT_TRUE(r.error.has_value() || !r.sink.accounts.isEmpty()) << name << " cut at " << cut;
            QByteArray flipped = bytes;
            flipped[cut] = char(flipped[cut] ^ 0x22);
            (void)parseBytes(flipped, withCurrency("EUR"));
        }
    }
}

TEST(CsvParser, RowsEndingInADelimiterStillFollowTheirHeader)
{
    // Every row has one field more than the header (a trailing comma); a balance column too.
    const Parsed r = parseBytes(fixture("chase-trailing-comma.csv"), withCurrency("USD"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 4);
    EXPECT_TRUE(r.tx(0).problem.isEmpty()) << r.tx(0).problem.toStdString();
    EXPECT_EQ(r.tx(0).amount, Money(-1000, QStringLiteral("USD"))) << "the amount, not the balance";
    EXPECT_EQ(r.tx(0).description, QStringLiteral("CORNER STORE #12"));
    EXPECT_EQ(r.tx(1).checkNumber, QStringLiteral("1042"));
    EXPECT_EQ(r.tx(3).bookedOn, QDate(2024, 1, 29));
}

TEST(CsvParser, DutchExportWithAfBijAndCompactDates)
{
    const Parsed r = parseBytes(fixture("ing-af-bij.csv"), withCurrency("EUR"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 3);
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 3, 1));
    EXPECT_EQ(r.tx(0).amount, Money(-1234, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(1).amount, Money(250000, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(2).amount, Money(-115000, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(1).description, QStringLiteral("Werkgever BV Salaris maart"));
}

TEST(CsvParser, FrenchExportWithDebitCreditAndSpaceThousands)
{
    const Parsed r = parseBytes(fixture("french-debit-credit.csv"), withCurrency("EUR"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 3);
    EXPECT_EQ(r.tx(0).amount, Money(-4590, QStringLiteral("EUR"))) << "a debit written negative is still money out";
    EXPECT_EQ(r.tx(1).amount, Money(210000, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 2, 5));
    EXPECT_EQ(r.tx(0).authorizedOn, QDate(2024, 2, 6));
    EXPECT_EQ(r.tx(2).description, QStringLiteral("PRLV EDF"));
}

TEST(CsvParser, AnIdTheFileRepeatsNamesOnlyItsFirstRow)
{
    QVariantMap profile = sniffedProfile(fixture("type-drcr.csv"));
    ASSERT_EQ(profile.value(QStringLiteral("idColumn")).toInt(), 0);
    ParseOptions options = withCurrency("USD");
    options.formatOptions = profile;
    const QByteArray bytes = "Transaction ID,Posting Date,Type,Amount,Payee,Memo\n"
                             "TX-1,2024-04-01,DR,45.00,Gas Station,Fuel\n"
                             "TX-1,2024-04-02,CR,10.00,Refund,\n";
    const Parsed r = parseBytes(bytes, options);
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 2);
    EXPECT_EQ(r.tx(0).providerId, QStringLiteral("TX-1"));
    EXPECT_TRUE(r.tx(1).providerId.startsWith(QStringLiteral("gen:"))) << r.tx(1).providerId.toStdString();
    EXPECT_EQ(r.tx(1).reference, QStringLiteral("TX-1"));
}

TEST(CsvParser, MonthNamesInDates)
{
    const QByteArray bytes = "Date,Description,Amount\n"
                             "15 Jan 2024,Card payment,-12.00\n"
                             "01 Feb 2024,Salary,\"1,500.00\"\n";
    const Parsed r = parseBytes(bytes, withCurrency("GBP"));
    ASSERT_FALSE(r.error) << r.errorText().toStdString();
    ASSERT_EQ(r.sink.transactions.size(), 2);
    EXPECT_EQ(r.tx(0).bookedOn, QDate(2024, 1, 15));
    EXPECT_EQ(r.tx(1).bookedOn, QDate(2024, 2, 1));
    EXPECT_EQ(r.tx(1).amount, Money(150000, QStringLiteral("GBP")));
}
