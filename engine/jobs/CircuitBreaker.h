#pragma once

#include "schedule/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace coffer::jobs {

// Stops the engine from hammering a bank that keeps failing. One breaker per key, e.g.
// "connection:12" or "provider:plaid"; a caller asks every breaker that applies before a call.
//
// Closed: calls go through. After failureThreshold consecutive failures the breaker opens.
// Open: calls are refused until the open period has passed, then the breaker is half-open.
// HalfOpen: exactly one probe call goes through. Its success closes the breaker and forgets the
// failures; its failure re-opens it for twice as long as before, up to maxOpenSeconds.
//
// Report only ErrorKind::Retryable failures with recordFailure(): bad credentials, invalid data or a
// cancelled run say nothing about whether the bank is up, and must not lock out the other connections.
// A probe that never reports (crash, cancel) is presumed lost after the current open period, and
// another probe is let through, so a breaker cannot stay shut forever.
//
// Not thread-safe: owned and used by the job queue's thread. Time comes from the Clock, so tests can
// move it by hand.
class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };

    struct Settings {
        int failureThreshold = 5;
        int openSeconds = 300;     // first open period
        int maxOpenSeconds = 3600; // the period doubles on each failed probe up to this
    };

    explicit CircuitBreaker(const schedule::Clock& clock);
    CircuitBreaker(const schedule::Clock& clock, const Settings& settings);

    // True when a call for key may start now. In HalfOpen it is true once, for the probe.
    bool allow(const QString& key);
    // When a caller refused by allow() may ask again; now when a call would be allowed.
    QDateTime nextAttemptAt(const QString& key) const;
    void recordSuccess(const QString& key);
    void recordFailure(const QString& key);
    // An Open breaker whose period has passed reads as HalfOpen.
    State state(const QString& key) const;

private:
    struct Entry {
        State state = State::Closed;
        int consecutiveFailures = 0;
        int openSeconds = 0;    // length of the current (or last) open period
        qint64 openUntilMs = 0; // Open: when the probe may go; HalfOpen with a probe out: when it is presumed lost
        bool probeOut = false;  // HalfOpen: the one probe has been let through and has not reported
    };

    qint64 nowMs() const;
    void open(Entry& entry, int seconds) const;

    const schedule::Clock& m_clock;
    Settings m_settings;
    QHash<QString, Entry> m_entries; // only keys that have failed; absent means Closed
};

} // namespace coffer::jobs
