#pragma once

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench jobs`: N sync-connection jobs through the persistent queue with a no-op
// connector, at most `concurrency` running at once, job records written as in production.
QJsonObject runJobsBench(int jobs, int concurrency);

// `coffer-bench schedule`: N connections on hourly schedules with jitter, a simulated day.
QJsonObject runScheduleBench(int connections, int hours);

} // namespace coffer::bench
