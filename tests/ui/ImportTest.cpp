// Importing a bank file as a user does: File > Import (Ctrl+I) or a drop, a preview that says
// what will be added, what is already there and why, and what cannot be used; then the import,
// which the transaction list shows. Cancelling writes nothing; a broken file says which and where.

#include "ImportFixture.h"

#include "imports/DialogImportPrompts.h"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QUrl>

namespace {

using namespace coffer;
using test::ImportFixture;
using test::kTimeoutMs;
using Stage = ui::ImportDialog::Stage;
using Outcome = model::ImportOutcome;

template <typename T> T* child(QObject* root, const char* name)
{
    auto* found = root->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

// The rows of the preview with that outcome.
QList<model::ImportItem> itemsWith(ui::ImportDialog* dialog, Outcome outcome)
{
    QList<model::ImportItem> items;
    const ui::ImportPreviewModel* model = dialog->previewPage()->items();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->itemAt(row).outcome == outcome)
            items.append(model->itemAt(row));
    }
    return items;
}

QStringList descriptionsListed(ui::TransactionsView* view)
{
    QStringList descriptions;
    ui::TransactionTableModel* model = view->model();
    model->fetchAtLeast(100000);
    for (int row = 0; row < model->rowCount(); ++row)
        descriptions.append(model->rowAt(row).transaction.descriptionRaw);
    return descriptions;
}

// Drags the files over the window and drops them at a point of it, as a file manager does.
void dropFiles(QWidget* window, const QStringList& paths, const QPoint& at)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    EXPECT_TRUE(enter.isAccepted()) << "bank files may be dropped on the window";
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop); // Qt delivers a drop only after an accepted enter
}

TEST_F(ImportFixture, FileImportPreviewsThenAddsWhatTheListThenShows)
{
    m_prompts->files = {test::importDataFile(QStringLiteral("two-transactions.ofx"))};
    auto* action = child<QAction>(m_window.get(), "importAction");
    ASSERT_TRUE(action && action->isEnabled());
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_I, Qt::ControlModifier);
    ASSERT_EQ(m_prompts->filesAsked, 1) << "Ctrl+I asks for the files";
    ui::ImportDialog* dialog = m_imports->currentDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));

    EXPECT_TRUE(text(dialog, "importFormatLabel").startsWith(QStringLiteral("OFX/QFX file")))
        << text(dialog, "importFormatLabel").toStdString();
    EXPECT_EQ(text(dialog, "importCountsLabel"), QStringLiteral("2 to add"));
    const QList<model::ImportItem> added = itemsWith(dialog, Outcome::Added);
    ASSERT_EQ(added.size(), 2);
    EXPECT_EQ(added.at(0).bookedOn, QDate(2026, 3, 2));
    EXPECT_EQ(added.at(0).amount->minorUnits(), -475);
    EXPECT_TRUE(added.at(0).description.contains(QStringLiteral("Harbor Lane Bakery")));
    EXPECT_EQ(added.at(1).amount->minorUnits(), 125000);
    auto* account = child<QComboBox>(dialog, "importAccountChoice0");
    ASSERT_NE(account, nullptr);
    EXPECT_EQ(account->currentData().toLongLong(), 0) << "no Coffer account yet: a new one";
    EXPECT_TRUE(account->currentText().startsWith(QStringLiteral("New account")))
        << account->currentText().toStdString();
    EXPECT_TRUE(stored().isEmpty()) << "a preview writes nothing";
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-preview.png"));

    QTest::keyClick(dialog, Qt::Key_Return); // Import is the default button
    ASSERT_TRUE(waitForStage(dialog, Stage::Imported));
    const QString result = text(dialog, "importResultLabel");
    EXPECT_EQ(result, QStringLiteral("Imported two-transactions.ofx: 2 added.")) << result.toStdString();
    EXPECT_EQ(text(m_window.get(), "statusMessageLabel"), result) << "the status bar says it too";
    QTest::keyClick(dialog, Qt::Key_Return); // Close
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_imports->currentDialog() == nullptr; }, kTimeoutMs));

    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->model()->rowCount() == 2; }, kTimeoutMs));
    const QStringList listed = descriptionsListed(m_view);
    EXPECT_TRUE(listed.filter(QStringLiteral("Harbor Lane Bakery")).size() == 1) << listed.join(u',').toStdString();
    EXPECT_TRUE(listed.filter(QStringLiteral("Northwind Payroll")).size() == 1) << listed.join(u',').toStdString();
    m_view->table()->selectRow(0);
    test::saveScreenshot(*m_window, QStringLiteral("coffer-import-transactions.png"));
}

