#include "jobs/JobDispatcher.h"

#include "jobs/RunPlan.h"
#include "log/Log.h"
#include "providers/ConnectorFactory.h"
#include "schedule/Clock.h"
#include "schedule/Jitter.h"
#include "schedule/NetworkStatus.h"
#include "schedule/Schedule.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "sync/CredentialRefresher.h"
#include "sync/SyncRunner.h"

#include <QSqlQuery>

#include <utility>

namespace coffer::jobs {

using model::Error;
using model::Result;
using model::Status;

namespace {

auto logger()
{
    return log::get("engine.jobs");
}

// The longest the timer sleeps: a clock jump or a wake from sleep is noticed within this.
constexpr qint64 kMaxSleepMs = 60 * 1000;

QString connectionKey(qint64 id)
{
    return QStringLiteral("connection:%1").arg(id);
}
QString providerKey(const QString& provider)
{
    return QStringLiteral("provider:") + provider;
}

} // namespace

JobDispatcher::JobDispatcher(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
                             schedule::NetworkStatus& network, bool automatic, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_queue(db, clock)
    , m_syncLimits(clock)
    , m_breaker(clock)
    , m_network(network)
    , m_automatic(automatic)
{
    // Back online: catch up at once, within the usual limits (the queue's concurrency, the
    // minimum intervals and quotas apply to the catch-up like to any other trigger).
    connect(&m_network, &schedule::NetworkStatus::changed, this, [this](bool online) {
        logger()->info("network {}", online ? "back" : "lost");
        if (online)
            wake();
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobDispatcher::wake);
}

JobDispatcher::~JobDispatcher()
{
    shutdown();
}

bool JobDispatcher::busy() const
{
    if (!m_running.empty() || !m_renewing.empty())
        return true;
    if (m_queue.paused())
        return false;
    if (m_automatic)
        return m_queue.hasReady();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    for (const qint64 id : m_requested) {
        const auto job = m_queue.open(id);
        if (job && job->state == JobState::Waiting && job->runAtMs <= now)
            return true;
    }
    return false;
}

Result<QStringList> JobDispatcher::start()
{
    const auto loaded = m_queue.load();
    if (!loaded.ok())
        return loaded.error();
    const auto connections = store::ConnectionRepository(m_db).list();
    if (!connections.ok())
        return connections.error();
    for (const model::Connection& c : connections.value())
        connectionAdded(c.id);

    // Rebuild the rolling windows of the limits from the sync history. A run made one call for the
    // account list and one per committed page, and one more for the page it failed on.
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT connection_id, started_at, pages, status FROM sync_runs WHERE started_at > ? "
                             "ORDER BY id"));
    q.addBindValue(store::toIsoUtc(m_clock.now().addSecs(-24 * 3600)));
    QHash<qint64, QList<SyncLimits::PastStart>> starts;
    if (q.exec()) {
        while (q.next()) {
            const int calls = 1 + q.value(2).toInt() + (q.value(3).toString() == u"succeeded" ? 0 : 1);
            starts[q.value(0).toLongLong()].append({store::fromIsoUtc(q.value(1).toString()), calls});
        }
    }
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        m_syncLimits.restore(it.key(), it.value());

    scheduleHousekeeping();
    logger()->info("job queue started: {} open jobs resumed, {} connections scheduled", loaded->resumed,
                   m_scheduler.size());
    settle();
    return loaded->skipped;
}

void JobDispatcher::connectionAdded(qint64 connectionId)
{
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return;
    const model::Connection& c = connection.value();
    m_providerOf.insert(c.id, c.provider);
    if (auto connector = providers::createConnector(c.provider, m_clock)) {
        const providers::ProviderInfo info = connector->describe();
        m_syncLimits.setMinIntervalSeconds(
            c.id, c.options.value(QStringLiteral("minIntervalSeconds"), info.minIntervalSeconds).toInt());
        m_syncLimits.setDailyCallBudget(c.id, info.dailyCallBudgetPerAccount);
        m_providerInfo.insert(c.id, info);
        if (c.options.value(QStringLiteral("needsNetwork"), info.needsNetwork).toBool())
            m_needsNetwork.insert(c.id);
        else
            m_needsNetwork.remove(c.id);
    }
    planRenewal(c.id);
    const auto info = m_providerInfo.constFind(c.id);
    const bool synced = info == m_providerInfo.cend() || info->synced; // file-only accounts never are
    if (c.paused || !m_automatic || !synced)
        return;
    const QDateTime now = m_clock.now();
    const bool stale = !c.lastSuccessAt.isValid() || c.lastSuccessAt.secsTo(now) >= m_limits.staleAfterSeconds;
    if (stale) // never synced, or older than the staleness rule: at the next opportunity
        m_scheduler.set(c.id, now.toMSecsSinceEpoch() + schedule::jitterSeconds(c.id, 60) * 1000);
    else
        planNext(c.id, c.lastSuccessAt);
}

void JobDispatcher::connectionRemoved(qint64 connectionId)
{
    m_scheduler.remove(connectionId);
    m_syncLimits.forget(connectionId);
    m_providerOf.remove(connectionId);
    m_providerInfo.remove(connectionId);
    if (const auto open = m_queue.openJobFor(JobKind::SyncConnection, connectionId))
        (void)cancelJob(*open); // stops a run in progress before its connection goes
    settle();
}

void JobDispatcher::connectionChanged(qint64 connectionId)
{
    m_scheduler.remove(connectionId);
    connectionAdded(connectionId);
    settle();
}

void JobDispatcher::planNext(qint64 connectionId, const QDateTime& lastRunAt)
{
    if (!m_automatic)
        return;
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok() || connection->paused)
        return;
    auto parsed = schedule::Schedule::parse(connection->schedule);
    const schedule::Schedule plan = parsed.ok() ? parsed.value() : schedule::Schedule::defaultSchedule();
    if (!parsed.ok())
        logger()->warn("connection {} has an unreadable schedule; using the default", connectionId);
    const qint64 jitterMs = schedule::jitterSeconds(connectionId, schedule::jitterWindowSeconds(plan)) * 1000;
    const qint64 dueMs = plan.nextAfter(lastRunAt).toMSecsSinceEpoch() + jitterMs;
    m_scheduler.set(connectionId, std::max(dueMs, m_clock.now().toMSecsSinceEpoch()));
}

