#pragma once

#include "importers/StatementSink.h"
#include "model/Import.h"
#include "model/Result.h"
#include "store/SqliteStatement.h"

#include <QHash>

namespace coffer::store {
class Database;
}

namespace coffer::importers {

// What became of each record of a file once the import's pages are written (inside the import's
// transaction, so a preview can say it before rolling back): read from the stored rows
// themselves, so the preview shows what the pipeline did, not a guess of it. In file order.
// Thread affinity: the Database's thread.
class ImportOutcomes {
public:
    explicit ImportOutcomes(store::Database& db);

    model::Status classify(const CollectingSink& file, const QHash<QString, qint64>& accountIds, const QString& source,
                           qint64 runId, model::ImportReport& report);

private:
    struct Row {
        qint64 id = 0;
        QString status;
        qint64 matchedTo = 0;
        QString matchReason;
        qint64 firstSeenRun = 0;
        qint64 lastChangedRun = 0;
    };
    model::Result<std::optional<Row>> row(qint64 accountId, const QString& source, const QString& providerId);
    model::Result<QString> describe(qint64 transactionId);
    model::Result<QString> matchReason(const Row& stored, qint64 runId, qint64* other);
    // Why the pipeline refused records of this run: transaction id -> its problem.
    model::Result<QHash<QString, QString>> refusals(qint64 runId);

    store::Database& m_db;
    store::SqliteStatement m_row;
    store::SqliteStatement m_byId;
    store::SqliteStatement m_foldedInto;
};

} // namespace coffer::importers