TEST_F(ImportFixture, PreviewExplainsWhatIsAlreadyThereAndWhatCannotBeUsed)
{
    syncDemo();
    // A posted dollar purchase of the demo bank, written again into a file with one new record
    // and one the bank garbled.
    store::TransactionRow known;
    for (const store::TransactionRow& row : stored()) {
        const model::Transaction& t = row.transaction;
        if (t.status == model::TransactionStatus::Posted && t.amount.currency() == u"USD" && t.amount.isNegative() &&
            t.matchedTo == 0 && !row.hasFolded && t.bookedOn < QDate::currentDate().addDays(-3)) {
            known = row;
            break;
        }
    }
    ASSERT_NE(known.transaction.id, 0) << "the demo bank has a posted purchase";
    const model::Transaction& t = known.transaction;
    const QString amount = QString::number(double(t.amount.minorUnits()) / 100.0, 'f', 2);
    const QString file = filePath(QStringLiteral("overlap.ofx"));
    ASSERT_TRUE(test::writeOfx(
        file, {{t.bookedOn, amount, QStringLiteral("OV-1"), t.descriptionRaw},
               {t.bookedOn, QStringLiteral("-3.21"), QStringLiteral("OV-2"), QStringLiteral("Corner Kiosk")},
               {t.bookedOn, QStringLiteral("1.2.3"), QStringLiteral("OV-3"), QStringLiteral("Garbled")}}));
    const int before = int(stored().size());

    ui::ImportDialog* dialog = openImport(file, t.accountId);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
    EXPECT_EQ(text(dialog, "importCountsLabel"), QStringLiteral("1 to add, 1 already there, 1 invalid"));
    auto* account = child<QComboBox>(dialog, "importAccountChoice0");
    ASSERT_NE(account, nullptr);
    EXPECT_EQ(account->currentData().toLongLong(), t.accountId) << "the account it was dropped on";
    EXPECT_TRUE(account->currentText().startsWith(known.accountName)) << account->currentText().toStdString();

    const QList<model::ImportItem> matched = itemsWith(dialog, Outcome::Matched);
    ASSERT_EQ(matched.size(), 1);
    EXPECT_EQ(matched.first().matchedTransactionId, t.id);
    EXPECT_TRUE(matched.first().reason.contains(t.description.isEmpty() ? t.descriptionRaw : t.description))
        << "the reason names what it matches: " << matched.first().reason.toStdString();
    const QList<model::ImportItem> invalid = itemsWith(dialog, Outcome::Invalid);
    ASSERT_EQ(invalid.size(), 1);
    EXPECT_TRUE(invalid.first().reason.startsWith(QStringLiteral("line "))) << invalid.first().reason.toStdString();
    EXPECT_TRUE(invalid.first().reason.contains(QStringLiteral("1.2.3"))) << invalid.first().reason.toStdString();

    // The reasons are in the table the user reads, and the filter narrows it to one outcome.
    auto* table = child<QTableView>(dialog, "importItemsTable");
    ASSERT_NE(table, nullptr);
    QStringList reasons;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        reasons.append(table->model()->index(row, ui::ImportPreviewModel::ReasonColumn).data().toString());
    EXPECT_TRUE(reasons.contains(matched.first().reason));
    EXPECT_TRUE(reasons.contains(invalid.first().reason));
    test::saveScreenshot(*dialog, QStringLiteral("coffer-import-preview-matches.png"));
    auto* filter = child<QComboBox>(dialog, "importOutcomeFilter");
    ASSERT_NE(filter, nullptr);
    const int invalidChoice = filter->findData(int(Outcome::Invalid));
    ASSERT_GT(invalidChoice, 0);
    EXPECT_EQ(filter->itemText(invalidChoice), QStringLiteral("Invalid (1)"));
    filter->setCurrentIndex(invalidChoice);
    ASSERT_EQ(table->model()->rowCount(), 1);
    EXPECT_EQ(table->model()->index(0, ui::ImportPreviewModel::ReasonColumn).data().toString(), invalid.first().reason);
    filter->setCurrentIndex(0);
    EXPECT_EQ(table->model()->rowCount(), 3);

    child<QPushButton>(dialog, "importButton")->click();
    ASSERT_TRUE(waitForStage(dialog, Stage::Imported));
    EXPECT_EQ(int(stored().size()), before + 1) << "only the new record is listed; the match is counted once";
}

