#include "QifTestSupport.h"

#include <gtest/gtest.h>

using namespace coffer::importers;
using coffer::model::AccountKind;

namespace {

QDate day(int y, int m, int d)
{
    return QDate(y, m, d);
}

} // namespace

TEST(QifParser, ReadsABankBlockWithPayeeMemoCategoryAndCheckNumber)
{
    const auto r = parseQif("!Type:Bank\n"
                            "D01/15/2024\nT-1,234.56\nCX\nN1042\nPLandlord LLC\nMJanuary rent\nLRent/Home\n^\n"
                            "D01/16/2024\nU2500.00\nT2500.00\nNEFT\nPACME Payroll\nLSalary\n^\n");
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 2);
    const auto& rent = r.tx(0);
    EXPECT_EQ(rent.bookedOn, day(2024, 1, 15));
    EXPECT_EQ(rent.amount, coffer::model::Money(-123456, QStringLiteral("USD")));
    EXPECT_EQ(rent.counterparty, QStringLiteral("Landlord LLC"));
    EXPECT_EQ(rent.description, QStringLiteral("Landlord LLC - January rent"));
    EXPECT_EQ(rent.category, QStringLiteral("Rent")); // the class after '/' is Quicken's own tag
    EXPECT_EQ(rent.checkNumber, QStringLiteral("1042"));
    EXPECT_TRUE(rent.problem.isEmpty());
    EXPECT_TRUE(rent.accountProviderId.isEmpty()); // no !Account: the file is one account
    EXPECT_EQ(rent.raw, QByteArray("D01/15/2024\nT-1,234.56\nCX\nN1042\nPLandlord LLC\nMJanuary rent\nLRent/Home"));
    EXPECT_EQ(r.tx(1).amount.minorUnits(), 250000);
    EXPECT_EQ(r.tx(1).reference, QStringLiteral("EFT"));
    EXPECT_TRUE(r.tx(1).checkNumber.isEmpty());
    EXPECT_FALSE(rent.providerId.isEmpty());
    EXPECT_NE(rent.providerId, r.tx(1).providerId);
    ASSERT_EQ(r.sink.accounts.size(), 1);
    EXPECT_EQ(r.sink.accounts[0].kind, AccountKind::Checking);
}

TEST(QifParser, GivesTheSameIdsAgainAndTellsIdenticalRecordsApart)
{
    const QByteArray file = "!Type:Cash\nD3/4/2024\nT-4.50\nPCoffee\n^\nD3/4/2024\nT-4.50\nPCoffee\n^\n"
                            "D3/4/2024\nT-4.50\nPTea\n^\n";
    const auto first = parseQif(file, qifOptions(QStringLiteral("USD"), DateOrder::MonthDay));
    const auto again = parseQif(file, qifOptions(QStringLiteral("USD"), DateOrder::MonthDay));
    ASSERT_EQ(first.count(), 3);
    EXPECT_NE(first.tx(0).providerId, first.tx(1).providerId);
    EXPECT_NE(first.tx(0).providerId, first.tx(2).providerId);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(first.tx(i).providerId, again.tx(i).providerId);
    EXPECT_EQ(first.sink.accounts[0].kind, AccountKind::Other);
}

TEST(QifParser, MakesIdsThatStayTheSameAcrossVersions)
{
    // A user re-importing last year's file after an update must get nothing twice: the id is
    // SHA-1 over account, ISO date, minor units, currency and payee (RecordId.h), fixed here.
    const auto r = parseQif("!Type:Bank\nD2024-03-04\nT-4.50\nPCoffee\n^\n");
    ASSERT_EQ(r.count(), 1);
    EXPECT_EQ(r.tx(0).providerId, QStringLiteral("gen:4440e7efedddf482.1"));
}

