#pragma once

#include "jobs/CircuitBreaker.h"
#include "jobs/Health.h"
#include "jobs/JobQueue.h"
#include "jobs/RetryPolicy.h"
#include "jobs/SyncLimits.h"
#include "model/Connection.h"
#include "model/Snapshots.h"
#include "providers/Connector.h"
#include "schedule/Scheduler.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace coffer::schedule {
class Clock;
class NetworkStatus;
}
namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}
namespace coffer::sync {
class CredentialRefresher;
class SyncRunner;
}

namespace coffer::jobs {

// Keeps every connection fresh on its own: schedules (one timer for the earliest due time),
// the persistent job queue, concurrency limits, retries with backoff, circuit breakers, minimum
// intervals and quotas. Triggers go in (schedule, "Sync now", catch-up), sync runs come out.
// Thread affinity: the engine thread.
class JobDispatcher : public QObject {
    Q_OBJECT
public:
    struct Limits {
        int globalConcurrency = 4;
        int perProviderConcurrency = 2;
        qint64 staleAfterSeconds = 4 * 3600; // data older than this syncs at the next opportunity after a start
    };

    // automatic: follow the schedules and run whatever the queue holds (the app, the daemon).
    // Otherwise only what this process asks for runs (one-shot cofferctl commands), once: a
    // retry waits for the next automatic run instead of holding the command up.
    JobDispatcher(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
                  schedule::NetworkStatus& network, bool automatic, QObject* parent = nullptr);
    ~JobDispatcher() override;

    // Loads open jobs (resuming interrupted ones), rebuilds limits from the sync history and plans
    // every connection's next run. Returns problems worth telling the user (unreadable jobs).
    model::Result<QStringList> start();

    // A sync request from the user (Priority::Manual) or elsewhere. A manual request that the
    // minimum interval or quota would refuse fails with "Next sync allowed at HH:MM".
    model::Result<JobQueue::Enqueued> requestSync(qint64 connectionId, Priority priority);
    // History of a connection from `from` on, fetched by date newest first (Priority::Backfill).
    // Refused with the reason when the provider cannot fetch history by date.
    model::Result<JobQueue::Enqueued> requestBackfill(qint64 connectionId, const QDate& from);
    void connectionAdded(qint64 connectionId);
    void connectionRemoved(qint64 connectionId);
    // Its schedule or pause changed: plan again.
    void connectionChanged(qint64 connectionId);

    model::Status pauseQueue();
    model::Status resumeQueue();
    model::Status retryJob(qint64 jobId);
    model::Status cancelJob(qint64 jobId);
    QueueStats stats() const { return m_queue.stats(); }
    JobQueue& queue() { return m_queue; }
    // Work is running or could start now.
    bool busy() const;
    std::optional<qint64> nextRunMs(qint64 connectionId) const { return m_scheduler.dueAt(connectionId); }

    // The queue, warnings and per-connection health, now.
    HealthReport health();

    // Re-checks everything due now: after a clock jump or wake from sleep, and from tests that
    // move a simulated clock.
    void wake();
    // Stops running syncs between pages; their jobs stay open and resume on the next start.
    void shutdown();

Q_SIGNALS:
    void progress(const coffer::model::JobProgress& progress);
    void runFinished(const coffer::model::SyncSummary& summary);
    void queueChanged();
    void idle();
    // A scheduled health check ran (every 15 minutes).
    void healthChecked(const coffer::jobs::HealthReport& report);
    // The daily refresh-credentials job: time to look at expiring consents and tokens.
    void credentialsCheckDue();
    // A short-lived token could not be renewed; the user has to sign in again.
    void renewalFailed(qint64 connectionId, const coffer::model::Error& error);

private:
    struct Running {
        std::unique_ptr<sync::SyncRunner> runner;
        QString provider;
        QString trigger;
        qint64 connectionId = 0;
        qint64 startedAtMs = 0;
    };

    void planNext(qint64 connectionId, const QDateTime& lastRunAt);
    void scheduleHousekeeping();
    void planRenewal(qint64 connectionId);
    void startRenewal(const Job& job);
    void onRenewalFinished(qint64 jobId, qint64 connectionId, const model::Status& outcome);
    void runHousekeeping(const Job& job);
    void queueFollowUp(qint64 connectionId);
    int callsPerSync(qint64 connectionId) const; // what one sync costs against the provider's quota
    void queueInitialBackfill(qint64 connectionId);
    void enqueueDue();
    void dispatch();
    bool admit(const Job& job);
    void deferOverBudget(); // jobs admit() found over their provider's daily quota
    void onRunFinished(qint64 jobId, const model::SyncSummary& summary);
    void settle(); // flush writes, re-arm the timer, report
    void armTimer();

    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    const schedule::Clock& m_clock;
    Limits m_limits;
    JobQueue m_queue;
    schedule::Scheduler m_scheduler;
    SyncLimits m_syncLimits;
    CircuitBreaker m_breaker;
    RetryPolicy m_retry;
    std::map<qint64, Running> m_running; // job id -> run (move-only, so not a QHash)
    std::map<qint64, std::unique_ptr<sync::CredentialRefresher>> m_renewing; // job id -> token renewal
    QHash<qint64, QString> m_providerOf; // connection id -> provider
    QSet<qint64> m_needsNetwork;          // connections whose provider is reached over the network
    QHash<qint64, providers::ProviderInfo> m_providerInfo; // connection id -> what its provider is
    schedule::NetworkStatus& m_network;
    QTimer m_timer;
    std::optional<qint64> m_recheckAtMs; // a breaker or limit blocked a ready job until then
    QSet<qint64> m_requested;             // job ids this process asked for
    QHash<qint64, SyncLimits::Refusal> m_overBudget; // job id -> why and until when it must wait
    bool m_automatic = true;
    bool m_wasBusy = false;
    bool m_stopping = false;
};

} // namespace coffer::jobs
