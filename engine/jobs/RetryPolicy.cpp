#include "jobs/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>

namespace coffer::jobs {

namespace {
constexpr qint64 kMsPerSecond = 1000;
}

qint64 RetryPolicy::backoffMs(int failedAttempt) const
{
    const qint64 capMs = qint64(std::max(maxDelaySeconds, 0)) * kMsPerSecond;
    qint64 delayMs = qint64(std::max(baseDelaySeconds, 0)) * kMsPerSecond;
    // Double step by step and stop at the cap, so a large attempt number cannot overflow.
    for (int attempt = 1; attempt < failedAttempt && delayMs < capMs; ++attempt)
        delayMs *= 2;
    return std::min(delayMs, capMs);
}

RetryDecision RetryPolicy::decide(int failedAttempt, const model::Error& error) const
{
    if (error.kind != model::ErrorKind::Retryable)
        return RetryDecision::noRetry();
    // The attempt limit wins over a server's Retry-After: the user hears about a dead bank, not silence.
    if (failedAttempt >= maxAttempts)
        return RetryDecision::deadLetter();

    const qint64 capMs = qint64(std::max(maxDelaySeconds, 0)) * kMsPerSecond;
    const qint64 baseMs = backoffMs(std::max(failedAttempt, 1));
    const qint64 jitterSpanMs = baseMs * std::clamp(jitterPercent, 0, 100) / 100;
    qint64 delayMs = baseMs;
    if (jitterSpanMs > 0) {
        const quint32 r = random ? random() : QRandomGenerator::global()->generate();
        delayMs += qint64(r) % (jitterSpanMs + 1);
    }
    // A hard cap: "nothing waits longer than maxDelaySeconds unless the server asked for it".
    delayMs = std::min(delayMs, capMs);

    // Retry-After is a floor set by the server; going earlier only earns another 429.
    if (error.retryAfterSeconds && *error.retryAfterSeconds > 0) {
        const qint64 serverMs = qint64(std::min(*error.retryAfterSeconds, kMaxRetryAfterSeconds)) * kMsPerSecond;
        delayMs = std::max(delayMs, serverMs);
    }
    return RetryDecision::retryAfter(delayMs);
}

} // namespace coffer::jobs