TEST(QifParser, PutsEachAccountsBlockUnderTheAccountItsHeaderNames)
{
    QFile file(qifFixture(QStringLiteral("two-accounts.qif")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    const auto r = parseQifDevice(file, qifOptions());
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 3);
    EXPECT_EQ(r.tx(0).accountProviderId, QStringLiteral("Everyday"));
    EXPECT_EQ(r.tx(0).amount.minorUnits(), -123456);
    EXPECT_EQ(r.tx(1).accountProviderId, QStringLiteral("Everyday"));
    EXPECT_EQ(r.tx(1).bookedOn, day(2024, 1, 16));
    EXPECT_EQ(r.tx(2).accountProviderId, QStringLiteral("Visa"));
    EXPECT_EQ(r.tx(2).amount.minorUnits(), -4510);

    // Only accounts with transactions here; the brokerage's block is not imported.
    ASSERT_EQ(r.sink.accounts.size(), 2);
    EXPECT_EQ(r.sink.accounts[0].id, QStringLiteral("Everyday"));
    EXPECT_EQ(r.sink.accounts[0].name, QStringLiteral("Joint checking at First Bank"));
    EXPECT_EQ(r.sink.accounts[0].kind, AccountKind::Checking);
    EXPECT_EQ(r.sink.accounts[1].id, QStringLiteral("Visa"));
    EXPECT_EQ(r.sink.accounts[1].kind, AccountKind::CreditCard);

    ASSERT_EQ(r.sink.notices.size(), 2) << r.sink.notices.join(u'\n').toStdString();
    EXPECT_TRUE(r.sink.notices[0].startsWith(u"line 12: categories (!Type:Cat, 2 entries) are not imported"))
        << r.sink.notices[0].toStdString();
    EXPECT_TRUE(r.sink.notices[1].startsWith(u"line 56: investment transactions (!Type:Invst, 1 entry)"))
        << r.sink.notices[1].toStdString();
}

TEST(QifParser, DescribesWithPayeeAndMemoWithoutSayingThingsTwice)
{
    const auto r = parseQif("!Type:Bank\nD2024-01-02\nT-9\nPACME\nMACME STORE 42 CARD 1234\n^\n"
                            "D2024-01-02\nT-9\nPACME STORE 42\nMstore\n^\nD2024-01-02\nT-9\nMOnly a memo\n^\n");
    ASSERT_EQ(r.count(), 3);
    EXPECT_EQ(r.tx(0).description, QStringLiteral("ACME STORE 42 CARD 1234"));
    EXPECT_EQ(r.tx(0).counterparty, QStringLiteral("ACME"));
    EXPECT_EQ(r.tx(1).description, QStringLiteral("ACME STORE 42"));
    EXPECT_EQ(r.tx(2).description, QStringLiteral("Only a memo"));
    EXPECT_TRUE(r.tx(2).counterparty.isEmpty());
    EXPECT_NE(r.tx(2).providerId, r.tx(0).providerId); // without a payee the memo makes the id
}

TEST(QifParser, KeepsTheTotalOfASplitRecordAndTellsWhatItWasFor)
{
    const auto r = parseQif("!Type:CCard\nD1/20/2024\nT-45.10\nPCorner Grocer\nL--Split--\n"
                            "SGroceries/Family\nEmilk, bread\n$-30.10\nSHousehold\n$-15.00\n^\n");
    ASSERT_EQ(r.count(), 1);
    EXPECT_TRUE(r.tx(0).problem.isEmpty()) << r.tx(0).problem.toStdString();
    EXPECT_EQ(r.tx(0).amount.minorUnits(), -4510);
    EXPECT_EQ(r.tx(0).category, QStringLiteral("Groceries, Household"));
    EXPECT_EQ(r.tx(0).description, QStringLiteral("Corner Grocer - milk, bread"));
}

TEST(QifParser, QuarantinesASplitRecordWhoseSplitsDoNotAddUp)
{
    const auto r = parseQif("!Type:Bank\nD1/20/2024\nT-45.10\nPShop\nSA\n$-30.00\nSB\n$-15.00\n^\n"
                            "D1/21/2024\nT-1.00\nPNext\n^\n");
    ASSERT_EQ(r.count(), 2);
    EXPECT_EQ(r.tx(0).problem, QStringLiteral("line 3: the splits add up to -45.00, not to the total -45.10"));
    EXPECT_TRUE(r.tx(1).problem.isEmpty());
}

TEST(QifParser, ReadsTheDateFormatsQifWriters)
{
    const auto r = parseQif("!Type:Bank\n"
                            "D1/2/24\nT1\n^\n"     // slash, two-digit year
                            "D01/02/2024\nT1\n^\n" // padded
                            "D1/ 2'24\nT1\n^\n"    // Quicken's apostrophe year
                            "D1/2'2024\nT1\n^\n"
                            "D2024-01-02\nT1\n^\n" // ISO, says its order
                            "D2 Jan 2024\nT1\n^\n" // named month
                            "DJan 2, 2024\nT1\n^\n"
                            "D12/31/99\nT1\n^\n" // slash years from 50 are the 1900s
                            "D1/ 1'00\nT1\n^\n", // apostrophe years are 2000 on
                            qifOptions(QStringLiteral("USD"), DateOrder::MonthDay));
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 9);
    for (int i = 0; i < 7; ++i)
        EXPECT_EQ(r.tx(i).bookedOn, day(2024, 1, 2)) << "record " << i;
    EXPECT_EQ(r.tx(7).bookedOn, day(1999, 12, 31));
    EXPECT_EQ(r.tx(8).bookedOn, day(2000, 1, 1));
}

