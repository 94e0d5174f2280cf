// JobDispatcher's upkeep jobs: the periodic health check, daily cleanup and credentials check,
// and renewing a connection's short-lived sign-in before it expires. The sync jobs themselves are
// in JobDispatcher.cpp.
#include "jobs/DailyCleanup.h"
#include "jobs/HealthCheck.h"
#include "jobs/JobDispatcher.h"
#include "log/Log.h"
#include "providers/ConnectorFactory.h"
#include "schedule/Clock.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/UserSettings.h"
#include "sync/CredentialRefresher.h"

#include <tuple>

namespace coffer::jobs {

namespace {

auto logger()
{
    return log::get("engine.jobs");
}

constexpr qint64 kHealthCheckEveryMs = 15 * 60 * 1000;
constexpr qint64 kCleanupEveryMs = 24 * 3600 * 1000;
constexpr qint64 kCredentialsCheckEveryMs = 24 * 3600 * 1000;
constexpr qint64 kRenewTokensAheadMs = 10 * 60 * 1000; // renew short-lived tokens this long before they expire

} // namespace

void JobDispatcher::scheduleHousekeeping()
{
    if (!m_automatic)
        return;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // enqueue() merges with an open one, so this never piles up across restarts.
    for (const auto& [kind, priority, firstInMs] :
         {std::tuple{JobKind::HealthCheck, Priority::Scheduled, kHealthCheckEveryMs},
          std::tuple{JobKind::Cleanup, Priority::Backfill, qint64(5 * 60 * 1000)},
          std::tuple{JobKind::RefreshCredentials, Priority::Scheduled, qint64(0)}}) {
        if (auto queued = m_queue.enqueue(kind, 0, priority, now + firstInMs, {}, 1); !queued.ok())
            logger()->error("could not queue the {} job", jobKindName(kind).toStdString());
    }
}

void JobDispatcher::runHousekeeping(const Job& job)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    m_queue.complete(job.id);
    if (job.kind == JobKind::Cleanup) {
        runDailyCleanup(m_db, m_queue.repository(), m_clock.now());
        if (!m_queue.enqueue(JobKind::Cleanup, 0, Priority::Backfill, now + kCleanupEveryMs, {}, 1).ok())
            logger()->error("could not queue the next cleanup");
    } else if (job.kind == JobKind::RefreshCredentials) {
        Q_EMIT credentialsCheckDue();
        if (!m_queue.enqueue(JobKind::RefreshCredentials, 0, Priority::Scheduled, now + kCredentialsCheckEveryMs, {}, 1)
                 .ok())
            logger()->error("could not queue the next credentials check");
    } else if (job.kind == JobKind::HealthCheck) {
        Q_EMIT healthChecked(health());
        if (!m_queue.enqueue(JobKind::HealthCheck, 0, Priority::Scheduled, now + kHealthCheckEveryMs, {}, 1).ok())
            logger()->error("could not queue the next health check");
    }
}

void JobDispatcher::planRenewal(qint64 connectionId)
{
    if (!m_automatic)
        return;
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return;
    const QDateTime expiresAt = QDateTime::fromString(
        connection->options.value(providers::kTokenExpiresAtOption).toString(), Qt::ISODateWithMs);
    if (!expiresAt.isValid())
        return;
    if (!m_queue
             .enqueue(JobKind::RefreshCredentials, connectionId, Priority::Scheduled,
                      expiresAt.toMSecsSinceEpoch() - kRenewTokensAheadMs, {}, m_retry.maxAttempts)
             .ok())
        logger()->error("could not plan the sign-in renewal of connection {}", connectionId);
}

void JobDispatcher::startRenewal(const Job& job)
{
    const auto connection = store::ConnectionRepository(m_db).get(job.connectionId);
    if (!connection.ok()) {
        m_queue.complete(job.id); // the connection is gone
        return;
    }
    auto refresher = std::make_unique<sync::CredentialRefresher>(m_db, m_credentials, m_clock, connection.value());
    const qint64 jobId = job.id;
    const qint64 connectionId = job.connectionId;
    connect(refresher.get(), &sync::CredentialRefresher::finished, this,
            [this, jobId, connectionId](const model::Status& s) { onRenewalFinished(jobId, connectionId, s); });
    QMetaObject::invokeMethod(refresher.get(), &sync::CredentialRefresher::start, Qt::QueuedConnection);
    m_renewing.emplace(jobId, std::move(refresher));
}

void JobDispatcher::onRenewalFinished(qint64 jobId, qint64 connectionId, const model::Status& outcome)
{
    auto it = m_renewing.find(jobId);
    if (it == m_renewing.end())
        return;
    it->second.release()->deleteLater(); // we are inside its finished() signal
    m_renewing.erase(it);
    const auto job = m_queue.open(jobId);
    if (outcome.ok()) {
        m_queue.complete(jobId);
        planRenewal(connectionId); // the new token expires too
    } else if (outcome.error().kind != model::ErrorKind::Cancelled && job) {
        const RetryDecision decision = m_retry.decide(job->attempts, outcome.error());
        if (decision.retries()) {
            m_queue.fail(jobId, outcome.error(), m_clock.now().toMSecsSinceEpoch() + decision.delayMs);
        } else {
            m_queue.fail(jobId, outcome.error(), std::nullopt);
            store::ConnectionRepository::Outcome state;
            state.state = model::ConnectionState::ReauthRequired;
            state.error = outcome.error().userMessage;
            state.errorKind = outcome.error().kind;
            state.attemptedAt = m_clock.now();
            (void)store::ConnectionRepository(m_db).recordOutcome(connectionId, state);
            Q_EMIT renewalFailed(connectionId, outcome.error());
        }
    }
    settle();
}

HealthReport JobDispatcher::health()
{
    QList<qint64> activeSince;
    for (const auto& [id, r] : m_running)
        activeSince << r.startedAtMs;
    HealthThresholds thresholds;
    // The user's threshold ("stale_after_hours"): what the health report and the stale notices use.
    thresholds.staleAfterSeconds = qint64(store::userSetting(m_db, store::settingKey::kStaleAfterHours)) * 3600;
    auto report = checkHealth(m_db, m_queue.stats(), activeSince, m_clock.now().toMSecsSinceEpoch(), thresholds);
    if (!report.ok()) {
        HealthReport failed;
        failed.queue = m_queue.stats();
        failed.warnings << report.error().userMessage;
        return failed;
    }
    return report.value();
}

} // namespace coffer::jobs
