#pragma once

#include "schedule/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace coffer::jobs {

// Keeps every trigger (manual "Sync now", webhook, schedule, catch-up after sleep) within what a
// connection may do, so a quota is never burnt and "Sync now" can say when the next sync is allowed:
//  - a minimum interval between sync starts of one connection (default 300 s, overridable per connection);
//  - the provider's daily call budget per account (e.g. 4 a day per account under PSD2; 0 = unlimited),
//    counted over a rolling 24 h window of sync starts.
// The budget of a connection is budgetPerAccount * accountCount calls. For a provider whose budget is per
// connection or per token rather than per account, pass accountCount = 1.
//
// In memory only: after a restart the engine rebuilds the window with restore() from its sync history.
// Not thread-safe: owned and used by the job queue's thread.
class SyncLimits {
public:
    struct Refusal {
        QDateTime nextAllowedAt; // UTC; invalid when the sync can never fit the budget
        QString reason;          // plain words for the user
    };
    // A sync read back from the database: when it started and the calls it made.
    struct PastStart {
        QDateTime at;
        int calls = 1;
    };

    static constexpr int kDefaultMinIntervalSeconds = 300;
    static constexpr qint64 kWindowMs = 24LL * 60 * 60 * 1000;

    explicit SyncLimits(const schedule::Clock& clock);

    void setDefaultMinIntervalSeconds(int seconds);
    void setMinIntervalSeconds(qint64 connectionId, int seconds);
    // The connection's provider budget: calls per account per rolling 24 h; 0 = unlimited.
    void setDailyCallBudget(qint64 connectionId, int callsPerAccount);

    // Whether a sync of the connection may start now. callsPerSync is the number of provider calls the
    // sync would make in total; a sync that needs more calls than remain in the window is refused.
    std::optional<Refusal> check(qint64 connectionId, int accountCount, int callsPerSync) const;
    // The quota alone, without the minimum interval: for work the engine queues itself (backfills,
    // retries, follow-ups), which the interval does not hold back.
    std::optional<Refusal> checkBudget(qint64 connectionId, int accountCount, int calls) const;
    bool budgetAllows(qint64 connectionId, int accountCount, int calls) const
    {
        return !checkBudget(connectionId, accountCount, calls);
    }
    // A sync started now and will make this many calls.
    void recordStart(qint64 connectionId, int calls);
    // The sync started last made `calls` calls in the end (its start counted what it planned).
    void settleCalls(qint64 connectionId, int calls);
    // Replaces what is known about the connection with starts read back from the database. Starts
    // older than the window are dropped.
    void restore(qint64 connectionId, const QList<PastStart>& recentStarts);
    void forget(qint64 connectionId); // the connection was removed

    // "Next sync allowed at 14:35" in zone, with the day added when it is not today there. The minute is
    // rounded up, so the user is never told a time at which the sync would still be refused.
    QString refusalMessage(const Refusal& refusal, const QTimeZone& zone) const;

private:
    struct Start {
        qint64 atMs = 0;
        int calls = 0;
    };
    struct History {
        std::optional<qint64> lastStartMs; // kept apart: the interval may be longer than the window
        QList<Start> starts;               // within the window, oldest first
    };

    int minIntervalSeconds(qint64 connectionId) const;
    static void prune(History& history, qint64 nowMs);

    const schedule::Clock& m_clock;
    int m_defaultMinIntervalSeconds = kDefaultMinIntervalSeconds;
    QHash<qint64, int> m_minIntervalSeconds;
    QHash<qint64, int> m_dailyCallBudget;
    QHash<qint64, History> m_history;
};

} // namespace coffer::jobs
