#pragma once

#include "model/Result.h"
#include "store/TransactionArchive.h"

#include <QDateTime>

namespace coffer::store {

class Database;

// The user's retention settings (UserSettings): "retention_archive_years" (0: keep everything in
// the database) and "retention_raw_days" (how long kept provider payloads stay).
struct RetentionPolicy {
    int archiveAfterYears = 0;
    int rawPayloadDays = 0;
};

RetentionPolicy retentionPolicy(Database& db);

struct RetentionOutcome {
    ArchiveOutcome archive;
    int rawPayloadsRemoved = 0;
};

// Applies the policy now: transactions booked more than N years ago go to an archive file, kept
// raw payloads older than M days are deleted. Nothing newer is touched.
model::Result<RetentionOutcome> applyRetention(Database& db, const QDateTime& now);

} // namespace coffer::store
