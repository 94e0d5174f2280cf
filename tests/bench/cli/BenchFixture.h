#pragma once

#include "jobs/JobQueue.h"
#include "schedule/Clock.h"
#include "store/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace coffer::bench {

// A real data folder with N connections, a simulated clock and the production job queue.
struct BenchFixture {
    explicit BenchFixture(int connections);

    // One engine turn: start up to `concurrency` ready jobs, run the no-op connector, record
    // completions, then flush the queue's writes in one transaction. Returns jobs finished.
    int runTurn(int concurrency);

    QTemporaryDir dir;
    schedule::ManualClock clock;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<jobs::JobQueue> queue;
    QList<qint64> connectionIds;
};

double peakRssMegabytes();

// Stops the benchmark with a message on stderr and exit status 1: a figure measured on a broken
// path must not be printed.
[[noreturn]] void die(const QString& what);

} // namespace coffer::bench
