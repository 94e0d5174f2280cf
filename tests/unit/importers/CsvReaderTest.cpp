// The CSV record reader: RFC 4180 and the quirks real exports have.

#include "importers/csv/CsvReader.h"
#include "importers/text/ByteStream.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace coffer::importers;
using csv::CsvReader;
using csv::CsvRecord;

namespace {

struct Read {
    QList<QList<QByteArray>> records;
    QList<qint64> lines;
    QList<QByteArray> raws;
    QString error;
};

Read readAll(const QByteArray& data, char delimiter = ',')
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    text::ByteStream stream(buffer);
    CsvReader reader(stream, delimiter);
    Read out;
    CsvRecord record;
    while (reader.next(record)) {
        out.records.append(record.fields);
        out.lines.append(record.line);
        out.raws.append(record.raw);
    }
    if (reader.error())
        out.error = reader.error()->userMessage;
    return out;
}

QList<QByteArray> fields(std::initializer_list<const char*> list)
{
    QList<QByteArray> out;
    for (const char* f : list)
        out.append(QByteArray(f));
    return out;
}

} // namespace

TEST(CsvReader, SplitsPlainRecordsWithAnyLineEnd)
{
    const Read r = readAll("a,b,c\r\n1,2,3\n4,5,6\r7,8,9");
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    ASSERT_EQ(r.records.size(), 4);
    EXPECT_EQ(r.records[0], fields({"a", "b", "c"}));
    EXPECT_EQ(r.records[3], fields({"7", "8", "9"})) << "a last line without its line end is a record";
    EXPECT_EQ(r.lines, (QList<qint64>{1, 2, 3, 4}));
}

TEST(CsvReader, QuotedFieldsKeepDelimitersQuotesAndLineBreaks)
{
    const Read r = readAll("\"Coffee, large\",\"say \"\"hi\"\"\",\"two\r\nlines\",plain\nnext,row,,\n");
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_EQ(r.records[0], fields({"Coffee, large", "say \"hi\"", "two\nlines", "plain"}));
    EXPECT_EQ(r.records[1], fields({"next", "row", "", ""}));
    EXPECT_EQ(r.lines, (QList<qint64>{1, 3})) << "the second record starts after the quoted line break";
    EXPECT_EQ(r.raws[0], QByteArray("\"Coffee, large\",\"say \"\"hi\"\"\",\"two\nlines\",plain"));
}

TEST(CsvReader, ForgivesSpacesAroundQuotesAndQuotesInsideUnquotedFields)
{
    const Read r = readAll("a; \"b;c\" ;5\" screen;\"x\"y\n", ';');
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records[0], fields({"a", "b;c", "5\" screen", "xy"}));
}

TEST(CsvReader, TabAndBarDelimiters)
{
    EXPECT_EQ(readAll("a\tb,c\t\"d\te\"\n", '\t').records.value(0), fields({"a", "b,c", "d\te"}));
    EXPECT_EQ(readAll("a|b|c", '|').records.value(0), fields({"a", "b", "c"}));
}

TEST(CsvReader, AQuoteNeverClosedIsAnErrorNamingWhereItBegan)
{
    const Read r = readAll("a,b\n1,\"open\n2,3\n4,5\n");
    EXPECT_EQ(r.records.size(), 1);
    EXPECT_TRUE(r.error.startsWith(QStringLiteral("line 2: "))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QStringLiteral("never closed"))) << r.error.toStdString();
}

TEST(CsvReader, TooManyFieldsIsAnError)
{
    const Read r = readAll(QByteArray(5000, ','));
    EXPECT_TRUE(r.records.isEmpty());
    EXPECT_TRUE(r.error.contains(QStringLiteral("more than 1000 fields"))) << r.error.toStdString();
}

TEST(CsvReader, EmptyInputHasNoRecords)
{
    const Read r = readAll("");
    EXPECT_TRUE(r.records.isEmpty());
    EXPECT_TRUE(r.error.isEmpty());
}
