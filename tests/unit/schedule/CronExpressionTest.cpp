// Cron expressions: what a user writes, when it runs, and why a bad one is refused.

#include "schedule/CronExpression.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using coffer::schedule::CronExpression;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

CronExpression cron(const QString& text)
{
    auto parsed = CronExpression::parse(text);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? std::string() : parsed.error().userMessage.toStdString());
    return std::move(parsed).value();
}

QList<QDateTime> runs(const CronExpression& expression, QDateTime after, const QTimeZone& zone, int count)
{
    QList<QDateTime> out;
    for (int i = 0; i < count; ++i) {
        after = expression.nextAfter(after, zone);
        out.append(after);
    }
    return out;
}

QString rejection(const QString& text)
{
    const auto parsed = CronExpression::parse(text);
    return parsed.ok() ? QStringLiteral("<accepted>") : parsed.error().userMessage;
}

const QTimeZone kUtc = QTimeZone::utc();
const QTimeZone kBerlin("Europe/Berlin");
const QTimeZone kNewYork("America/New_York");

} // namespace

TEST(CronExpression, EveryFifteenMinutesRunsOnTheQuarterHours)
{
    EXPECT_EQ(runs(cron(QStringLiteral("*/15 * * * *")), utc(2026, 5, 4, 10, 7), kUtc, 4),
              (QList<QDateTime>{utc(2026, 5, 4, 10, 15), utc(2026, 5, 4, 10, 30), utc(2026, 5, 4, 10, 45),
                                utc(2026, 5, 4, 11, 0)}));
}

TEST(CronExpression, NextRunIsStrictlyAfterTheGivenTime)
{
    const CronExpression hourly = cron(QStringLiteral("0 * * * *"));
    EXPECT_EQ(hourly.nextAfter(utc(2026, 5, 4, 10, 0), kUtc), utc(2026, 5, 4, 11, 0));
    EXPECT_EQ(hourly.nextAfter(utc(2026, 5, 4, 10, 0).addMSecs(-1), kUtc), utc(2026, 5, 4, 10, 0));
    EXPECT_EQ(hourly.nextAfter(utc(2026, 5, 4, 10, 0), kUtc).timeSpec(), Qt::UTC);
}

TEST(CronExpression, ListsRangesAndSteps)
{
    const CronExpression minutes = cron(QStringLiteral("5,10-12,40-50/5 9 * * *"));
    EXPECT_EQ(runs(minutes, utc(2026, 5, 4, 9, 0), kUtc, 8),
              (QList<QDateTime>{utc(2026, 5, 4, 9, 5), utc(2026, 5, 4, 9, 10), utc(2026, 5, 4, 9, 11),
                                utc(2026, 5, 4, 9, 12), utc(2026, 5, 4, 9, 40), utc(2026, 5, 4, 9, 45),
                                utc(2026, 5, 4, 9, 50), utc(2026, 5, 5, 9, 5)}));
    // `a/n` runs from a to the end of the field.
    EXPECT_EQ(runs(cron(QStringLiteral("0 20/2 * * *")), utc(2026, 5, 4, 0, 0), kUtc, 3),
              (QList<QDateTime>{utc(2026, 5, 4, 20, 0), utc(2026, 5, 4, 22, 0), utc(2026, 5, 5, 20, 0)}));
}

TEST(CronExpression, MonthAndWeekdayNamesInAnyCase)
{
    // 2026-06-05 is a Friday: the next weekday runs are Monday and Tuesday.
    EXPECT_EQ(runs(cron(QStringLiteral("0 4 * * mon-FRI")), utc(2026, 6, 5, 12, 0), kUtc, 2),
              (QList<QDateTime>{utc(2026, 6, 8, 4, 0), utc(2026, 6, 9, 4, 0)}));
    EXPECT_EQ(cron(QStringLiteral("0 4 1 Jan,jul *")).nextAfter(utc(2026, 2, 1, 0, 0), kUtc), utc(2026, 7, 1, 4, 0));
    EXPECT_EQ(cron(QStringLiteral("0 4 * * 1-5")).nextAfter(utc(2026, 6, 5, 12, 0), kUtc),
              cron(QStringLiteral("0 4 * * MON-FRI")).nextAfter(utc(2026, 6, 5, 12, 0), kUtc));
}

