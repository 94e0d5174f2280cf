#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMultiMap>

namespace coffer::webhooks {

// Remembers which deliveries were already acted on, by a digest of what their signature covers,
// until the caller says the delivery could no longer verify anyway (its token too old): a replayed
// delivery is recognised for as long as it could be accepted. Bounded: past maxEntries the ones
// that would be forgotten soonest go first.
class ReplayGuard {
public:
    explicit ReplayGuard(int maxEntries = 4096);

    // True the first time digest is seen before it is forgotten; records it until forgetAt.
    bool firstSeen(const QByteArray& digest, const QDateTime& now, const QDateTime& forgetAt);

private:
    void forgetUntil(qint64 nowMs);

    int m_maxEntries;
    QHash<QByteArray, qint64> m_forgetAtMs;
    QMultiMap<qint64, QByteArray> m_byForgetAt; // soonest first
};

} // namespace coffer::webhooks
