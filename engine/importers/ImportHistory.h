#pragma once

#include "model/Import.h"
#include "model/Result.h"

#include <optional>

namespace coffer::store {
class Database;
}

namespace coffer::importers {

// The imports table: which run imported which file, and what became of its records.
// Thread affinity: the Database's thread.
class ImportHistory {
public:
    explicit ImportHistory(store::Database& db);

    model::Status record(qint64 runId, const QString& file, const QString& format, const model::ImportCounts& counts);
    model::Result<QList<model::ImportRecord>> newest(int limit) const;
    model::Result<std::optional<model::ImportRecord>> find(qint64 runId) const;
    model::Status markUndone(qint64 runId, const QDateTime& at);

private:
    model::Result<QList<model::ImportRecord>> select(const QString& where, const QVariantList& values) const;

    store::Database& m_db;
};

} // namespace coffer::importers
