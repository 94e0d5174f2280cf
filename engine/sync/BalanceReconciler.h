#pragma once

#include "model/Money.h"
#include "model/Result.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace coffer::store {
class Database;
}

namespace coffer::sync {

// One account's balance check after a run.
struct Reconciliation {
    qint64 accountId = 0;
    model::Money reported;             // what the provider says the balance is
    model::Money implied;              // the sum of the posted transactions Coffer holds
    qint64 driftMinor = 0;             // reported - implied: history before the first stored day, normally constant
    std::optional<qint64> previousDrift;
    bool flagged = false; // the drift moved although nothing explains it
};

// Compares each reported balance with the balance implied by the stored transactions and records
// the drift (reconciliations table). Stored history rarely starts at the account's opening, so a
// constant drift is expected; a drift that changes between runs means a transaction was missed,
// duplicated or changed without notice, and is flagged - unless the run was expected to change
// it (a backfill adds older history). Thread affinity: the Database's thread.
class BalanceReconciler {
public:
    explicit BalanceReconciler(store::Database& db)
        : m_db(db)
    {
    }

    model::Result<Reconciliation> reconcile(qint64 accountId, const model::Money& reported, qint64 runId,
                                            const QDateTime& at, bool driftMayChange);

private:
    store::Database& m_db;
};

} // namespace coffer::sync
