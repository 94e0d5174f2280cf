#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace coffer::schedule {

// Where the engine gets "now" from. Tests and benchmarks use ManualClock to move time by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that only moves when told to. Thread-safe reads.
class ManualClock final : public Clock {
public:
    explicit ManualClock(const QDateTime& start)
        : m_msecs(start.toMSecsSinceEpoch())
    {
    }
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC); }
    void advanceSeconds(qint64 seconds) { m_msecs += seconds * 1000; }
    void set(const QDateTime& when) { m_msecs = when.toMSecsSinceEpoch(); }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace coffer::schedule
