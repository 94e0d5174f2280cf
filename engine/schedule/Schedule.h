#pragma once

#include "model/Result.h"
#include "schedule/CronExpression.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace coffer::schedule {

// When one connection syncs. Written and stored as text the user can read and edit:
//   "every 30m", "every 4h", "every 1d"           every N minutes of real time
//   "daily 06:30", "daily 06:30 Europe/Paris"    once a day at a local wall-clock time
//   "cron */15 * * * *", "cron 0 4 * * 1-5 America/New_York"
// Without a zone, daily and cron times follow the system time zone at the moment of planning, so
// a laptop that travels keeps syncing at home-looking hours. Daylight-saving changes follow the
// rules of CronExpression: a skipped time runs right after the gap, a repeated time runs once.
//
// A value type; safe to copy between threads.
class Schedule {
public:
    enum class Kind { Interval, Daily, Cron };

    // Rejects bad input with a reason that quotes the input and names the bad part.
    static model::Result<Schedule> parse(const QString& text);
    // Every 4 hours: fresh enough for a budget, light on bank quotas.
    static Schedule defaultSchedule();

    Kind kind() const { return m_kind; }
    int intervalMinutes() const { return m_intervalMinutes; } // Interval only
    QTime timeOfDay() const { return m_timeOfDay; }           // Daily only
    QByteArray timeZoneId() const { return m_zoneId; }        // empty: the system time zone
    // The zone daily and cron times are read in (the system zone when none was given).
    QTimeZone timeZone() const;

    // Canonical text; parse(toString()) gives an equal schedule.
    QString toString() const;
    // Short text for the UI: "Every 4 hours", "Daily at 06:30 (Europe/Paris)".
    QString describe() const;

    // The first run strictly after `after`, in UTC; invalid if there is none (or `after` is invalid).
    QDateTime nextAfter(const QDateTime& after) const;
    // Up to `count` consecutive runs after `after`, e.g. the UI's "next five runs".
    QList<QDateTime> nextRuns(const QDateTime& after, int count) const;

    bool operator==(const Schedule& other) const = default;

private:
    Schedule() = default;

    Kind m_kind = Kind::Interval;
    int m_intervalMinutes = 0;
    QTime m_timeOfDay;
    QByteArray m_zoneId;
    // Daily schedules are the cron expression "M H * * *", so both share one DST implementation.
    std::optional<CronExpression> m_cron;
};

} // namespace coffer::schedule
