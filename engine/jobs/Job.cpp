#include "jobs/Job.h"

#include <array>
#include <type_traits>
#include <utility>

namespace coffer::jobs {

namespace {

constexpr std::array kKinds{
    std::pair{JobKind::SyncConnection, "sync-connection"}, std::pair{JobKind::Backfill, "backfill"},
    std::pair{JobKind::RefreshCredentials, "refresh-credentials"}, std::pair{JobKind::HealthCheck, "health-check"},
    std::pair{JobKind::Cleanup, "cleanup"},
};

constexpr std::array kStates{
    std::pair{JobState::Waiting, "waiting"},     std::pair{JobState::Active, "active"},
    std::pair{JobState::Delayed, "delayed"},     std::pair{JobState::Completed, "completed"},
    std::pair{JobState::Failed, "failed"},       std::pair{JobState::Cancelled, "cancelled"},
};

template <typename Table, typename Value>
QString nameOf(const Table& table, Value value)
{
    for (const auto& [v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename Table>
auto valueOf(const Table& table, const QString& name) -> std::optional<std::remove_cvref_t<decltype(table[0].first)>>
{
    for (const auto& [v, n] : table) {
        if (name == QLatin1StringView(n))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString jobKindName(JobKind kind) { return nameOf(kKinds, kind); }
std::optional<JobKind> jobKindFromName(const QString& name) { return valueOf(kKinds, name); }
QString jobStateName(JobState state) { return nameOf(kStates, state); }
std::optional<JobState> jobStateFromName(const QString& name) { return valueOf(kStates, name); }

QString priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Manual: return QStringLiteral("manual");
    case Priority::Webhook: return QStringLiteral("webhook");
    case Priority::Scheduled: return QStringLiteral("scheduled");
    case Priority::Backfill: return QStringLiteral("backfill");
    }
    return QStringLiteral("scheduled");
}

} // namespace coffer::jobs
