#pragma once

#include "jobs/Job.h"
#include "model/Result.h"
#include "store/SqliteStatement.h"

#include <QStringList>

namespace coffer::store {
class Database;
}

namespace coffer::jobs {

// Rows of the jobs table. Statements are prepared once: the queue is a hot path.
// Thread affinity: the Database's thread.
class JobRepository {
public:
    explicit JobRepository(store::Database& db);

    model::Result<qint64> insert(const Job& job);
    model::Status update(const Job& job);

    struct OpenJobs {
        QList<Job> jobs;
        QStringList skipped; // rows that could not be read, described for the user
    };
    // Waiting, active and delayed jobs, oldest first. Unreadable rows are reported, not fatal.
    model::Result<OpenJobs> loadOpen() const;
    model::Result<std::optional<Job>> get(qint64 id) const;
    model::Result<QList<Job>> recent(int limit) const;
    model::Result<qint64> countInState(JobState state) const;
    // Deletes completed jobs finished before completedBeforeMs and failed/cancelled ones before
    // failedBeforeMs. Returns how many went.
    model::Result<int> purge(qint64 completedBeforeMs, qint64 failedBeforeMs);

private:
    store::Database& m_db;
    store::SqliteStatement m_insert;
    store::SqliteStatement m_update;
};

} // namespace coffer::jobs
