#pragma once

#include "jobs/Health.h"
#include "model/Result.h"

namespace coffer::store {
class Database;
}

namespace coffer::jobs {

// Thresholds for the warnings of a health check.
struct HealthThresholds {
    qint64 staleAfterSeconds = 4 * 3600;
    int manyWaiting = 100;          // more jobs than this waiting is worth a look
    qint64 stalledAfterMs = 30 * 60 * 1000; // an active run older than this is stalled
    int failurePercent = 50;        // over the last 30 days, per connection
};

// Reads the sync history and the queue and says what is wrong in plain words.
// activeSinceMs: start times of the runs in progress.
model::Result<HealthReport> checkHealth(store::Database& db, const QueueStats& queue, const QList<qint64>& activeSinceMs,
                                        qint64 nowMs, const HealthThresholds& thresholds = {});

} // namespace coffer::jobs