TEST(CronExpression, SundayIsBothZeroAndSeven)
{
    const QDateTime friday = utc(2026, 6, 5, 12, 0);
    const QDateTime sunday = utc(2026, 6, 7, 8, 0);
    EXPECT_EQ(cron(QStringLiteral("0 8 * * 0")).nextAfter(friday, kUtc), sunday);
    EXPECT_EQ(cron(QStringLiteral("0 8 * * 7")).nextAfter(friday, kUtc), sunday);
    EXPECT_EQ(cron(QStringLiteral("0 8 * * sun")).nextAfter(friday, kUtc), sunday);
    EXPECT_EQ(cron(QStringLiteral("0 8 * * 6-7")).nextAfter(friday, kUtc), utc(2026, 6, 6, 8, 0));
}

TEST(CronExpression, DayOfMonthOrDayOfWeekWhenBothAreRestricted)
{
    // Vixie rule: "on the 13th, and on Fridays". April 2026: Fridays 3, 10, 17, 24; the 13th is a Monday.
    EXPECT_EQ(runs(cron(QStringLiteral("0 0 13 * 5")), utc(2026, 4, 1, 0, 0), kUtc, 5),
              (QList<QDateTime>{utc(2026, 4, 3, 0, 0), utc(2026, 4, 10, 0, 0), utc(2026, 4, 13, 0, 0),
                                utc(2026, 4, 17, 0, 0), utc(2026, 4, 24, 0, 0)}));
    // With one day field unrestricted, only the other one counts.
    EXPECT_EQ(runs(cron(QStringLiteral("0 0 13 * *")), utc(2026, 4, 1, 0, 0), kUtc, 2),
              (QList<QDateTime>{utc(2026, 4, 13, 0, 0), utc(2026, 5, 13, 0, 0)}));
    // A field starting with `*` counts as unrestricted, as in Vixie cron: odd days that are Fridays.
    EXPECT_EQ(runs(cron(QStringLiteral("0 0 */2 * 5")), utc(2026, 4, 1, 0, 0), kUtc, 3),
              (QList<QDateTime>{utc(2026, 4, 3, 0, 0), utc(2026, 4, 17, 0, 0), utc(2026, 5, 1, 0, 0)}));
}

TEST(CronExpression, MonthEndSkipsMonthsWithoutTheDay)
{
    EXPECT_EQ(runs(cron(QStringLiteral("0 0 31 * *")), utc(2026, 1, 31, 1, 0), kUtc, 3),
              (QList<QDateTime>{utc(2026, 3, 31, 0, 0), utc(2026, 5, 31, 0, 0), utc(2026, 7, 31, 0, 0)}));
    EXPECT_EQ(cron(QStringLiteral("0 0 30 2,4 *")).nextAfter(utc(2026, 1, 1, 0, 0), kUtc), utc(2026, 4, 30, 0, 0));
}

TEST(CronExpression, LeapDayRunsOnlyInLeapYears)
{
    const CronExpression leapDay = cron(QStringLiteral("0 12 29 2 *"));
    EXPECT_EQ(runs(leapDay, utc(2026, 1, 1, 0, 0), kUtc, 2),
              (QList<QDateTime>{utc(2028, 2, 29, 12, 0), utc(2032, 2, 29, 12, 0)}));
    // 2100 is not a leap year: eight years between leap days.
    EXPECT_EQ(leapDay.nextAfter(utc(2096, 3, 1, 0, 0), kUtc), utc(2104, 2, 29, 12, 0));
}

TEST(CronExpression, FarAwayRunsAreFoundQuickly)
{
    // Day and month skipping, not minute-by-minute: thousands of multi-year searches stay fast.
    const CronExpression leapDay = cron(QStringLiteral("59 23 29 2 *"));
    QDateTime after = utc(2026, 3, 1, 0, 0);
    for (int i = 0; i < 2000; ++i)
        ASSERT_TRUE(leapDay.nextAfter(after, kBerlin).isValid());
}

