#include "jobs/SyncLimits.h"

#include <algorithm>

namespace coffer::jobs {

namespace {

constexpr qint64 kMsPerMinute = 60 * 1000;

// "5 minutes", "6 hours": how the interval reads in a refusal.
QString durationText(int seconds)
{
    if (seconds % 3600 == 0 && seconds >= 7200)
        return QStringLiteral("%1 hours").arg(seconds / 3600);
    if (seconds >= 120)
        return QStringLiteral("%1 minutes").arg((seconds + 59) / 60);
    return QStringLiteral("%1 seconds").arg(seconds);
}

} // namespace

SyncLimits::SyncLimits(const schedule::Clock& clock)
    : m_clock(clock)
{
}

void SyncLimits::setDefaultMinIntervalSeconds(int seconds)
{
    m_defaultMinIntervalSeconds = std::max(seconds, 0);
}

void SyncLimits::setMinIntervalSeconds(qint64 connectionId, int seconds)
{
    m_minIntervalSeconds.insert(connectionId, std::max(seconds, 0));
}

void SyncLimits::setDailyCallBudget(qint64 connectionId, int callsPerAccount)
{
    m_dailyCallBudget.insert(connectionId, std::max(callsPerAccount, 0));
}

int SyncLimits::minIntervalSeconds(qint64 connectionId) const
{
    return m_minIntervalSeconds.value(connectionId, m_defaultMinIntervalSeconds);
}

std::optional<SyncLimits::Refusal> SyncLimits::checkBudget(qint64 connectionId, int accountCount, int calls) const
{
    const int budget = m_dailyCallBudget.value(connectionId, 0);
    if (budget <= 0)
        return std::nullopt;
    const qint64 allowance = qint64(budget) * std::max(accountCount, 1);
    const qint64 need = std::max(calls, 1); // a sync always costs at least one call
    if (need > allowance) {
        return Refusal{QDateTime(), QStringLiteral("This sync needs %1 calls, more than the %2 a day the bank allows.")
                                        .arg(need)
                                        .arg(allowance)};
    }
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    qint64 used = 0;
    QList<Start> inWindow;
    if (const auto history = m_history.constFind(connectionId); history != m_history.cend()) {
        for (const Start& start : history->starts) {
            const qint64 at = std::min(start.atMs, now);
            if (at + kWindowMs > now) {
                used += start.calls;
                inWindow.append({at, start.calls});
            }
        }
    }
    if (used + need <= allowance)
        return std::nullopt;
    // The oldest calls leave the window first; find the moment enough of them have left.
    qint64 freed = 0;
    for (const Start& start : std::as_const(inWindow)) {
        freed += start.calls;
        if (used - freed + need <= allowance)
            return Refusal{QDateTime::fromMSecsSinceEpoch(start.atMs + kWindowMs, Qt::UTC),
                           QStringLiteral("The bank allows %1 calls a day for this connection, and %2 were made in "
                                          "the last 24 hours.")
                               .arg(allowance)
                               .arg(used)};
    }
    return std::nullopt; // unreachable: need <= allowance, so freeing every call makes room
}

std::optional<SyncLimits::Refusal> SyncLimits::check(qint64 connectionId, int accountCount, int callsPerSync) const
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const auto history = m_history.constFind(connectionId);
    std::optional<Refusal> refusal;
    const int interval = minIntervalSeconds(connectionId);
    if (history != m_history.cend() && history->lastStartMs && interval > 0) {
        // A start "in the future" means the clock was set back; wait one interval from now, not longer.
        const qint64 allowedAt = std::min(*history->lastStartMs, now) + qint64(interval) * 1000;
        if (now < allowedAt)
            refusal =
                Refusal{QDateTime::fromMSecsSinceEpoch(allowedAt, Qt::UTC),
                        QStringLiteral("Coffer waits %1 between syncs of one connection.").arg(durationText(interval))};
    }
    // Several limits may apply: the user is told the latest time, the only one that will actually work.
    const auto budget = checkBudget(connectionId, accountCount, callsPerSync);
    if (budget && (!budget->nextAllowedAt.isValid() || !refusal || refusal->nextAllowedAt < budget->nextAllowedAt))
        return budget;
    return refusal;
}

void SyncLimits::prune(History& history, qint64 nowMs)
{
    // Clamping starts that lie ahead of a clock set back keeps the list ordered and the window finite.
    for (Start& start : history.starts)
        start.atMs = std::min(start.atMs, nowMs);
    history.starts.removeIf([nowMs](const Start& start) { return start.atMs + kWindowMs <= nowMs; });
}

void SyncLimits::recordStart(qint64 connectionId, int calls)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    History& history = m_history[connectionId];
    prune(history, now);
    history.lastStartMs = now;
    history.starts.append({now, std::max(calls, 0)});
}

void SyncLimits::settleCalls(qint64 connectionId, int calls)
{
    const auto history = m_history.find(connectionId);
    if (history != m_history.end() && !history->starts.isEmpty())
        history->starts.last().calls = std::max(calls, 0);
}

void SyncLimits::restore(qint64 connectionId, const QList<PastStart>& recentStarts)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    History history;
    for (const PastStart& start : recentStarts) {
        if (!start.at.isValid())
            continue;
        const qint64 atMs = start.at.toMSecsSinceEpoch();
        history.lastStartMs = std::max(history.lastStartMs.value_or(atMs), atMs);
        history.starts.append({atMs, std::max(start.calls, 0)});
    }
    std::sort(history.starts.begin(), history.starts.end(),
              [](const Start& a, const Start& b) { return a.atMs < b.atMs; });
    prune(history, now);
    m_history.insert(connectionId, history);
}

void SyncLimits::forget(qint64 connectionId)
{
    m_history.remove(connectionId);
    m_minIntervalSeconds.remove(connectionId);
    m_dailyCallBudget.remove(connectionId);
}

QString SyncLimits::refusalMessage(const Refusal& refusal, const QTimeZone& zone) const
{
    if (!refusal.nextAllowedAt.isValid())
        return refusal.reason;
    // Round up to the minute: told "14:35", a user who tries at 14:35:00 must not be refused.
    const qint64 ms = refusal.nextAllowedAt.toMSecsSinceEpoch();
    const qint64 roundedMs = (ms + kMsPerMinute - 1) / kMsPerMinute * kMsPerMinute;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(roundedMs, zone);
    const QDate today = m_clock.now().toTimeZone(zone).date();
    const QString time = local.toString(QStringLiteral("HH:mm"));
    if (local.date() <= today)
        return QStringLiteral("Next sync allowed at ") % time;
    if (local.date() == today.addDays(1))
        return QStringLiteral("Next sync allowed tomorrow at ") % time;
    // toString(format) uses the C locale, so the day reads the same everywhere ("Tue 5 Mar").
    return QStringLiteral("Next sync allowed on ") % local.toString(QStringLiteral("ddd d MMM")) %
           QStringLiteral(" at ") % time;
}

} // namespace coffer::jobs
