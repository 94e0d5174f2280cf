#pragma once

#include <QJsonArray>
#include <optional>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace coffer::jobs {

enum class JobKind { SyncConnection, Backfill, RefreshCredentials, HealthCheck, Cleanup };
enum class JobState { Waiting, Active, Delayed, Completed, Failed, Cancelled };

// Lower runs first: manual > webhook > scheduled > backfill.
enum class Priority { Manual = 0, Webhook = 1, Scheduled = 2, Backfill = 3 };

QString jobKindName(JobKind kind);
std::optional<JobKind> jobKindFromName(const QString& name);
QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString& name);
QString priorityName(Priority priority);

// One unit of engine work, as persisted in the jobs table.
struct Job {
    qint64 id = 0;
    JobKind kind = JobKind::SyncConnection;
    qint64 connectionId = 0; // 0 for engine-wide jobs (health-check, cleanup)
    Priority priority = Priority::Scheduled;
    JobState state = JobState::Waiting;
    int attempts = 0;     // runs started so far
    int maxAttempts = 4;  // the first run and three retries
    qint64 runAtMs = 0;   // not before (UTC ms)
    qint64 createdAtMs = 0;
    qint64 finishedAtMs = 0;
    QVariantMap payload;  // kind-specific (e.g. backfill start date)
    QString lastError;    // plain words for the user
    QJsonArray errors;    // full history: {at, attempt, kind, code, message}

    bool isOpen() const { return state == JobState::Waiting || state == JobState::Active || state == JobState::Delayed; }
};

// Counts for the queue health strip and `cofferctl queue stats`.
struct QueueStats {
    int waiting = 0;
    int active = 0;
    int delayed = 0;
    qint64 completed = 0; // kept history (7 days)
    qint64 failed = 0;    // dead-lettered, kept 30 days
    bool paused = false;
};

} // namespace coffer::jobs

Q_DECLARE_METATYPE(coffer::jobs::Job)
Q_DECLARE_METATYPE(coffer::jobs::QueueStats)
