#pragma once

#include "model/Error.h"

#include <QtGlobal>

#include <functional>

namespace coffer::jobs {

// What the queue does with a job whose run just failed.
struct RetryDecision {
    enum class Action {
        Retry,      // run again after delayMs
        DeadLetter, // retryable, but the attempts are used up: keep it as failed for the user to see
        NoRetry,    // the error kind says retrying cannot help (needs-user, invalid data, ...)
    };

    Action action = Action::NoRetry;
    qint64 delayMs = 0; // only meaningful for Retry

    bool retries() const { return action == Action::Retry; }

    static RetryDecision retryAfter(qint64 delayMs) { return {Action::Retry, delayMs}; }
    static RetryDecision deadLetter() { return {Action::DeadLetter, 0}; }
    static RetryDecision noRetry() { return {Action::NoRetry, 0}; }
};

// Exponential backoff with jitter for failed jobs, in whole milliseconds (integer maths: no rounding
// surprises in persisted run-at times). A plain value with no thread affinity; each caller owns its copy.
//
// Only ErrorKind::Retryable is retried. Needs-user waits for the user, invalid data and permanent errors
// do not change on their own, a storage failure means our own disk is in trouble (hammering it makes
// things worse), and a cancelled job was stopped on purpose.
struct RetryPolicy {
    // A Retry-After longer than this is treated as this: past a day, the next scheduled sync is as good.
    static constexpr int kMaxRetryAfterSeconds = 24 * 60 * 60;

    int maxAttempts = 4;             // runs in total: the first one and three retries (5 s, 10 s, 20 s)
    int baseDelaySeconds = 5;        // wait after the first failure; doubles after each further one
    int maxDelaySeconds = 3600;      // cap for our own backoff (a server's Retry-After may exceed it)
    int jitterPercent = 20;          // up to this much is added on top, so retries of many jobs spread out
    std::function<quint32()> random; // empty: QRandomGenerator::global(); tests inject a fixed source

    // failedAttempt is the 1-based number of the run that just failed.
    RetryDecision decide(int failedAttempt, const model::Error& error) const;

    // The un-jittered wait after failedAttempt: base * 2^(failedAttempt - 1), capped at maxDelaySeconds.
    qint64 backoffMs(int failedAttempt) const;
};

} // namespace coffer::jobs
