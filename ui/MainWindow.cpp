#include "MainWindow.h"

#include "EngineHost.h"
#include "Format.h"
#include "WidgetIdentity.h"
#include "connections/ConnectionsView.h"
#include "dashboard/DashboardView.h"
#include "transactions/TransactionsView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace coffer::ui {

MainWindow::MainWindow(EngineHost& host, QWidget* parent)
    : QMainWindow(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("mainWindow"), tr("Coffer"));
    setWindowTitle(tr("Coffer"));
    resize(1280, 780);
    setMinimumSize(760, 480);

    m_dashboard = new DashboardView(m_host);
    m_connections = new ConnectionsView(m_host);
    m_transactions = new TransactionsView(m_host);

    auto* central = new QWidget(this);
    setIdentity(central, QStringLiteral("centralWidget"), tr("Coffer"));
    m_pages = new QStackedWidget(central);
    setIdentity(m_pages, QStringLiteral("pages"), tr("Current view"));
    // Same order as Page and as the navigation entries.
    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_connections);
    m_pages->addWidget(m_transactions);
    m_navigation = createNavigation();
    m_navigation->setParent(central);

    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createToolBar();
    m_statusLabel = new QLabel(tr("Starting\u2026"), this);
    setIdentity(m_statusLabel, QStringLiteral("statusMessageLabel"), tr("Latest message"));
    m_statusLabel->setContentsMargins(8, 2, 8, 2);
    setIdentity(statusBar(), QStringLiteral("statusBar"), tr("Status"));
    statusBar()->addWidget(m_statusLabel, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_dashboard, &DashboardView::addDemoRequested, m_connections, &ConnectionsView::requestAddDemo);
    connectEngine();
    m_navigation->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

QListWidget* MainWindow::createNavigation()
{
    auto* navigation = new QListWidget;
    setIdentity(navigation, QStringLiteral("navigationList"), tr("Navigation"));
    navigation->addItem(tr("Dashboard"));
    navigation->addItem(tr("Connections"));
    navigation->addItem(tr("Transactions"));
    navigation->setFixedWidth(190);
    navigation->setFrameShape(QFrame::NoFrame);
    navigation->setSpacing(2);
    navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigationList { background-color: palette(alternate-base); padding-top: 12px; }"
                       " QListWidget#navigationList::item { padding: 8px 14px; border-radius: 4px; margin: 0 8px; }"
                       " QListWidget#navigationList::item:selected { background-color: palette(highlight);"
                       " color: palette(highlighted-text); }"));
    return navigation;
}

void MainWindow::createToolBar()
{
    QToolBar* toolBar = addToolBar(tr("Main"));
    setIdentity(toolBar, QStringLiteral("mainToolBar"), tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_syncNowAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Sync now"), this);
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence::Refresh);
    m_syncNowAction->setToolTip(tr("Fetch new transactions for all connections now"));
    m_syncNowAction->setEnabled(false); // until the engine has opened the database
    toolBar->addAction(m_syncNowAction);
    if (QWidget* button = toolBar->widgetForAction(m_syncNowAction))
        setIdentity(button, QStringLiteral("syncNowToolButton"), tr("Sync all connections now"));

    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        m_host.syncAll();
        showEngineMessage(tr("Sync requested for all connections."));
    });
}

void MainWindow::connectEngine()
{
    connect(&m_host, &EngineHost::started, this, [this] {
        m_syncNowAction->setEnabled(true);
        showEngineMessage(tr("Ready."));
    });
    connect(&m_host, &EngineHost::startFailed, this, [this](const QString& message) {
        showEngineMessage(tr("Coffer could not open its data: %1").arg(message));
    });
    connect(&m_host, &EngineHost::operationFailed, this, &MainWindow::showEngineMessage);
    connect(&m_host, &EngineHost::notification, this,
            [this](const model::Notification& notification) { showEngineMessage(Format::notification(notification)); });
    connect(&m_host, &EngineHost::syncFinished, this,
            [this](const model::SyncSummary& summary) { showEngineMessage(Format::syncSummary(summary)); });
    // A new connection is fetched at once: nobody adds a bank to look at an empty list.
    connect(&m_host, &EngineHost::connectionAdded, this, [this](qint64 connectionId) {
        showEngineMessage(tr("Connection added; fetching its transactions\u2026"));
        m_host.syncNow(connectionId);
    });
    connect(&m_host, &EngineHost::connectionRemoved, this, [this] { showEngineMessage(tr("Connection removed.")); });
}

void MainWindow::showEngineMessage(const QString& message)
{
    m_statusLabel->setText(message);
    m_statusLabel->setToolTip(message);
}

} // namespace coffer::ui
