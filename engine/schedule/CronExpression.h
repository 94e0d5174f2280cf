#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace coffer::schedule {

// A standard five-field cron expression: minute hour day-of-month month day-of-week.
// Fields take `*`, lists `a,b`, ranges `a-b`, steps `*/n`, `a-b/n` and `a/n` (a to the field's
// end), month names JAN-DEC and weekday names SUN-SAT in any case, and day-of-week 0-7 where both
// 0 and 7 are Sunday. As in Vixie cron, when neither day field starts with `*` a day matches if
// either of them matches; otherwise both must.
//
// Times are local wall-clock times in a zone. Across daylight-saving changes:
// - a wall-clock time skipped by a spring-forward gap runs once, at the first instant after the gap;
// - a wall-clock time repeated by a fall-back runs once, at its first occurrence, unless the hour
//   field is every hour (`*`, `*/1`, `0-23`): such expressions are about spacing, not a time of
//   day, so they also run in the repeated hour and keep their real-time spacing.
//
// A value type; safe to copy between threads.
class CronExpression {
public:
    // Rejects malformed expressions and ones that can never run (e.g. February 30), with a reason.
    static model::Result<CronExpression> parse(const QString& text);

    // The fields as written, separated by single spaces; parse(toString()) gives the same expression.
    QString toString() const { return m_text; }

    // The first run strictly after `after`, in UTC, or an invalid QDateTime if there is none within
    // the search horizon (only reachable for an invalid `after` or zone: parse() rejects
    // expressions that never run).
    QDateTime nextAfter(const QDateTime& after, const QTimeZone& zone) const;

    bool operator==(const CronExpression& other) const = default;

private:
    CronExpression() = default;

    bool dayMatches(const QDate& date) const;
    int nextMinuteOfDay(int fromMinute) const;
    std::optional<qint64> nextWallMinute(qint64 fromWallMinute, qint64 limitWallMinute) const;

    QString m_text;
    quint64 m_minutes = 0;     // bit n: minute n (0-59)
    quint32 m_hours = 0;       // bit n: hour n (0-23)
    quint32 m_daysOfMonth = 0; // bit n: day n (1-31)
    quint32 m_months = 0;      // bit n: month n (1-12)
    quint32 m_daysOfWeek = 0;  // bit n: weekday n, 0 = Sunday (7 is folded into 0)
    bool m_dayOfMonthStar = false;
    bool m_dayOfWeekStar = false;
};

} // namespace coffer::schedule
