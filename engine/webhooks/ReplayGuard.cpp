#include "webhooks/ReplayGuard.h"

namespace coffer::webhooks {

ReplayGuard::ReplayGuard(qint64 windowSeconds, int maxEntries)
    : m_windowMs(windowSeconds * 1000)
    , m_maxEntries(maxEntries)
{
}

bool ReplayGuard::firstSeen(const QByteArray& digest, const QDateTime& now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    forgetOlderThan(nowMs - m_windowMs);
    if (m_seenAtMs.contains(digest))
        return false;
    while (m_order.size() >= m_maxEntries)
        m_seenAtMs.remove(m_order.dequeue().second);
    m_seenAtMs.insert(digest, nowMs);
    m_order.enqueue({nowMs, digest});
    return true;
}

void ReplayGuard::forgetOlderThan(qint64 cutoffMs)
{
    while (!m_order.isEmpty() && m_order.head().first < cutoffMs)
        m_seenAtMs.remove(m_order.dequeue().second);
}

} // namespace coffer::webhooks
