// A connection's schedule as the user types it, reads it back, and sees its next runs.

#include "schedule/Schedule.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using coffer::schedule::Schedule;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

Schedule schedule(const QString& text)
{
    auto parsed = Schedule::parse(text);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? std::string() : parsed.error().userMessage.toStdString());
    return parsed.ok() ? std::move(parsed).value() : Schedule::defaultSchedule();
}

QString rejection(const QString& text)
{
    const auto parsed = Schedule::parse(text);
    return parsed.ok() ? QStringLiteral("<accepted>") : parsed.error().userMessage;
}

} // namespace

TEST(Schedule, CanonicalTextRoundTrips)
{
    const QList<std::pair<QString, QString>> cases = {
        {QStringLiteral("every 30m"), QStringLiteral("every 30m")},
        {QStringLiteral("every 4h"), QStringLiteral("every 4h")},
        {QStringLiteral("every 1d"), QStringLiteral("every 1d")},
        {QStringLiteral("every 90min"), QStringLiteral("every 90m")},
        {QStringLiteral("Every 120 minutes"), QStringLiteral("every 2h")},
        {QStringLiteral("every 1440m"), QStringLiteral("every 1d")},
        {QStringLiteral("daily 06:30"), QStringLiteral("daily 06:30")},
        {QStringLiteral("daily 6:30 Europe/Paris"), QStringLiteral("daily 06:30 Europe/Paris")},
        {QStringLiteral("cron */15 * * * *"), QStringLiteral("cron */15 * * * *")},
        {QStringLiteral("cron 0 4 * * 1-5 America/New_York"), QStringLiteral("cron 0 4 * * 1-5 America/New_York")},
        {QStringLiteral("  CRON  0 4 * *  MON-FRI   UTC "), QStringLiteral("cron 0 4 * * MON-FRI UTC")},
    };
    for (const auto& [input, canonical] : cases) {
        const Schedule parsed = schedule(input);
        EXPECT_EQ(parsed.toString(), canonical) << input.toStdString();
        const auto again = Schedule::parse(parsed.toString());
        ASSERT_TRUE(again.ok()) << canonical.toStdString();
        EXPECT_EQ(*again, parsed) << canonical.toStdString();
        EXPECT_EQ(again->toString(), canonical);
    }
}

TEST(Schedule, KindsAndTheirParts)
{
    EXPECT_EQ(schedule(QStringLiteral("every 30m")).kind(), Schedule::Kind::Interval);
    EXPECT_EQ(schedule(QStringLiteral("every 4h")).intervalMinutes(), 240);
    const Schedule daily = schedule(QStringLiteral("daily 06:30 Europe/Paris"));
    EXPECT_EQ(daily.kind(), Schedule::Kind::Daily);
    EXPECT_EQ(daily.timeOfDay(), QTime(6, 30));
    EXPECT_EQ(daily.timeZoneId(), QByteArray("Europe/Paris"));
    EXPECT_EQ(schedule(QStringLiteral("cron */15 * * * *")).kind(), Schedule::Kind::Cron);
    EXPECT_TRUE(schedule(QStringLiteral("cron */15 * * * *")).timeZoneId().isEmpty());
}

TEST(Schedule, DefaultIsEveryFourHours)
{
    EXPECT_EQ(Schedule::defaultSchedule(), schedule(QStringLiteral("every 4h")));
    EXPECT_EQ(Schedule::defaultSchedule().describe(), QStringLiteral("Every 4 hours"));
}

TEST(Schedule, DescribesItselfForTheUser)
{
    EXPECT_EQ(schedule(QStringLiteral("every 4h")).describe(), QStringLiteral("Every 4 hours"));
    EXPECT_EQ(schedule(QStringLiteral("every 30m")).describe(), QStringLiteral("Every 30 minutes"));
    EXPECT_EQ(schedule(QStringLiteral("every 1m")).describe(), QStringLiteral("Every minute"));
    EXPECT_EQ(schedule(QStringLiteral("every 60m")).describe(), QStringLiteral("Every hour"));
    EXPECT_EQ(schedule(QStringLiteral("every 90m")).describe(), QStringLiteral("Every 90 minutes"));
    EXPECT_EQ(schedule(QStringLiteral("every 1d")).describe(), QStringLiteral("Every day"));
    EXPECT_EQ(schedule(QStringLiteral("every 2d")).describe(), QStringLiteral("Every 2 days"));
    EXPECT_EQ(schedule(QStringLiteral("daily 06:30 Europe/Paris")).describe(),
              QStringLiteral("Daily at 06:30 (Europe/Paris)"));
    EXPECT_EQ(schedule(QStringLiteral("daily 06:30")).describe(), QStringLiteral("Daily at 06:30"));
    EXPECT_EQ(schedule(QStringLiteral("cron 0 4 * * 1-5 America/New_York")).describe(),
              QStringLiteral("Cron: 0 4 * * 1-5 (America/New_York)"));
    EXPECT_EQ(schedule(QStringLiteral("cron */15 * * * *")).describe(), QStringLiteral("Cron: */15 * * * *"));
}

