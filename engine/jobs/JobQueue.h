#pragma once

#include "jobs/Job.h"
#include "jobs/JobRepository.h"
#include "model/Result.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace coffer::schedule {
class Clock;
}
namespace coffer::store {
class Database;
}

namespace coffer::jobs {

// The engine's persistent job queue. Open jobs live in memory (ordered for O(log n) decisions)
// and in the jobs table; state changes are written behind and flushed in one transaction per
// engine turn (flush()), so a job finished just before a crash may run once more after restart,
// never zero times. At most one open job per kind and connection: duplicates merge.
// Thread affinity: the engine thread.
class JobQueue {
public:
    JobQueue(store::Database& db, const schedule::Clock& clock);

    struct Loaded {
        int resumed = 0;     // open jobs found, including ones a quit or crash interrupted
        QStringList skipped; // unreadable rows, reported and left alone
    };
    // Reads the open jobs left by the previous run. Jobs that were active are runnable again.
    model::Result<Loaded> load();

    struct Enqueued {
        qint64 id = 0;
        bool merged = false; // an open job for the same work existed and now covers this request
    };
    model::Result<Enqueued> enqueue(JobKind kind, qint64 connectionId, Priority priority, qint64 runAtMs,
                                    const QVariantMap& payload = {}, int maxAttempts = 4);

    // Whether a ready job may start now (concurrency limits, circuit breakers); decided by the caller.
    using Admission = std::function<bool(const Job&)>;
    // The most urgent ready job that admission accepts, now Active with attempts + 1.
    std::optional<Job> takeNext(const Admission& admit);

    void complete(qint64 id);
    // With retryAtMs the job waits (Delayed) until then; without, it is dead-lettered (Failed).
    // Either way the error joins the job's history.
    void fail(qint64 id, const model::Error& error, std::optional<qint64> retryAtMs);

    model::Status cancel(qint64 id);   // an open job; an active one's work must be stopped by the caller
    model::Status retry(qint64 id);    // a failed or cancelled job runs again, attempts reset

    // Pausing is remembered in the settings table: it outlives this process.
    model::Status setPaused(bool paused);
    bool paused() const { return m_paused; }

    QueueStats stats() const;
    // The earliest moment a waiting or delayed job becomes ready, if any is not ready yet.
    std::optional<qint64> nextWakeMs() const;
    bool hasReady() const;
    std::optional<Job> open(qint64 id) const;
    QList<Job> openJobs() const;
    std::optional<qint64> openJobFor(JobKind kind, qint64 connectionId) const;

    // Writes pending state changes in one transaction. Call at the end of each engine turn.
    model::Status flush();
    bool dirty() const { return !m_dirty.isEmpty(); }

    JobRepository& repository() { return m_repository; }

private:
    using ReadyKey = std::tuple<int, qint64, qint64>; // priority, runAtMs, id
    using TimedKey = std::pair<qint64, qint64>;       // runAtMs, id
    void place(const Job& job);
    void unplace(const Job& job);
    void promoteDue();
    void markDirty(qint64 id) { m_dirty.insert(id); }
    // Takes an open job out of the queue as finished (completed, failed or cancelled).
    void close(qint64 id, JobState state);
    static qint64 mergeKey(JobKind kind, qint64 connectionId) { return connectionId * 8 + qint64(kind); }

    store::Database& m_db;
    const schedule::Clock& m_clock;
    JobRepository m_repository;
    QHash<qint64, Job> m_open;           // id -> open job
    QHash<qint64, qint64> m_openByKey;   // mergeKey -> id
    std::set<ReadyKey> m_ready;
    std::set<TimedKey> m_timed;
    QSet<qint64> m_active;
    QSet<qint64> m_dirty;
    QHash<qint64, Job> m_finishedUnflushed; // finished jobs waiting for their last write
    qint64 m_completedCount = 0;
    qint64 m_failedCount = 0;
    bool m_paused = false;
};

} // namespace coffer::jobs
