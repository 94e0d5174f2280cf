#pragma once

// Value snapshots the engine publishes to the UI and CLI. Plain data, copied across threads.

#include "model/Error.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace coffer::model {

enum class ConnectionState { Idle, Queued, Syncing, Error, Paused, ReauthRequired, ReauthSoon };

QString connectionStateName(ConnectionState state);

enum class SyncStage { Starting, Accounts, Transactions, Finalizing, Completed, Failed };

QString syncStageName(SyncStage stage);

struct ChangeCounts {
    int added = 0;
    int modified = 0;
    int removed = 0;
    int matched = 0;        // duplicates caught: pending folded into posted, the same transaction from two sources
    int invalid = 0;        // records quarantined with their reason
    int pendingExpired = 0; // pending transactions the source stopped reporting
    ChangeCounts& operator+=(const ChangeCounts& o)
    {
        added += o.added;
        modified += o.modified;
        removed += o.removed;
        matched += o.matched;
        invalid += o.invalid;
        pendingExpired += o.pendingExpired;
        return *this;
    }
    int total() const { return added + modified + removed; }
};

struct ConnectionStatus {
    qint64 connectionId = 0;
    QString name;
    QString provider;
    QString institution;
    ConnectionState state = ConnectionState::Idle;
    int accountCount = 0;
    qint64 transactionCount = 0;
    QDateTime lastSuccessAt; // UTC
    QDateTime lastAttemptAt; // UTC
    ChangeCounts lastChanges;
    QString lastError; // plain words, safe to show
    ErrorKind lastErrorKind = ErrorKind::Permanent;
    int progressPercent = -1; // -1 when not syncing
    QDateTime consentExpiresAt; // invalid when the provider has no consent that runs out
    QDateTime nextRunAt;        // the next scheduled sync; invalid when none is planned
    qint64 staleAfterSeconds = 0; // the user's threshold: data older than this is stale (0: not set)
    SyncStage stage = SyncStage::Completed;
    // The provider's word on the data, from the newest page synced (providers::Page::providerNote),
    // e.g. that Plaid is still collecting history; empty when there is nothing to say.
    QString providerNote;
};

struct JobProgress {
    qint64 connectionId = 0;
    qint64 syncRunId = 0;
    SyncStage stage = SyncStage::Starting;
    int percent = 0;
    int accountsProcessed = 0;
    int transactionsProcessed = 0;
    int etaSeconds = -1; // estimated time remaining; -1 while unknown
};

// The outcome of one sync run, for the CLI and notifications.
struct SyncSummary {
    qint64 connectionId = 0;
    qint64 syncRunId = 0;
    QString connectionName;
    bool succeeded = false;
    ChangeCounts changes;
    int pages = 0;
    QStringList warnings; // data-quality findings in plain words (a balance that stopped adding up)
    std::optional<Error> error;
};

struct Notification {
    enum class Kind { Info, SyncFailed, ReauthRequired, StorageProblem, DataStale, ConsentExpiring, BatchCompleted,
                      BalanceMismatch };
    Kind kind = Kind::Info;
    qint64 connectionId = 0;
    QString title;
    QString message;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::ConnectionStatus)
Q_DECLARE_METATYPE(coffer::model::JobProgress)
Q_DECLARE_METATYPE(coffer::model::SyncSummary)
Q_DECLARE_METATYPE(coffer::model::Notification)
