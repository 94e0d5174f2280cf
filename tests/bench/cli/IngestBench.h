#pragma once

#include "model/Result.h"

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench ingest`: a provider's full history (N transactions over A accounts, pages of 500)
// committed through PageWriter into an on-disk database, then the same pages once more (a resync
// where everything is already stored). An error when the store does not hold what was sent.
model::Result<QJsonObject> runIngestBench(qint64 transactions, int accounts);

} // namespace coffer::bench
