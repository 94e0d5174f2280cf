#pragma once

#include "model/Import.h"
#include "model/Result.h"

#include <QDate>

#include <functional>
#include <memory>

namespace coffer::schedule {
class Clock;
}
namespace coffer::store {
class Database;
}

namespace coffer::importers {

class ImportCancellation;

// Bank file imports: reads a file with its format's parser, decides where each of its accounts
// goes, and commits all its records through the sync pipeline (validation, normalization,
// matching, audit events) as one run, in one SQLite transaction: a preview is the same import
// rolled back, a cancelled or failed import leaves nothing behind. Lists imports and undoes one
// as a whole. Thread affinity: the Database's thread (the engine thread); run() blocks it for
// the length of the import, checking the cancellation between batches.
class FileImports {
public:
    FileImports(store::Database& db, const schedule::Clock& clock, std::shared_ptr<ImportCancellation> cancellation);
    ~FileImports();

    using ProgressFn = std::function<void(const model::ImportProgress&)>;
    // Errors carry the code the UI acts on in Error::providerCode (kAskDateOrderCode, "CANCELLED").
    model::Result<model::ImportReport> run(const model::ImportRequest& request, const ProgressFn& progress);
    model::Result<QList<model::ImportRecord>> list(int limit);
    // What was undone, in a sentence for the user.
    model::Result<QString> undo(qint64 runId);

private:
    // Whether the account already has a balance as of `day` or later.
    model::Result<bool> hasBalanceSince(qint64 accountId, const QDate& day);

    store::Database& m_db;
    const schedule::Clock& m_clock;
    std::shared_ptr<ImportCancellation> m_cancellation;
};

} // namespace coffer::importers
