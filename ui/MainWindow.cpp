#include "MainWindow.h"

#include "EngineHost.h"
#include "Format.h"
#include "WidgetIdentity.h"
#include "connections/ConnectionsView.h"
#include "dashboard/DashboardView.h"
#include "imports/ImportController.h"
#include "settings/AboutDialog.h"
#include "settings/SettingsDialog.h"
#include "transactions/TransactionExporter.h"
#include "transactions/TransactionsView.h"
#include "tray/NotificationBar.h"
#include "tray/TrayController.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileOpenEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace coffer::ui {

MainWindow::MainWindow(EngineHost& host, QWidget* parent, TrayUse trayUse)
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
    m_imports = new ImportController(m_host, this);
    m_imports->setObjectName(QStringLiteral("importController"));
    setAcceptDrops(true);
    QCoreApplication::instance()->installEventFilter(this); // QFileOpenEvent goes to the application

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

    m_notificationBar = new NotificationBar(central);
    auto* content = new QVBoxLayout;
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(0);
    auto* barRow = new QVBoxLayout;            // takes no room while the bar is hidden
    barRow->setContentsMargins(24, 12, 24, 0); // in line with the pages' own margins
    barRow->addWidget(m_notificationBar);
    content->addLayout(barRow);
    content->addWidget(m_pages, 1);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addLayout(content, 1);
    setCentralWidget(central);

    createToolBar();
    createMenuBar();
    createAlerts(trayUse);
    m_statusLabel = new QLabel(tr("Starting\u2026"), this);
    setIdentity(m_statusLabel, QStringLiteral("statusMessageLabel"), tr("Latest message"));
    m_statusLabel->setContentsMargins(8, 2, 8, 2);
    setIdentity(statusBar(), QStringLiteral("statusBar"), tr("Status"));
    statusBar()->addWidget(m_statusLabel, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_dashboard, &DashboardView::addDemoRequested, m_connections, &ConnectionsView::requestAddDemo);
    connect(m_dashboard, &DashboardView::reauthenticateRequested, m_connections,
            &ConnectionsView::requestReauthenticate);
    connect(m_transactions->exporter(), &TransactionExporter::finished, this, &MainWindow::showEngineMessage);
    connect(m_imports, &ImportController::message, this, &MainWindow::showEngineMessage);
    connect(m_transactions, &TransactionsView::undoImportRequested, m_imports, &ImportController::undoImport);
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
        m_settingsAction->setEnabled(true);
        showEngineMessage(tr("Ready."));
    });
    connect(&m_host, &EngineHost::startFailed, this, [this](const QString& message) {
        // The import controller, connected first, has set aside the files that waited for the data.
        QString text = tr("Coffer could not open its data: %1").arg(message);
        if (const int waiting = m_imports->filesRefusedAtStart(); waiting > 0)
            text += u' ' + tr("The %n file(s) waiting to be imported were not imported.", nullptr, waiting);
        showEngineMessage(text);
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

void MainWindow::createAlerts(TrayUse trayUse)
{
    m_alerts = new NotificationCenter(this);
    m_alerts->setObjectName(QStringLiteral("notificationCenter"));
    m_alerts->follow(m_host);
    if (trayUse == TrayUse::IfAvailable && TrayController::available()) {
        m_tray = new TrayController(m_host, m_preferences, this);
        m_tray->setObjectName(QStringLiteral("trayController"));
        connect(m_alerts, &NotificationCenter::alertReady, m_tray, &TrayController::showAlert);
        connect(m_alerts, &NotificationCenter::attentionChanged, m_tray, &TrayController::setAttention);
        connect(m_tray, &TrayController::openRequested, this, &MainWindow::openAt);
        connect(m_tray, &TrayController::showWindowRequested, this, &MainWindow::showAndRaise);
        connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quitRequested);
    } else {
        // No tray on this desktop: the same messages appear in the window.
        connect(m_alerts, &NotificationCenter::alertReady, m_notificationBar, &NotificationBar::showAlert);
    }
    connect(m_notificationBar, &NotificationBar::openRequested, this, &MainWindow::openAt);
}

void MainWindow::createMenuBar()
{
    setIdentity(menuBar(), QStringLiteral("mainMenuBar"), tr("Menu bar"));
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_syncNowAction);
    file->addSeparator();
    file->addAction(m_imports->importAction());
    file->addAction(m_imports->historyAction());
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("fileExportMenu"));
    exportMenu->addActions(m_transactions->exporter()->actions());
    file->addSeparator();
    QAction* close = file->addAction(tr("&Close Window"), QKeySequence::Close, this, &QWidget::close);
    close->setObjectName(QStringLiteral("closeWindowAction"));
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &MainWindow::quitRequested);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    m_settingsAction = edit->addAction(tr("&Settings\u2026"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, [this] {
        const QString problem =
            SettingsDialog::edit(this, m_host, m_preferences, m_loginStartup, [this](const SettingsValues& chosen) {
                m_alerts->setThresholds(NotificationCenter::thresholdsFrom(chosen.engine));
            });
        if (!problem.isEmpty())
            showEngineMessage(problem);
    });
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setEnabled(false); // until the engine has opened the database

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    const QList<QPair<QString, Page>> pages{{tr("&Dashboard"), Page::Dashboard},
                                            {tr("C&onnections"), Page::Connections},
                                            {tr("&Transactions"), Page::Transactions}};
    for (int i = 0; i < pages.size(); ++i) {
        const Page page = pages[i].second;
        QAction* action = view->addAction(pages[i].first, QKeySequence(Qt::CTRL | (Qt::Key_1 + i)), this,
                                          [this, page] { showPage(page); });
        action->setObjectName(QStringLiteral("viewPageAction%1").arg(i + 1));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About Coffer"), this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::openLaunchRequest(const LaunchRequest& request)
{
    // A file to import shows the window even for --minimized: its import dialog is part of it.
    if (request.showWindow || !request.files.isEmpty()) {
        // Qt's Wayland plugin presents this token (then clears it) when the window asks for focus.
        if (!request.activationToken.isEmpty() && QGuiApplication::platformName() == QLatin1String("wayland"))
            qputenv("XDG_ACTIVATION_TOKEN", request.activationToken.toLatin1());
        showAndRaise();
    }
    if (!request.files.isEmpty())
        m_imports->importFiles(request.files);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FileOpen && watched == QCoreApplication::instance()) {
        const QString file = static_cast<QFileOpenEvent*>(event)->file();
        if (!file.isEmpty())
            openLaunchRequest(LaunchRequest{true, {file}, {}});
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::openAt(AlertDestination destination)
{
    showPage(destination == AlertDestination::Transactions ? Page::Transactions : Page::Dashboard);
    showAndRaise();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_tray && m_tray->keepRunningOnClose()) {
        hide(); // the engine keeps syncing; the tray brings the window back
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!ImportController::droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (!ImportController::droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = ImportController::droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    const qint64 accountId = m_transactions->accountAt(mapToGlobal(event->position().toPoint()));
    m_imports->importFiles(paths, accountId);
}

void MainWindow::showEngineMessage(const QString& message)
{
    m_statusLabel->setText(message);
    m_statusLabel->setToolTip(message);
}

} // namespace coffer::ui
