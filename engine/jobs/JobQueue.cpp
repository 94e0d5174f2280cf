#include "jobs/JobQueue.h"

#include "log/Log.h"
#include "schedule/Clock.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

#include <QJsonObject>

namespace coffer::jobs {

using model::Error;
using model::Ok;
using model::Result;
using model::Status;

namespace {
auto logger() { return log::get("engine.jobs"); }
const QString kPausedSetting = QStringLiteral("queue_paused");
} // namespace

Status JobQueue::setPaused(bool paused)
{
    if (auto saved = store::SettingsRepository(m_db).setValue(kPausedSetting, paused ? QStringLiteral("1") : QStringLiteral("0"));
        !saved.ok())
        return saved;
    m_paused = paused;
    return Ok{};
}

JobQueue::JobQueue(store::Database& db, const schedule::Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_repository(db)
{
}

Result<JobQueue::Loaded> JobQueue::load()
{
    auto open = m_repository.loadOpen();
    if (!open.ok())
        return open.error();
    Loaded loaded;
    loaded.skipped = open->skipped;
    for (Job job : open->jobs) {
        if (job.state == JobState::Active) { // interrupted by a quit or crash: run it again
            job.state = JobState::Waiting;
            markDirty(job.id);
        }
        m_open.insert(job.id, job);
        m_openByKey.insert(mergeKey(job.kind, job.connectionId), job.id);
        place(job);
        ++loaded.resumed;
    }
    for (const QString& problem : loaded.skipped)
        logger()->warn("{}", problem.toStdString());
    const auto paused = store::SettingsRepository(m_db).value(kPausedSetting);
    m_paused = paused.ok() && paused.value() == u"1";
    const auto completed = m_repository.countInState(JobState::Completed);
    const auto failed = m_repository.countInState(JobState::Failed);
    m_completedCount = completed.ok() ? completed.value() : 0;
    m_failedCount = failed.ok() ? failed.value() : 0;
    if (auto flushed = flush(); !flushed.ok())
        return flushed.error();
    return loaded;
}

void JobQueue::place(const Job& job)
{
    if (job.state == JobState::Active)
        m_active.insert(job.id);
    else if (job.runAtMs <= m_clock.now().toMSecsSinceEpoch() && job.state == JobState::Waiting)
        m_ready.insert({int(job.priority), job.runAtMs, job.id});
    else
        m_timed.insert({job.runAtMs, job.id});
}

void JobQueue::unplace(const Job& job)
{
    m_active.remove(job.id);
    m_ready.erase({int(job.priority), job.runAtMs, job.id});
    m_timed.erase({job.runAtMs, job.id});
}

Result<JobQueue::Enqueued> JobQueue::enqueue(JobKind kind, qint64 connectionId, Priority priority, qint64 runAtMs,
                                             const QVariantMap& payload, int maxAttempts)
{
    if (const auto it = m_openByKey.constFind(mergeKey(kind, connectionId)); it != m_openByKey.cend()) {
        Job& existing = m_open[it.value()];
        // The open job now answers this request too. It moves earlier only for a more urgent
        // request, and a retry that is sitting out its backoff (or a server's Retry-After) only
        // for the user's own "Sync now".
        const bool waitingOutBackoff = existing.state == JobState::Delayed;
        const bool earlier = runAtMs < existing.runAtMs && (!waitingOutBackoff || priority == Priority::Manual);
        const bool morePressing = int(priority) < int(existing.priority);
        if (existing.state != JobState::Active && (earlier || morePressing)) {
            unplace(existing);
            existing.priority = std::min(priority, existing.priority);
            if (earlier) {
                existing.runAtMs = runAtMs;
                if (waitingOutBackoff)
                    existing.state = JobState::Waiting;
            }
            place(existing);
            markDirty(existing.id);
        } else if (morePressing) {
            existing.priority = priority; // recorded for the running job's history
            markDirty(existing.id);
        }
        return Enqueued{existing.id, true};
    }
    // A finished job of the same work may not be written yet; the one-open-job index must see it closed.
    if (!m_finishedUnflushed.isEmpty()) {
        if (auto flushed = flush(); !flushed.ok())
            return flushed.error();
    }
    Job job;
    job.kind = kind;
    job.connectionId = connectionId;
    job.priority = priority;
    job.state = JobState::Waiting;
    job.maxAttempts = maxAttempts;
    job.runAtMs = runAtMs;
    job.createdAtMs = m_clock.now().toMSecsSinceEpoch();
    job.payload = payload;
    const auto id = m_repository.insert(job);
    if (!id.ok())
        return id.error();
    job.id = id.value();
    m_open.insert(job.id, job);
    m_openByKey.insert(mergeKey(kind, connectionId), job.id);
    place(job);
    return Enqueued{job.id, false};
}

void JobQueue::promoteDue()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    while (!m_timed.empty() && m_timed.begin()->first <= now) {
        const qint64 id = m_timed.begin()->second;
        m_timed.erase(m_timed.begin());
        Job& job = m_open[id];
        if (job.state == JobState::Delayed) {
            job.state = JobState::Waiting;
            markDirty(id);
        }
        m_ready.insert({int(job.priority), job.runAtMs, job.id});
    }
}

bool JobQueue::hasReady() const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    return !m_ready.empty() || (!m_timed.empty() && m_timed.begin()->first <= now);
}

