// Detecting how a bank's CSV export is written, from the whole file.

#include "CsvTestSupport.h"

#include "importers/csv/CsvSniffer.h"

#include <gtest/gtest.h>

using namespace coffer::importers;
using namespace coffer::test::csv;
using csv::AmountSign;
using csv::CsvSniff;
using csv::CsvSniffer;

namespace {

CsvSniff sniffBytes(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    auto r = CsvSniffer::sniff(buffer);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().userMessage.toStdString());
    return r.ok() ? r.value() : CsvSniff{};
}

bool explains(const CsvSniff& s, const QString& text)
{
    for (const QString& line : s.explanation) {
        if (line.contains(text))
            return true;
    }
    ADD_FAILURE() << "no explanation containing \"" << text.toStdString() << "\" in:\n"
                  << s.explanation.join(u'\n').toStdString();
    return false;
}

} // namespace

TEST(CsvSniffer, UsBankExport)
{
    const CsvSniff s = sniffBytes(fixture("us-bank.csv"));
    const auto& p = s.profile;
    EXPECT_EQ(p.charset, text::Charset::Utf8);
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_TRUE(p.hasHeader);
    EXPECT_EQ(p.skipRows, 0);
    EXPECT_EQ(p.dateColumn, 0);
    EXPECT_EQ(p.dateFormat, QStringLiteral("MM/dd/yyyy"));
    EXPECT_FALSE(p.dateOrderAmbiguous) << "01/31/2024 decides";
    EXPECT_EQ(p.amountColumn, 2);
    EXPECT_EQ(p.decimalMark, '.');
    EXPECT_EQ(p.thousandsSeparator, ',');
    EXPECT_EQ(p.descriptionColumns, QList<int>{1});
    EXPECT_EQ(p.amountSign, AmountSign::AsIs);
    EXPECT_TRUE(p.validate().ok());
    EXPECT_TRUE(explains(s, QStringLiteral("Delimiter: comma (every row has 3 fields)")));
    EXPECT_TRUE(explains(s, QStringLiteral("Date: \"Date\", written MM/dd/yyyy")));
}

TEST(CsvSniffer, GermanExportWithPreambleWindows1252AndTotals)
{
    const CsvSniff s = sniffBytes(fixture("german-sparkasse.csv"));
    const auto& p = s.profile;
    EXPECT_EQ(p.charset, text::Charset::Windows1252);
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.skipRows, 4) << "three preamble lines padded with ';' and a blank one";
    EXPECT_TRUE(p.hasHeader);
    EXPECT_EQ(p.headers.value(2), QStringLiteral("Empfänger"));
    EXPECT_EQ(p.dateColumn, 0);
    EXPECT_EQ(p.valueDateColumn, 1);
    EXPECT_EQ(p.dateFormat, QStringLiteral("dd.MM.yyyy"));
    EXPECT_EQ(p.counterpartyColumn, 2);
    EXPECT_EQ(p.descriptionColumns, QList<int>{3});
    EXPECT_EQ(p.amountColumn, 4);
    EXPECT_EQ(p.currencyColumn, 5);
    EXPECT_EQ(p.decimalMark, ',');
    EXPECT_EQ(p.thousandsSeparator, '.');
    EXPECT_TRUE(explains(s, QStringLiteral("Encoding: windows-1252")));
    EXPECT_TRUE(explains(s, QStringLiteral("Delimiter: semicolon")));
    EXPECT_TRUE(explains(s, QStringLiteral("Header: row 5")));
}

TEST(CsvSniffer, Utf16WithBomAndTabs)
{
    const CsvSniff s = sniffBytes(fixture("utf16le-bom.csv"));
    EXPECT_EQ(s.profile.charset, text::Charset::Utf16LE);
    EXPECT_EQ(s.profile.delimiter, '\t');
    EXPECT_EQ(s.profile.dateFormat, QStringLiteral("yyyy-MM-dd"));
    EXPECT_EQ(s.profile.headers.value(1), QStringLiteral("Payee"));
    EXPECT_EQ(s.profile.counterpartyColumn, 1);
    EXPECT_EQ(s.profile.currencyColumn, 3);
}

