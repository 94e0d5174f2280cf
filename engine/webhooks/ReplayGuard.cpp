#include "webhooks/ReplayGuard.h"

namespace coffer::webhooks {

ReplayGuard::ReplayGuard(int maxEntries)
    : m_maxEntries(maxEntries)
{
}

bool ReplayGuard::firstSeen(const QByteArray& digest, const QDateTime& now, const QDateTime& forgetAt)
{
    forgetUntil(now.toMSecsSinceEpoch());
    if (m_forgetAtMs.contains(digest))
        return false;
    while (m_byForgetAt.size() >= m_maxEntries) {
        m_forgetAtMs.remove(m_byForgetAt.first());
        m_byForgetAt.erase(m_byForgetAt.begin());
    }
    const qint64 forgetAtMs = forgetAt.toMSecsSinceEpoch();
    m_forgetAtMs.insert(digest, forgetAtMs);
    m_byForgetAt.insert(forgetAtMs, digest);
    return true;
}

void ReplayGuard::forgetUntil(qint64 nowMs)
{
    while (!m_byForgetAt.isEmpty() && m_byForgetAt.firstKey() <= nowMs) {
        m_forgetAtMs.remove(m_byForgetAt.first());
        m_byForgetAt.erase(m_byForgetAt.begin());
    }
}

} // namespace coffer::webhooks
