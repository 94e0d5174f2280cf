#include "jobs/RunPlan.h"

#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/UserSettings.h"

namespace coffer::jobs {

namespace {
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

model::Result<RunPlan> planRun(const Job& job, model::Connection connection, const providers::ProviderInfo& provider,
                               const QDate& today)
{
    RunPlan plan;
    plan.trigger = priorityName(job.priority);
    plan.calls = std::max(1, provider.callsPerSync);
    if (job.kind == JobKind::Backfill) {
        const QDate from = QDate::fromString(job.payload.value(QStringLiteral("from")).toString(), Qt::ISODate);
        const QDate to = QDate::fromString(job.payload.value(QStringLiteral("to")).toString(), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || from > to)
            return model::Error::permanent(QStringLiteral("This backfill job has no valid date range."));
        plan.range = sync::BackfillRange{from, to};
        plan.calls = provider.backfillChunkDays > 0
                         ? 1 + int((from.daysTo(to) + provider.backfillChunkDays) / provider.backfillChunkDays)
                         : plan.calls;
    } else if (job.payload.value(kFullRefetchPayload).toBool()) {
        plan.trigger = kFullRefetchTrigger;
        plan.calls = fullRefetchCalls(provider);
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
