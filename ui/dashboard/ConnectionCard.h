#pragma once

#include "model/Snapshots.h"

#include <QDateTime>
#include <QFrame>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace coffer::ui {

// One connection on the dashboard: state, progress while syncing, last success, last run's
// changes and last error. Updated in place from engine snapshots; never rebuilt per tick.
class ConnectionCard : public QFrame {
    Q_OBJECT
public:
    static constexpr int kMinimumWidth = 320;

    explicit ConnectionCard(qint64 connectionId, QWidget* parent = nullptr);

    qint64 connectionId() const { return m_connectionId; }
    void setStatus(const model::ConnectionStatus& status, const QDateTime& now);
    void setProgress(const model::JobProgress& progress);
    void refreshRelativeTimes(const QDateTime& now);

Q_SIGNALS:
    void syncRequested(qint64 connectionId);

private:
    void setState(model::ConnectionState state);
    void setSyncing(bool syncing);
    void setError(const QString& message);

    qint64 m_connectionId;
    QDateTime m_lastSuccessAt;
    std::optional<model::ConnectionState> m_state;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_providerLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_stageLabel = nullptr;
    QLabel* m_lastSyncLabel = nullptr;
    QLabel* m_nextSyncLabel = nullptr;
    QDateTime m_nextRunAt;
    QLabel* m_changesLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_syncButton = nullptr;
};

} // namespace coffer::ui