TEST(CronExpression, RejectsMalformedFieldsWithTheReason)
{
    EXPECT_EQ(rejection(QStringLiteral("0 25 * * *")),
              QStringLiteral("cron field \"hour\" value 25 is out of range 0-23"));
    EXPECT_EQ(rejection(QStringLiteral("60 * * * *")),
              QStringLiteral("cron field \"minute\" value 60 is out of range 0-59"));
    EXPECT_EQ(rejection(QStringLiteral("* * 0 * *")),
              QStringLiteral("cron field \"day-of-month\" value 0 is out of range 1-31"));
    EXPECT_EQ(rejection(QStringLiteral("* * * 13 *")),
              QStringLiteral("cron field \"month\" value 13 is out of range 1-12"));
    EXPECT_EQ(rejection(QStringLiteral("* * * * 8")),
              QStringLiteral("cron field \"day-of-week\" value 8 is out of range 0-7"));
    EXPECT_EQ(rejection(QStringLiteral("* * * FOO *")),
              QStringLiteral("cron field \"month\" value \"FOO\" is not a number or a month name (JAN-DEC)"));
    EXPECT_EQ(
        rejection(QStringLiteral("* * * * MONDAY")),
        QStringLiteral("cron field \"day-of-week\" value \"MONDAY\" is not a number or a weekday name (SUN-SAT)"));
    EXPECT_EQ(rejection(QStringLiteral("x * * * *")),
              QStringLiteral("cron field \"minute\" value \"x\" is not a number"));
    EXPECT_EQ(rejection(QStringLiteral("* 5-3 * * *")), QStringLiteral("cron field \"hour\" range 5-3 goes backwards"));
    EXPECT_EQ(rejection(QStringLiteral("*/0 * * * *")),
              QStringLiteral("cron field \"minute\" step 0 is out of range 1-59"));
    EXPECT_EQ(rejection(QStringLiteral("* */x * * *")),
              QStringLiteral("cron field \"hour\" step \"x\" is not a number"));
    EXPECT_EQ(rejection(QStringLiteral("1,,2 * * * *")),
              QStringLiteral("cron field \"minute\" has an empty list item"));
    EXPECT_EQ(rejection(QStringLiteral("-1 * * * *")),
              QStringLiteral("cron field \"minute\" range \"-1\" is incomplete"));
}

TEST(CronExpression, RejectsTheWrongNumberOfFields)
{
    EXPECT_EQ(rejection(QStringLiteral("* * * *")),
              QStringLiteral("cron expression \"* * * *\" has 4 fields; expected 5: minute hour day-of-month month "
                             "day-of-week"));
    EXPECT_TRUE(rejection(QStringLiteral("0 */15 * * * *")).contains(QStringLiteral("has 6 fields")));
    EXPECT_TRUE(rejection(QString()).contains(QStringLiteral("has 0 fields")));
}

TEST(CronExpression, RejectsExpressionsThatCanNeverRun)
{
    EXPECT_EQ(rejection(QStringLiteral("0 0 31 2 *")),
              QStringLiteral(
                  "cron expression \"0 0 31 2 *\" can never run: day-of-month \"31\" never occurs in month \"2\""));
    EXPECT_NE(rejection(QStringLiteral("0 0 30,31 feb *")), QStringLiteral("<accepted>"));
    EXPECT_NE(rejection(QStringLiteral("0 0 31 4,6,9,11 *")), QStringLiteral("<accepted>"));
    // Possible, if rare: a leap day, or (Vixie rule) any Monday in February.
    EXPECT_EQ(rejection(QStringLiteral("0 0 29 2 *")), QStringLiteral("<accepted>"));
    EXPECT_EQ(rejection(QStringLiteral("0 0 31 2 1")), QStringLiteral("<accepted>"));
}

TEST(CronExpression, TextRoundTrips)
{
    const CronExpression expression = cron(QStringLiteral("  0  4 * *   MON-FRI "));
    EXPECT_EQ(expression.toString(), QStringLiteral("0 4 * * MON-FRI"));
    EXPECT_EQ(cron(expression.toString()), expression);
}

TEST(CronExpression, InvalidInputGivesNoRun)
{
    const CronExpression hourly = cron(QStringLiteral("0 * * * *"));
    EXPECT_FALSE(hourly.nextAfter(QDateTime(), kUtc).isValid());
    EXPECT_FALSE(hourly.nextAfter(utc(2026, 1, 1, 0, 0), QTimeZone()).isValid());
}

// ---- Daylight saving time ---------------------------------------------------------------------
// Europe/Berlin 2026: 03-29 02:00 CET -> 03:00 CEST (01:00 UTC); 10-25 03:00 CEST -> 02:00 CET (01:00 UTC).
// America/New_York 2026: 03-08 02:00 EST -> 03:00 EDT (07:00 UTC); 11-01 02:00 EDT -> 01:00 EST (06:00 UTC).

TEST(CronExpressionDst, SkippedTimeRunsOnceRightAfterTheSpringForwardGap)
{
    const CronExpression at0230 = cron(QStringLiteral("30 2 * * *"));
    EXPECT_EQ(runs(at0230, utc(2026, 3, 27, 12, 0), kBerlin, 3),
              (QList<QDateTime>{utc(2026, 3, 28, 1, 30),    // 02:30 CET
                                utc(2026, 3, 29, 1, 0),     // 02:30 does not exist: 03:00 CEST
                                utc(2026, 3, 30, 0, 30)})); // 02:30 CEST
    EXPECT_EQ(runs(at0230, utc(2026, 3, 6, 12, 0), kNewYork, 3),
              (QList<QDateTime>{utc(2026, 3, 7, 7, 30),    // 02:30 EST
                                utc(2026, 3, 8, 7, 0),     // 03:00 EDT
                                utc(2026, 3, 9, 6, 30)})); // 02:30 EDT
}

