// Coffer's benchmarks. Figures for the issue notes come from a Release build:
//   scripts/bench.sh
#include "log/Log.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir logs;
    (void)coffer::log::init(logs.path(), QStringLiteral("warn"), false);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
