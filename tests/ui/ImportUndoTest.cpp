// Undoing an import as a whole, from the import history or from an imported transaction's
// details: the user confirms what will be taken back, and the transactions go from the list.

#include "ImportFixture.h"

#include "imports/ImportHistoryDialog.h"
#include "transactions/TransactionDetailPane.h"

#include <QAction>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>

namespace {

using namespace coffer;
using test::ImportFixture;
using test::kTimeoutMs;
using Stage = ui::ImportDialog::Stage;

class ImportUndoTest : public ImportFixture {
protected:
    // Imports the two-transaction statement and waits until the list shows it.
    void importTwo()
    {
        ui::ImportDialog* dialog = openImport(test::importDataFile(QStringLiteral("two-transactions.ofx")));
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(waitForStage(dialog, Stage::Previewed));
        dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->click();
        ASSERT_TRUE(waitForStage(dialog, Stage::Imported));
        dialog->accept();
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->model()->rowCount() == 2; }, kTimeoutMs));
    }
};

TEST_F(ImportUndoTest, HistoryListsTheImportAndUndoTakesItBack)
{
    importTwo();
    auto* action = m_window->findChild<QAction*>(QStringLiteral("importHistoryAction"));
    ASSERT_NE(action, nullptr);
    action->trigger();
    ui::ImportHistoryDialog* history = m_imports->historyDialog();
    ASSERT_NE(history, nullptr);
    QTreeWidget* list = history->list();
    ASSERT_TRUE(QTest::qWaitFor([&] { return list->topLevelItemCount() == 1; }, kTimeoutMs));
    QTreeWidgetItem* item = list->topLevelItem(0);
    EXPECT_EQ(item->text(1), QStringLiteral("two-transactions.ofx"));
    EXPECT_EQ(item->text(2), QStringLiteral("OFX/QFX"));
    EXPECT_EQ(item->text(3), QStringLiteral("2 added"));
    EXPECT_EQ(item->text(4), QStringLiteral("Imported"));
    test::saveScreenshot(*history, QStringLiteral("coffer-import-history.png"));

    auto* undo = history->findChild<QPushButton*>(QStringLiteral("undoImportButton"));
    ASSERT_TRUE(undo && undo->isEnabled());
    QSignalSpy undone(m_host.get(), &EngineHost::importUndone);
    undo->click();
    EXPECT_TRUE(m_prompts->question.contains(QStringLiteral("two-transactions.ofx")))
        << m_prompts->question.toStdString();
    EXPECT_TRUE(m_prompts->question.contains(QStringLiteral("what it added is removed (2 transactions)")))
        << m_prompts->question.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !undone.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->model()->rowCount() == 0; }, kTimeoutMs))
        << "the imported transactions leave the list";
    EXPECT_TRUE(stored().isEmpty());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(4) == u"Undone"; }, kTimeoutMs))
        << "the import stays in the history, marked undone";
    EXPECT_FALSE(undo->isEnabled()) << "an import is undone once";
}

TEST_F(ImportUndoTest, AnImportedTransactionOffersToUndoItsImport)
{
    importTwo();
    m_view->table()->selectRow(0);
    ui::TransactionDetailPane* pane = m_view->detailPane();
    auto* undo = pane->findChild<QPushButton*>(QStringLiteral("undoImportFromDetailButton"));
    ASSERT_NE(undo, nullptr);
    ASSERT_TRUE(undo->isVisible()) << "an imported transaction can take its import back";
    test::saveScreenshot(*m_window, QStringLiteral("coffer-import-detail-undo.png"));

    m_prompts->confirm = false; // the user thinks again: nothing changes
    undo->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_prompts->question.isEmpty(); }, kTimeoutMs));
    QTest::qWait(200);
    EXPECT_EQ(m_view->model()->rowCount(), 2);

    m_prompts->confirm = true;
    m_prompts->question.clear();
    QSignalSpy undone(m_host.get(), &EngineHost::importUndone);
    undo->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !undone.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(m_prompts->question.contains(QStringLiteral("2 transaction"))) << m_prompts->question.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->model()->rowCount() == 0; }, kTimeoutMs));
    EXPECT_EQ(text(m_window.get(), "statusMessageLabel"), undone.first().at(1).toString());
}

} // namespace