std::optional<Job> JobQueue::takeNext(const Admission& admit)
{
    if (m_paused)
        return std::nullopt;
    promoteDue();
    for (auto it = m_ready.begin(); it != m_ready.end(); ++it) {
        Job& job = m_open[std::get<2>(*it)];
        if (admit && !admit(job))
            continue;
        m_ready.erase(it);
        job.state = JobState::Active;
        ++job.attempts;
        m_active.insert(job.id);
        markDirty(job.id);
        return job;
    }
    return std::nullopt;
}

void JobQueue::close(qint64 id, JobState state)
{
    auto it = m_open.find(id);
    if (it == m_open.end())
        return;
    Job job = it.value();
    unplace(job);
    m_open.erase(it);
    m_openByKey.remove(mergeKey(job.kind, job.connectionId));
    job.state = state;
    job.finishedAtMs = m_clock.now().toMSecsSinceEpoch();
    m_finishedUnflushed.insert(id, job);
    markDirty(id);
    if (state == JobState::Completed)
        ++m_completedCount;
    else if (state == JobState::Failed)
        ++m_failedCount;
}

void JobQueue::complete(qint64 id)
{
    close(id, JobState::Completed);
}

void JobQueue::fail(qint64 id, const Error& error, std::optional<qint64> retryAtMs)
{
    auto it = m_open.find(id);
    if (it == m_open.end())
        return;
    Job& job = it.value();
    unplace(job);
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    job.lastError = error.userMessage;
    job.errors.append(QJsonObject{{QStringLiteral("at"), now},
                                  {QStringLiteral("attempt"), job.attempts},
                                  {QStringLiteral("kind"), model::errorKindName(error.kind)},
                                  {QStringLiteral("code"), error.providerCode},
                                  {QStringLiteral("message"), error.userMessage}});
    markDirty(id);
    if (retryAtMs) {
        job.state = JobState::Delayed;
        job.runAtMs = *retryAtMs;
        place(job);
        return;
    }
    logger()->warn("job {} ({}) dead-lettered after {} attempts", id, jobKindName(job.kind).toStdString(), job.attempts);
    close(id, JobState::Failed);
}

Status JobQueue::cancel(qint64 id)
{
    if (!m_open.contains(id))
        return Error::permanent(QStringLiteral("Job %1 is not waiting or running, so there is nothing to cancel.").arg(id));
    close(id, JobState::Cancelled);
    return flush();
}

Status JobQueue::retry(qint64 id)
{
    if (m_open.contains(id))
        return Error::permanent(QStringLiteral("Job %1 is already waiting or running.").arg(id));
    if (auto flushed = flush(); !flushed.ok())
        return flushed;
    const auto stored = m_repository.get(id);
    if (!stored.ok())
        return stored.error();
    if (!stored.value())
        return Error::permanent(QStringLiteral("There is no job with id %1.").arg(id));
    Job job = *stored.value();
    if (job.state != JobState::Failed && job.state != JobState::Cancelled)
        return Error::permanent(QStringLiteral("Job %1 has not failed; only failed or cancelled jobs can be retried.").arg(id));
    if (const auto other = m_openByKey.constFind(mergeKey(job.kind, job.connectionId)); other != m_openByKey.cend())
        return Error::permanent(QStringLiteral("Job %1 already covers the same work.").arg(other.value()));
    if (job.state == JobState::Failed)
        --m_failedCount;
    job.state = JobState::Waiting;
    job.attempts = 0;
    job.finishedAtMs = 0;
    job.priority = Priority::Manual;
    job.runAtMs = m_clock.now().toMSecsSinceEpoch();
    m_open.insert(id, job);
    m_openByKey.insert(mergeKey(job.kind, job.connectionId), id);
    place(job);
    markDirty(id);
    return flush();
}

QueueStats JobQueue::stats() const
{
    QueueStats s;
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    s.active = int(m_active.size());
    s.waiting = int(m_ready.size());
    for (const auto& [runAt, id] : m_timed) {
        const Job& job = m_open[id];
        if (job.state == JobState::Delayed && runAt > now)
            ++s.delayed;
        else
            ++s.waiting;
    }
    s.completed = m_completedCount;
    s.failed = m_failedCount;
    s.paused = m_paused;
    return s;
}

std::optional<qint64> JobQueue::nextWakeMs() const
{
    if (m_timed.empty())
        return std::nullopt;
    return m_timed.begin()->first;
}

std::optional<Job> JobQueue::open(qint64 id) const
{
    const auto it = m_open.constFind(id);
    return it == m_open.cend() ? std::nullopt : std::optional<Job>(it.value());
}

QList<Job> JobQueue::openJobs() const
{
    return m_open.values();
}

std::optional<qint64> JobQueue::openJobFor(JobKind kind, qint64 connectionId) const
{
    const auto it = m_openByKey.constFind(mergeKey(kind, connectionId));
    return it == m_openByKey.cend() ? std::nullopt : std::optional<qint64>(it.value());
}

Status JobQueue::flush()
{
    if (m_dirty.isEmpty())
        return Ok{};
    const Status written = m_db.inTransaction([this]() -> Status {
        for (const qint64 id : std::as_const(m_dirty)) {
            const auto open = m_open.constFind(id);
            const Job& job = open != m_open.cend() ? open.value() : m_finishedUnflushed.value(id);
            if (job.id == 0)
                continue;
            if (auto s = m_repository.update(job); !s.ok())
                return s;
        }
        return Ok{};
    });
    if (!written.ok())
        return written; // kept dirty: the next flush tries again
    m_dirty.clear();
    m_finishedUnflushed.clear();
    return Ok{};
}

} // namespace coffer::jobs
