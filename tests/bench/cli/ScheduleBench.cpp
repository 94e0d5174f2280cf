#include "JobsBench.h"

#include "BenchFixture.h"
#include "schedule/Jitter.h"
#include "schedule/Scheduler.h"

#include <QElapsedTimer>

namespace coffer::bench {

using jobs::JobKind;
using jobs::Priority;

QJsonObject runScheduleBench(int connections, int hours)
{
    BenchFixture f(connections);
    schedule::Scheduler scheduler;
    constexpr qint64 kHourMs = 3600 * 1000;
    const qint64 start = f.clock.now().toMSecsSinceEpoch();
    const qint64 end = start + hours * kHourMs;
    const qint64 windowSeconds = 6 * 60; // hourly: 10 % of the interval
    for (const qint64 id : std::as_const(f.connectionIds))
        scheduler.set(id, start + kHourMs + schedule::jitterSeconds(id, windowSeconds) * 1000);

    QElapsedTimer timer;
    timer.start();
    qint64 decisions = 0;
    qint64 jobsRun = 0;
    int peakDueInOneSecond = 0;
    while (true) {
        const auto next = scheduler.nextDueMs();
        if (!next || *next > end)
            break;
        f.clock.set(QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC));
        const QList<qint64> due = scheduler.takeDue(*next);
        peakDueInOneSecond = std::max(peakDueInOneSecond, int(due.size()));
        (void)f.db->inTransaction([&]() -> model::Status {
            for (const qint64 id : due) {
                if (auto r = f.queue->enqueue(JobKind::SyncConnection, id, Priority::Scheduled, *next); !r.ok())
                    return r.error();
                scheduler.set(id, *next + kHourMs);
                ++decisions;
            }
            return model::Ok{};
        });
        while (const int finished = f.runTurn(50))
            jobsRun += finished;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("schedule")},
                       {QStringLiteral("connections"), connections},
                       {QStringLiteral("hours"), hours},
                       {QStringLiteral("jobs_run"), jobsRun},
                       {QStringLiteral("max_due_same_instant"), peakDueInOneSecond},
                       {QStringLiteral("wall_s"), seconds},
                       {QStringLiteral("us_per_decision"), decisions ? seconds * 1e6 / double(decisions) : 0.0},
                       {QStringLiteral("peak_rss_mb"), peakRssMegabytes()}};
}

} // namespace coffer::bench