TEST(CsvSniffer, Utf16WithoutBomIsToldByItsZeroBytes)
{
    QByteArray bytes = fixture("utf16le-bom.csv").mid(2);
    const CsvSniff s = sniffBytes(bytes);
    EXPECT_EQ(s.profile.charset, text::Charset::Utf16LE);
    EXPECT_EQ(s.profile.amountColumn, 2);
}

TEST(CsvSniffer, DebitAndCreditColumnsNotTheBalance)
{
    const CsvSniff s = sniffBytes(fixture("debit-credit.csv"));
    EXPECT_EQ(s.profile.dateFormat, QStringLiteral("dd/MM/yyyy"));
    EXPECT_EQ(s.profile.amountColumn, -1);
    EXPECT_EQ(s.profile.debitColumn, 2);
    EXPECT_EQ(s.profile.creditColumn, 3);
    EXPECT_EQ(s.profile.thousandsSeparator, ',');
    EXPECT_TRUE(explains(s, QStringLiteral("money out in \"Debit\", money in in \"Credit\"")));
}

TEST(CsvSniffer, DirectionColumnBesideUnsignedAmounts)
{
    const CsvSniff s = sniffBytes(fixture("type-drcr.csv"));
    EXPECT_EQ(s.profile.amountSign, AmountSign::Direction);
    EXPECT_EQ(s.profile.directionColumn, 2);
    EXPECT_EQ(s.profile.directionDebitValue, QStringLiteral("DR"));
    EXPECT_EQ(s.profile.referenceColumn, 0);
    EXPECT_EQ(s.profile.idColumn, 0) << "unique in every row";
    EXPECT_EQ(s.profile.counterpartyColumn, 4);
    EXPECT_EQ(s.profile.descriptionColumns, QList<int>{5});
}

TEST(CsvSniffer, AmbiguousDatesAreSaidNotGuessed)
{
    const CsvSniff s = sniffBytes(fixture("ambiguous-dates.csv"));
    EXPECT_TRUE(s.profile.dateOrderAmbiguous);
    EXPECT_TRUE(explains(s, QStringLiteral("which is it?")));
}

TEST(CsvSniffer, DayOrderDecidedByTheLastRowOfALargeFile)
{
    // 5,000 rows that fit both orders, then one that fits only day/month: the whole file counts.
    QByteArray bytes = "Date,Description,Amount\n";
    for (int i = 0; i < 5000; ++i)
        bytes += "03/04/2024,Shop,-1.00\n";
    bytes += "25/04/2024,Shop,-1.00\n";
    const CsvSniff s = sniffBytes(bytes);
    EXPECT_EQ(s.profile.dateFormat, QStringLiteral("dd/MM/yyyy"));
    EXPECT_FALSE(s.profile.dateOrderAmbiguous);
}

TEST(CsvSniffer, HeaderlessFileByItsValues)
{
    const QByteArray bytes = "2024-01-02;Grocery store;-12,30;EUR\n"
                             "2024-01-05;Salary;2.000,00;EUR\n"
                             "2024-01-09;Pharmacy;-7,45;EUR\n";
    const CsvSniff s = sniffBytes(bytes);
    EXPECT_FALSE(s.profile.hasHeader);
    EXPECT_EQ(s.profile.dateColumn, 0);
    EXPECT_EQ(s.profile.amountColumn, 2);
    EXPECT_EQ(s.profile.descriptionColumns, QList<int>{1});
    EXPECT_EQ(s.profile.currencyColumn, 3);
    EXPECT_EQ(s.profile.decimalMark, ',');
    EXPECT_TRUE(explains(s, QStringLiteral("Header: none")));
}

TEST(CsvSniffer, CommaDecimalsDoNotMakeCommaTheDelimiter)
{
    // Every row has exactly one comma (in the amount), so commas split evenly too.
    const QByteArray bytes = "Datum;Omschrijving;Bedrag\n01-02-2024;Albert Heijn;-12,30\n02-02-2024;Salaris;2000,00\n";
    EXPECT_EQ(sniffBytes(bytes).profile.delimiter, ';');
}

TEST(CsvSniffer, NotACsvFileIsAnError)
{
    QBuffer buffer;
    buffer.setData("just one line of prose\nand another\n");
    buffer.open(QIODevice::ReadOnly);
    const auto r = CsvSniffer::sniff(buffer);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().userMessage.contains(QStringLiteral("not a CSV file")));
}
