#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QString>

namespace coffer::bench {

// `coffer-bench ui`: the main window (offscreen) over an on-disk database of N transactions.
// Measures the time from creating the window and starting the engine to the first rows painted,
// search-as-you-type (every keystroke of typical searches, from the filter being applied to the
// matching rows painted), scrolling the first 10,000 rows a page at a time, and the peak RSS of
// the window's part of the run. Unless dataDir already holds a database, it first builds one of N
// synthetic transactions through the sync pipeline (in dataDir, kept, or a temporary folder), then
// measures in a child process over it.
model::Result<QJsonObject> runUiBench(qint64 transactions, const QString& dataDir);

} // namespace coffer::bench
