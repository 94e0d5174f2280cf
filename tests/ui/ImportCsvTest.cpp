// A CSV file: Coffer shows how it read the file (delimiter, date format, decimal mark, signs,
// columns) for the user to confirm or correct, previews again with the correction, and keeps it
// for the account so its next file reads the same way.

#include "ImportFixture.h"

#include "imports/CsvProfilePanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>

namespace {

using namespace coffer;
using test::ImportFixture;
using test::kTimeoutMs;
using Stage = ui::ImportDialog::Stage;

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A German bank's export: semicolons, day.month.year, decimal commas, and (this bank's quirk)
// positive amounts for money out.
const QByteArray kFirstStatement = "Buchungstag;Verwendungszweck;Betrag\r\n"
                                   "03.12.2025;Baeckerei Sonne;4,50\r\n"
                                   "15.12.2025;Gehalt Dezember;-2.100,00\r\n"
                                   "18.12.2025;Buchhandlung Mitte;23,90\r\n";
const QByteArray kSecondStatement = "Buchungstag;Verwendungszweck;Betrag\r\n"
                                    "05.01.2026;Baeckerei Sonne;3,80\r\n";

TEST_F(ImportFixture, CsvProfileIsShownCorrectedAndRememberedForTheAccount)
{
    const QString first = filePath(QStringLiteral("konto-dezember.csv"));
    ASSERT_TRUE(writeFile(first, kFirstStatement));
    ui::ImportDialog* dialog = openImport(first);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    auto* box = dialog->findChild<QGroupBox*>(QStringLiteral("csvProfileBox"));
    ASSERT_TRUE(box && box->isVisible()) << "a CSV file shows how it was read";
    ui::CsvProfilePanel* panel = dialog->previewPage()->csvProfile();
    ASSERT_NE(panel->choice(QStringLiteral("delimiter")), nullptr);
    EXPECT_EQ(panel->choice(QStringLiteral("delimiter"))->currentData().toString(), QStringLiteral(";"));
    EXPECT_EQ(panel->choice(QStringLiteral("decimalMark"))->currentData().toString(), QStringLiteral(","));
    EXPECT_EQ(panel->choice(QStringLiteral("dateFormat"))->currentData().toString(), QStringLiteral("dd.MM.yyyy"));
    QComboBox* sign = panel->choice(QStringLiteral("amountSign"));
    ASSERT_NE(sign, nullptr);
    EXPECT_EQ(sign->currentData().toString(), QStringLiteral("as-is"));
    EXPECT_EQ(panel->choice(QStringLiteral("amountColumn"))->currentText(), QStringLiteral("Betrag"));
    const ui::ImportPreviewModel* items = dialog->previewPage()->items();
    ASSERT_EQ(items->rowCount(), 3);
    EXPECT_EQ(items->itemAt(0).amount->minorUnits(), 450) << "read as the file writes it";
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-csv-profile.png"));

    // The user says positive amounts are money out: the preview is read again that way.
    sign->setFocus();
    QTest::keyClick(sign, Qt::Key_Down);
    ASSERT_EQ(sign->currentData().toString(), QStringLiteral("negated"));
    EXPECT_EQ(dialog->request().csvProfile.value(QStringLiteral("amountSign")).toString(), QStringLiteral("negated"));
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    ASSERT_EQ(items->rowCount(), 3);
    EXPECT_EQ(items->itemAt(0).amount->minorUnits(), -450);
    EXPECT_EQ(items->itemAt(1).amount->minorUnits(), 210000);
    EXPECT_EQ(dialog->previewPage()->csvProfile()->choice(QStringLiteral("amountSign"))->currentData().toString(),
              QStringLiteral("negated"))
        << "the correction stays chosen";

    auto* save = dialog->findChild<QCheckBox*>(QStringLiteral("csvSaveProfileCheck"));
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("csvProfileNameField"));
    ASSERT_TRUE(save && name);
    save->setChecked(true);
    name->setText(QStringLiteral("Sonnenbank Giro"));
    dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->click();
    ASSERT_TRUE(waitForStage(dialog, Stage::Imported));
    EXPECT_TRUE(dialog->request().saveProfile);
    EXPECT_EQ(dialog->request().profileName, QStringLiteral("Sonnenbank Giro"));
    dialog->accept();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_imports->currentDialog() == nullptr; }, kTimeoutMs));
    const QList<store::TransactionRow> rows = stored();
    ASSERT_EQ(rows.size(), 3);

    // The next statement of that account reads the same way without asking.
    const QString second = filePath(QStringLiteral("konto-januar.csv"));
    ASSERT_TRUE(writeFile(second, kSecondStatement));
    dialog = openImport(second, rows.first().transaction.accountId);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    ASSERT_EQ(dialog->previewPage()->items()->rowCount(), 1);
    EXPECT_EQ(dialog->previewPage()->items()->itemAt(0).amount->minorUnits(), -380);
    EXPECT_EQ(dialog->previewPage()->csvProfile()->choice(QStringLiteral("amountSign"))->currentData().toString(),
              QStringLiteral("negated"));
}

} // namespace
