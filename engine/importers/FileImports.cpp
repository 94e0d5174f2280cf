#include "importers/FileImports.h"

#include "importers/ImportCancellation.h"

namespace coffer::importers {

using model::Error;

FileImports::FileImports(store::Database& db, const schedule::Clock& clock,
                         std::shared_ptr<ImportCancellation> cancellation)
    : m_db(db)
    , m_clock(clock)
    , m_cancellation(std::move(cancellation))
{
}

FileImports::~FileImports() = default;

model::Result<model::ImportReport> FileImports::run(const model::ImportRequest& request, const ProgressFn& progress)
{
    Q_UNUSED(request);
    Q_UNUSED(progress);
    return Error::permanent(QStringLiteral("Importing files is being built."));
}

model::Result<QList<model::ImportRecord>> FileImports::list(int limit)
{
    Q_UNUSED(limit);
    return QList<model::ImportRecord>{};
}

model::Result<QString> FileImports::undo(qint64 runId)
{
    Q_UNUSED(runId);
    return Error::permanent(QStringLiteral("Importing files is being built."));
}

} // namespace coffer::importers