TEST(Schedule, RejectsBadIntervalsWithTheReason)
{
    EXPECT_EQ(rejection(QStringLiteral("every 0h")),
              QStringLiteral("\"every 0h\": the interval must be at least one minute"));
    EXPECT_EQ(rejection(QStringLiteral("every 3w")),
              QStringLiteral("\"every 3w\": unknown interval unit \"w\"; use m, h or d"));
    EXPECT_EQ(rejection(QStringLiteral("every 30")),
              QStringLiteral("\"every 30\": the interval needs a unit: m, h or d"));
    EXPECT_EQ(rejection(QStringLiteral("every 400d")),
              QStringLiteral("\"every 400d\": the interval must be at most 365 days"));
    EXPECT_EQ(rejection(QStringLiteral("every 99999999999999999999m")),
              QStringLiteral("\"every 99999999999999999999m\": the interval must be at most 365 days"));
    EXPECT_TRUE(rejection(QStringLiteral("every")).contains(QStringLiteral("expected an interval")));
    EXPECT_TRUE(rejection(QStringLiteral("every -5m")).contains(QStringLiteral("expected an interval")));
}

TEST(Schedule, RejectsBadDailyTimesAndZones)
{
    EXPECT_EQ(rejection(QStringLiteral("daily 25:00")),
              QStringLiteral("\"daily 25:00\": the time \"25:00\" must be between 00:00 and 23:59"));
    EXPECT_EQ(rejection(QStringLiteral("daily 6.30")),
              QStringLiteral("\"daily 6.30\": the time \"6.30\" must look like HH:MM, e.g. 06:30"));
    EXPECT_EQ(rejection(QStringLiteral("daily 06:30 Mars/Olympus")),
              QStringLiteral("\"daily 06:30 Mars/Olympus\": unknown time zone \"Mars/Olympus\""));
    EXPECT_TRUE(rejection(QStringLiteral("daily")).contains(QStringLiteral("expected a time")));
    EXPECT_TRUE(rejection(QStringLiteral("daily 06:30 UTC extra")).contains(QStringLiteral("unexpected \"extra\"")));
}

TEST(Schedule, RejectsBadCronWithTheReason)
{
    EXPECT_EQ(rejection(QStringLiteral("cron 0 25 * * *")),
              QStringLiteral("\"cron 0 25 * * *\": cron field \"hour\" value 25 is out of range 0-23"));
    EXPECT_EQ(rejection(QStringLiteral("cron 0 4 * * * Mars/Olympus")),
              QStringLiteral("\"cron 0 4 * * * Mars/Olympus\": unknown time zone \"Mars/Olympus\""));
    // Six time fields (seconds first, as in Quartz) are not a time zone.
    EXPECT_TRUE(rejection(QStringLiteral("cron 0 */15 * * * *")).contains(QStringLiteral("has 6 fields")));
    EXPECT_TRUE(rejection(QStringLiteral("cron 0 0 31 2 *")).contains(QStringLiteral("can never run")));
}

TEST(Schedule, RejectsUnknownKindsAndEmptyText)
{
    EXPECT_EQ(rejection(QStringLiteral("weekly monday")),
              QStringLiteral("\"weekly monday\": a schedule starts with \"every\", \"daily\" or \"cron\""));
    EXPECT_TRUE(rejection(QStringLiteral("   ")).contains(QStringLiteral("cannot be empty")));
}

TEST(Schedule, IntervalRunsEveryNMinutesOfRealTime)
{
    const Schedule every4h = schedule(QStringLiteral("every 4h"));
    EXPECT_EQ(every4h.nextRuns(utc(2026, 5, 4, 10, 7), 3),
              (QList<QDateTime>{utc(2026, 5, 4, 14, 7), utc(2026, 5, 4, 18, 7), utc(2026, 5, 4, 22, 7)}));
    // Real time, not wall clock: a DST change does not stretch or shrink the interval.
    const QDateTime beforeGap(QDate(2026, 3, 29), QTime(1, 30), QTimeZone("Europe/Berlin"));
    const QDateTime next = every4h.nextAfter(beforeGap);
    EXPECT_EQ(next, utc(2026, 3, 29, 4, 30));
    EXPECT_EQ(next.timeSpec(), Qt::UTC);
}

