// The transaction view as a user drives it: search as you type, filters, sorting, totals, the
// detail pane with the audit trail, and undoing a match. A real window over a real engine,
// database and keychain, with the demo bank's synced history.

#include "transactions/TransactionsView.h"
#include "EngineHost.h"
#include "MainWindow.h"
#include "models/TransactionTableModel.h"
#include "transactions/TransactionDetailPane.h"
#include "transactions/TransactionExporter.h"
#include "transactions/TransactionFilterBar.h"

#include "UiTestSupport.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <memory>

namespace {

using namespace coffer;
using ui::TransactionTableModel;

using test::kTimeoutMs;

// One synced demo bank in a shown window, on the transactions page.
class TransactionsViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dataDir.isValid());
        EngineOptions options;
        options.dataDir = m_dataDir.path();
        options.keychainService =
            QStringLiteral("Coffer-test-") + QString::number(QRandomGenerator::global()->generate64(), 16);
        options.automatic = false;
        m_host = std::make_unique<EngineHost>(options);
        m_window = std::make_unique<ui::MainWindow>(*m_host);
        m_view = m_window->findChild<ui::TransactionsView*>(QStringLiteral("transactionsView"));
        ASSERT_NE(m_view, nullptr);
        m_model = m_view->model();
        m_tester =
            std::make_unique<QAbstractItemModelTester>(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_tester->setUseFetchMore(false); // see MainWindowTest: Qt 6.4's tester and fetchMore in a reset

        QSignalSpy started(m_host.get(), &EngineHost::started);
        QSignalSpy added(m_host.get(), &EngineHost::connectionAdded);
        QSignalSpy finished(m_host.get(), &EngineHost::syncFinished);
        m_host->start();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !started.isEmpty(); }, kTimeoutMs));
        m_host->addConnection(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Demo Bank"), {}, {}});
        ASSERT_TRUE(QTest::qWaitFor([&] { return !added.isEmpty(); }, kTimeoutMs));
        m_host->syncNow(added.first().first().toLongLong());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
        ASSERT_TRUE(finished.first().first().value<model::SyncSummary>().succeeded);

        m_window->show();
        m_window->showPage(ui::MainWindow::Page::Transactions);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_model->rowCount() > 0; }, kTimeoutMs));
        m_table = m_view->table();
        m_search = m_view->findChild<QLineEdit*>(QStringLiteral("transactionSearchField"));
        m_count = m_view->findChild<QLabel*>(QStringLiteral("transactionCountLabel"));
        m_totals = m_view->findChild<QLabel*>(QStringLiteral("transactionTotalsLabel"));
        ASSERT_TRUE(m_search && m_count && m_totals);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_totals->text().contains(QStringLiteral("USD")); }, kTimeoutMs));
        m_allCount = m_count->text();
    }

    void TearDown() override
    {
        if (m_window)
            m_window->close();
        if (m_host)
            m_host->shutdown();
    }

    // Waits for the list and its totals to follow a change the user made.
    void waitForUpdate(QSignalSpy& totalsShown)
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return !totalsShown.isEmpty(); }, kTimeoutMs));
        QTest::qWait(50); // a superseded answer may be followed by the current one
        totalsShown.clear();
    }

    QString cell(int row, int column) const { return m_model->index(row, column).data().toString(); }

    template <typename Widget> Widget* child(const char* name) const
    {
        auto* widget = m_view->findChild<Widget*>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    void saveScreenshot(const QString& fileName)
    {
        QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
        test::saveScreenshot(*m_window, fileName);
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    ui::TransactionsView* m_view = nullptr;
    TransactionTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_totals = nullptr;
    QString m_allCount;
};

TEST_F(TransactionsViewTest, SearchAsYouTypeNarrowsTheListAndItsTotals)
{
    QSignalSpy totalsShown(m_view, &ui::TransactionsView::totalsShown);
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    m_table->setFocus();
    QTest::keyClick(m_table, Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(m_search->hasFocus()) << "Ctrl+F puts the cursor in the search field";
    QTest::keyClicks(m_search, QStringLiteral("chipo"));
    waitForUpdate(totalsShown);
    ASSERT_GT(m_model->rowCount(), 0);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString text = cell(row, TransactionTableModel::DescriptionColumn) + u' ' +
                             cell(row, TransactionTableModel::CounterpartyColumn);
        EXPECT_TRUE(text.contains(QStringLiteral("chipotle"), Qt::CaseInsensitive)) << text.toStdString();
    }
    EXPECT_TRUE(m_count->text().endsWith(QStringLiteral("match"))) << m_count->text().toStdString();
    EXPECT_TRUE(m_totals->text().startsWith(QStringLiteral("USD: in"))) << m_totals->text().toStdString();
    EXPECT_FALSE(m_totals->text().contains(QStringLiteral("JPY"))) << "Chipotle is paid in dollars only";

    QTest::keyClicks(m_search, QStringLiteral("tle zzzz"));
    waitForUpdate(totalsShown);
    EXPECT_EQ(m_model->rowCount(), 0);
    EXPECT_EQ(m_count->text(), QStringLiteral("No transactions match"));

    child<QPushButton>("clearFiltersButton")->click();
    waitForUpdate(totalsShown);
    EXPECT_EQ(m_count->text(), m_allCount);
    EXPECT_TRUE(m_search->text().isEmpty());
}

TEST_F(TransactionsViewTest, FiltersShowOnlyWhatWasChosen)
{
    QSignalSpy totalsShown(m_view, &ui::TransactionsView::totalsShown);
    auto* status = child<QComboBox>("statusFilter");
    status->setCurrentIndex(status->findData(int(store::TransactionFilter::Status::Pending)));
    waitForUpdate(totalsShown);
    ASSERT_GT(m_model->rowCount(), 0);
    for (int row = 0; row < m_model->rowCount(); ++row)
        EXPECT_TRUE(m_model->index(row, 0).data(TransactionTableModel::PendingRole).toBool()) << row;
    status->setCurrentIndex(0);
    waitForUpdate(totalsShown);

    auto* account = child<QComboBox>("accountFilter");
    const int wallet = account->findText(QStringLiteral("Tokyo Wallet"), Qt::MatchContains);
    ASSERT_GT(wallet, 0) << "the demo bank's yen account is offered";
    account->setCurrentIndex(wallet);
    waitForUpdate(totalsShown);
    ASSERT_GT(m_model->rowCount(), 0);
    for (int row = 0; row < m_model->rowCount(); ++row)
        EXPECT_EQ(cell(row, TransactionTableModel::AccountColumn), QStringLiteral("Tokyo Wallet"));
    EXPECT_TRUE(m_totals->text().startsWith(QStringLiteral("JPY: in"))) << m_totals->text().toStdString();

    // Amounts of at least 1,000 yen, whatever their sign; a typo is flagged and ignored.
    auto* minAmount = child<QLineEdit>("minAmountFilter");
    QTest::keyClicks(minAmount, QStringLiteral("1000"));
    waitForUpdate(totalsShown);
    ASSERT_GT(m_model->rowCount(), 0);
    for (int row = 0; row < m_model->rowCount(); ++row)
        EXPECT_GE(qAbs(m_model->rowAt(row).transaction.amount.minorUnits()), 1000)
            << cell(row, TransactionTableModel::AmountColumn).toStdString();
    const int withMinimum = m_model->rowCount();
    QTest::keyClicks(minAmount, QStringLiteral("x"));
    waitForUpdate(totalsShown);
    EXPECT_FALSE(minAmount->toolTip().isEmpty()) << "an amount that is not a number says so";
    EXPECT_GT(m_model->rowCount(), withMinimum) << "an unreadable bound does not filter";
}

TEST_F(TransactionsViewTest, ClickingAColumnHeaderSortsByIt)
{
    QSignalSpy totalsShown(m_view, &ui::TransactionsView::totalsShown);
    auto* account = child<QComboBox>("accountFilter");
    account->setCurrentIndex(account->findText(QStringLiteral("Everyday Checking"), Qt::MatchContains));
    waitForUpdate(totalsShown);
    QHeaderView* header = m_table->horizontalHeader();
    const int x = header->sectionViewportPosition(TransactionTableModel::AmountColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    ASSERT_EQ(header->sortIndicatorSection(), TransactionTableModel::AmountColumn);
    m_model->fetchAtLeast(m_model->rowCount() + TransactionTableModel::kPageSize); // across a page boundary
    const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    qint64 previous = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->index(row, 0).data(TransactionTableModel::TransactionIdRole).toLongLong();
        const qint64 minor = m_model->rowAt(row).transaction.amount.minorUnits();
        if (row > 0) {
            EXPECT_TRUE(ascending ? minor >= previous : minor <= previous) << "row " << row << " id " << id;
        }
        previous = minor;
    }
}

TEST_F(TransactionsViewTest, DetailPaneExplainsAMatchAndUndoSplitsIt)
{
    int matchedRow = -1;
    while (matchedRow < 0) {
        for (int row = 0; row < m_model->rowCount() && matchedRow < 0; ++row) {
            if (m_model->index(row, 0).data(TransactionTableModel::MatchedRole).toBool())
                matchedRow = row;
        }
        if (matchedRow < 0) {
            ASSERT_TRUE(m_model->canFetchMore({})) << "the demo bank's history has no matched transaction";
            m_model->fetchMore({});
        }
    }
    EXPECT_TRUE(cell(matchedRow, TransactionTableModel::StatusColumn).endsWith(u'\u21c4')) << "matched rows are marked";
    const qint64 id = m_model->index(matchedRow, 0).data(TransactionTableModel::TransactionIdRole).toLongLong();
    m_table->selectRow(matchedRow);

    ui::TransactionDetailPane* pane = m_view->detailPane();
    ASSERT_EQ(pane->transactionId(), id);
    auto* title = pane->findChild<QLabel*>(QStringLiteral("detailTitleLabel"));
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->text(), cell(matchedRow, TransactionTableModel::DescriptionColumn));
    auto* matches = pane->findChild<QTreeWidget*>(QStringLiteral("matchedRecordsTree"));
    ASSERT_NE(matches, nullptr);
    ASSERT_GE(matches->topLevelItemCount(), 1);
    auto* why = pane->findChild<QLabel*>(QStringLiteral("matchExplanationLabel"));
    ASSERT_NE(why, nullptr);
    EXPECT_TRUE(why->text().startsWith(QStringLiteral("Counted once: "))) << why->text().toStdString();
    EXPECT_GT(why->text().size(), 20) << "the reason for the match is shown";
    auto* history = pane->findChild<QTreeWidget*>(QStringLiteral("auditTrailTree"));
    ASSERT_NE(history, nullptr);
    QStringList what;
    for (int i = 0; i < history->topLevelItemCount(); ++i)
        what.append(history->topLevelItem(i)->text(1));
    EXPECT_TRUE(what.contains(QStringLiteral("Added"))) << what.join(u',').toStdString();
    EXPECT_TRUE(what.contains(QStringLiteral("Matched"))) << what.join(u',').toStdString();
    auto* raw = pane->findChild<QPlainTextEdit*>(QStringLiteral("rawRecordText"));
    ASSERT_NE(raw, nullptr);
    EXPECT_TRUE(raw->toPlainText().contains(u'{')) << "the demo bank's raw record is JSON";
    auto* tabs = pane->findChild<QTabWidget*>(QStringLiteral("transactionDetailTabs"));
    ASSERT_NE(tabs, nullptr);
    saveScreenshot(QStringLiteral("coffer-transaction-detail.png"));

    // Undo: this row is no longer marked, its history says so, and the folded record is its own again.
    const qint64 foldedId = matches->topLevelItem(0)->data(0, Qt::UserRole).toLongLong();
    auto* undo = pane->findChild<QPushButton*>(QStringLiteral("undoMatchButton"));
    ASSERT_NE(undo, nullptr);
    QSignalSpy failed(m_host.get(), &EngineHost::operationFailed);
    QSignalSpy succeeded(m_host.get(), &EngineHost::operationSucceeded);
    undo->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty() || !succeeded.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int row = m_model->rowOf(id);
            return row >= 0 && !m_model->index(row, 0).data(TransactionTableModel::MatchedRole).toBool();
        },
        kTimeoutMs))
        << "the row is still marked as matched";
    EXPECT_FALSE(cell(m_model->rowOf(id), TransactionTableModel::StatusColumn).endsWith(u'\u21c4'));
    EXPECT_EQ(pane->transactionId(), id) << "the selection survives the reload";
    // The split record is listed again unless the bank itself has since dropped it (a pending
    // replaced by its posted one is no longer reported, and stays out of the list).
    const auto folded = m_model->reader()->detail(foldedId);
    ASSERT_TRUE(folded.ok());
    EXPECT_EQ(folded.value().row.transaction.matchedTo, 0);
    m_model->fetchAtLeast(m_model->rowOf(id) + TransactionTableModel::kPageSize);
    EXPECT_EQ(m_model->rowOf(foldedId) >= 0, folded.value().row.transaction.isVisible());
    QStringList after;
    for (int i = 0; i < history->topLevelItemCount(); ++i)
        after.append(history->topLevelItem(i)->text(1));
    EXPECT_TRUE(after.contains(QStringLiteral("Match undone"))) << after.join(u',').toStdString();
}