TEST(QifParser, DecidesDayMonthOrderForTheWholeFile)
{
    // 13.01 can only be day-month, so 02.01 is the 2nd of January too, not February 1st.
    const auto r = parseQif("!Type:Bank\nD02/01/2024\nT1\n^\nD13/01/2024\nT1\n^\n");
    ASSERT_FALSE(r.error) << r.message().toStdString();
    EXPECT_EQ(r.tx(0).bookedOn, day(2024, 1, 2));
    EXPECT_EQ(r.tx(1).bookedOn, day(2024, 1, 13));

    const auto us = parseQif("!Type:Bank\nD02/01/2024\nT1\n^\nD01/13/2024\nT1\n^\n");
    ASSERT_FALSE(us.error) << us.message().toStdString();
    EXPECT_EQ(us.tx(0).bookedOn, day(2024, 2, 1));
}

TEST(QifParser, RefusesAFileThatWritesDatesBothWays)
{
    const auto r = parseQif("!Type:Bank\nD13/01/2024\nT1\n^\nD01/02/2024\nT1\n^\nD01/14/2024\nT1\n^\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.message(), QStringLiteral("line 2: the date 13/01/2024 puts the day first, but line 8: the date "
                                          "01/14/2024 puts the month first; a file must write all its dates one way"));
    EXPECT_TRUE(r.sink.transactions.isEmpty());
}

TEST(QifParser, AsksForTheOrderWhenEveryDateFitsBoth)
{
    const QByteArray file = "!Type:Bank\nD03/04/2024\nT1\n^\nD05/06/2024\nT1\n^\nD07/07/2024\nT1\n^\n";
    const auto asked = parseQif(file);
    ASSERT_TRUE(asked.error);
    EXPECT_EQ(asked.error->providerCode, kAskDateOrderCode);
    EXPECT_EQ(asked.error->kind, coffer::model::ErrorKind::InvalidData);
    EXPECT_TRUE(asked.sink.transactions.isEmpty());

    const auto dayFirst = parseQif(file, qifOptions(QStringLiteral("USD"), DateOrder::DayMonth));
    ASSERT_FALSE(dayFirst.error);
    EXPECT_EQ(dayFirst.tx(0).bookedOn, day(2024, 4, 3));
    const auto monthFirst = parseQif(file, qifOptions(QStringLiteral("USD"), DateOrder::MonthDay));
    ASSERT_FALSE(monthFirst.error);
    EXPECT_EQ(monthFirst.tx(0).bookedOn, day(2024, 3, 4));

    // Dates that read the same either way (7/7) or say their order (ISO) ask nothing.
    EXPECT_FALSE(parseQif("!Type:Bank\nD07/07/2024\nT1\n^\nD2024-03-04\nT1\n^\n").error);
}

