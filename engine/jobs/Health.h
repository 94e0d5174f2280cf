#pragma once

#include "jobs/Job.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace coffer::jobs {

// How one connection has been doing, from its sync history.
struct ConnectionHealth {
    qint64 connectionId = 0;
    QString name;
    int runs = 0;               // sync runs in the last 30 days
    int succeeded = 0;
    qint64 lastDurationMs = -1; // -1: no finished run
    qint64 ageSeconds = -1;     // since the last successful sync; -1: never
    bool stale = false;         // older than the staleness threshold
    // Data quality, over all its runs: duplicates caught (matched), pending transactions expired,
    // records quarantined as invalid, and accounts whose balance drift moved at their last check.
    qint64 duplicatesCaught = 0;
    qint64 pendingExpired = 0;
    qint64 invalidRecords = 0;
    int accountsDrifting = 0;
    int successPercent() const { return runs == 0 ? 100 : succeeded * 100 / runs; }
};

// The engine's health-check result: queue counts, warnings in plain words, and per-connection facts.
struct HealthReport {
    QueueStats queue;
    QStringList warnings;
    QList<ConnectionHealth> connections;
};

} // namespace coffer::jobs

Q_DECLARE_METATYPE(coffer::jobs::HealthReport)
