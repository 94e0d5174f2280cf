#pragma once

#include "store/ReadOnlyConnection.h"

#include "model/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace coffer::store {

// What a history query covers: one connection (0: all of them) over the local days from..to.
struct HistoryRange {
    qint64 connectionId = 0;
    QDate from;
    QDate to;
};

// One finished sync run, for the duration chart.
struct RunDuration {
    qint64 runId = 0;
    qint64 connectionId = 0;
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    bool succeeded = false;
};

// The finished runs that started on one local day.
struct DailyRuns {
    QDate day;
    int succeeded = 0;
    int failed = 0;
    int total() const { return succeeded + failed; }
};

// The visible transactions booked on one day.
struct DailyCount {
    QDate day;
    qint64 count = 0;
};

// Read-only, aggregated views of the sync history (sync_runs) and of the ledger's activity, for the
// dashboard's charts. Its own SQLite connection (WAL keeps it from blocking the engine's writer).
// "Finished" means succeeded or failed, as the engine's health check counts them: an interrupted
// run (a quit, a crash) says nothing about the bank. Days are local days, as the user reads them.
// Thread affinity: use from the thread that created it.
class RunHistoryReader {
public:
    // Opens databasePath read-only under a unique Qt connection name.
    static model::Result<std::shared_ptr<RunHistoryReader>> open(const QString& databasePath);
    ~RunHistoryReader();
    RunHistoryReader(const RunHistoryReader&) = delete;
    RunHistoryReader& operator=(const RunHistoryReader&) = delete;

    // Finished runs that started in the range, oldest first; the newest `limit` when there are more.
    model::Result<QList<RunDuration>> durations(const HistoryRange& range, int limit) const;
    // Succeeded and failed runs per day; days without a finished run are left out.
    model::Result<QList<DailyRuns>> runsPerDay(const HistoryRange& range) const;
    // Transactions booked per day (removed ones and rows folded into another left out, as the
    // transaction list shows them); days without any are left out.
    model::Result<QList<DailyCount>> transactionsPerDay(const HistoryRange& range) const;

private:
    explicit RunHistoryReader(std::unique_ptr<ReadOnlyConnection> connection);
    std::unique_ptr<ReadOnlyConnection> m_connection;
};

} // namespace coffer::store
