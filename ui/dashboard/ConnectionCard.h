#pragma once

#include "model/Snapshots.h"

#include <QDateTime>
#include <QFrame>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace coffer::ui {

// One connection on the dashboard: state, progress while syncing, last success, next run,
// freshness, last run's changes, the provider's note on its data (Plaid still collecting history),
// a consent running out and the last error, with the button that
// fixes it (Retry, Re-authenticate). Updated in place from engine snapshots; never rebuilt per tick.
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
    // "Sync now", and "Retry" after a failure: both ask the engine for a sync.
    void syncRequested(qint64 connectionId);
    void reauthenticateRequested(qint64 connectionId);

private:
    void createWidgets();
    void setState(model::ConnectionState state);
    void setSyncing(bool syncing);
    void setError(const QString& message);
    void updateActions();

    qint64 m_connectionId;
    QDateTime m_lastSuccessAt;
    QDateTime m_nextRunAt;
    QDateTime m_consentExpiresAt;
    QString m_lastError;
    model::ErrorKind m_lastErrorKind = model::ErrorKind::Permanent;
    std::optional<model::ConnectionState> m_state;
    std::optional<bool> m_stale;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_providerLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_stageLabel = nullptr;
    QLabel* m_lastSyncLabel = nullptr;
    QLabel* m_nextSyncLabel = nullptr;
    QLabel* m_freshnessLabel = nullptr;
    qint64 m_staleAfterSeconds = 0; // the user's threshold, as the engine sent it
    QLabel* m_changesLabel = nullptr;
    QLabel* m_noteLabel = nullptr;
    QLabel* m_consentLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_reauthButton = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_syncButton = nullptr;
};

} // namespace coffer::ui
