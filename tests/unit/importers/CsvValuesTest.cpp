// Dates and amounts as CSV exports write them.

#include "importers/csv/CsvAmount.h"
#include "importers/csv/CsvDate.h"

#include <gtest/gtest.h>

using namespace coffer::importers;
using csv::CsvAmountEvidence;
using csv::CsvDateEvidence;
using csv::CsvDateFormat;

namespace {

QDate parse(const char* format, const char* text)
{
    const auto f = CsvDateFormat::fromString(QString::fromLatin1(format));
    EXPECT_TRUE(f.has_value()) << format;
    return f ? f->parse(QByteArrayView(text)) : QDate();
}

CsvDateEvidence datesOf(std::initializer_list<const char*> values)
{
    CsvDateEvidence e;
    for (const char* v : values)
        e.add(QByteArrayView(v));
    return e;
}

text::NumberStyle styleOf(std::initializer_list<const char*> values, char fallback = '.')
{
    CsvAmountEvidence e;
    for (const char* v : values)
        e.add(QByteArrayView(v));
    return e.style(fallback);
}

qint64 amount(const char* text, text::NumberStyle style = {})
{
    const auto r = csv::readAmount(QByteArrayView(text), 2, style);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().userMessage.toStdString());
    return r.ok() ? r.value() : 0;
}

} // namespace

