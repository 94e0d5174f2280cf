#pragma once

#include "model/Snapshots.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace coffer {
class EngineHost;
}
namespace coffer::store {
class EngineStateReader;
}

namespace coffer::ui {

// What the desktop tells the user about, one standing condition per connection (a backfill
// finishing is an event: each one is new).
enum class AlertCondition { Stale, ReauthRequired, ReauthSoon, RepeatedFailures, BackfillFinished };

// Where clicking a message takes the user.
enum class AlertDestination { Dashboard, Transactions };

// One message to show: a condition for one or more connections, grouped.
struct DesktopAlert {
    AlertCondition condition = AlertCondition::Stale;
    QList<qint64> connectionIds;
    QString title;
    QString text;
    AlertDestination destination = AlertDestination::Dashboard;
};

// The user's notification thresholds (engine settings, see store::userSettings()).
struct AlertThresholds {
    int failuresBeforeNotifying = 3;
    int consentWarningDays = 7;
};

// Turns the engine's signals into the few messages worth interrupting someone for, rate-limited:
// a condition is announced once per connection and not again until it has cleared and come back.
// Conditions raised together are grouped into one message per condition. No widgets: the tray or
// the in-window bar shows what alertReady() carries. Thread affinity: the GUI thread.
class NotificationCenter : public QObject {
    Q_OBJECT
public:
    explicit NotificationCenter(QObject* parent = nullptr);
    ~NotificationCenter() override;

    // Follows the engine: its snapshots, notices and finished runs; the thresholds are read from
    // the database once it is open (and again by reloadThresholds() after the user changed them).
    void follow(EngineHost& host);
    void reloadThresholds();

    // The thresholds among the engine's settings (key -> value, as EngineStateReader reads them).
    static AlertThresholds thresholdsFrom(const QMap<QString, QString>& settings);
    void setThresholds(const AlertThresholds& thresholds) { m_thresholds = thresholds; }
    AlertThresholds thresholds() const { return m_thresholds; }
    // Tests simulate days; the default is the system clock.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    void onConnectionsChanged(const QList<coffer::model::ConnectionStatus>& connections);
    void onNotification(const coffer::model::Notification& notification);
    // trigger: what started the run ("backfill" for history fetched by date).
    void onSyncFinished(const coffer::model::SyncSummary& summary, const QString& trigger);

    // Connections with a standing condition that needs the user (the tray's "attention" state).
    bool needsAttention() const;
    bool isActive(qint64 connectionId, AlertCondition condition) const;
    // Raised conditions are waiting to be grouped into messages.
    bool grouping() const { return m_flushTimer.isActive(); }

Q_SIGNALS:
    void alertReady(const coffer::ui::DesktopAlert& alert);
    void attentionChanged(bool needsAttention);

private:
    using Key = QPair<qint64, int>;
    void raise(qint64 connectionId, AlertCondition condition);
    void clear(qint64 connectionId, AlertCondition condition);
    void flush();
    DesktopAlert describe(AlertCondition condition, const QList<qint64>& ids) const;
    QString nameOf(qint64 connectionId) const;
    void reportAttention();

    std::shared_ptr<store::EngineStateReader> m_reader; // the engine's settings and runs, read-only
    AlertThresholds m_thresholds;
    std::function<QDateTime()> m_now;
    QSet<Key> m_active;                  // announced and not cleared since
    QHash<int, QList<qint64>> m_pending; // condition -> connections raised since the last flush
    QHash<qint64, QString> m_names;
    QHash<qint64, int> m_failuresInARow;
    QTimer m_flushTimer; // groups what one batch of signals raised
    bool m_lastAttention = false;
};

} // namespace coffer::ui

Q_DECLARE_METATYPE(coffer::ui::DesktopAlert)
