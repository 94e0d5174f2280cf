// The CSV profile as the map the UI, the CLI and the saved profiles carry.

#include "importers/csv/CsvProfile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace coffer::importers;
using csv::AmountSign;
using csv::CsvProfile;

namespace {

CsvProfile germanProfile()
{
    CsvProfile p;
    p.charset = text::Charset::Windows1252;
    p.delimiter = ';';
    p.skipRows = 4;
    p.headers = {QStringLiteral("Buchungstag"), QStringLiteral("Betrag"), QStringLiteral("S/H")};
    p.dateColumn = 0;
    p.dateFormat = QStringLiteral("dd.MM.yyyy");
    p.amountColumn = 1;
    p.decimalMark = ',';
    p.thousandsSeparator = '.';
    p.amountSign = AmountSign::Direction;
    p.directionColumn = 2;
    p.directionDebitValue = QStringLiteral("S");
    p.descriptionColumns = {3, 4};
    p.idColumn = 5;
    return p;
}

QString errorFor(QVariantMap map)
{
    const auto r = CsvProfile::fromVariantMap(map);
    EXPECT_FALSE(r.ok());
    return r.ok() ? QString() : r.error().userMessage;
}

} // namespace

TEST(CsvProfile, RoundTripsThroughAMapAndJson)
{
    const CsvProfile p = germanProfile();
    const QVariantMap map = p.toVariantMap();
    EXPECT_EQ(map.value(QStringLiteral("encoding")).toString(), QStringLiteral("windows-1252"));
    EXPECT_EQ(map.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
    EXPECT_EQ(map.value(QStringLiteral("amountSign")).toString(), QStringLiteral("direction"));
    auto back = CsvProfile::fromVariantMap(map);
    ASSERT_TRUE(back.ok()) << back.error().userMessage.toStdString();
    EXPECT_EQ(back.value(), p);

    // Saved as JSON, numbers come back as doubles.
    const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(map)).toJson();
    back = CsvProfile::fromVariantMap(QJsonDocument::fromJson(json).object().toVariantMap());
    ASSERT_TRUE(back.ok()) << back.error().userMessage.toStdString();
    EXPECT_EQ(back.value(), p);
}

TEST(CsvProfile, AnInvalidMapNamesTheKey)
{
    QVariantMap map = germanProfile().toVariantMap();
    map[QStringLiteral("dateColum")] = 1;
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"dateColum\""))) << errorFor(map).toStdString();

    map = germanProfile().toVariantMap();
    map[QStringLiteral("delimiter")] = QStringLiteral(";;");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"delimiter\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("amountColumn")] = QStringLiteral("Betrag");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"amountColumn\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("dateFormat")] = QStringLiteral("dd.MM.yyyy HH:mm");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"dateFormat\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("encoding")] = QStringLiteral("EBCDIC");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"encoding\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("amountSign")] = QStringLiteral("backwards");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"amountSign\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("thousandsSeparator")] = QStringLiteral(",");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"thousandsSeparator\""))) << "the decimal mark is ','";
    map = germanProfile().toVariantMap();
    map[QStringLiteral("hasHeader")] = QStringLiteral("yes");
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"hasHeader\"")));
    map = germanProfile().toVariantMap();
    map[QStringLiteral("descriptionColumns")] = QVariantList{1, -4};
    EXPECT_TRUE(errorFor(map).contains(QStringLiteral("\"descriptionColumns\"")));
}

TEST(CsvProfile, ValidateSaysWhatIsMissing)
{
    CsvProfile p = germanProfile();
    EXPECT_TRUE(p.validate().ok());
    p.amountColumn = -1;
    p.debitColumn = 3;
    EXPECT_TRUE(p.validate().error().userMessage.contains(QStringLiteral("\"creditColumn\"")));
    p = germanProfile();
    p.directionDebitValue.clear();
    EXPECT_TRUE(p.validate().error().userMessage.contains(QStringLiteral("\"directionDebitValue\"")));
    p = germanProfile();
    p.dateColumn = -1;
    EXPECT_TRUE(p.validate().error().userMessage.contains(QStringLiteral("\"dateColumn\"")));
}

TEST(CsvProfile, TheUsersDateOrderEndsTheAmbiguity)
{
    CsvProfile p;
    p.dateFormat = QStringLiteral("dd/MM/yyyy");
    p.dateOrderAmbiguous = true;
    EXPECT_FALSE(p.resolveDateOrder(DateOrder::Auto));
    EXPECT_TRUE(p.dateOrderAmbiguous);
    EXPECT_TRUE(p.resolveDateOrder(DateOrder::MonthDay));
    EXPECT_EQ(p.dateFormat, QStringLiteral("MM/dd/yyyy"));
    EXPECT_FALSE(p.dateOrderAmbiguous);
    EXPECT_FALSE(p.resolveDateOrder(DateOrder::DayMonth)) << "a settled order stays";
    EXPECT_EQ(p.dateFormat, QStringLiteral("MM/dd/yyyy"));
}