Result<JobQueue::Enqueued> JobDispatcher::requestSync(qint64 connectionId, Priority priority)
{
    if (!m_providerOf.contains(connectionId))
        return Error::permanent(QStringLiteral("There is no connection with id %1.").arg(connectionId));
    if (m_needsNetwork.contains(connectionId) && !m_network.online()) {
        Error e =
            Error::retryable(QStringLiteral("This computer is offline; Coffer will sync when the network is back."));
        e.providerCode = QStringLiteral("OFFLINE");
        if (priority == Priority::Manual)
            return e; // fail fast: the user is waiting for an answer
    }
    const bool alreadyOpen = m_queue.openJobFor(JobKind::SyncConnection, connectionId).has_value();
    if (priority == Priority::Manual && !alreadyOpen) {
        if (const auto refusal = m_syncLimits.check(connectionId, 1, callsPerSync(connectionId))) {
            Error e = Error::permanent(refusal->reason + u' ' +
                                       m_syncLimits.refusalMessage(*refusal, QTimeZone::systemTimeZone()) + u'.');
            e.providerCode = QStringLiteral("SYNC_LIMIT");
            return e;
        }
    }
    auto enqueued = m_queue.enqueue(JobKind::SyncConnection, connectionId, priority, m_clock.now().toMSecsSinceEpoch(),
                                    {}, m_retry.maxAttempts);
    if (enqueued.ok()) {
        m_requested.insert(enqueued->id);
        settle();
    }
    return enqueued;
}

Result<JobQueue::Enqueued> JobDispatcher::requestBackfill(qint64 connectionId, const QDate& from)
{
    if (!m_providerOf.contains(connectionId))
        return Error::permanent(QStringLiteral("There is no connection with id %1.").arg(connectionId));
    if (m_providerInfo.value(connectionId).backfillChunkDays <= 0)
        return Error::permanent(QStringLiteral("This provider cannot fetch older history by date."));
    const QDate today = m_clock.now().toUTC().date();
    if (!from.isValid() || from >= today || from.year() < 1900)
        return Error::permanent(QStringLiteral("A backfill starts on a day before today."));
    auto enqueued =
        m_queue.enqueue(JobKind::Backfill, connectionId, Priority::Backfill, m_clock.now().toMSecsSinceEpoch(),
                        backfillPayload(from, today), m_retry.maxAttempts);
    if (enqueued.ok()) {
        m_requested.insert(enqueued->id);
        settle();
    }
    return enqueued;
}

