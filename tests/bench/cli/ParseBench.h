#pragma once

#include "importers/StatementParser.h"
#include "model/Result.h"

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench parse FILE`: the file through its format's parser alone, into a sink that only
// counts (no engine, no database): transactions (invalid ones included, and counted apart),
// seconds, transactions per second and the process's peak RSS. An error when the parse fails. `currency` is
// ParseOptions::defaultCurrency (QIF and CSV files state none).
model::Result<QJsonObject> runParseBench(const QString& path, importers::Format format, const QString& currency);

} // namespace coffer::bench
