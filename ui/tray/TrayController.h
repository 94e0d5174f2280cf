#pragma once

#include "NotificationCenter.h"
#include "TrayIcons.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class DesktopPreferences;

// The tray icon and its menu: the icon shows the overall state (ok, syncing, attention), the menu
// syncs everything, opens the window, pauses or resumes the queue and quits. It shows the desktop
// alerts as tray messages and says where a clicked one leads. Only created where the platform has
// a tray. Thread affinity: the GUI thread.
class TrayController : public QObject {
    Q_OBJECT
public:
    TrayController(EngineHost& host, DesktopPreferences& preferences, QObject* parent = nullptr);
    ~TrayController() override;

    static bool available();

    void showAlert(const DesktopAlert& alert);
    void setAttention(bool attention);
    // The window is being closed: true when Coffer should keep running in the tray (the first
    // time, a message says so).
    bool keepRunningOnClose();

    TrayState state() const { return m_state; }
    QSystemTrayIcon* icon() const { return m_icon; }
    QMenu* menu() const { return m_menu; }

Q_SIGNALS:
    void showWindowRequested();
    void openRequested(coffer::ui::AlertDestination destination);
    void quitRequested();
    // Every message shown on the tray, for the record (tests, accessibility tools).
    void messageShown(const QString& title, const QString& text);

private:
    void createMenu();
    void connectEngine();
    void showMessage(const QString& title, const QString& text, AlertDestination destination);
    void refresh();

    EngineHost& m_host;
    DesktopPreferences& m_preferences;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr; // parentless (a tray menu has no window); deleted with this
    QAction* m_syncAllAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_quitAction = nullptr;
    QList<model::ConnectionStatus> m_connections;
    AlertDestination m_lastDestination = AlertDestination::Dashboard;
    TrayState m_state = TrayState::Ok;
    bool m_started = false;
    bool m_syncing = false;
    bool m_attention = false;
    bool m_paused = false;
};

} // namespace coffer::ui
