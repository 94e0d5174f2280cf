#include "jobs/DailyCleanup.h"

#include "jobs/JobRepository.h"
#include "log/Log.h"
#include "store/Database.h"
#include "store/Retention.h"
#include "sync/PendingExpiry.h"

namespace coffer::jobs {

namespace {
auto logger()
{
    return log::get("engine.jobs");
}
constexpr qint64 kKeepCompletedMs = qint64(7) * 24 * 3600 * 1000;
constexpr qint64 kKeepFailedMs = qint64(30) * 24 * 3600 * 1000;
} // namespace

void runDailyCleanup(store::Database& db, JobRepository& jobs, const QDateTime& now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const auto purged = jobs.purge(nowMs - kKeepCompletedMs, nowMs - kKeepFailedMs);
    logger()->info("cleanup removed {} old jobs", purged.ok() ? purged.value() : 0);

    int expired = 0;
    const auto swept = db.inTransaction([&]() -> model::Status {
        const auto n = sync::expirePending(db, {}, now.toUTC().date(), sync::pendingExpiryDays(db), 0);
        expired = n.ok() ? n.value() : 0;
        return n.ok() ? model::Status(model::Ok{}) : model::Status(n.error());
    });
    if (!swept.ok())
        logger()->error("cleanup could not expire stale pending transactions: {}", swept.error().userMessage.toStdString());
    else if (expired > 0)
        logger()->info("cleanup expired {} pending transactions", expired);

    const auto kept = store::applyRetention(db, now);
    if (!kept.ok())
        logger()->error("cleanup could not apply the retention policy: {}", kept.error().userMessage.toStdString());
    else if (kept->archive.transactions > 0 || kept->rawPayloadsRemoved > 0)
        logger()->info("cleanup archived {} transactions and removed {} old payloads", kept->archive.transactions,
                       kept->rawPayloadsRemoved);
}

} // namespace coffer::jobs
