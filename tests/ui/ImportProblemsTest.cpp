// What goes wrong while importing, as the user sees it: cancelling the preview or the import
// (nothing is written), a broken file (the message names the file and the line), and a file
// whose dates read both ways (Coffer asks instead of guessing).

#include "ImportFixture.h"

#include <QPushButton>
#include <QRadioButton>

namespace {

using namespace coffer;
using test::ImportFixture;
using test::kTimeoutMs;
using Stage = ui::ImportDialog::Stage;

constexpr int kLargeFile = 20000; // records: long enough to read that a cancel lands mid-way

QString writeLargeOfx(const QString& path)
{
    QList<test::OfxRecord> records;
    const QDate first(2025, 1, 1);
    for (int i = 0; i < kLargeFile; ++i) {
        records.append({first.addDays(i % 365),
                        QStringLiteral("-%1.%2").arg(1 + i % 97).arg(i % 100, 2, 10, QChar(u'0')),
                        QStringLiteral("BIG-%1").arg(i), QStringLiteral("Shop %1").arg(i % 50)});
    }
    EXPECT_TRUE(test::writeOfx(path, records));
    return path;
}

TEST_F(ImportFixture, CancellingThePreviewClosesTheDialogAndWritesNothing)
{
    QSignalSpy failed(m_host.get(), &EngineHost::importFailed);
    QSignalSpy previewed(m_host.get(), &EngineHost::importPreviewed);
    ui::ImportDialog* dialog = openImport(writeLargeOfx(filePath(QStringLiteral("large.ofx"))));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->stage(), Stage::Reading);
    auto* progress = dialog->findChild<QWidget*>(QStringLiteral("importProgressBar"));
    ASSERT_TRUE(progress && progress->isVisible()) << "a progress bar while the engine reads";
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-reading.png"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_imports->currentDialog() == nullptr; }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty(); }, kTimeoutMs)) << "the engine stops reading";
    EXPECT_EQ(failed.first().first().value<model::ImportFailure>().code, QStringLiteral("CANCELLED"));
    EXPECT_TRUE(previewed.isEmpty());
    EXPECT_TRUE(stored().isEmpty());
}

TEST_F(ImportFixture, CancellingTheImportWritesNothing)
{
    ui::ImportDialog* dialog = openImport(writeLargeOfx(filePath(QStringLiteral("large.ofx"))));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    EXPECT_EQ(dialog->report().counts.added, kLargeFile);
    dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->click();
    EXPECT_EQ(dialog->stage(), Stage::Importing);
    dialog->findChild<QPushButton*>(QStringLiteral("importCancelButton"))->click();
    EXPECT_TRUE(dialog->isVisible()) << "the dialog waits to say that nothing was written";
    ASSERT_TRUE(waitForStage(dialog, Stage::Cancelled));
    EXPECT_EQ(text(dialog, "importResultLabel"), QStringLiteral("Import cancelled: nothing was written."));
    EXPECT_TRUE(stored().isEmpty());
    QSignalSpy listed(m_host.get(), &EngineHost::importsListed);
    m_host->listImports(10);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !listed.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(listed.first().first().value<QList<model::ImportRecord>>().isEmpty()) << "no import in the history";
}

TEST_F(ImportFixture, ABrokenFileSaysWhichFileAndWhere)
{
    // A statement cut off in the middle of its second transaction.
    const QString path = filePath(QStringLiteral("cut-off.ofx"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QFile good(test::importDataFile(QStringLiteral("two-transactions.ofx")));
    ASSERT_TRUE(good.open(QIODevice::ReadOnly));
    const QByteArray whole = good.readAll();
    file.write(whole.left(whole.indexOf("<TRNAMT>1250.00")));
    file.close();

    ui::ImportDialog* dialog = openImport(path);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Failed));
    const QString message = text(dialog, "importResultLabel");
    EXPECT_TRUE(message.contains(QStringLiteral("cut-off.ofx"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("line "))) << message.toStdString();
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->isVisible());
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-broken-file.png"));
    EXPECT_TRUE(stored().isEmpty());
}

TEST_F(ImportFixture, DatesThatReadBothWaysAreAskedNotGuessed)
{
    // 03/04 and 05/06: both fit day/month and month/day.
    const QString path = filePath(QStringLiteral("ambiguous.qif"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("!Type:Bank\nD03/04/2025\nT-10.00\nPCorner Kiosk\n^\nD05/06/2025\nT-20.00\nPHarbor Books\n^\n");
    file.close();

    ui::ImportDialog* dialog = openImport(path);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::AskingDateOrder));
    auto* dayMonth = dialog->findChild<QRadioButton*>(QStringLiteral("dayMonthOption"));
    auto* monthDay = dialog->findChild<QRadioButton*>(QStringLiteral("monthDayOption"));
    auto* next = dialog->findChild<QPushButton*>(QStringLiteral("dateOrderContinueButton"));
    ASSERT_TRUE(dayMonth && monthDay && next);
    EXPECT_TRUE(dayMonth->isVisible());
    EXPECT_FALSE(dayMonth->isChecked() || monthDay->isChecked()) << "Coffer does not choose for the user";
    EXPECT_FALSE(next->isEnabled());
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-date-order.png"));
    dayMonth->click();
    ASSERT_TRUE(next->isEnabled());
    next->click();
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    EXPECT_EQ(dialog->request().dateOrder, QStringLiteral("day-month"));
    const ui::ImportPreviewModel* items = dialog->previewPage()->items();
    ASSERT_EQ(items->rowCount(), 2);
    EXPECT_EQ(items->itemAt(0).bookedOn, QDate(2025, 4, 3));
    EXPECT_EQ(items->itemAt(1).bookedOn, QDate(2025, 6, 5));
}

} // namespace