Status JobDispatcher::pauseQueue()
{
    Status s = m_queue.setPaused(true);
    settle();
    return s;
}

Status JobDispatcher::resumeQueue()
{
    Status s = m_queue.setPaused(false);
    settle();
    return s;
}

Status JobDispatcher::retryJob(qint64 jobId)
{
    Status s = m_queue.retry(jobId);
    settle();
    return s;
}

Status JobDispatcher::cancelJob(qint64 jobId)
{
    if (auto running = m_running.find(jobId); running != m_running.end())
        running->second.runner->cancel(); // its finished() arrives with Cancelled; the job is closed below
    Status s = m_queue.cancel(jobId);
    settle();
    return s;
}

void JobDispatcher::wake()
{
    if (m_stopping)
        return;
    enqueueDue();
    settle();
}

void JobDispatcher::enqueueDue()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    // Each connection comes back once, however many runs a sleep or clock jump skipped.
    for (const qint64 id : m_scheduler.takeDue(now)) {
        if (const auto refusal = m_syncLimits.check(id, 1, callsPerSync(id))) {
            m_scheduler.set(id, refusal->nextAllowedAt.isValid() ? refusal->nextAllowedAt.toMSecsSinceEpoch()
                                                                 : now + SyncLimits::kWindowMs);
            continue;
        }
        if (auto enqueued =
                m_queue.enqueue(JobKind::SyncConnection, id, Priority::Scheduled, now, {}, m_retry.maxAttempts);
            !enqueued.ok())
            logger()->error("could not queue the scheduled sync of connection {}", id);
    }
}

bool JobDispatcher::admit(const Job& job)
{
    if (!m_automatic && !m_requested.contains(job.id))
        return false; // a one-shot command runs what it asked for, nothing the schedule left
    if (m_needsNetwork.contains(job.connectionId) && !m_network.online())
        return false; // waits; the network coming back wakes the queue
    const QString provider = m_providerOf.value(job.connectionId);
    int sameProvider = 0;
    for (const auto& [id, r] : m_running) {
        if (job.connectionId != 0 && r.connectionId == job.connectionId)
            return false; // one run per connection at a time: a backfill waits for the sync, and back
        sameProvider += r.provider == provider ? 1 : 0;
    }
    if (sameProvider >= m_limits.perProviderConcurrency)
        return false;
    for (const QString& key : {connectionKey(job.connectionId), providerKey(provider)}) {
        if (!m_breaker.allow(key)) {
            const qint64 retryAt = m_breaker.nextAttemptAt(key).toMSecsSinceEpoch();
            m_recheckAtMs = m_recheckAtMs ? std::min(*m_recheckAtMs, retryAt) : retryAt;
            return false;
        }
    }
    // Every run spends the provider's quota, whatever queued it: retries, backfills and follow-ups too.
    if (job.kind == JobKind::SyncConnection || job.kind == JobKind::Backfill) {
        const auto info = m_providerInfo.constFind(job.connectionId);
        if (info != m_providerInfo.cend()) {
            if (auto refusal = m_syncLimits.checkBudget(job.connectionId, 1, plannedCalls(job, *info))) {
                m_overBudget.insert(job.id, *refusal); // deferred once the queue is no longer being walked
                return false;
            }
        }
    }
    return true;
}

