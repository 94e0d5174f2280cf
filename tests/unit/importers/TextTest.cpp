#include "importers/text/ByteStream.h"
#include "importers/text/Charset.h"
#include "importers/text/Decimal.h"
#include "importers/text/Utf8Device.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace coffer::importers::text;

namespace {

qint64 minor(const char* text, int digits = 2, NumberStyle style = {})
{
    const auto r = parseMinorUnits(QByteArrayView(text), digits, style);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().userMessage.toStdString());
    return r.ok() ? r.value() : 0;
}

QString refusal(const char* text, int digits = 2, NumberStyle style = {})
{
    const auto r = parseMinorUnits(QByteArrayView(text), digits, style);
    EXPECT_FALSE(r.ok()) << text << " was read as " << (r.ok() ? r.value() : 0);
    return r.ok() ? QString() : r.error().userMessage;
}

QList<QByteArray> linesOf(const QByteArray& data, QList<qint64>* lineNumbers = nullptr)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    ByteStream stream(buffer);
    QList<QByteArray> lines;
    QByteArray line;
    while (stream.readLine(line)) {
        lines.append(line);
        if (lineNumbers)
            lineNumbers->append(stream.lineNumber());
    }
    EXPECT_FALSE(stream.error().has_value());
    return lines;
}

} // namespace

TEST(Decimal, ReadsTheWaysBanksWriteAmounts)
{
    EXPECT_EQ(minor("12.34"), 1234);
    EXPECT_EQ(minor("-12.34"), -1234);
    EXPECT_EQ(minor("+7"), 700);
    EXPECT_EQ(minor(" 12.5 "), 1250);
    EXPECT_EQ(minor(".5"), 50);
    EXPECT_EQ(minor("5."), 500);
    EXPECT_EQ(minor("12.50-"), -1250);
    EXPECT_EQ(minor("(12.50)"), -1250);
    EXPECT_EQ(minor("18.150"), 1815); // a zero past the currency's decimals
    EXPECT_EQ(minor("1,234,567.89", 2, {'.', ','}), 123456789);
    EXPECT_EQ(minor("1.234,56", 2, {',', '.'}), 123456);
    EXPECT_EQ(minor("1234,56", 2, {',', '.'}), 123456);
    EXPECT_EQ(minor("1 234.56", 2, {'.', ' '}), 123456);
    EXPECT_EQ(minor("1200", 0), 1200);
    EXPECT_EQ(minor("1.234", 3), 1234);
}

TEST(Decimal, RefusesWhatIsNotAnAmountQuotingIt)
{
    EXPECT_TRUE(refusal("12.345").contains(QStringLiteral("\"12.345\"")));
    EXPECT_TRUE(refusal("12.345").contains(QStringLiteral("more than 2 decimals")));
    EXPECT_TRUE(refusal("1,23,4", 2, {'.', ','}).contains(QStringLiteral("thousands separator")));
    EXPECT_TRUE(refusal("1,2345.00", 2, {'.', ','}).contains(QStringLiteral("thousands separator")));
    EXPECT_FALSE(refusal("").isEmpty());
    EXPECT_FALSE(refusal("-").isEmpty());
    EXPECT_FALSE(refusal("abc").isEmpty());
    EXPECT_FALSE(refusal("1.2.3").isEmpty());
    EXPECT_FALSE(refusal("--5").isEmpty());
    EXPECT_FALSE(refusal("1,234.56").isEmpty()); // no group mark in this style
    EXPECT_TRUE(refusal("99999999999999999999").contains(QStringLiteral("too large")));
}

TEST(Charset, NamesFilesUseAndWindows1252)
{
    EXPECT_EQ(charsetFromName("1252"), Charset::Windows1252);
    EXPECT_EQ(charsetFromName("ISO-8859-1"), Charset::Latin1);
    EXPECT_EQ(charsetFromName("utf-8"), Charset::Utf8);
    EXPECT_EQ(charsetFromName("USASCII"), Charset::Utf8);
    EXPECT_FALSE(charsetFromName("EBCDIC").has_value());
    EXPECT_EQ(decode("\x80 caf\xe9 \x93ok\x94", Charset::Windows1252), QStringLiteral("€ café “ok”"));
    EXPECT_EQ(decode("caf\xe9", Charset::Latin1), QStringLiteral("café"));
    EXPECT_TRUE(isValidUtf8("caf\xc3\xa9"));
    EXPECT_FALSE(isValidUtf8("caf\xe9"));
    EXPECT_FALSE(isValidUtf8("\xc3"));
    EXPECT_FALSE(isValidUtf8("\xc0\xaf")); // overlong
    EXPECT_EQ(detectBom("\xEF\xBB\xBF"
                        "a")
                  .length,
              3);
    EXPECT_EQ(detectBom("\xFF\xFE"
                        "a")
                  .charset,
              Charset::Utf16LE);
    EXPECT_FALSE(detectBom("abc").charset.has_value());
}

TEST(ByteStream, ReadsEveryKindOfLineEndAndCountsLines)
{
    QList<qint64> numbers;
    const QList<QByteArray> lines = linesOf("a\r\nb\nc\rd", &numbers);
    EXPECT_EQ(lines, (QList<QByteArray>{"a", "b", "c", "d"}));
    EXPECT_EQ(numbers, (QList<qint64>{2, 3, 4, 4}));
    EXPECT_EQ(linesOf("x\n\ny\n"), (QList<QByteArray>{"x", "", "y"}));
    EXPECT_TRUE(linesOf("").isEmpty());
}