TEST_F(TransactionsViewTest, ExportWritesTheCurrentViewAndTheWholeLedger)
{
    QSignalSpy totalsShown(m_view, &ui::TransactionsView::totalsShown);
    QTest::keyClicks(m_search, QStringLiteral("chipotle"));
    waitForUpdate(totalsShown);
    m_model->fetchAtLeast(100000);
    const int listed = m_model->rowCount();
    ASSERT_GT(listed, 0);

    ui::TransactionExporter* exporter = m_view->exporter();
    QSignalSpy finished(exporter, &ui::TransactionExporter::finished);
    const QString csv = QDir(m_dataDir.path()).filePath(QStringLiteral("view.csv"));
    exporter->exportTo(exporting::ExportFormat::Csv, csv, m_model->query());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(finished.first().at(1).toBool()) << finished.first().first().toString().toStdString();
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), listed + 1) << "a header and the rows listed, no more";
    for (qsizetype i = 1; i < lines.size(); ++i)
        EXPECT_TRUE(lines.at(i).toLower().contains("chipotle")) << lines.at(i).toStdString();

    finished.clear();
    const QString beancount = QDir(m_dataDir.path()).filePath(QStringLiteral("ledger.beancount"));
    exporter->exportTo(exporting::ExportFormat::Beancount, beancount, m_model->query());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(finished.first().at(1).toBool()) << finished.first().first().toString().toStdString();
    auto* status = m_window->findChild<QLabel*>(QStringLiteral("statusMessageLabel"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Exported "))) << status->text().toStdString();
    EXPECT_GT(QFileInfo(beancount).size(), QFileInfo(csv).size()) << "the whole ledger, not the view";

    // A folder that does not exist: the message names the file.
    finished.clear();
    const QString nowhere = QDir(m_dataDir.path()).filePath(QStringLiteral("missing/out.csv"));
    exporter->exportTo(exporting::ExportFormat::Csv, nowhere, m_model->query());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    EXPECT_FALSE(finished.first().at(1).toBool());
    EXPECT_TRUE(finished.first().first().toString().contains(QStringLiteral("missing")))
        << finished.first().first().toString().toStdString();
}

TEST_F(TransactionsViewTest, SearchAndFiltersScreenshot)
{
    QSignalSpy totalsShown(m_view, &ui::TransactionsView::totalsShown);
    QTest::keyClicks(m_search, QStringLiteral("coffee"));
    waitForUpdate(totalsShown);
    m_table->selectRow(0);
    saveScreenshot(QStringLiteral("coffer-transactions-search.png"));
}

} // namespace
