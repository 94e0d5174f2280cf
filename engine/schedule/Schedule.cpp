#include "schedule/Schedule.h"

#include <QRegularExpression>
#include <QStringList>

namespace coffer::schedule {

namespace {

constexpr int kMinutesPerHour = 60;
constexpr int kMinutesPerDay = 24 * 60;
// Longer than a year is almost certainly a typo (and would outlive most bank consents anyway).
constexpr qint64 kMaxIntervalMinutes = 365 * kMinutesPerDay;
constexpr int kDefaultIntervalMinutes = 4 * kMinutesPerHour;

model::Error reason(const QString& text)
{
    return model::Error::invalidData(text);
}

model::Result<int> parseInterval(const QString& rest)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+) ?([a-z]*)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(rest);
    if (!match.hasMatch())
        return reason(QStringLiteral("expected an interval such as \"every 30m\", \"every 4h\" or \"every 1d\""));

    const QString unit = match.captured(2).toLower();
    if (unit.isEmpty())
        return reason(QStringLiteral("the interval needs a unit: m, h or d"));
    qint64 unitMinutes = 0;
    if (unit == u"m" || unit == u"min" || unit == u"mins" || unit == u"minute" || unit == u"minutes")
        unitMinutes = 1;
    else if (unit == u"h" || unit == u"hr" || unit == u"hrs" || unit == u"hour" || unit == u"hours")
        unitMinutes = kMinutesPerHour;
    else if (unit == u"d" || unit == u"day" || unit == u"days")
        unitMinutes = kMinutesPerDay;
    else
        return reason(QStringLiteral("unknown interval unit \"%1\"; use m, h or d").arg(match.captured(2)));

    // Nine digits cannot overflow qint64 below, and anything longer is far past the maximum.
    const QString digits = match.captured(1);
    const qint64 minutes = digits.size() > 9 ? kMaxIntervalMinutes + 1 : digits.toLongLong() * unitMinutes;
    if (minutes < 1)
        return reason(QStringLiteral("the interval must be at least one minute"));
    if (minutes > kMaxIntervalMinutes)
        return reason(QStringLiteral("the interval must be at most 365 days"));
    return int(minutes);
}

model::Result<QTime> parseTimeOfDay(const QString& token)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(token);
    if (!match.hasMatch())
        return reason(QStringLiteral("the time \"%1\" must look like HH:MM, e.g. 06:30").arg(token));
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (hour > 23 || minute > 59)
        return reason(QStringLiteral("the time \"%1\" must be between 00:00 and 23:59").arg(token));
    return QTime(hour, minute);
}

model::Result<QByteArray> parseZone(const QString& token)
{
    const QByteArray id = token.toUtf8();
    // QTimeZone only knows ASCII ids; checking first keeps odd bytes away from the tz backend.
    bool ascii = true;
    for (const char c : id)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii || !QTimeZone(id).isValid())
        return reason(QStringLiteral("unknown time zone \"%1\"").arg(token));
    return id;
}

