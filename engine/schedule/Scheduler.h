#pragma once

#include <QHash>
#include <QList>

#include <optional>
#include <queue>
#include <vector>

namespace coffer::schedule {

// When each connection is next due, as a min-heap: one timer in the engine is armed for the
// earliest entry instead of one timer per connection. Re-scheduling a connection leaves its old
// heap entry behind as stale; stale entries are skipped when they surface (lazy deletion keeps
// every operation O(log n)). Thread affinity: the engine thread.
class Scheduler {
public:
    // Due at dueMs (UTC ms), replacing any earlier plan for the connection.
    void set(qint64 connectionId, qint64 dueMs);
    void remove(qint64 connectionId);
    std::optional<qint64> dueAt(qint64 connectionId) const;

    // The earliest due time, if any connection is scheduled.
    std::optional<qint64> nextDueMs();
    // Every connection due at or before nowMs, each once however many runs it missed (a wake
    // from sleep or a clock jump collapses them). They are unscheduled until set() again.
    QList<qint64> takeDue(qint64 nowMs);

    int size() const { return int(m_due.size()); }

private:
    struct Entry {
        qint64 dueMs;
        qint64 connectionId;
        quint64 version;
        bool operator>(const Entry& o) const { return dueMs != o.dueMs ? dueMs > o.dueMs : connectionId > o.connectionId; }
    };
    struct Plan {
        qint64 dueMs;
        quint64 version;
    };
    void dropStale();

    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> m_heap;
    QHash<qint64, Plan> m_due;
    quint64 m_nextVersion = 1;
};

} // namespace coffer::schedule
