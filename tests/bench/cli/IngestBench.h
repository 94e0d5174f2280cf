#pragma once

#include "model/Result.h"
#include "model/Snapshots.h"
#include "sync/PageWriter.h"

#include <QJsonObject>

namespace coffer::bench {

class SyntheticFeed;

// Every page of the feed through one PageWriter, as one sync run does. Returns the run's counts;
// pending records delivered are added to *pending when it is given.
model::Result<model::ChangeCounts> deliverFeed(const SyntheticFeed& feed, sync::PageWriter& writer,
                                               sync::PageWriter::Target target, qint64* pending);

// `coffer-bench ingest`: a provider's full history (N transactions over A accounts, pages of 500)
// committed through PageWriter into an on-disk database, then the same pages once more (a resync
// where everything is already stored). An error when the store does not hold what was sent.
model::Result<QJsonObject> runIngestBench(qint64 transactions, int accounts);

} // namespace coffer::bench