// Tells a mistyped zone ("Mars/Olympus") from a sixth cron field ("*/15", "1-5/2").
bool looksLikeZone(const QString& token)
{
    const qsizetype slash = token.indexOf(u'/');
    if (slash < 2)
        return false;
    for (qsizetype i = 0; i < slash; ++i) {
        const char16_t c = token.at(i).unicode();
        if (!((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')))
            return false;
    }
    return true;
}

QString zoneSuffix(const QByteArray& zoneId, const QString& before, const QString& after)
{
    return zoneId.isEmpty() ? QString() : before + QString::fromLatin1(zoneId) + after;
}

} // namespace

Schedule Schedule::defaultSchedule()
{
    Schedule schedule;
    schedule.m_kind = Kind::Interval;
    schedule.m_intervalMinutes = kDefaultIntervalMinutes;
    return schedule;
}

model::Result<Schedule> Schedule::parse(const QString& text)
{
    const QString normalized = text.simplified();
    if (normalized.isEmpty()) {
        return model::Error::invalidData(
            QStringLiteral("a schedule cannot be empty; try \"every 4h\", \"daily 06:30\" or \"cron 0 4 * * *\""));
    }
    const auto reject = [&normalized](const model::Error& error) {
        return model::Error::invalidData(QStringLiteral("\"%1\": %2").arg(normalized, error.userMessage));
    };

    QStringList tokens = normalized.split(u' ');
    const QString keyword = tokens.takeFirst().toLower();
    Schedule schedule;

    if (keyword == u"every") {
        const model::Result<int> minutes = parseInterval(tokens.join(u' '));
        if (!minutes)
            return reject(minutes.error());
        schedule.m_kind = Kind::Interval;
        schedule.m_intervalMinutes = *minutes;
        return schedule;
    }

    if (keyword == u"daily") {
        if (tokens.isEmpty())
            return reject(reason(QStringLiteral("expected a time such as \"daily 06:30\"")));
        const model::Result<QTime> time = parseTimeOfDay(tokens.at(0));
        if (!time)
            return reject(time.error());
        if (tokens.size() > 1) {
            const model::Result<QByteArray> zone = parseZone(tokens.at(1));
            if (!zone)
                return reject(zone.error());
            schedule.m_zoneId = *zone;
        }
        if (tokens.size() > 2)
            return reject(reason(QStringLiteral("unexpected \"%1\" after the time zone").arg(tokens.at(2))));
        schedule.m_kind = Kind::Daily;
        schedule.m_timeOfDay = *time;
        model::Result<CronExpression> cron =
            CronExpression::parse(QStringLiteral("%1 %2 * * *").arg(time->minute()).arg(time->hour()));
        schedule.m_cron = std::move(cron).value(); // always valid: built from a checked time
        return schedule;
    }

    if (keyword == u"cron") {
        if (tokens.size() > 5) {
            const QString& last = tokens.constLast();
            if (looksLikeZone(last) || parseZone(last).ok()) {
                const model::Result<QByteArray> zone = parseZone(last);
                if (!zone)
                    return reject(zone.error());
                schedule.m_zoneId = *zone;
                tokens.removeLast();
            }
        }
        model::Result<CronExpression> cron = CronExpression::parse(tokens.join(u' '));
        if (!cron)
            return reject(cron.error());
        schedule.m_kind = Kind::Cron;
        schedule.m_cron = std::move(cron).value();
        return schedule;
    }

    return reject(reason(QStringLiteral("a schedule starts with \"every\", \"daily\" or \"cron\"")));
}

QTimeZone Schedule::timeZone() const
{
    if (!m_zoneId.isEmpty())
        return QTimeZone(m_zoneId);
    const QTimeZone system = QTimeZone::systemTimeZone();
    return system.isValid() ? system : QTimeZone::utc();
}

QString Schedule::toString() const
{
    switch (m_kind) {
    case Kind::Interval:
        if (m_intervalMinutes % kMinutesPerDay == 0)
            return QStringLiteral("every %1d").arg(m_intervalMinutes / kMinutesPerDay);
        if (m_intervalMinutes % kMinutesPerHour == 0)
            return QStringLiteral("every %1h").arg(m_intervalMinutes / kMinutesPerHour);
        return QStringLiteral("every %1m").arg(m_intervalMinutes);
    case Kind::Daily:
        return QStringLiteral("daily ") + m_timeOfDay.toString(QStringLiteral("HH:mm")) +
               zoneSuffix(m_zoneId, QStringLiteral(" "), QString());
    case Kind::Cron:
        return QStringLiteral("cron ") + m_cron->toString() + zoneSuffix(m_zoneId, QStringLiteral(" "), QString());
    }
    return {};
}

QString Schedule::describe() const
{
    switch (m_kind) {
    case Kind::Interval:
        if (m_intervalMinutes == 1)
            return QStringLiteral("Every minute");
        if (m_intervalMinutes == kMinutesPerHour)
            return QStringLiteral("Every hour");
        if (m_intervalMinutes == kMinutesPerDay)
            return QStringLiteral("Every day");
        if (m_intervalMinutes % kMinutesPerDay == 0)
            return QStringLiteral("Every %1 days").arg(m_intervalMinutes / kMinutesPerDay);
        if (m_intervalMinutes % kMinutesPerHour == 0)
            return QStringLiteral("Every %1 hours").arg(m_intervalMinutes / kMinutesPerHour);
        return QStringLiteral("Every %1 minutes").arg(m_intervalMinutes);
    case Kind::Daily:
        return QStringLiteral("Daily at ") + m_timeOfDay.toString(QStringLiteral("HH:mm")) +
               zoneSuffix(m_zoneId, QStringLiteral(" ("), QStringLiteral(")"));
    case Kind::Cron:
        return QStringLiteral("Cron: ") + m_cron->toString() +
               zoneSuffix(m_zoneId, QStringLiteral(" ("), QStringLiteral(")"));
    }
    return {};
}

QDateTime Schedule::nextAfter(const QDateTime& after) const
{
    if (!after.isValid())
        return {};
    if (m_kind == Kind::Interval)
        return QDateTime::fromMSecsSinceEpoch(after.toMSecsSinceEpoch() + qint64(m_intervalMinutes) * 60 * 1000,
                                              Qt::UTC);
    return m_cron->nextAfter(after, timeZone());
}

QList<QDateTime> Schedule::nextRuns(const QDateTime& after, int count) const
{
    QList<QDateTime> runs;
    QDateTime cursor = after;
    for (int i = 0; i < count; ++i) {
        cursor = nextAfter(cursor);
        if (!cursor.isValid())
            break;
        runs.append(cursor);
    }
    return runs;
}

} // namespace coffer::schedule
