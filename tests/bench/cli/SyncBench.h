#pragma once

#include "model/Result.h"

#include <QJsonObject>

namespace coffer::bench {

// `coffer-bench sync --provider plaid --transactions N`: a Plaid connection synced through the real
// engine (EngineHost: keychain, job queue, SyncRunner, pipeline, SQLite on disk) from the Plaid fake
// over loopback, an Item of N transactions in pages of 500. Measures from "Sync now" to the run's
// end. Needs a keychain (inside scripts/with-test-session.sh where there is no desktop one); the
// connection and its keychain entry are removed afterwards.
model::Result<QJsonObject> runSyncBench(const QString& provider, qint64 transactions);

} // namespace coffer::bench
