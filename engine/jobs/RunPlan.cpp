#include "jobs/RunPlan.h"

#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/UserSettings.h"

namespace coffer::jobs {

namespace {
// A backfill job's date range, when its payload holds a valid one.
std::optional<sync::BackfillRange> payloadRange(const Job& job)
{
    const QDate from = QDate::fromString(job.payload.value(QStringLiteral("from")).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(job.payload.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || from > to)
        return std::nullopt;
    return sync::BackfillRange{from, to};
}

QString lastFullRefetchKey(qint64 connectionId)
{
    return QStringLiteral("last_full_refetch/%1").arg(connectionId);
}
} // namespace

bool fullRefetchDue(store::Database& db, qint64 connectionId, const QDateTime& now)
{
    const int days = store::userSetting(db, QStringLiteral("full_refetch_days"));
    if (days <= 0)
        return false;
    const auto stored = store::SettingsRepository(db).value(lastFullRefetchKey(connectionId));
    if (!stored.ok())
        return false;
    const QDateTime last = QDateTime::fromString(stored.value(), Qt::ISODate);
    if (!last.isValid()) {
        recordFullRefetch(db, connectionId, now);
        return false;
    }
    return last.daysTo(now) >= days;
}

QVariantMap backfillPayload(const QDate& from, const QDate& to)
{
    return {{QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), std::max(from, to).toString(Qt::ISODate)}};
}

int fullRefetchCalls(const providers::ProviderInfo& provider)
{
    if (provider.backfillChunkDays <= 0)
        return std::max(1, provider.callsPerSync);
    return 1 + (provider.historyDays + provider.backfillChunkDays - 1) / provider.backfillChunkDays;
}

int plannedCalls(const Job& job, const providers::ProviderInfo& provider)
{
    if (const auto range = payloadRange(job); job.kind == JobKind::Backfill && range && provider.backfillChunkDays > 0)
        return 1 + int((range->from.daysTo(range->to) + provider.backfillChunkDays) / provider.backfillChunkDays);
    if (job.kind == JobKind::SyncConnection && job.payload.value(kFullRefetchPayload).toBool())
        return fullRefetchCalls(provider);
    return std::max(1, provider.callsPerSync);
}

model::Result<RunPlan> planRun(const Job& job, model::Connection connection, const providers::ProviderInfo& provider,
                               const QDate& today)
{
    RunPlan plan;
    plan.trigger = priorityName(job.priority);
    plan.calls = plannedCalls(job, provider);
    if (job.kind == JobKind::Backfill) {
        plan.range = payloadRange(job);
        if (!plan.range)
            return model::Error::permanent(QStringLiteral("This backfill job has no valid date range."));
    } else if (job.payload.value(kFullRefetchPayload).toBool()) {
        plan.trigger = kFullRefetchTrigger;
        if (provider.backfillChunkDays > 0)
            plan.range = sync::BackfillRange{today.addDays(-provider.historyDays), today};
        else
            connection.cursor.clear();
    }
    plan.connection = std::move(connection);
    return plan;
}

void recordFullRefetch(store::Database& db, qint64 connectionId, const QDateTime& at)
{
    (void)store::SettingsRepository(db).setValue(lastFullRefetchKey(connectionId), at.toUTC().toString(Qt::ISODate));
}

} // namespace coffer::jobs
