#pragma once

#include "model/Result.h"
#include "model/Snapshots.h"
#include "providers/Connector.h"
#include "store/ConnectionRepository.h"
#include "store/SyncRunRepository.h"
#include "store/TransactionRepository.h"
#include "sync/TransactionMatcher.h"

#include <QDate>
#include <QHash>
#include <QSet>

#include <functional>

namespace coffer::store {
class Database;
}

namespace coffer::sync {

// Commits one page of changes: each record validated (unusable ones quarantined with their reason
// and raw record, never failing the rest), normalized, matched and stored with its audit event;
// stored rows a covered date window no longer contains marked removed; the run's counters and the
// cursor the page advances to - all in one SQLite transaction. Re-delivering a page changes
// nothing; a failure anywhere leaves the database as it was before the page.
// Thread affinity: the Database's thread.
class PageWriter {
public:
    explicit PageWriter(store::Database& db);

    struct Target {
        qint64 connectionId = 0;           // 0 for a file import
        qint64 runId = 0;
        QString source;                    // "connection:<id>" or "import:<name>"
        QHash<QString, qint64> accountIds; // provider account id -> local id
        QDate today;                       // the day the records are seen (pending expiry counts from it)
        int pageNumber = 0;                // for quarantine reasons: where a bad record was
        bool saveCursor = true;            // false where the source has no cursor (imports, backfill)
        bool verify = false;               // compare every field even when the record is unchanged (full re-fetch)
        // More to write in the page's transaction (a backfill's progress), so it commits with the data.
        std::function<model::Status()> alsoCommit;
    };

    model::Result<model::ChangeCounts> commit(const Target& target, const providers::Page& page);

private:
    model::Status write(const Target& target, const providers::ProviderTransaction& incoming, int index,
                        model::ChangeCounts& counts);
    model::Status insert(const Target& target, model::Transaction t, const QByteArray& raw,
                         model::ChangeCounts& counts);
    model::Status update(const Target& target, model::Transaction t, const QByteArray& raw,
                         model::ChangeCounts& counts);
    model::Status remove(const Target& target, const providers::RemovedTransaction& gone, model::ChangeCounts& counts);
    model::Status reconcileWindow(const Target& target, const providers::Page& page, model::ChangeCounts& counts);
    model::Status quarantine(const Target& target, const providers::ProviderTransaction& incoming, int index,
                             const QString& problem, model::ChangeCounts& counts);

    store::Database& m_db;
    store::TransactionRepository m_transactions;
    store::ConnectionRepository m_connections;
    store::SyncRunRepository m_runs;
    TransactionMatcher m_matcher;
};

} // namespace coffer::sync
