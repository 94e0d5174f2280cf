#pragma once

#include "model/Result.h"
#include "model/Snapshots.h"

namespace coffer::store {

class Database;

// Rows of sync_runs: one per attempt to sync a connection. Thread affinity: the Database's thread.
class SyncRunRepository {
public:
    explicit SyncRunRepository(Database& db)
        : m_db(db)
    {
    }

    model::Result<qint64> begin(qint64 connectionId, const QString& trigger, const QDateTime& at);
    // Adds a committed page's counts; called inside the page's transaction.
    model::Status addPage(qint64 runId, const model::ChangeCounts& counts);
    // Pending transactions the run's after-checks expired.
    model::Status addExpired(qint64 runId, int pendingExpired);
    // status: "succeeded", "failed" or "interrupted".
    model::Status finish(qint64 runId, const QString& status, const QDateTime& at, const model::Error* error);
    // Runs left "running" by a crash or kill become "interrupted".
    model::Status closeAbandoned(const QDateTime& at);

private:
    Database& m_db;
};

} // namespace coffer::store
