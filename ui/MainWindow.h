#pragma once

#include "LaunchRequest.h"
#include "settings/DesktopPreferences.h"
#include "settings/LoginStartup.h"
#include "tray/NotificationCenter.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class ConnectionsView;
class DashboardView;
class ImportController;
class NotificationBar;
class TransactionsView;
class TrayController;

// The main window composes the views: navigation on the left, the current view on the right, a
// "Sync now" toolbar action and the engine's latest message in the status bar. Every engine
// interaction is a queued call or a signal, so the window never blocks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Dashboard, Connections, Transactions };
    // Never: alerts go to the in-window bar even where a tray exists (tests of that path).
    enum class TrayUse { IfAvailable, Never };

    explicit MainWindow(EngineHost& host, QWidget* parent = nullptr, TrayUse trayUse = TrayUse::IfAvailable);
    ~MainWindow() override;

    void showPage(Page page);
    // Brings the window back from the tray or the task bar, in front.
    void showAndRaise();
    // What a launch asked for (the first one's files, or a later launch's request that
    // SingleInstance received): the window in front unless --minimized, and the files' import.
    void openLaunchRequest(const coffer::ui::LaunchRequest& request);
    // Null where the platform has no tray.
    TrayController* tray() const { return m_tray; }
    ImportController* imports() const { return m_imports; }

Q_SIGNALS:
    // The user chose Quit (menu, tray, Ctrl+Q) or closed the window without a tray to keep running in.
    void quitRequested();

protected:
    // macOS gives files opened with Coffer (Finder's "Open With", the Dock icon) to the running
    // application as QFileOpenEvent, never as a second launch: they take openLaunchRequest's way.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    // Bank files dropped on the window are imported (onto a listed transaction or the account
    // filter: into that account).
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenuBar();
    void createToolBar();
    void createAlerts(TrayUse trayUse);
    void openAt(AlertDestination destination);
    QListWidget* createNavigation();
    void connectEngine();
    void showEngineMessage(const QString& message);

    EngineHost& m_host;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardView* m_dashboard = nullptr;
    ConnectionsView* m_connections = nullptr;
    TransactionsView* m_transactions = nullptr;
    ImportController* m_imports = nullptr;
    QAction* m_syncNowAction = nullptr;
    QAction* m_settingsAction = nullptr;
    DesktopPreferences m_preferences;
    LoginStartup m_loginStartup;
    NotificationCenter* m_alerts = nullptr;
    TrayController* m_tray = nullptr;
    NotificationBar* m_notificationBar = nullptr;
    QLabel* m_statusLabel = nullptr;
};

} // namespace coffer::ui