TEST(CronExpressionDst, RepeatedTimeRunsOnceAtItsFirstOccurrence)
{
    const CronExpression at0230 = cron(QStringLiteral("30 2 * * *"));
    EXPECT_EQ(runs(at0230, utc(2026, 10, 23, 12, 0), kBerlin, 3),
              (QList<QDateTime>{utc(2026, 10, 24, 0, 30),    // 02:30 CEST
                                utc(2026, 10, 25, 0, 30),    // 02:30 CEST, first of two
                                utc(2026, 10, 26, 1, 30)})); // 02:30 CET
    // Asked during the second pass through 02:xx, the run that already happened is not repeated.
    EXPECT_EQ(at0230.nextAfter(utc(2026, 10, 25, 1, 15), kBerlin), utc(2026, 10, 26, 1, 30));

    // New York repeats 01:xx, so 02:30 simply happens once; 01:30 is the repeated one.
    EXPECT_EQ(runs(at0230, utc(2026, 10, 31, 12, 0), kNewYork, 2),
              (QList<QDateTime>{utc(2026, 11, 1, 7, 30), utc(2026, 11, 2, 7, 30)}));
    EXPECT_EQ(runs(cron(QStringLiteral("30 1 * * *")), utc(2026, 10, 31, 12, 0), kNewYork, 2),
              (QList<QDateTime>{utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30)}));
    // Several times within the repeated hour: each once, none in the second pass.
    EXPECT_EQ(runs(cron(QStringLiteral("*/30 2 * * *")), utc(2026, 10, 24, 12, 0), kBerlin, 3),
              (QList<QDateTime>{utc(2026, 10, 25, 0, 0), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 0)}));
}

TEST(CronExpressionDst, EveryThirtyMinutesKeepsRealTimeSpacingAcrossTheGap)
{
    const QList<QDateTime> berlin = runs(cron(QStringLiteral("*/30 * * * *")), utc(2026, 3, 29, 0, 0), kBerlin, 4);
    EXPECT_EQ(berlin, (QList<QDateTime>{utc(2026, 3, 29, 0, 30), // 01:30 CET
                                        utc(2026, 3, 29, 1, 0),  // 03:00 CEST
                                        utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2, 0)}));
    const QList<QDateTime> newYork = runs(cron(QStringLiteral("*/30 * * * *")), utc(2026, 3, 8, 6, 0), kNewYork, 4);
    EXPECT_EQ(newYork, (QList<QDateTime>{utc(2026, 3, 8, 6, 30), utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 7, 30),
                                         utc(2026, 3, 8, 8, 0)}));
}

TEST(CronExpressionDst, EveryThirtyMinutesKeepsRealTimeSpacingThroughTheRepeatedHour)
{
    const QList<QDateTime> berlin = runs(cron(QStringLiteral("*/30 * * * *")), utc(2026, 10, 24, 23, 0), kBerlin, 6);
    for (qsizetype i = 0; i < berlin.size(); ++i)
        EXPECT_EQ(berlin[i], utc(2026, 10, 24, 23, 30).addSecs(i * 1800)) << i;
    // Wall clock: 01:30, 02:00, 02:30 CEST, then 02:00, 02:30, 03:00 CET.
    EXPECT_EQ(berlin[3].toTimeZone(kBerlin).time(), QTime(2, 0));

    const QList<QDateTime> newYork = runs(cron(QStringLiteral("*/30 * * * *")), utc(2026, 11, 1, 4, 0), kNewYork, 6);
    for (qsizetype i = 0; i < newYork.size(); ++i)
        EXPECT_EQ(newYork[i], utc(2026, 11, 1, 4, 30).addSecs(i * 1800)) << i;

    // Hourly too: 02:00 CEST, 02:00 CET, 03:00 CET, one hour apart.
    EXPECT_EQ(runs(cron(QStringLiteral("0 * * * *")), utc(2026, 10, 24, 23, 30), kBerlin, 3),
              (QList<QDateTime>{utc(2026, 10, 25, 0, 0), utc(2026, 10, 25, 1, 0), utc(2026, 10, 25, 2, 0)}));
}

TEST(CronExpressionDst, FiveMinuteRunsNeverDuplicateAcrossTheGap)
{
    const QList<QDateTime> all = runs(cron(QStringLiteral("*/5 * * * *")), utc(2026, 3, 29, 0, 0), kBerlin, 24);
    for (qsizetype i = 1; i < all.size(); ++i)
        EXPECT_EQ(all[i - 1].secsTo(all[i]), 300) << i;
}
