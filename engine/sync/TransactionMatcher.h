#pragma once

#include "model/Result.h"
#include "model/Transaction.h"

#include <QHash>

namespace coffer::store {
class TransactionRepository;
}

namespace coffer::sync {

// Finds the transaction a newly stored one duplicates and folds one into the other, in order:
// the provider's own pending link, a scored pending->posted match, then the same transaction from
// another source (the higher-quality source stays visible; both keep their ids, so re-delivery
// from either is idempotent). Every fold records its reason and score and an audit event on both
// rows; undo() splits them and the pair is never matched automatically again.
// Candidates come from indexed range reads on (account, amount, date), never a scan.
// Thread affinity: the Database's thread; call inside the page's SQLite transaction.
class TransactionMatcher {
public:
    explicit TransactionMatcher(store::TransactionRepository& transactions);

    // Forget what is known about accounts: call at the start of every page.
    void beginPage();
    // A pending row was stored in this account during the page.
    void notePending(qint64 accountId);
    // Matches a row just stored (inserted, or turned from pending to posted). Returns how many
    // duplicates it caught (0..2).
    model::Result<int> matchStored(const model::Transaction& stored, qint64 runId);
    // Splits transactionId from what it was folded into, or its folded rows from it. Returns how
    // many pairs were split; 0 when it was not matched.
    model::Result<int> undo(qint64 transactionId, qint64 runId);

private:
    model::Result<int> foldLinkedPending(const model::Transaction& posted, qint64 runId);
    model::Result<int> foldScoredPending(const model::Transaction& posted, qint64 runId);
    model::Result<int> foldOtherSource(const model::Transaction& stored, qint64 runId);
    model::Status fold(qint64 foldedId, qint64 survivorId, const QString& reason, double score, qint64 runId);
    model::Result<bool> accountFlag(QHash<qint64, bool>& cache, qint64 accountId, bool pending,
                                    const QString& source);

    store::TransactionRepository& m_transactions;
    QHash<qint64, bool> m_hasPending;     // account -> has open pending rows
    QHash<qint64, bool> m_hasOtherSource; // account -> holds rows from a source other than the page's
};

} // namespace coffer::sync
