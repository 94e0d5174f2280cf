#include "TrayController.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"
#include "settings/DesktopPreferences.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace coffer::ui {

TrayController::TrayController(EngineHost& host, DesktopPreferences& preferences, QObject* parent)
    : QObject(parent)
    , m_host(host)
    , m_preferences(preferences)
{
    m_icon = new QSystemTrayIcon(this);
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    createMenu();
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT openRequested(m_lastDestination); });
    connectEngine();
    refresh();
    m_icon->show();
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::createMenu()
{
    m_menu = new QMenu;
    setIdentity(m_menu, QStringLiteral("trayMenu"), tr("Coffer tray menu"));
    m_syncAllAction = m_menu->addAction(tr("Sync All Now"), this, [this] { m_host.syncAll(); });
    m_syncAllAction->setObjectName(QStringLiteral("traySyncAllAction"));
    m_openAction = m_menu->addAction(tr("Open Coffer"), this, [this] { Q_EMIT showWindowRequested(); });
    m_openAction->setObjectName(QStringLiteral("trayOpenAction"));
    m_pauseAction = m_menu->addAction(tr("Pause Syncing"), this, [this] {
        if (m_paused)
            m_host.resumeQueue();
        else
            m_host.pauseQueue();
    });
    m_pauseAction->setObjectName(QStringLiteral("trayPauseAction"));
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(tr("Quit Coffer"), this, [this] { Q_EMIT quitRequested(); });
    m_quitAction->setObjectName(QStringLiteral("trayQuitAction"));
}

void TrayController::connectEngine()
{
    connect(&m_host, &EngineHost::started, this, [this] {
        m_started = true;
        refresh();
    });
    connect(&m_host, &EngineHost::connectionsChanged, this, [this](const QList<model::ConnectionStatus>& connections) {
        m_connections = connections;
        refresh();
    });
    connect(&m_host, &EngineHost::jobProgress, this, [this] {
        m_syncing = true;
        refresh();
    });
    connect(&m_host, &EngineHost::idle, this, [this] {
        m_syncing = false;
        refresh();
    });
    connect(&m_host, &EngineHost::queueStats, this, [this](const jobs::QueueStats& stats) {
        m_paused = stats.paused;
        refresh();
    });
}

void TrayController::setAttention(bool attention)
{
    m_attention = attention;
    refresh();
}

void TrayController::refresh()
{
    m_state = overallTrayState(m_connections, m_syncing, m_attention);
    m_icon->setIcon(TrayIcons::icon(m_state));
    QString tip;
    switch (m_state) {
    case TrayState::Ok:
        tip = tr("Coffer: your data is up to date");
        break;
    case TrayState::Syncing:
        tip = tr("Coffer: syncing\u2026");
        break;
    case TrayState::Attention:
        tip = tr("Coffer: a connection needs your attention");
        break;
    }
    if (m_paused)
        tip += u'\n' + tr("Syncing is paused.");
    m_icon->setToolTip(tip);
    m_pauseAction->setText(m_paused ? tr("Resume Syncing") : tr("Pause Syncing"));
    // Until the engine has its database open there is nothing to sync or pause.
    m_syncAllAction->setEnabled(m_started && !m_paused);
    m_pauseAction->setEnabled(m_started);
}

void TrayController::showAlert(const DesktopAlert& alert)
{
    showMessage(alert.title, alert.text, alert.destination);
}

void TrayController::showMessage(const QString& title, const QString& text, AlertDestination destination)
{
    m_lastDestination = destination;
    m_icon->showMessage(title, text, TrayIcons::icon(m_state));
    Q_EMIT messageShown(title, text);
}

bool TrayController::keepRunningOnClose()
{
    if (!m_icon->isVisible() || !m_preferences.closeToTray())
        return false;
    if (!m_preferences.trayNoticeShown()) {
        m_preferences.setTrayNoticeShown(true);
        showMessage(tr("Coffer keeps running in the tray"),
                    tr("Your connections keep syncing. Choose Quit Coffer in the tray menu to stop it, or turn "
                       "this off in Settings."),
                    AlertDestination::Dashboard);
    }
    return true;
}

} // namespace coffer::ui
