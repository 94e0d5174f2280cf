#include "BenchFixture.h"

#include "model/Connection.h"
#include "store/ConnectionRepository.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

namespace coffer::bench {

void die(const QString& what)
{
    std::fprintf(stderr, "coffer-bench: %s\n", qPrintable(what));
    std::exit(1);
}

BenchFixture::BenchFixture(int connections)
    : clock(QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC))
{
    auto opened = store::Database::open(dir.path());
    if (!opened.ok())
        die(opened.error().userMessage);
    db = std::move(opened).value();
    store::ConnectionRepository repo(*db);
    const auto created = db->inTransaction([&]() -> model::Status {
        for (int i = 0; i < connections; ++i) {
            const auto id =
                repo.insert(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Bench %1").arg(i), {}, {}},
                            QStringLiteral("Demo Bank"), clock.now());
            if (!id.ok())
                return id.error();
            connectionIds.append(id.value());
        }
        return model::Ok{};
    });
    if (!created.ok())
        die(created.error().userMessage);
    queue = std::make_unique<jobs::JobQueue>(*db, clock);
    if (auto loaded = queue->load(); !loaded.ok())
        die(loaded.error().userMessage);
}

int BenchFixture::runTurn(int concurrency)
{
    QList<qint64> started;
    while (started.size() < concurrency) {
        const auto job = queue->takeNext({});
        if (!job)
            break;
        started.append(job->id);
    }
    for (const qint64 id : started)
        queue->complete(id); // the no-op connector succeeded at once
    if (auto flushed = queue->flush(); !flushed.ok())
        die(flushed.error().userMessage);
    return int(started.size());
}

double peakRssMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

} // namespace coffer::bench
