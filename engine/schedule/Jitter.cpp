#include "schedule/Jitter.h"

#include "schedule/Schedule.h"

#include <algorithm>

namespace coffer::schedule {

namespace {

constexpr qint64 kMaxIntervalJitterSeconds = 15 * 60;
constexpr qint64 kTimeOfDayJitterSeconds = 5 * 60;

// SplitMix64's finaliser: consecutive ids (1, 2, 3...) come out as unrelated 64-bit values, which
// a plain modulo of the id would not give.
quint64 splitMix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

qint64 jitterSeconds(qint64 connectionId, qint64 windowSeconds)
{
    if (windowSeconds <= 0)
        return 0;
    // Windows are minutes long, so the modulo's bias (window / 2^64) is far below noticeable.
    return qint64(splitMix64(quint64(connectionId)) % quint64(windowSeconds));
}

qint64 jitterWindowSeconds(const Schedule& schedule)
{
    if (schedule.kind() == Schedule::Kind::Interval)
        return std::min(qint64(schedule.intervalMinutes()) * 60 / 10, kMaxIntervalJitterSeconds);
    return kTimeOfDayJitterSeconds;
}

} // namespace coffer::schedule
