#include "transactions/TransactionsView.h"

#include "EngineHost.h"
#include "Format.h"
#include "ListTable.h"
#include "WidgetIdentity.h"
#include "model/Money.h"
#include "models/TransactionTableModel.h"
#include "store/Database.h"
#include "transactions/TotalsLoader.h"
#include "transactions/TransactionDetailPane.h"
#include "transactions/TransactionExporter.h"
#include "transactions/TransactionFilterBar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace coffer::ui {

TransactionsView::TransactionsView(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new TransactionTableModel(this))
    , m_totals(new TotalsLoader(this))
    , m_exporter(new TransactionExporter(this))
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
    m_totalsLabel = new QLabel(this);
    setIdentity(m_totalsLabel, QStringLiteral("transactionTotalsLabel"), tr("Totals of the listed transactions"));
    m_totalsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totalsLabel->setWordWrap(true);

    m_filterBar = new TransactionFilterBar(this);
    createTable();
    m_detail = new TransactionDetailPane(this);
    m_detail->setMinimumWidth(260);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    setIdentity(m_splitter, QStringLiteral("transactionsSplitter"), tr("Transactions and details"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);
    m_splitter->setSizes({700, 330});

    auto* heading = new QHBoxLayout;
    heading->addWidget(title);
    heading->addStretch(1);
    heading->addWidget(m_countLabel, 0, Qt::AlignBottom);
    heading->addSpacing(12);
    heading->addWidget(createExportButton(), 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addLayout(heading);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_totalsLabel);

    auto* findAction = new QAction(tr("Find"), this);
    findAction->setObjectName(QStringLiteral("findTransactionsAction"));
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WindowShortcut); // active while this page is shown
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, &TransactionsView::focusSearch);

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &TransactionsView::reload);
    connect(&host, &EngineHost::started, this, &TransactionsView::openDatabase);
    connect(&host, &EngineHost::startFailed, this, [this](const QString& message) {
        m_model->close(); // read early (see openEarly), but the engine found it unusable
        m_exporter->setDatabasePath({});
        m_countLabel->setText(tr("Could not open your data: %1").arg(message));
    });
    connect(&host, &EngineHost::transactionsChanged, this, &TransactionsView::scheduleReload);
    connect(&host, &EngineHost::connectionsChanged, this, &TransactionsView::refreshChoices);
    connect(m_model, &TransactionTableModel::loadFailed, this, [this](const QString& message) {
        m_countLabel->setText(tr("Could not read transactions: %1").arg(message));
    });
    connect(m_filterBar, &TransactionFilterBar::filterChanged, this, &TransactionsView::applyFilter);
    connect(m_detail, &TransactionDetailPane::undoMatchRequested, &host, &EngineHost::undoMatch);
    connect(m_detail, &TransactionDetailPane::undoImportRequested, this, &TransactionsView::undoImportRequested);
    connect(m_totals, &TotalsLoader::totalsReady, this, &TransactionsView::showTotals);
    connect(m_totals, &TotalsLoader::categoriesReady, m_filterBar, &TransactionFilterBar::setCategories);
    connect(m_totals, &TotalsLoader::failed, this, [this](const QString& message) {
        m_totalsLabel->setText(tr("Could not add up these transactions: %1").arg(message));
    });
    openEarly();
}

