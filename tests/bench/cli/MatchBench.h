#pragma once

#include "model/Result.h"

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench match`: a labelled data set (pending->posted pairs with and without the provider's
// link, tips, the same transaction from the connection and from a bank file in both orders, and
// look-alikes that must stay apart) through PageWriter, then precision and recall of the folds.
// With `explain`, per-case counts and example mistakes go to stderr. An error when records were
// lost or quarantined.
model::Result<QJsonObject> runMatchBench(qint64 transactions, int accounts, bool explain);

} // namespace coffer::bench
