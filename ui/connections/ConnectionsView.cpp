#include "connections/ConnectionsView.h"

#include "EngineHost.h"
#include "Format.h"
#include "PaddedItemDelegate.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "connections/AddConnectionWizard.h"
#include "connections/ConnectionEditDialog.h"
#include "connections/DialogConnectionPrompts.h"
#include "connections/ProviderCatalog.h"
#include "connections/ReauthDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QTableWidgetItem* itemAt(QTableWidget* table, int row, int column)
{
    QTableWidgetItem* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        if (column == ConnectionsView::AccountsColumn || column == ConnectionsView::TransactionsColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    }
    return item;
}
} // namespace

ConnectionsView::ConnectionsView(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
    , m_prompts(std::make_unique<DialogConnectionPrompts>())
{
    setIdentity(this, QStringLiteral("connectionsView"), tr("Connections"));

    auto* title = new QLabel(tr("Connections"), this);
    setIdentity(title, QStringLiteral("connectionsTitle"), tr("Connections"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_table = new QTableWidget(0, ColumnCount, this);
    setIdentity(m_table, QStringLiteral("connectionsTable"), tr("Bank connections"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Provider"), tr("Accounts"), tr("Transactions"), tr("State"), tr("Bank access")});
    m_table->horizontalHeaderItem(AccountsColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->horizontalHeaderItem(TransactionsColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setStyleSheet(Theme::tableStyleSheet());
    m_table->setItemDelegate(new PaddedItemDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ProviderColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(AccountsColumn, 100);
    m_table->setColumnWidth(TransactionsColumn, 120);
    m_table->setColumnWidth(StateColumn, 170);
    m_table->setColumnWidth(ConsentColumn, 200);

    m_hintLabel = new QLabel(tr("No connections yet. Add one to connect a bank or a file-only account, or add a demo "
                                "connection to try Coffer with generated data."),
                             this);
    setIdentity(m_hintLabel, QStringLiteral("connectionsHintLabel"), tr("No connections"));
    m_hintLabel->setWordWrap(true);

    m_addButton = new QPushButton(tr("Add connection\u2026"), this);
    setIdentity(m_addButton, QStringLiteral("addConnectionButton"), tr("Add a connection"));
    m_addButton->setShortcut(QKeySequence::New);
    m_addDemoButton = new QPushButton(tr("Add demo connection\u2026"), this);
    setIdentity(m_addDemoButton, QStringLiteral("addDemoButton"), tr("Add demo connection"));
    m_editButton = new QPushButton(tr("Edit\u2026"), this);
    setIdentity(m_editButton, QStringLiteral("editConnectionButton"), tr("Edit selected connection"));
    m_removeButton = new QPushButton(tr("Remove\u2026"), this);
    setIdentity(m_removeButton, QStringLiteral("removeConnectionButton"), tr("Remove selected connection"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_addDemoButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_table, 1);

    connect(m_addButton, &QPushButton::clicked, this, &ConnectionsView::requestAddConnection);
    connect(m_addDemoButton, &QPushButton::clicked, this, &ConnectionsView::requestAddDemo);
    connect(m_editButton, &QPushButton::clicked, this, &ConnectionsView::requestEditSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { requestEditSelected(); });
    connect(m_removeButton, &QPushButton::clicked, this, &ConnectionsView::requestRemoveSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConnectionsView::updateButtons);
    connect(&m_host, &EngineHost::started, this, [this] {
        m_started = true;
        updateButtons();
    });
    connect(&m_host, &EngineHost::connectionsChanged, this, &ConnectionsView::showConnections);
    updateButtons();
}

ConnectionsView::~ConnectionsView() = default;

void ConnectionsView::setPrompts(std::unique_ptr<ConnectionPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void ConnectionsView::requestAddDemo()
{
    if (!m_started)
        return;
    m_prompts->askConnectionName(this, tr("Demo Bank"), [view = QPointer<ConnectionsView>(this)](const QString& name) {
        if (!view)
            return;
        model::ConnectionSpec spec;
        spec.provider = QStringLiteral("demo");
        spec.name = name;
        // A different seed per connection gives each demo bank its own accounts and history.
        spec.options.insert(QStringLiteral("seed"), QRandomGenerator::global()->bounded(1, 1000000));
        view->m_host.addConnection(spec);
    });
}

void ConnectionsView::requestAddConnection()
{
    if (!m_started)
        return;
    if (m_wizard && m_wizard->isVisible()) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    auto* wizard = new AddConnectionWizard(m_host, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard = wizard;
    wizard->open();
}

void ConnectionsView::requestEditSelected()
{
    if (const qint64 id = selectedConnectionId(); id != 0)
        requestEdit(id);
}

void ConnectionsView::requestEdit(qint64 connectionId)
{
    if (!m_started || !m_statuses.contains(connectionId))
        return;
    auto* dialog = new ConnectionEditDialog(m_host, connectionId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionEditDialog::reauthenticateRequested, this, &ConnectionsView::requestReauthenticate);
    dialog->open();
}

void ConnectionsView::requestReauthenticate(qint64 connectionId)
{
    if (!m_started || !m_statuses.contains(connectionId))
        return;
    const model::ConnectionStatus& status = m_statuses[connectionId];
    // Parented to an open editor when there is one, so it stacks above it.
    QWidget* parent = this;
    for (auto* editor : findChildren<ConnectionEditDialog*>()) {
        if (editor->isVisible() && editor->connectionId() == connectionId)
            parent = editor;
    }
    auto* dialog = new ReauthDialog(m_host, connectionId, status.provider, status.name, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ConnectionsView::requestRemoveSelected()
{
    const qint64 id = selectedConnectionId();
    if (id == 0)
        return;
    const QString name = m_table->item(rowFor(id), NameColumn)->text();
    m_prompts->askRemoval(this, name, [view = QPointer<ConnectionsView>(this), id](RemovalChoice choice) {
        if (!view || choice == RemovalChoice::Cancel)
            return;
        view->m_host.removeConnection(id, choice == RemovalChoice::KeepData);
    });
}

void ConnectionsView::showConnections(const QList<model::ConnectionStatus>& connections)
{
    // Update rows in place so the selection survives the frequent snapshots of a running sync.
    QList<qint64> ids;
    m_statuses.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const model::ConnectionStatus& status : connections) {
        ids.append(status.connectionId);
        m_statuses.insert(status.connectionId, status);
        int row = rowFor(status.connectionId);
        if (row < 0) {
            row = m_table->rowCount();
            m_table->insertRow(row);
        }
        QTableWidgetItem* nameItem = itemAt(m_table, row, NameColumn);
        nameItem->setData(kIdRole, status.connectionId);
        nameItem->setText(status.name);
        itemAt(m_table, row, ProviderColumn)->setText(Format::providerLine(status));
        itemAt(m_table, row, AccountsColumn)->setData(Qt::DisplayRole, status.accountCount);
        itemAt(m_table, row, TransactionsColumn)->setData(Qt::DisplayRole, status.transactionCount);
        QTableWidgetItem* stateItem = itemAt(m_table, row, StateColumn);
        stateItem->setText(Format::stateText(status.state));
        stateItem->setToolTip(status.lastError);
        QTableWidgetItem* consentItem = itemAt(m_table, row, ConsentColumn);
        consentItem->setText(ProviderCatalog::consentText(status.consentExpiresAt, now));
        consentItem->setToolTip(
            status.consentExpiresAt.isValid()
                ? tr("Sign in again before %1 to keep syncing.")
                      .arg(QLocale().toString(status.consentExpiresAt.toLocalTime(), QLocale::LongFormat))
                : QString());
    }
    for (int row = m_table->rowCount() - 1; row >= 0; --row) {
        if (!ids.contains(m_table->item(row, NameColumn)->data(kIdRole).toLongLong()))
            m_table->removeRow(row);
    }
    m_hintLabel->setVisible(connections.isEmpty());
    m_addDemoButton->setVisible(connections.isEmpty());
    updateButtons();
}

int ConnectionsView::rowFor(qint64 connectionId) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* item = m_table->item(row, NameColumn);
        if (item && item->data(kIdRole).toLongLong() == connectionId)
            return row;
    }
    return -1;
}

qint64 ConnectionsView::selectedConnectionId() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return 0;
    const QTableWidgetItem* nameItem = m_table->item(selected.first()->row(), NameColumn);
    return nameItem ? nameItem->data(kIdRole).toLongLong() : 0;
}

void ConnectionsView::updateButtons()
{
    m_addButton->setEnabled(m_started);
    m_addDemoButton->setEnabled(m_started);
    m_editButton->setEnabled(m_started && selectedConnectionId() != 0);
    m_removeButton->setEnabled(m_started && selectedConnectionId() != 0);
}

} // namespace coffer::ui
