#pragma once

#include "model/Result.h"

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench import FILE`: the file imported end to end (format detection, parsing, account
// mapping, the sync pipeline's validation, normalization and matching, one SQLite transaction)
// through FileImports into a new on-disk data folder, as `cofferctl import` does. An error when
// the import fails or the store does not hold what the file had. `currency`: of amounts without one.
model::Result<QJsonObject> runImportBench(const QString& path, const QString& currency);

} // namespace coffer::bench