TEST(ByteStream, KeepsCrLfTogetherAcrossChunks)
{
    QByteArray data(ByteStream::kChunkBytes - 1, 'a');
    data += "\r\nsecond\r\n";
    const QList<QByteArray> lines = linesOf(data);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[1], QByteArray("second"));
}

TEST(ByteStream, StopsAtARecordLongerThanTheLimit)
{
    QBuffer buffer;
    buffer.setData(QByteArray(ByteStream::kMaxRecordBytes + 10, 'x'));
    buffer.open(QIODevice::ReadOnly);
    ByteStream stream(buffer);
    QByteArray line;
    EXPECT_FALSE(stream.readLine(line));
    ASSERT_TRUE(stream.error().has_value());
    EXPECT_TRUE(stream.error()->userMessage.contains(QStringLiteral("line 1")));
}

TEST(ByteStream, ReadUntilLeavesTheStopByte)
{
    QBuffer buffer;
    buffer.setData("<OFX>\n<CODE>0");
    buffer.open(QIODevice::ReadOnly);
    ByteStream stream(buffer);
    QByteArray out;
    ASSERT_EQ(stream.get(), '<');
    ASSERT_TRUE(stream.readUntil('>', out));
    EXPECT_EQ(out, QByteArray("OFX"));
    EXPECT_EQ(stream.get(), '>');
    stream.skipSpace();
    EXPECT_EQ(stream.lineNumber(), 2);
    EXPECT_EQ(stream.get(), '<');
    ASSERT_TRUE(stream.readUntil('>', out));
    stream.get();
    ASSERT_TRUE(stream.readUntil('<', out));
    EXPECT_EQ(out, QByteArray("0"));
    EXPECT_TRUE(stream.atEnd());
}

TEST(ByteStream, ReadUntilAsAViewGivesTheSameBytesAcrossChunks)
{
    // Records of every length around the chunk boundary, some spanning two chunks, some lines.
    QByteArray data;
    QList<QByteArray> records;
    for (int i = 0; data.size() < 2 * ByteStream::kChunkBytes + 1000; ++i) {
        QByteArray record = QByteArray::number(i) + QByteArray(i % 97, 'x') + (i % 5 == 0 ? "\r\n" : "");
        if (i % 1000 == 999)
            record += QByteArray(ByteStream::kChunkBytes / 3, 'y'); // longer than what is left of a chunk
        records.append(record);
        data += record + ';';
    }
    QBuffer copied(&data);
    QBuffer viewed(&data);
    copied.open(QIODevice::ReadOnly);
    viewed.open(QIODevice::ReadOnly);
    ByteStream copyStream(copied);
    ByteStream viewStream(viewed);
    QByteArray copy;
    QByteArrayView view;
    QByteArray spill;
    for (const QByteArray& record : records) {
        ASSERT_TRUE(copyStream.readUntil(';', copy));
        ASSERT_TRUE(viewStream.readUntil(';', view, spill));
        ASSERT_EQ(copy, record);
        ASSERT_EQ(view, QByteArrayView(record));
        ASSERT_EQ(viewStream.lineNumber(), copyStream.lineNumber());
        ASSERT_EQ(viewStream.get(), ';');
        copyStream.get();
    }
    EXPECT_FALSE(viewStream.readUntil(';', view, spill));
    EXPECT_TRUE(view.isEmpty());
    EXPECT_FALSE(viewStream.error().has_value());
}

TEST(Utf8Device, ReadsUtf16AndWindows1252AsUtf8AcrossChunks)
{
    // A long UTF-16LE text whose characters (one outside the BMP) straddle the 64 KiB chunks.
    QString text;
    for (int i = 0; i < 20000; ++i)
        text += QStringLiteral("Zoë 😀;\r\n");
    QByteArray utf16(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    QBuffer source;
    source.setData(utf16);
    source.open(QIODevice::ReadOnly);
    Utf8Device device(source, Charset::Utf16LE);
    ByteStream stream(device);
    QByteArray line;
    int lines = 0;
    while (stream.readLine(line)) {
        ASSERT_EQ(line, QByteArray("Zo\xC3\xAB \xF0\x9F\x98\x80;")) << "line " << lines + 1;
        ++lines;
    }
    EXPECT_EQ(lines, 20000);
    EXPECT_FALSE(stream.error().has_value());

    QBuffer cp1252;
    cp1252.setData("Stra\xDF"
                   "e \x80 5");
    cp1252.open(QIODevice::ReadOnly);
    Utf8Device decoded(cp1252, Charset::Windows1252);
    EXPECT_EQ(decoded.readAll(), QByteArray("Stra\xC3\x9F"
                                            "e \xE2\x82\xAC 5"));
}

TEST(Utf8Device, AnOddLastByteOfUtf16IsAReplacementCharacter)
{
    QBuffer source;
    source.setData(QByteArray("A\0B\0C", 5));
    source.open(QIODevice::ReadOnly);
    Utf8Device device(source, Charset::Utf16LE);
    EXPECT_EQ(device.readAll(), QByteArray("AB\xEF\xBF\xBD"));
}
