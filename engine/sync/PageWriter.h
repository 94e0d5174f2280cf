#pragma once

#include "model/Result.h"
#include "model/Snapshots.h"
#include "providers/Connector.h"
#include "store/ConnectionRepository.h"
#include "store/SyncRunRepository.h"
#include "store/TransactionRepository.h"

#include <QHash>

namespace coffer::store {
class Database;
}

namespace coffer::sync {

// Commits one page of provider changes: its transactions, their audit events, the run's
// counters and the cursor the page advances to, all in one SQLite transaction. Re-delivering
// a page changes nothing; a failure anywhere leaves the database as it was before the page.
// Thread affinity: the Database's thread.
class PageWriter {
public:
    explicit PageWriter(store::Database& db);

    struct Target {
        qint64 connectionId = 0;
        qint64 runId = 0;
        QString source;                    // "connection:<id>"
        QHash<QString, qint64> accountIds; // provider account id -> local id
    };

    model::Result<model::ChangeCounts> commit(const Target& target, const providers::Page& page);

private:
    model::Status upsert(const Target& target, const providers::ProviderTransaction& incoming,
                         model::ChangeCounts& counts);
    model::Status remove(const Target& target, const providers::RemovedTransaction& gone, model::ChangeCounts& counts);
    model::Result<qint64> accountFor(const Target& target, const QString& accountProviderId) const;

    store::Database& m_db;
    store::TransactionRepository m_transactions;
    store::ConnectionRepository m_connections;
    store::SyncRunRepository m_runs;
};

} // namespace coffer::sync
