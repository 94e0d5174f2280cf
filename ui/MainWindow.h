#pragma once

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
class TransactionsView;

// The main window composes the views: navigation on the left, the current view on the right, a
// "Sync now" toolbar action and the engine's latest message in the status bar. Every engine
// interaction is a queued call or a signal, so the window never blocks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Dashboard, Connections, Transactions };

    explicit MainWindow(EngineHost& host, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);

private:
    void createToolBar();
    QListWidget* createNavigation();
    void connectEngine();
    void showEngineMessage(const QString& message);

    EngineHost& m_host;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardView* m_dashboard = nullptr;
    ConnectionsView* m_connections = nullptr;
    TransactionsView* m_transactions = nullptr;
    QAction* m_syncNowAction = nullptr;
    QLabel* m_statusLabel = nullptr;
};

} // namespace coffer::ui
