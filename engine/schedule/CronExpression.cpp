#include "schedule/CronExpression.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

namespace coffer::schedule {

namespace {

constexpr qint64 kMsPerMinute = 60 * 1000;
constexpr qint64 kMinutesPerDay = 24 * 60;
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01
constexpr quint32 kEveryHour = (1U << 24) - 1;

// How far ahead nextAfter() looks before giving up. parse() rejects expressions that never run,
// so only rare ones come near it: Feb 29 recurs after 8 years across 2100 (not a leap year), and
// a date that must also fall on a `*/n` weekday can take 28 years (40 for Feb 29 across 2100).
// Day-by-day search with month skipping keeps even the full horizon well under a millisecond.
constexpr qint64 kSearchHorizonDays = 41 * 366;

// A zone changes offset about twice a year; this only stops a broken zone from spinning forever.
constexpr int kMaxTransitionsWalked = 200;

constexpr std::array<const char*, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<const char*, 7> kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
// Longest each month can be, counting leap years, to tell "rare" from "never".
constexpr std::array<int, 13> kMaxDaysInMonth = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

struct Field {
    const char* name;
    int min;
    int max;
    const char* const* names; // value of names[i] is nameBase + i
    int nameCount;
    int nameBase;
    const char* namesHint;
};

const Field kMinuteField{"minute", 0, 59, nullptr, 0, 0, nullptr};
const Field kHourField{"hour", 0, 23, nullptr, 0, 0, nullptr};
const Field kDayOfMonthField{"day-of-month", 1, 31, nullptr, 0, 0, nullptr};
const Field kMonthField{"month", 1, 12, kMonthNames.data(), 12, 1, "a month name (JAN-DEC)"};
const Field kDayOfWeekField{"day-of-week", 0, 7, kDayNames.data(), 7, 0, "a weekday name (SUN-SAT)"};

model::Error fieldError(const Field& field, const QString& reason)
{
    return model::Error::invalidData(QStringLiteral("cron field \"%1\" %2").arg(QLatin1String(field.name), reason));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<int> parseNumber(QStringView token)
{
    // Short, digits only: no signs, no spaces, nothing that could overflow.
    if (token.isEmpty() || token.size() > 4)
        return std::nullopt;
    for (const QChar c : token) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return std::nullopt;
    }
    return token.toInt();
}

model::Result<int> parseValue(const Field& field, QStringView token)
{
    std::optional<int> value = parseNumber(token);
    if (!value) {
        for (int i = 0; i < field.nameCount; ++i) {
            if (token.compare(QLatin1String(field.names[i]), Qt::CaseInsensitive) == 0)
                return field.nameBase + i;
        }
        const QString expected = field.namesHint ? QStringLiteral("a number or ") + QLatin1String(field.namesHint)
                                                 : QStringLiteral("a number");
        return fieldError(field, QStringLiteral("value \"%1\" is not %2").arg(token.toString(), expected));
    }
    if (*value < field.min || *value > field.max) {
        return fieldError(field,
                          QStringLiteral("value %1 is out of range %2-%3").arg(*value).arg(field.min).arg(field.max));
    }
    return *value;
}

// One comma-separated item: `*`, `a`, `a-b`, each optionally followed by `/step`.
model::Result<quint64> parseItem(const Field& field, QStringView item)
{
    if (item.isEmpty())
        return fieldError(field, QStringLiteral("has an empty list item"));
    const qsizetype slash = item.indexOf(u'/');
    const QStringView range = slash < 0 ? item : item.left(slash);
    int low = field.min;
    int high = field.max;
    if (range != u"*") {
        const qsizetype dash = range.indexOf(u'-');
        if (dash == 0 || dash == range.size() - 1)
            return fieldError(field, QStringLiteral("range \"%1\" is incomplete").arg(range.toString()));
        const model::Result<int> first = parseValue(field, dash < 0 ? range : range.left(dash));
        if (!first)
            return first.error();
        low = *first;
        if (dash >= 0) {
            const model::Result<int> last = parseValue(field, range.mid(dash + 1));
            if (!last)
                return last.error();
            high = *last;
            if (high < low)
                return fieldError(field, QStringLiteral("range %1-%2 goes backwards").arg(low).arg(high));
        } else if (slash < 0) {
            high = low;
        }
        // `a/n` with no range runs from a to the field's end, as in cronie and Quartz.
    }
    int step = 1;
    if (slash >= 0) {
        const QStringView stepText = item.mid(slash + 1);
        const std::optional<int> parsed = parseNumber(stepText);
        const int maxStep = field.max - field.min;
        if (!parsed)
            return fieldError(field, QStringLiteral("step \"%1\" is not a number").arg(stepText.toString()));
        if (*parsed < 1 || *parsed > maxStep)
            return fieldError(field, QStringLiteral("step %1 is out of range 1-%2").arg(*parsed).arg(maxStep));
        step = *parsed;
    }
    quint64 bits = 0;
    for (int v = low; v <= high; v += step)
        bits |= quint64(1) << v;
    return bits;
}

model::Result<quint64> parseField(const Field& field, const QString& text)
{
    quint64 bits = 0;
    for (const QStringView item : QStringView(text).split(u',')) {
        const model::Result<quint64> itemBits = parseItem(field, item);
        if (!itemBits)
            return itemBits.error();
        bits |= *itemBits;
    }
    return bits;
}

} // namespace

model::Result<CronExpression> CronExpression::parse(const QString& text)
{
    const QString normalized = text.simplified();
    const QStringList fields = normalized.split(u' ', Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        return model::Error::invalidData(
            QStringLiteral(
                "cron expression \"%1\" has %2 fields; expected 5: minute hour day-of-month month day-of-week")
                .arg(normalized)
                .arg(fields.size()));
    }

    const std::array<const Field*, 5> specs = {&kMinuteField, &kHourField, &kDayOfMonthField, &kMonthField,
                                               &kDayOfWeekField};
    std::array<quint64, 5> bits{};
    for (size_t i = 0; i < specs.size(); ++i) {
        const model::Result<quint64> parsed = parseField(*specs[i], fields[qsizetype(i)]);
        if (!parsed)
            return parsed.error();
        bits[i] = *parsed;
    }

    CronExpression cron;
    cron.m_text = normalized;
    cron.m_minutes = bits[0];
    cron.m_hours = quint32(bits[1]);
    cron.m_daysOfMonth = quint32(bits[2]);
    cron.m_months = quint32(bits[3]);
    cron.m_daysOfWeek = quint32(bits[4] & 0x7f) | ((bits[4] >> 7) & 1); // 7 is Sunday too
    cron.m_dayOfMonthStar = fields[2].startsWith(u'*');
    cron.m_dayOfWeekStar = fields[4].startsWith(u'*');

    // When the day-of-month must match (no weekday alternative), some listed day has to exist in
    // some listed month, or the expression never runs: better said now than by silence later.
    if (cron.m_dayOfMonthStar || cron.m_dayOfWeekStar) {
        bool possible = false;
        for (int month = 1; month <= 12 && !possible; ++month) {
            if (cron.m_months & (1U << month))
                possible = (cron.m_daysOfMonth & ((quint64(2) << kMaxDaysInMonth[size_t(month)]) - 2)) != 0;
        }
        if (!possible) {
            return model::Error::invalidData(
                QStringLiteral("cron expression \"%1\" can never run: day-of-month \"%2\" never occurs in month \"%3\"")
                    .arg(normalized, fields[2], fields[3]));
        }
    }
    return cron;
}

bool CronExpression::dayMatches(const QDate& date) const
{
    const bool dayOfMonth = (m_daysOfMonth >> date.day()) & 1;
    const bool dayOfWeek = (m_daysOfWeek >> (date.dayOfWeek() % 7)) & 1; // Qt: Monday 1 .. Sunday 7
    if (m_dayOfMonthStar || m_dayOfWeekStar)
        return dayOfMonth && dayOfWeek;
    return dayOfMonth || dayOfWeek;
}

// The first matching minute of the day at or after fromMinute, or -1 if none is left today.
int CronExpression::nextMinuteOfDay(int fromMinute) const
{
    int minute = fromMinute % 60;
    for (int hour = fromMinute / 60; hour < 24; ++hour, minute = 0) {
        if (!((m_hours >> hour) & 1))
            continue;
        const quint64 left = m_minutes & (~quint64(0) << minute);
        if (left)
            return hour * 60 + std::countr_zero(left);
    }
    return -1;
}

// Wall-clock minutes count from 1970-01-01 00:00 local time, ignoring zones entirely. Skips
// whole months and days that cannot match, then finds the time of day from the bitsets.
std::optional<qint64> CronExpression::nextWallMinute(qint64 fromWallMinute, qint64 limitWallMinute) const
{
    QDate date = QDate::fromJulianDay(kEpochJulianDay + floorDiv(fromWallMinute, kMinutesPerDay));
    int minuteOfDay = int(fromWallMinute - floorDiv(fromWallMinute, kMinutesPerDay) * kMinutesPerDay);
    const QDate limit = QDate::fromJulianDay(kEpochJulianDay + floorDiv(limitWallMinute, kMinutesPerDay));
    while (date.isValid() && date <= limit) {
        if (!((m_months >> date.month()) & 1)) {
            date = QDate(date.year(), date.month(), 1).addMonths(1);
            minuteOfDay = 0;
            continue;
        }
        if (dayMatches(date)) {
            const int minute = nextMinuteOfDay(minuteOfDay);
            if (minute >= 0)
                return (date.toJulianDay() - kEpochJulianDay) * kMinutesPerDay + minute;
        }
        date = date.addDays(1);
        minuteOfDay = 0;
    }
    return std::nullopt;
}

// Walks the zone's offset periods from `after`. Within a period wall clock and UTC differ by a
// constant, so the wall-clock search maps straight to an instant; a match that lands at or past the
// period's end is re-read under the next offset, which is where the DST rules in the header apply.
QDateTime CronExpression::nextAfter(const QDateTime& after, const QTimeZone& zone) const
{
    if (!after.isValid() || !zone.isValid())
        return {};
    const qint64 afterMs = after.toMSecsSinceEpoch();
    const bool spacingOnly = m_hours == kEveryHour;

    int offsetMs = zone.offsetFromUtc(utcFromMs(afterMs)) * 1000;
    // Strictly after: the first whole wall-clock minute past `after`.
    qint64 from = floorDiv(afterMs + offsetMs, kMsPerMinute) + 1;
    const qint64 limit = from + kSearchHorizonDays * kMinutesPerDay;

    if (!spacingOnly) {
        // `after` may sit in the second pass of a repeated hour; its wall-clock times already ran.
        const QTimeZone::OffsetData previous = zone.previousTransition(utcFromMs(afterMs + 1));
        if (previous.atUtc.isValid()) {
            const qint64 transitionMs = previous.atUtc.toMSecsSinceEpoch();
            const int offsetBeforeMs = zone.offsetFromUtc(utcFromMs(transitionMs - 1)) * 1000;
            if (offsetBeforeMs > offsetMs)
                from = std::max(from, ceilDiv(transitionMs + offsetBeforeMs, kMsPerMinute));
        }
    }

    qint64 periodStartMs = afterMs;
    for (int walked = 0; walked < kMaxTransitionsWalked; ++walked) {
        const std::optional<qint64> match = nextWallMinute(from, limit);
        if (!match)
            return {};
        const qint64 instantMs = *match * kMsPerMinute - offsetMs;
        const QTimeZone::OffsetData next = zone.nextTransition(utcFromMs(periodStartMs));
        if (!next.atUtc.isValid())
            return utcFromMs(instantMs);
        const qint64 transitionMs = next.atUtc.toMSecsSinceEpoch();
        if (instantMs < transitionMs)
            return utcFromMs(instantMs);

        const int nextOffsetMs = next.offsetFromUtc * 1000;
        if (nextOffsetMs > offsetMs) {
            // Spring forward: wall-clock times in [transition + old offset, transition + new offset)
            // never happen. The match is at or past the gap's start; inside it, run at the gap's end.
            if (*match * kMsPerMinute < transitionMs + nextOffsetMs)
                return utcFromMs(transitionMs);
            from = *match;
        } else if (nextOffsetMs < offsetMs && spacingOnly) {
            // Fall back: the repeated wall-clock times run again to keep the real-time spacing.
            from = ceilDiv(transitionMs + nextOffsetMs, kMsPerMinute);
        } else {
            // Fall back for a time of day (its repeats already ran), or a change of name only.
            from = *match;
        }
        offsetMs = nextOffsetMs;
        periodStartMs = transitionMs;
    }
    return {};
}

} // namespace coffer::schedule
