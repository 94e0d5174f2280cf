#pragma once

#include "model/Snapshots.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace coffer {
class EngineHost;
}
namespace coffer::schedule {
class Clock;
}

namespace coffer::ui {

class CardGrid;
class ConnectionCard;
class JobListDialog;
class QueueHealthStrip;
class SyncHistoryCharts;

// The sync monitor: one card per connection, the queue's health and the last 30 days in charts,
// in one scrolling page; or an empty state inviting the user to add a connection.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(EngineHost& host, QWidget* parent = nullptr);
    ~DashboardView() override;

    ConnectionCard* cardFor(qint64 connectionId) const;
    int cardCount() const;
    // Test seam: where "now" comes from (relative times, consent countdown, the charts' window).
    void setClock(std::shared_ptr<const schedule::Clock> clock);
    // The job list, opened by the queue strip's "Jobs..." button (created on first use).
    JobListDialog* showJobList();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The empty state's button; MainWindow routes it to the connections view.
    void addDemoRequested();
    // A card's "Re-authenticate" button; the connections view runs the sign-in.
    void reauthenticateRequested(qint64 connectionId);

private:
    QWidget* createEmptyState();
    QWidget* createMonitorPage();
    void showStarted();
    void showConnections(const QList<model::ConnectionStatus>& connections);
    void refreshRelativeTimes();
    void updateSummary(const QList<model::ConnectionStatus>& connections);

    EngineHost& m_host;
    std::shared_ptr<const schedule::Clock> m_clock;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_emptyState = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_emptyAddButton = nullptr;
    QWidget* m_monitorPage = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QScrollArea* m_scrollArea = nullptr;
    CardGrid* m_cards = nullptr;
    QueueHealthStrip* m_queueStrip = nullptr;
    SyncHistoryCharts* m_charts = nullptr;
    QPointer<JobListDialog> m_jobList;
    QTimer m_clockTimer;
};

} // namespace coffer::ui
