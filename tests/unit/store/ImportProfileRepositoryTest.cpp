// Saved CSV import profiles: by name and per account, in the real SQLite file, across restarts.

#include "store/ImportProfileRepository.h"
#include "importers/csv/CsvProfile.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using coffer::importers::csv::CsvProfile;
using coffer::store::Database;
using coffer::store::ImportProfileRepository;

namespace {

CsvProfile germanBank()
{
    CsvProfile p;
    p.delimiter = ';';
    p.skipRows = 4;
    p.headers = {QStringLiteral("Buchungstag"), QStringLiteral("Empfänger"), QStringLiteral("Betrag")};
    p.dateColumn = 0;
    p.dateFormat = QStringLiteral("dd.MM.yyyy");
    p.counterpartyColumn = 1;
    p.amountColumn = 2;
    p.decimalMark = ',';
    p.thousandsSeparator = '.';
    return p;
}

std::unique_ptr<Database> openIn(const QTemporaryDir& dir)
{
    auto db = Database::open(dir.path());
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().userMessage.toStdString());
    return db.ok() ? std::move(db).value() : nullptr;
}

} // namespace

TEST(ImportProfileRepository, ANamedProfileSurvivesARestart)
{
    QTemporaryDir dir;
    {
        auto db = openIn(dir);
        ASSERT_TRUE(db);
        ImportProfileRepository profiles(*db);
        ASSERT_TRUE(profiles.save(QStringLiteral(" Sparkasse "), germanBank().toVariantMap()).ok());
        ASSERT_TRUE(profiles.save(QStringLiteral("Chase"), CsvProfile{}.toVariantMap()).ok());
    }
    auto db = openIn(dir);
    ASSERT_TRUE(db);
    ImportProfileRepository profiles(*db);
    const auto names = profiles.names();
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(names.value(), (QStringList{QStringLiteral("Chase"), QStringLiteral("Sparkasse")}));
    const auto loaded = profiles.load(QStringLiteral("Sparkasse"));
    ASSERT_TRUE(loaded.ok());
    ASSERT_TRUE(loaded.value().has_value());
    const auto back = CsvProfile::fromVariantMap(*loaded.value());
    ASSERT_TRUE(back.ok()) << back.error().userMessage.toStdString();
    EXPECT_EQ(back.value(), germanBank());

    const auto missing = profiles.load(QStringLiteral("Nobody"));
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing.value().has_value());
}

TEST(ImportProfileRepository, SavingAgainReplacesAndRemoveForgets)
{
    QTemporaryDir dir;
    auto db = openIn(dir);
    ASSERT_TRUE(db);
    ImportProfileRepository profiles(*db);
    ASSERT_TRUE(profiles.save(QStringLiteral("Bank"), CsvProfile{}.toVariantMap()).ok());
    ASSERT_TRUE(profiles.save(QStringLiteral("Bank"), germanBank().toVariantMap()).ok());
    EXPECT_EQ(CsvProfile::fromVariantMap(*profiles.load(QStringLiteral("Bank")).value()).value(), germanBank());
    ASSERT_TRUE(profiles.remove(QStringLiteral("Bank")).ok());
    EXPECT_FALSE(profiles.load(QStringLiteral("Bank")).value().has_value());
    EXPECT_TRUE(profiles.names().value().isEmpty());
}

TEST(ImportProfileRepository, AnInvalidProfileOrNameIsRefusedAndNothingStored)
{
    QTemporaryDir dir;
    auto db = openIn(dir);
    ASSERT_TRUE(db);
    ImportProfileRepository profiles(*db);
    QVariantMap bad = germanBank().toVariantMap();
    bad[QStringLiteral("decimalMark")] = QStringLiteral("x");
    const auto s = profiles.save(QStringLiteral("Bank"), bad);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().userMessage.contains(QStringLiteral("\"decimalMark\"")));
    EXPECT_FALSE(profiles.save(QStringLiteral("   "), germanBank().toVariantMap()).ok());
    EXPECT_FALSE(profiles.saveForAccount(7, {}, bad).ok());
    EXPECT_TRUE(profiles.names().value().isEmpty());
    EXPECT_FALSE(profiles.loadForAccount(7).value().has_value());
}

TEST(ImportProfileRepository, EachAccountRemembersItsLastProfile)
{
    QTemporaryDir dir;
    {
        auto db = openIn(dir);
        ASSERT_TRUE(db);
        ImportProfileRepository profiles(*db);
        ASSERT_TRUE(profiles.saveForAccount(3, QStringLiteral("Sparkasse"), germanBank().toVariantMap()).ok());
        ASSERT_TRUE(profiles.saveForAccount(4, QString(), CsvProfile{}.toVariantMap()).ok());
        ASSERT_TRUE(profiles.saveForAccount(3, QStringLiteral("Sparkasse"), germanBank().toVariantMap()).ok());
    }
    auto db = openIn(dir);
    ASSERT_TRUE(db);
    ImportProfileRepository profiles(*db);
    const auto three = profiles.loadForAccount(3);
    ASSERT_TRUE(three.ok());
    ASSERT_TRUE(three.value().has_value());
    EXPECT_EQ(three.value()->name, QStringLiteral("Sparkasse"));
    EXPECT_EQ(CsvProfile::fromVariantMap(three.value()->profile).value(), germanBank());
    const auto four = profiles.loadForAccount(4);
    ASSERT_TRUE(four.value().has_value());
    EXPECT_TRUE(four.value()->name.isEmpty());
    EXPECT_FALSE(profiles.loadForAccount(5).value().has_value());
    EXPECT_TRUE(profiles.names().value().isEmpty()) << "an account's profile is not a named one";
}

TEST(ImportProfileRepository, ADamagedValueIsAnErrorNotAProfile)
{
    QTemporaryDir dir;
    auto db = openIn(dir);
    ASSERT_TRUE(db);
    ASSERT_TRUE(coffer::store::SettingsRepository(*db)
                    .setValue(QStringLiteral("import_profile.Broken"), QStringLiteral("{not json"))
                    .ok());
    const auto r = ImportProfileRepository(*db).load(QStringLiteral("Broken"));
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().userMessage.contains(QStringLiteral("\"Broken\"")));
}
