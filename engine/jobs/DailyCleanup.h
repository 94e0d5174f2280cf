#pragma once

#include <QDateTime>

namespace coffer::store {
class Database;
}

namespace coffer::jobs {

class JobRepository;

// The daily cleanup job's work: finished jobs past their keeping time (completed 7 days, failed 30),
// pending transactions nobody reports any more (also of paused or broken connections), and the
// user's retention policy (old transactions to an archive file, old kept payloads deleted).
// Each step logs its own failure and the others still run. Thread affinity: the Database's thread.
void runDailyCleanup(store::Database& db, JobRepository& jobs, const QDateTime& now);

} // namespace coffer::jobs
