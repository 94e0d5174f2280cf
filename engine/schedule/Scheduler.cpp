#include "schedule/Scheduler.h"

namespace coffer::schedule {

void Scheduler::set(qint64 connectionId, qint64 dueMs)
{
    const quint64 version = m_nextVersion++;
    m_due.insert(connectionId, Plan{dueMs, version});
    m_heap.push(Entry{dueMs, connectionId, version});
    // Keep stale entries from piling up when plans change far more often than they fire.
    if (m_heap.size() > 2 * std::size_t(m_due.size()) + 1024) {
        std::vector<Entry> live;
        live.reserve(m_due.size());
        for (auto it = m_due.cbegin(); it != m_due.cend(); ++it)
            live.push_back(Entry{it->dueMs, it.key(), it->version});
        m_heap = decltype(m_heap)(std::greater<>(), std::move(live));
    }
}

void Scheduler::remove(qint64 connectionId)
{
    m_due.remove(connectionId);
}

std::optional<qint64> Scheduler::dueAt(qint64 connectionId) const
{
    const auto it = m_due.constFind(connectionId);
    return it == m_due.cend() ? std::nullopt : std::optional<qint64>(it->dueMs);
}

void Scheduler::dropStale()
{
    while (!m_heap.empty()) {
        const Entry& top = m_heap.top();
        const auto it = m_due.constFind(top.connectionId);
        if (it != m_due.cend() && it->version == top.version)
            return;
        m_heap.pop();
    }
}

std::optional<qint64> Scheduler::nextDueMs()
{
    dropStale();
    return m_heap.empty() ? std::nullopt : std::optional<qint64>(m_heap.top().dueMs);
}

QList<qint64> Scheduler::takeDue(qint64 nowMs)
{
    QList<qint64> due;
    for (dropStale(); !m_heap.empty() && m_heap.top().dueMs <= nowMs; dropStale()) {
        due.append(m_heap.top().connectionId);
        m_due.remove(m_heap.top().connectionId);
        m_heap.pop();
    }
    return due;
}

} // namespace coffer::schedule
