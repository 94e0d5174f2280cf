#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QQueue>

namespace coffer::webhooks {

// Remembers which deliveries were already acted on, by a digest of their signature token, for a
// window longer than a token stays valid: a replayed delivery is recognised until its token is
// too old to verify anyway. Bounded: past maxEntries the oldest are forgotten.
class ReplayGuard {
public:
    explicit ReplayGuard(qint64 windowSeconds, int maxEntries = 4096);

    // True the first time digest is seen within the window; records it.
    bool firstSeen(const QByteArray& digest, const QDateTime& now);

private:
    void forgetOlderThan(qint64 cutoffMs);

    qint64 m_windowMs;
    int m_maxEntries;
    QHash<QByteArray, qint64> m_seenAtMs;
    QQueue<QPair<qint64, QByteArray>> m_order; // oldest first
};

} // namespace coffer::webhooks