TEST_F(ImportFixture, DroppingAFileOnAListedTransactionImportsIntoItsAccount)
{
    syncDemo();
    const QString file = test::importDataFile(QStringLiteral("two-transactions.ofx"));
    QTableView* table = m_view->table();
    const qint64 accountId = m_view->model()->rowAt(0).transaction.accountId;
    dropFiles(m_window.get(), {file},
              table->viewport()->mapTo(m_window.get(), table->visualRect(table->model()->index(0, 1)).center()));
    ui::ImportDialog* dialog = m_imports->currentDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->request().path, file);
    EXPECT_EQ(dialog->request().accountId, accountId) << "dropped on a transaction: into its account";
    dialog->reject();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_imports->currentDialog() == nullptr; }, kTimeoutMs));

    // Dropped on the account filter showing an account: into that account.
    auto* accountFilter = child<QComboBox>(m_window.get(), "accountFilter");
    ASSERT_GT(accountFilter->count(), 2);
    accountFilter->setCurrentIndex(accountFilter->count() - 1);
    const qint64 filtered = accountFilter->currentData().toLongLong();
    ASSERT_NE(filtered, 0);
    dropFiles(m_window.get(), {file}, accountFilter->mapTo(m_window.get(), accountFilter->rect().center()));
    dialog = m_imports->currentDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->request().accountId, filtered);
    dialog->reject();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_imports->currentDialog() == nullptr; }, kTimeoutMs));

    // Two files dropped on the navigation: the engine decides where they go, one dialog after the other.
    const QString other = filePath(QStringLiteral("other.ofx"));
    ASSERT_TRUE(test::writeOfx(
        other, {{QDate(2026, 3, 1), QStringLiteral("-1.00"), QStringLiteral("O-1"), QStringLiteral("Kiosk")}}));
    auto* navigation = child<QWidget>(m_window.get(), "navigationList");
    dropFiles(m_window.get(), {file, other}, navigation->mapTo(m_window.get(), navigation->rect().center()));
    dialog = m_imports->currentDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->request().path, file);
    EXPECT_EQ(dialog->request().accountId, 0);
    dialog->reject();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_imports->currentDialog() && m_imports->currentDialog()->request().path == other; }, kTimeoutMs))
        << "the second file follows";
    m_imports->currentDialog()->reject();
}

TEST_F(ImportFixture, TheFileDialogOffersEveryBankFormat)
{
    ui::DialogImportPrompts prompts;
    QStringList chosen;
    prompts.askFiles(m_window.get(), [&](const QStringList& paths) { chosen = paths; });
    auto* dialog = m_window->findChild<QFileDialog*>(QStringLiteral("importFileDialog"));
    ASSERT_NE(dialog, nullptr);
    const QStringList filters = dialog->nameFilters();
    ASSERT_FALSE(filters.isEmpty());
    EXPECT_EQ(filters.first(), QStringLiteral("Bank files (*.ofx *.qfx *.qif *.csv *.xml *.sta *.mt940 *.txt)"));
    for (const char* format : {"OFX/QFX", "QIF", "CSV", "CAMT.053", "MT940"}) {
        EXPECT_EQ(filters.filter(QString::fromLatin1(format)).size(), 1) << format;
    }
    EXPECT_EQ(dialog->fileMode(), QFileDialog::ExistingFiles) << "several files at once";
    const QString file = test::importDataFile(QStringLiteral("two-transactions.ofx"));
    dialog->setDirectory(QFileInfo(file).absolutePath());
    dialog->selectFile(QFileInfo(file).fileName());
    static_cast<QDialog*>(dialog)->accept(); // what the Open button does
    EXPECT_EQ(chosen, QStringList{file});
}

} // namespace
