#include "importers/FormatDetector.h"

#include <gtest/gtest.h>

using coffer::importers::detectFormat;
using coffer::importers::Format;

TEST(FormatDetector, KnowsEachFormatByItsContentWhateverTheName)
{
    EXPECT_EQ(detectFormat("OFXHEADER:100\r\nDATA:OFXSGML\r\n", QStringLiteral("x.txt")), Format::Ofx);
    EXPECT_EQ(detectFormat("<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<OFX>", QStringLiteral("a.xml")),
              Format::Ofx);
    EXPECT_EQ(detectFormat("\xEF\xBB\xBF<OFX><SIGNONMSGSRSV1>", QStringLiteral("export")), Format::Ofx);
    EXPECT_EQ(detectFormat("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">",
                           QStringLiteral("statement.ofx")),
              Format::Camt053);
    EXPECT_EQ(detectFormat("!Type:Bank\nD1/2/24\nT-5.00\n^\n", QStringLiteral("a.csv")), Format::Qif);
    EXPECT_EQ(detectFormat("!Account\nNChecking\n^\n", QStringLiteral("a")), Format::Qif);
    EXPECT_EQ(detectFormat(":20:STARTUMS\r\n:25:10020030/1234567\r\n:28C:0\r\n", QStringLiteral("a.txt")),
              Format::Mt940);
    EXPECT_EQ(detectFormat("{1:F01BANKBEBBAXXX0000000000}{2:I940BANKBEBBXXXXN}{4:\r\n:20:X\r\n", QStringLiteral("s")),
              Format::Mt940);
    EXPECT_EQ(detectFormat("Date,Description,Amount\n2024-01-02,Coffee,-3.50\n", QStringLiteral("export.csv")),
              Format::Csv);
    EXPECT_EQ(detectFormat("\xFF\xFE"
                           "D\0a\0t\0e\0",
                           QStringLiteral("export.csv")),
              Format::Csv);
}

TEST(FormatDetector, RefusesWhatIsNoBankFile)
{
    EXPECT_FALSE(detectFormat("", QStringLiteral("empty.csv")).has_value());
    EXPECT_FALSE(detectFormat("   \n", QStringLiteral("blank.ofx")).has_value());
    EXPECT_FALSE(detectFormat("%PDF-1.7\n\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e", QStringLiteral("statement.pdf"))
                     .has_value());
    EXPECT_FALSE(detectFormat(QByteArrayView("PK\x03\x04\0\0", 6), QStringLiteral("statement.xlsx")).has_value());
}
