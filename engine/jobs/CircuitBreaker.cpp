#include "jobs/CircuitBreaker.h"

#include <algorithm>

namespace coffer::jobs {

CircuitBreaker::CircuitBreaker(const schedule::Clock& clock)
    : CircuitBreaker(clock, Settings{})
{
}

CircuitBreaker::CircuitBreaker(const schedule::Clock& clock, const Settings& settings)
    : m_clock(clock)
    , m_settings(settings)
{
    m_settings.failureThreshold = std::max(m_settings.failureThreshold, 1);
    m_settings.openSeconds = std::max(m_settings.openSeconds, 1);
    m_settings.maxOpenSeconds = std::max(m_settings.maxOpenSeconds, m_settings.openSeconds);
}

qint64 CircuitBreaker::nowMs() const
{
    return m_clock.now().toMSecsSinceEpoch();
}

void CircuitBreaker::open(Entry& entry, int seconds) const
{
    entry.state = State::Open;
    entry.openSeconds = seconds;
    entry.openUntilMs = nowMs() + qint64(seconds) * 1000;
    entry.probeOut = false;
}

bool CircuitBreaker::allow(const QString& key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return true;
    Entry& entry = *it;
    switch (entry.state) {
    case State::Closed:
        return true;
    case State::Open:
    case State::HalfOpen:
        // Open with time left, or a probe already out and not yet presumed lost.
        if (nowMs() < entry.openUntilMs && (entry.state == State::Open || entry.probeOut))
            return false;
        entry.state = State::HalfOpen;
        entry.probeOut = true;
        entry.openUntilMs = nowMs() + qint64(entry.openSeconds) * 1000;
        return true;
    }
    return true;
}

QDateTime CircuitBreaker::nextAttemptAt(const QString& key) const
{
    const qint64 now = nowMs();
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || it->state == State::Closed)
        return QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    if (it->state == State::HalfOpen && !it->probeOut)
        return QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return QDateTime::fromMSecsSinceEpoch(std::max(now, it->openUntilMs), Qt::UTC);
}

void CircuitBreaker::recordSuccess(const QString& key)
{
    // Any success shows the other side answers again: close and forget the failures and the backoff.
    m_entries.remove(key);
}

void CircuitBreaker::recordFailure(const QString& key)
{
    Entry& entry = m_entries[key];
    ++entry.consecutiveFailures;
    switch (entry.state) {
    case State::Closed:
        if (entry.consecutiveFailures >= m_settings.failureThreshold)
            open(entry, m_settings.openSeconds);
        break;
    case State::Open:
        // A call that started before the breaker opened; the open period already accounts for it.
        break;
    case State::HalfOpen: {
        // Each failed probe doubles the wait (written to not overflow for large settings).
        const int doubled =
            entry.openSeconds > m_settings.maxOpenSeconds / 2 ? m_settings.maxOpenSeconds : entry.openSeconds * 2;
        open(entry, doubled);
        break;
    }
    }
}

CircuitBreaker::State CircuitBreaker::state(const QString& key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return State::Closed;
    if (it->state == State::Open && nowMs() >= it->openUntilMs)
        return State::HalfOpen;
    return it->state;
}

} // namespace coffer::jobs