void JobDispatcher::deferOverBudget()
{
    for (auto it = m_overBudget.cbegin(); it != m_overBudget.cend(); ++it) {
        const SyncLimits::Refusal& refusal = it.value();
        if (!refusal.nextAllowedAt.isValid()) {
            // More calls than the provider allows in a day, ever: waiting would only repeat this.
            Error e = Error::permanent(refusal.reason + QStringLiteral(" This needs more requests than the provider "
                                                                       "allows in a day; ask for a shorter period."),
                                       QStringLiteral("over the daily call budget by itself"));
            e.providerCode = QStringLiteral("SYNC_LIMIT");
            logger()->warn("job {} can never fit the daily call budget", it.key());
            m_queue.fail(it.key(), e, std::nullopt);
            continue;
        }
        Error e = Error::retryable(refusal.reason + u' ' +
                                       m_syncLimits.refusalMessage(refusal, QTimeZone::systemTimeZone()) + u'.',
                                   QStringLiteral("daily call budget"));
        e.providerCode = QStringLiteral("SYNC_LIMIT");
        logger()->info("job {} waits for the daily call budget", it.key());
        m_queue.fail(it.key(), e, refusal.nextAllowedAt.toMSecsSinceEpoch());
    }
    m_overBudget.clear();
}

void JobDispatcher::dispatch()
{
    if (m_stopping)
        return;
    while (int(m_running.size()) < m_limits.globalConcurrency) {
        const auto job = m_queue.takeNext([this](const Job& j) { return admit(j); });
        if (!job)
            break;
        if (job->kind == JobKind::RefreshCredentials && job->connectionId != 0) {
            startRenewal(*job);
            continue;
        }
        if (job->kind == JobKind::HealthCheck || job->kind == JobKind::Cleanup ||
            job->kind == JobKind::RefreshCredentials) {
            runHousekeeping(*job);
            continue;
        }
        const auto connection = store::ConnectionRepository(m_db).get(job->connectionId);
        if (!connection.ok()) {
            m_queue.complete(job->id); // nothing left to do: the connection is gone
            continue;
        }
        const qint64 connectionId = job->connectionId;
        const auto plan =
            planRun(*job, connection.value(), m_providerInfo.value(connectionId), m_clock.now().toUTC().date());
        if (!plan.ok()) {
            m_queue.fail(job->id, plan.error(), std::nullopt);
            continue;
        }
        m_syncLimits.recordStart(connectionId, plan->calls);
        Running run;
        run.connectionId = connectionId;
        run.provider = connection->provider;
        run.trigger = plan->trigger;
        run.startedAtMs = m_clock.now().toMSecsSinceEpoch();
        run.runner = std::make_unique<sync::SyncRunner>(m_db, m_credentials, m_clock, plan->connection, plan->trigger,
                                                        plan->range);
        sync::SyncRunner* runner = run.runner.get();
        connect(runner, &sync::SyncRunner::progress, this, &JobDispatcher::progress);
        const qint64 jobId = job->id;
        connect(runner, &sync::SyncRunner::finished, this,
                [this, jobId](const model::SyncSummary& s) { onRunFinished(jobId, s); });
        m_running.emplace(jobId, std::move(run));
        // Started from the event loop, so a run that fails at once cannot re-enter dispatch().
        QMetaObject::invokeMethod(runner, &sync::SyncRunner::start, Qt::QueuedConnection);
    }
    deferOverBudget();
}

void JobDispatcher::onRunFinished(qint64 jobId, const model::SyncSummary& summary)
{
    auto it = m_running.find(jobId);
    if (it == m_running.end())
        return;
    // What the run really spent replaces what its start counted (a long gap takes more windows).
    m_syncLimits.settleCalls(it->second.connectionId, it->second.runner->providerCalls());
    it->second.runner.release()->deleteLater(); // we are inside its finished() signal
    const QString provider = it->second.provider;
    const QString trigger = it->second.trigger;
    m_running.erase(it);
    const qint64 connectionId = summary.connectionId;
    const auto job = m_queue.open(jobId);

    if (summary.succeeded) {
        m_queue.complete(jobId);
        if (trigger == kFullRefetchTrigger)
            recordFullRefetch(m_db, connectionId, m_clock.now());
        else if (job && job->kind == JobKind::SyncConnection)
            queueFollowUp(connectionId);
        m_breaker.recordSuccess(connectionKey(connectionId));
        m_breaker.recordSuccess(providerKey(provider));
        planNext(connectionId, m_clock.now());
    } else if (summary.error && summary.error->kind == model::ErrorKind::Cancelled) {
        // Shutdown or cancel: an open job stays open and resumes on the next start.
    } else if (summary.error && job) {
        const Error& error = *summary.error;
        const RetryDecision decision = m_retry.decide(job->attempts, error);
        if (error.kind == model::ErrorKind::Retryable) {
            m_breaker.recordFailure(connectionKey(connectionId));
            m_breaker.recordFailure(providerKey(provider));
        }
        if (decision.retries()) {
            m_queue.fail(jobId, error, m_clock.now().toMSecsSinceEpoch() + decision.delayMs);
        } else {
            m_queue.fail(jobId, error, std::nullopt);
            if (error.kind == model::ErrorKind::NeedsUser)
                m_scheduler.remove(connectionId); // pointless until the user signs in again
            else
                planNext(connectionId, m_clock.now());
        }
    }
    Q_EMIT runFinished(summary);
    settle();
}