TEST(QifParser, ReadsAmountsWithAndWithoutThousandsSeparators)
{
    const auto r = parseQif("!Type:Bank\nD1/1/24\nT1,234.56\n^\nD1/1/24\nT1234.56\n^\nD1/1/24\nT-1,234\n^\n"
                            "D1/1/24\nT$-7.5\n^\nD1/1/24\nT1,234,567.00\n^\n");
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 5);
    EXPECT_EQ(r.tx(0).amount.minorUnits(), 123456);
    EXPECT_EQ(r.tx(1).amount.minorUnits(), 123456);
    EXPECT_EQ(r.tx(2).amount.minorUnits(), -123400);
    EXPECT_EQ(r.tx(3).amount.minorUnits(), -750);
    EXPECT_EQ(r.tx(4).amount.minorUnits(), 123456700);
}

TEST(QifParser, ReadsAEuropeanFileWithDecimalCommasAndWindows1252)
{
    QFile file(qifFixture(QStringLiteral("european.qif")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    const auto r = parseQifDevice(file, qifOptions(QStringLiteral("EUR")));
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 3); // the last record has no ^: the end of the file ends it
    EXPECT_EQ(r.tx(0).amount, coffer::model::Money(-123456, QStringLiteral("EUR")));
    EXPECT_EQ(r.tx(0).bookedOn, day(2024, 1, 13));
    EXPECT_EQ(r.tx(0).counterparty, QStringLiteral("Stadtwerke München"));
    EXPECT_EQ(r.tx(1).amount.minorUnits(), 200000);
    EXPECT_EQ(r.tx(1).bookedOn, day(2024, 1, 2)); // day first, as line 2 showed
    EXPECT_EQ(r.tx(2).amount.minorUnits(), -1250);
    EXPECT_EQ(r.tx(2).bookedOn, day(2024, 2, 3));
    EXPECT_EQ(r.tx(2).counterparty, QStringLiteral("Bäckerei"));
}

TEST(QifParser, ReadsUtf8AsUtf8AndHonoursTheCurrencysDecimals)
{
    const auto r = parseQif("\xEF\xBB\xBF!Type:Bank\r\nD2024-01-02\r\nT-1,500\r\nPCaf\xC3\xA9 \xE6\x9D\xB1\r\n^",
                            qifOptions(QStringLiteral("jpy")));
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 1);
    EXPECT_EQ(r.tx(0).counterparty, QStringLiteral("Café 東"));
    EXPECT_EQ(r.tx(0).amount, coffer::model::Money(-1500, QStringLiteral("JPY")));
}

TEST(QifParser, QuarantinesRecordsItCannotUseAndImportsTheRest)
{
    const auto r = parseQif("!Type:Bank\n"
                            "T-1.00\nPNo date\n^\n"        // lines 2-4
                            "D1/2/24\nPNo amount\n^\n"     // 5-7
                            "D1/2/24\nT12.3.4\n^\n"        // 8-10
                            "D2/30/24\nT1.00\n^\n"         // 11-13
                            "D1/3/24\nT2.00\nPGood\n^\n"); // 14-17
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 5);
    EXPECT_EQ(r.tx(0).problem, QStringLiteral("line 2: the record has no date (D line)"));
    EXPECT_EQ(r.tx(1).problem, QStringLiteral("line 5: the record has no amount (T line)"));
    EXPECT_TRUE(r.tx(2).problem.startsWith(u"line 9: \"12.3.4\" is not an amount")) << r.tx(2).problem.toStdString();
    EXPECT_EQ(r.tx(3).problem, QStringLiteral("line 11: \"2/30/24\" is not a date (read as month/day)"));
    EXPECT_TRUE(r.tx(4).problem.isEmpty());
    EXPECT_EQ(r.tx(4).amount.minorUnits(), 200);
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(r.tx(i).providerId.isEmpty());
}

