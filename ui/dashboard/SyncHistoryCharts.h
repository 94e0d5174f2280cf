#pragma once

#include "model/Snapshots.h"
#include "store/RunHistoryReader.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;

namespace coffer {
class EngineHost;
}
namespace coffer::schedule {
class Clock;
}

namespace coffer::ui {

class DurationChart;
class SuccessRateChart;
class TransactionsChart;

// Charts of the last 30 days for one connection or all: how long each sync took, transactions per
// day, and the share of syncs that succeeded. Read through the engine's read-only history reader;
// redrawn after syncs finish (coalesced) and when the user picks another connection.
class SyncHistoryCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDays = 30;
    static constexpr int kMaxRuns = 500;

    SyncHistoryCharts(EngineHost& host, std::shared_ptr<const schedule::Clock> clock, QWidget* parent = nullptr);

    void refresh();
    // Where "today" comes from (a test seam; the system clock by default).
    void setClock(std::shared_ptr<const schedule::Clock> clock);
    // Redraws when the local day changed since the last drawing (the 30-day window moved).
    void refreshIfNewDay();
    // The width the charts may use: two side by side when they fit.
    void setAvailableWidth(int width);

protected:
    void changeEvent(QEvent* event) override;

private:
    void openDatabase(const QString& databasePath);
    void setConnections(const QList<model::ConnectionStatus>& connections);
    void showError(const QString& message);
    void relayout();
    void restyle();

    EngineHost& m_host;
    std::shared_ptr<const schedule::Clock> m_clock;
    std::shared_ptr<store::RunHistoryReader> m_reader;
    QComboBox* m_connectionCombo = nullptr;
    QLabel* m_messageLabel = nullptr;
    QGridLayout* m_grid = nullptr;
    int m_columns = 2;
    DurationChart* m_durations = nullptr;
    TransactionsChart* m_transactions = nullptr;
    SuccessRateChart* m_successRate = nullptr;
    QDate m_drawnFor;
    QTimer m_refreshTimer;
};

} // namespace coffer::ui