TEST(Schedule, DailyRunsAtTheLocalTimeInItsZone)
{
    const Schedule paris = schedule(QStringLiteral("daily 06:30 Europe/Paris"));
    EXPECT_EQ(paris.nextRuns(utc(2026, 6, 1, 10, 0), 2),
              (QList<QDateTime>{utc(2026, 6, 2, 4, 30), utc(2026, 6, 3, 4, 30)})); // 06:30 CEST
    EXPECT_EQ(paris.nextAfter(utc(2026, 12, 1, 10, 0)), utc(2026, 12, 2, 5, 30));  // 06:30 CET
    EXPECT_EQ(paris.nextAfter(utc(2026, 6, 1, 10, 0)).timeSpec(), Qt::UTC);
}

TEST(Schedule, DailyWithoutZoneFollowsTheSystemZone)
{
    const QTimeZone system = QTimeZone::systemTimeZone();
    const QDateTime after = utc(2026, 6, 15, 12, 0);
    QDateTime expected(after.toTimeZone(system).date(), QTime(6, 30), system);
    if (expected <= after)
        expected = QDateTime(expected.date().addDays(1), QTime(6, 30), system);
    EXPECT_EQ(schedule(QStringLiteral("daily 06:30")).nextAfter(after), expected);
}

TEST(Schedule, DailyAcrossDaylightSavingInBerlin)
{
    const Schedule at0230 = schedule(QStringLiteral("daily 02:30 Europe/Berlin"));
    // Spring forward: 02:30 does not exist on 03-29, so it runs once at 03:00 CEST.
    EXPECT_EQ(at0230.nextRuns(utc(2026, 3, 27, 12, 0), 3),
              (QList<QDateTime>{utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 0), utc(2026, 3, 30, 0, 30)}));
    // Fall back: 02:30 happens twice on 10-25; it runs at the first one only.
    EXPECT_EQ(at0230.nextRuns(utc(2026, 10, 23, 12, 0), 3),
              (QList<QDateTime>{utc(2026, 10, 24, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)}));
}

TEST(Schedule, DailyAcrossDaylightSavingInNewYork)
{
    const Schedule at0230 = schedule(QStringLiteral("daily 02:30 America/New_York"));
    EXPECT_EQ(at0230.nextRuns(utc(2026, 3, 6, 12, 0), 3),
              (QList<QDateTime>{utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7, 0), utc(2026, 3, 9, 6, 30)}));
    EXPECT_EQ(at0230.nextRuns(utc(2026, 10, 31, 12, 0), 2),
              (QList<QDateTime>{utc(2026, 11, 1, 7, 30), utc(2026, 11, 2, 7, 30)}));
    // 01:30 is the time New York repeats: once, at 01:30 EDT.
    EXPECT_EQ(schedule(QStringLiteral("daily 01:30 America/New_York")).nextRuns(utc(2026, 10, 31, 12, 0), 2),
              (QList<QDateTime>{utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)}));
}

TEST(Schedule, CronRunsInItsZone)
{
    // 2026-06-05 is a Friday; 04:00 EDT is 08:00 UTC.
    EXPECT_EQ(schedule(QStringLiteral("cron 0 4 * * 1-5 America/New_York")).nextRuns(utc(2026, 6, 5, 12, 0), 3),
              (QList<QDateTime>{utc(2026, 6, 8, 8, 0), utc(2026, 6, 9, 8, 0), utc(2026, 6, 10, 8, 0)}));
    EXPECT_EQ(schedule(QStringLiteral("cron 30 2 * * * Europe/Berlin")).nextRuns(utc(2026, 3, 27, 12, 0), 3),
              (QList<QDateTime>{utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 0), utc(2026, 3, 30, 0, 30)}));
}

TEST(Schedule, NextFiveRunsPreview)
{
    const QList<QDateTime> preview =
        schedule(QStringLiteral("cron */15 * * * * UTC")).nextRuns(utc(2026, 5, 4, 10, 0), 5);
    ASSERT_EQ(preview.size(), 5);
    EXPECT_EQ(preview.first(), utc(2026, 5, 4, 10, 15));
    EXPECT_EQ(preview.last(), utc(2026, 5, 4, 11, 15));
    EXPECT_TRUE(Schedule::defaultSchedule().nextRuns(utc(2026, 5, 4, 10, 0), 0).isEmpty());
    EXPECT_TRUE(Schedule::defaultSchedule().nextRuns(QDateTime(), 5).isEmpty());
}
