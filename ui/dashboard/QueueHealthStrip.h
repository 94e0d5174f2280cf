#pragma once

#include "jobs/Job.h"

#include <QFrame>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

// The queue at a glance: jobs waiting, running, waiting to retry, failed (dead-lettered) and held by
// a pause, with Pause/Resume and the way to the job list.
class QueueHealthStrip : public QFrame {
    Q_OBJECT
public:
    explicit QueueHealthStrip(EngineHost& host, QWidget* parent = nullptr);

    void setStats(const jobs::QueueStats& stats);

Q_SIGNALS:
    void jobsRequested();

private:
    QLabel* addTile(const QString& objectName, const QString& caption, const QString& toolTip);
    void togglePause();

    EngineHost& m_host;
    std::optional<jobs::QueueStats> m_stats;
    QLabel* m_waiting = nullptr;
    QLabel* m_active = nullptr;
    QLabel* m_delayed = nullptr;
    QLabel* m_failed = nullptr;
    QLabel* m_paused = nullptr;
    QLabel* m_stateLabel = nullptr;
    QPushButton* m_pauseButton = nullptr;
    QPushButton* m_jobsButton = nullptr;
    QHBoxLayout* m_tiles = nullptr;
};

} // namespace coffer::ui
