#include "transactions/TransactionsView.h"

#include "EngineHost.h"
#include "Format.h"
#include "PaddedItemDelegate.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "models/TransactionTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace coffer::ui {

TransactionsView::TransactionsView(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_model(new TransactionTableModel(this))
{
    setIdentity(this, QStringLiteral("transactionsView"), tr("Transactions"));

    auto* title = new QLabel(tr("Transactions"), this);
    setIdentity(title, QStringLiteral("transactionsTitle"), tr("Transactions"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_countLabel = new QLabel(tr("Opening your data\u2026"), this);
    setIdentity(m_countLabel, QStringLiteral("transactionCountLabel"), tr("Number of transactions"));

    m_table = new QTableView(this);
    setIdentity(m_table, QStringLiteral("transactionsTable"), tr("Transactions, newest first"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling cheap however many rows are loaded.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(TransactionTableModel::DescriptionColumn, QHeaderView::Stretch);
    m_table->setStyleSheet(Theme::tableStyleSheet());
    m_table->setItemDelegate(new PaddedItemDelegate(m_table));
    m_table->setColumnWidth(TransactionTableModel::DateColumn, 110);
    m_table->setColumnWidth(TransactionTableModel::AccountColumn, 150);
    m_table->setColumnWidth(TransactionTableModel::CounterpartyColumn, 150);
    m_table->setColumnWidth(TransactionTableModel::AmountColumn, 130);
    m_table->setColumnWidth(TransactionTableModel::StatusColumn, 90);

    auto* heading = new QHBoxLayout;
    heading->addWidget(title);
    heading->addStretch(1);
    heading->addWidget(m_countLabel, 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(12);
    layout->addLayout(heading);
    layout->addWidget(m_table, 1);

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &TransactionsView::reload);
    connect(&host, &EngineHost::started, this, &TransactionsView::openDatabase);
    connect(&host, &EngineHost::startFailed, this,
            [this](const QString& message) { m_countLabel->setText(tr("Could not open your data: %1").arg(message)); });
    connect(&host, &EngineHost::transactionsChanged, this, &TransactionsView::scheduleReload);
    connect(m_model, &TransactionTableModel::loadFailed, this, [this](const QString& message) {
        m_countLabel->setText(tr("Could not read transactions: %1").arg(message));
    });
}

void TransactionsView::openDatabase(const QString& databasePath)
{
    if (m_model->isOpen())
        return;
    if (m_model->openDatabase(databasePath).ok())
        updateCount();
}

void TransactionsView::scheduleReload()
{
    // Not restarted by later signals: a long sync still refreshes the list every kReloadDelayMs.
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

void TransactionsView::reload()
{
    if (!m_model->isOpen())
        return;
    // A reset would throw the user back to the top mid-sync; keep their place by transaction id.
    // At the very top nothing is anchored, so new transactions simply appear.
    const int topRow = m_table->rowAt(0);
    const qint64 topId = topRow > 0 ? transactionIdAt(topRow) : 0;
    const qint64 currentId = transactionIdAt(m_table->currentIndex().row());
    const int loaded = m_model->rowCount();
    m_model->reload();
    if (topId != 0 || currentId != 0) {
        m_model->fetchAtLeast(loaded);
        restorePlace(topId, currentId);
    }
    updateCount();
}

void TransactionsView::restorePlace(qint64 topTransactionId, qint64 currentTransactionId)
{
    m_table->doItemsLayout(); // scroll ranges follow the new row count now, not on the next paint
    const int topRow = topTransactionId != 0 ? m_model->rowOf(topTransactionId) : -1;
    if (topRow >= 0)
        m_table->scrollTo(m_model->index(topRow, 0), QAbstractItemView::PositionAtTop);
    const int currentRow = currentTransactionId != 0 ? m_model->rowOf(currentTransactionId) : -1;
    if (currentRow >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(currentRow, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

qint64 TransactionsView::transactionIdAt(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return 0;
    return m_model->index(row, 0).data(TransactionTableModel::TransactionIdRole).toLongLong();
}

void TransactionsView::updateCount()
{
    const model::Result<qint64> count = m_model->totalCount();
    if (!count) {
        m_countLabel->setText(tr("Could not count transactions: %1").arg(count.error().userMessage));
        return;
    }
    m_countLabel->setText(count.value() == 0 ? tr("No transactions yet") : Format::transactionCount(count.value()));
}

} // namespace coffer::ui