QWidget* TransactionsView::createExportButton()
{
    auto* button = new QToolButton(this);
    setIdentity(button, QStringLiteral("exportButton"), tr("Export transactions"));
    button->setText(tr("Export"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("exportMenu"));
    menu->addActions(m_exporter->actions());
    menu->insertSeparator(m_exporter->actions().at(1));
    button->setMenu(menu);
    connect(m_exporter, &TransactionExporter::currentViewRequested, this,
            [this](store::TransactionQuery& query) { query = m_model->query(); });
    return button;
}

void TransactionsView::createTable()
{
    m_table = new QTableView(this);
    setIdentity(m_table, QStringLiteral("transactionsTable"), tr("Transactions"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    // Fixed row heights keep scrolling cheap however many rows are loaded.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(TransactionTableModel::DescriptionColumn, QHeaderView::Stretch);
    header->setSortIndicator(TransactionTableModel::DateColumn, Qt::DescendingOrder);
    header->setSortIndicatorShown(true);
    m_table->setSortingEnabled(true); // the model sorts in the database, a page at a time
    m_table->setColumnWidth(TransactionTableModel::DateColumn, 105);
    m_table->setColumnWidth(TransactionTableModel::AccountColumn, 135);
    m_table->setColumnWidth(TransactionTableModel::CounterpartyColumn, 120);
    m_table->setColumnWidth(TransactionTableModel::AmountColumn, 115);
    m_table->setColumnWidth(TransactionTableModel::StatusColumn, 80);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TransactionsView::showSelectedDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TransactionsView::showSelectedDetail);
}

void TransactionsView::openEarly()
{
    // The engine checks the whole file before it reports started(), which takes seconds on a large
    // database; a file already at this build's schema can be listed meanwhile (reads are safe
    // beside the engine's writes). A new or older file waits for the engine to create or migrate it.
    const QString path = store::Database::filePathIn(m_host.dataDir());
    if (!m_host.dataDir().isEmpty() && store::TransactionReader::hasCurrentSchema(path))
        openDatabase(path);
}

qint64 TransactionsView::accountAt(const QPoint& globalPos) const
{
    if (!isVisible())
        return 0;
    QWidget* viewport = m_table->viewport();
    const QPoint inTable = viewport->mapFromGlobal(globalPos);
    if (viewport->rect().contains(inTable)) {
        const int row = m_table->rowAt(inTable.y());
        return row >= 0 && row < m_model->rowCount() ? m_model->rowAt(row).transaction.accountId : 0;
    }
    if (QWidget* accountFilter = m_filterBar->findChild<QWidget*>(QStringLiteral("accountFilter"))) {
        if (accountFilter->rect().contains(accountFilter->mapFromGlobal(globalPos)))
            return m_filterBar->filter().accountId;
    }
    return 0;
}

void TransactionsView::focusSearch()
{
    m_filterBar->focusSearch();
}

void TransactionsView::openDatabase(const QString& databasePath)
{
    if (m_model->isOpen())
        return;
    m_totals->setDatabasePath(databasePath);
    if (!m_model->openDatabase(databasePath).ok())
        return;
    m_exporter->setDatabasePath(databasePath);
    refreshChoices();
    m_totals->request(m_model->query().filter, true);
}

void TransactionsView::applyFilter(const store::TransactionFilter& filter)
{
    store::TransactionQuery query = m_model->query();
    query.filter = filter;
    m_model->setQuery(query);
    m_totals->request(filter, false);
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
    m_totals->request(m_model->query().filter, true);
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

void TransactionsView::showSelectedDetail()
{
    const qint64 id = transactionIdAt(m_table->currentIndex().row());
    if (id == 0 || !m_model->isOpen()) {
        m_detail->showMessage(tr("Select a transaction to see its details, its history and where it came from."));
        return;
    }
    const model::Result<store::TransactionDetail> detail = m_model->reader()->detail(id);
    if (!detail) {
        m_detail->showMessage(tr("Could not read this transaction: %1").arg(detail.error().userMessage));
        return;
    }
    m_detail->showDetail(detail.value());
}

void TransactionsView::refreshChoices()
{
    if (!m_model->isOpen())
        return;
    const model::Result<QList<store::AccountChoice>> accounts = m_model->reader()->accounts();
    if (accounts)
        m_filterBar->setAccounts(accounts.value());
}

void TransactionsView::showTotals(const QList<store::CurrencyTotal>& totals)
{
    qint64 count = 0;
    QStringList parts;
    const QLocale locale;
    for (const store::CurrencyTotal& total : totals) {
        count += total.count;
        const auto money = [&](qint64 minor) { return model::Money(minor, total.currency).format(locale); };
        parts.append(
            tr("%1: in %2, out %3, net %4")
                .arg(total.currency, money(total.inflowMinor), money(total.outflowMinor), money(total.netMinor())));
    }
    const bool filtered = !(m_model->query().filter == store::TransactionFilter{});
    if (count == 0)
        m_countLabel->setText(filtered ? tr("No transactions match") : tr("No transactions yet"));
    else
        m_countLabel->setText(filtered ? tr("%1 match").arg(Format::transactionCount(count))
                                       : Format::transactionCount(count));
    m_totalsLabel->setText(parts.join(QStringLiteral("    ")));
    Q_EMIT totalsShown();
}

} // namespace coffer::ui
