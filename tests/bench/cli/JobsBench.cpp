#include "JobsBench.h"

#include "BenchFixture.h"

#include <QElapsedTimer>

namespace coffer::bench {

using jobs::JobKind;
using jobs::Priority;

QJsonObject runJobsBench(int jobCount, int concurrency)
{
    BenchFixture f(jobCount);
    QElapsedTimer timer;
    timer.start();
    // "Sync all now" queues every connection in one engine turn, one transaction.
    const qint64 now = f.clock.now().toMSecsSinceEpoch();
    (void)f.db->inTransaction([&]() -> model::Status {
        for (const qint64 id : std::as_const(f.connectionIds)) {
            if (auto r = f.queue->enqueue(JobKind::SyncConnection, id, Priority::Manual, now); !r.ok())
                return r.error();
        }
        return model::Ok{};
    });
    int done = 0;
    while (done < jobCount) {
        const int finished = f.runTurn(concurrency);
        if (finished == 0)
            break;
        done += finished;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("jobs")},
                       {QStringLiteral("jobs"), done},
                       {QStringLiteral("concurrency"), concurrency},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("jobs_per_s"), double(done) / seconds}};
}

} // namespace coffer::bench
