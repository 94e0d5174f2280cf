#pragma once

#include "jobs/Job.h"
#include "model/Connection.h"
#include "model/Result.h"
#include "providers/Connector.h"
#include "sync/SyncRunner.h"

#include <QDateTime>

#include <optional>

namespace coffer::store {
class Database;
}

namespace coffer::jobs {

using sync::kFullRefetchTrigger;

// How one job's run goes.
struct RunPlan {
    model::Connection connection;             // its cursor cleared for a re-fetch from scratch
    QString trigger;                          // "manual", "scheduled", "backfill", "full-refetch", ...
    std::optional<sync::BackfillRange> range; // history by date, newest first
    int calls = 1;                            // requests it makes, counted against the provider's quota
};

// The payload of a backfill job: history from `from` to `to`, inclusive.
QVariantMap backfillPayload(const QDate& from, const QDate& to);

// The payload of a sync job that re-fetches everything.
inline const QString kFullRefetchPayload = QStringLiteral("fullRefetch");

// The requests running `job` makes, counted against the provider's quota before it starts: the
// account list plus one per page (a backfill: one per chunk of its range).
int plannedCalls(const Job& job, const providers::ProviderInfo& provider);

// What running `job` means. A backfill walks its payload's date range. A full re-fetch takes the
// provider's whole history again - by date where it can, else from an empty cursor - right after an
// incremental sync, so any difference it finds is something the syncs missed or got wrong; it is
// corrected and counted. An error for a job whose payload makes no sense.
model::Result<RunPlan> planRun(const Job& job, model::Connection connection, const providers::ProviderInfo& provider,
                               const QDate& today);

// Whether the connection's last full re-fetch is older than the user's "full_refetch_days"
// (default 7; 0: never). The period starts at the first time this is asked, so a new connection
// is not re-fetched right after its first download. Thread affinity: the Database's thread.
bool fullRefetchDue(store::Database& db, qint64 connectionId, const QDateTime& now);
// The requests a full re-fetch makes, against the provider's quota.
int fullRefetchCalls(const providers::ProviderInfo& provider);
// A full re-fetch of the connection succeeded at `at`: the next is due a period later.
void recordFullRefetch(store::Database& db, qint64 connectionId, const QDateTime& at);

} // namespace coffer::jobs
