#pragma once

#include <QtGlobal>

namespace coffer::schedule {

class Schedule;

// Spreading runs so that thousands of connections due at the same minute (every "daily 04:00")
// do not hit the banks, the network and our database in one burst. The offset is added to a
// planned run, never subtracted, so nothing runs before its time. Pure functions; any thread.

// A deterministic offset in [0, windowSeconds) for a connection: the same id always gets the same
// slot (runs stay evenly spaced for that connection), and ids spread evenly over the window.
// Returns 0 for an empty window.
qint64 jitterSeconds(qint64 connectionId, qint64 windowSeconds);

// How much a schedule's runs may be delayed: 10% of an interval, at most 15 minutes, so a short
// interval keeps its rhythm; 5 minutes for daily and cron times, which users read as "around then".
qint64 jitterWindowSeconds(const Schedule& schedule);

} // namespace coffer::schedule