TEST(CsvDate, ReadsTheFormatsBanksWrite)
{
    EXPECT_EQ(parse("yyyy-MM-dd", "2024-03-01"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("yyyy-MM-dd", "2024-03-01 14:05:00"), QDate(2024, 3, 1)) << "a time is ignored";
    EXPECT_EQ(parse("yyyy-MM-dd", "2024-03-01T14:05:00Z"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("dd.MM.yyyy", "01.03.2024"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("dd.MM.yyyy", "1.3.2024"), QDate(2024, 3, 1)) << "one digit is fine";
    EXPECT_EQ(parse("MM/dd/yyyy", "03/01/2024"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("d/M/yy", "1/3/24"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("d/M/yy", "1/3/99"), QDate(1999, 3, 1));
    EXPECT_EQ(parse("yyyyMMdd", "20240301"), QDate(2024, 3, 1));
    EXPECT_EQ(parse("dd MMM yyyy", "15 Jan 2024"), QDate(2024, 1, 15));
    EXPECT_EQ(parse("dd MMM yyyy", "1 September 2024"), QDate(2024, 9, 1));
    EXPECT_EQ(parse("dd MMM yyyy", "15 Jan. 2024"), QDate(2024, 1, 15));
    EXPECT_EQ(parse("dd-MMM-yy", "15-MÄR-24"), QDate(2024, 3, 15));
    EXPECT_EQ(parse("dd-MMM-yy", "02-dic-24"), QDate(2024, 12, 2));
}

TEST(CsvDate, RefusesWhatDoesNotFitTheFormat)
{
    EXPECT_FALSE(parse("dd.MM.yyyy", "2024-03-01").isValid());
    EXPECT_FALSE(parse("MM/dd/yyyy", "13/01/2024").isValid());
    EXPECT_FALSE(parse("dd.MM.yyyy", "31.02.2024").isValid());
    EXPECT_FALSE(parse("dd.MM.yyyy", "01.03.24").isValid()) << "the year's digits are part of the format";
    EXPECT_FALSE(parse("yyyy-MM-dd", "").isValid());
    EXPECT_FALSE(parse("yyyy-MM-dd", "2024-03-01x").isValid());
    EXPECT_FALSE(CsvDateFormat::fromString(QStringLiteral("dd.MM.yyyy HH:mm")).has_value());
    EXPECT_FALSE(CsvDateFormat::fromString(QStringLiteral("dd-MM/yyyy")).has_value());
    EXPECT_FALSE(CsvDateFormat::fromString(QStringLiteral("yyyy-dd-MM")).has_value());
    EXPECT_FALSE(CsvDateFormat::fromString(QString()).has_value());
    EXPECT_FALSE(parse("dd MMM yyyy", "15 Foo 2024").isValid());
    EXPECT_FALSE(parse("dd MMM yyyy", "15.01.2024").isValid()) << "a number where the name goes";
    EXPECT_FALSE(parse("dd.MM.yyyy", "15 Jan 2024").isValid());
    EXPECT_FALSE(CsvDateFormat::fromString(QStringLiteral("MMM/dd/yyyy")).has_value());
}

TEST(CsvDate, FormatsRoundTripThroughText)
{
    for (const char* f :
         {"yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "dd/MM/yy", "yyyyMMdd", "dd MMM yyyy", "dd-MMM-yy"}) {
        const auto format = CsvDateFormat::fromString(QString::fromLatin1(f));
        ASSERT_TRUE(format.has_value()) << f;
        EXPECT_EQ(format->toString(), QString::fromLatin1(f));
    }
}

TEST(CsvDateEvidence, DecidesDayMonthOrderFromTheWholeColumn)
{
    bool ambiguous = true;
    auto f = datesOf({"03/04/2024", "05/06/2024", "25/06/2024"}).format(&ambiguous);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->toString(), QStringLiteral("dd/MM/yyyy"));
    EXPECT_FALSE(ambiguous) << "one day over 12 decides for every row";

    f = datesOf({"03/04/2024", "12/31/2024"}).format(&ambiguous);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->toString(), QStringLiteral("MM/dd/yyyy"));
    EXPECT_FALSE(ambiguous);

    f = datesOf({"03/04/2024", "05/06/2024"}).format(&ambiguous);
    ASSERT_TRUE(f.has_value());
    EXPECT_TRUE(ambiguous) << "every date fits both orders";

    EXPECT_FALSE(datesOf({"13/01/2024", "01/13/2024"}).format(&ambiguous).has_value()) << "two orders in one column";
    EXPECT_FALSE(datesOf({"2024-01-03", "03.01.2024"}).format(&ambiguous).has_value()) << "two shapes";
    EXPECT_EQ(datesOf({"2024-01-03", "2024-12-31"}).format(&ambiguous)->toString(), QStringLiteral("yyyy-MM-dd"));
    EXPECT_EQ(datesOf({"1.3.24", "28.2.24"}).format(&ambiguous)->toString(), QStringLiteral("dd.MM.yy"));
    EXPECT_EQ(datesOf({"Coffee", "-4.50"}).dates(), 0);
    f = datesOf({"01 Feb 2024", "03 Feb 2024"}).format(&ambiguous);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->toString(), QStringLiteral("dd MMM yyyy"));
    EXPECT_FALSE(ambiguous) << "a month's name is never ambiguous";
    EXPECT_FALSE(datesOf({"01 Feb 2024", "03 02 2024"}).format(&ambiguous).has_value());
}

TEST(CsvAmount, DropsCurrencySymbolsAndReadsDrCrSuffixes)
{
    EXPECT_EQ(amount("$1,234.56", {'.', ','}), 123456);
    EXPECT_EQ(amount("-$12.00"), -1200);
    EXPECT_EQ(amount("12,50 \xE2\x82\xAC", {',', '.'}), 1250);
    EXPECT_EQ(amount("EUR -3.00"), -300);
    EXPECT_EQ(amount("1\xC2\xA0"
                     "234,56",
                     {',', '.'}),
              123456)
        << "a no-break space groups thousands";
    EXPECT_EQ(amount("12.50 DR"), -1250);
    EXPECT_EQ(amount("12.50 CR"), 1250);
    EXPECT_EQ(amount("12.50D"), -1250);
    EXPECT_FALSE(csv::readAmount(QByteArrayView("abc"), 2, {}).ok());
    EXPECT_FALSE(csv::readAmount(QByteArrayView("12.50 XYZ extra"), 2, {}).ok());
    EXPECT_FALSE(csv::readAmount(QByteArrayView("EUR"), 2, {}).ok());
}

TEST(CsvAmountEvidence, DecimalMarkAndThousandsFromAllValues)
{
    auto s = styleOf({"-3,85", "3.456,78", "-1.234,56"});
    EXPECT_EQ(s.decimalMark, ',');
    EXPECT_EQ(s.groupMark, '.');
    s = styleOf({"-4.50", "2,500.00", "0.42"});
    EXPECT_EQ(s.decimalMark, '.');
    EXPECT_EQ(s.groupMark, ',');
    s = styleOf({"1 234,56", "-12,00"});
    EXPECT_EQ(s.decimalMark, ',');
    EXPECT_EQ(s.groupMark, ' ');
    s = styleOf({"1'234.50"});
    EXPECT_EQ(s.decimalMark, '.');
    EXPECT_EQ(s.groupMark, '\'');
    s = styleOf({"12", "-40"}, ',');
    EXPECT_EQ(s.decimalMark, ',') << "whole numbers say nothing: the fallback";
    s = styleOf({"1,234", "2,000"});
    EXPECT_EQ(s.decimalMark, '.') << "three digits after the only comma: thousands";
    EXPECT_EQ(s.groupMark, ',');
}