TEST(QifParser, QuarantinesRecordsOutsideATransactionBlock)
{
    const auto r = parseQif("D1/2/24\nT-1.00\n^\n!Type:Unheard\nD1/3/24\nT-2.00\n^\n!Type:Bank\nD1/14/24\nT-3.00\n^\n");
    ASSERT_FALSE(r.error) << r.message().toStdString();
    ASSERT_EQ(r.count(), 3);
    EXPECT_EQ(r.tx(0).problem,
              QStringLiteral("line 1: a record before any !Type: header; which account it belongs to is unknown"));
    EXPECT_EQ(r.tx(1).problem,
              QStringLiteral("line 5: a record under \"!Type:Unheard\", which is not a QIF transaction header"));
    EXPECT_TRUE(r.tx(2).problem.isEmpty());
}

TEST(QifParser, RefusesWhatIsNotQif)
{
    const auto ofx = parseQif("OFXHEADER:100\nDATA:OFXSGML\n<OFX>\n");
    ASSERT_TRUE(ofx.error);
    EXPECT_EQ(ofx.message(),
              QStringLiteral("line 1: this is not a QIF file (it should start with a header such as !Type:Bank)"));
    const auto csv = parseQif("\nDate,Amount\n2024-01-02,5\n");
    ASSERT_TRUE(csv.error);
    EXPECT_TRUE(csv.message().startsWith(u"line 3: this is not a QIF file")) << csv.message().toStdString();
    static const char kBinary[] = "!Type:Bank\nD1/2/24\nT\0\x01\x02";
    const auto binary = parseQif(QByteArray(kBinary, sizeof(kBinary) - 1));
    ASSERT_TRUE(binary.error);
    EXPECT_EQ(binary.message(), QStringLiteral("line 3: binary data: this is not a QIF file"));
}

TEST(QifParser, SaysWhatIsMissingWhenItCannotStart)
{
    const auto noCurrency = parseQif("!Type:Bank\nD1/2/24\nT1\n^\n", qifOptions(QString()));
    ASSERT_TRUE(noCurrency.error);
    EXPECT_EQ(
        noCurrency.message(),
        QStringLiteral("QIF files do not say their currency: choose the currency of the account this file is for"));
    const auto badCurrency = parseQif("!Type:Bank\nD1/2/24\nT1\n^\n", qifOptions(QStringLiteral("XYZ")));
    ASSERT_TRUE(badCurrency.error);
    EXPECT_EQ(badCurrency.message(), QStringLiteral("\"XYZ\" is not an ISO 4217 currency"));

    const auto empty = parseQif(" \r\n\n");
    ASSERT_TRUE(empty.error);
    EXPECT_EQ(empty.message(), QStringLiteral("the file is empty: there is nothing to import"));

    // A QIF file with nothing to import is not a broken one: it says why nothing comes.
    const auto listsOnly = parseQif("!Type:Class\nNHome\n^\n!Type:Bank\n", qifOptions(QString()));
    ASSERT_FALSE(listsOnly.error) << listsOnly.message().toStdString();
    EXPECT_TRUE(listsOnly.sink.transactions.isEmpty());
    EXPECT_EQ(listsOnly.sink.notices,
              QStringList({QStringLiteral("line 1: classes (!Type:Class, 1 entry) are not imported: Coffer imports "
                                          "bank, cash and card transactions"),
                           QStringLiteral("the file holds no bank, cash or card transactions")}));
}

TEST(QifParser, StopsOnARecordWithoutEnd)
{
    QByteArray huge = "!Type:Bank\nD1/2/24\n";
    const QByteArray memo = "M" + QByteArray(1000, 'x') + "\n";
    while (huge.size() < 5 * 1024 * 1024)
        huge += memo;
    const auto r = parseQif(huge);
    ASSERT_TRUE(r.error);
    EXPECT_TRUE(r.message().contains(u"a record longer than 4 MiB (no ^ ends it)")) << r.message().toStdString();
}