int JobDispatcher::callsPerSync(qint64 connectionId) const
{
    return std::max(1, m_providerInfo.value(connectionId).callsPerSync);
}

void JobDispatcher::queueFollowUp(qint64 connectionId)
{
    queueInitialBackfill(connectionId);
    // Right after a sync, a due full re-fetch finds only what the syncs missed or got wrong.
    const auto info = m_providerInfo.constFind(connectionId);
    if (info == m_providerInfo.cend() || !fullRefetchDue(m_db, connectionId, m_clock.now()) ||
        !m_syncLimits.budgetAllows(connectionId, 1, fullRefetchCalls(*info)))
        return;
    if (!m_queue
             .enqueue(JobKind::SyncConnection, connectionId, Priority::Backfill, m_clock.now().toMSecsSinceEpoch(),
                      QVariantMap{{kFullRefetchPayload, true}}, m_retry.maxAttempts)
             .ok())
        logger()->error("could not queue the full re-fetch of connection {}", connectionId);
}

void JobDispatcher::queueInitialBackfill(qint64 connectionId)
{
    // A date-window provider's first sync takes only the newest chunk, so recent data shows at
    // once; the rest of the history it keeps follows once, newest first, at backfill priority.
    const auto info = m_providerInfo.constFind(connectionId);
    if (info == m_providerInfo.cend() || info->paging != providers::Paging::DateWindow || info->backfillChunkDays <= 0)
        return;
    store::SettingsRepository settings(m_db);
    const QString key = QStringLiteral("initial_backfill/%1").arg(connectionId);
    const auto done = settings.value(key);
    if (!done.ok() || !done.value().isEmpty())
        return;
    const QDate today = m_clock.now().toUTC().date();
    const auto queued =
        m_queue.enqueue(JobKind::Backfill, connectionId, Priority::Backfill, m_clock.now().toMSecsSinceEpoch(),
                        backfillPayload(today.addDays(-info->historyDays), today.addDays(-info->backfillChunkDays)),
                        m_retry.maxAttempts);
    if (!queued.ok() || !settings.setValue(key, QStringLiteral("queued")).ok())
        logger()->error("could not queue the history backfill of connection {}", connectionId);
}

void JobDispatcher::settle()
{
    if (m_stopping)
        return;
    dispatch();
    if (auto flushed = m_queue.flush(); !flushed.ok())
        logger()->error("could not save job states; will retry");
    armTimer();
    Q_EMIT queueChanged();
    // Reported on the change from busy to idle only, so a caller waiting for its own request is
    // not woken by the quiet start of the engine.
    const bool nowBusy = busy();
    if (m_wasBusy && !nowBusy)
        Q_EMIT idle();
    m_wasBusy = nowBusy;
}

void JobDispatcher::armTimer()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    std::optional<qint64> next = m_scheduler.nextDueMs();
    for (const auto candidate : {m_queue.nextWakeMs(), m_recheckAtMs}) {
        if (candidate)
            next = next ? std::min(*next, *candidate) : *candidate;
    }
    m_recheckAtMs.reset();
    if (!next) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp(*next - now, qint64(0), kMaxSleepMs)));
}

void JobDispatcher::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_timer.stop();
    // Taken out first: cancel() reports finished() at once, which must not touch the map we walk.
    const std::map<qint64, Running> running = std::exchange(m_running, {});
    for (const auto& [id, r] : running)
        r.runner->cancel(); // committed pages stay; the job stays open for the next start
    const auto renewing = std::exchange(m_renewing, {});
    for (const auto& [id, refresher] : renewing)
        refresher->cancel();
    (void)m_queue.flush();
}

} // namespace coffer::jobs
