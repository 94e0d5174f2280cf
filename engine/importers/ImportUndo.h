#pragma once

#include "model/Result.h"

#include <QDateTime>

namespace coffer::store {
class Database;
}

namespace coffer::importers {

// Takes an import back as a whole, in one transaction: the transactions it added are deleted
// (what they had matched is split from them first, so a synced transaction an imported one had
// hidden shows again), and the ones it changed or removed get back what they were, from the
// audit trail's before/after record. The import stays in the history, marked undone.
// Thread affinity: the Database's thread.
class ImportUndo {
public:
    explicit ImportUndo(store::Database& db);

    // A sentence for the user: what was taken back.
    model::Result<QString> undo(qint64 runId, const QDateTime& now);

private:
    model::Result<int> deleteAdded(qint64 runId, int* splits);
    model::Result<int> restoreChanged(qint64 runId);

    store::Database& m_db;
};

} // namespace coffer::importers
