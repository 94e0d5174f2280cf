#pragma once

#include "model/Result.h"

#include <QDate>
#include <QString>

namespace coffer::store {
class Database;
}

namespace coffer::sync {

// How long a pending transaction may go unreported before it expires, unless the user set
// "pending_expiry_days". Card authorizations that never post drop off after about a week or two.
constexpr int kDefaultPendingExpiryDays = 10;

// Reads the user's setting (or the default).
int pendingExpiryDays(store::Database& db);

// Marks removed, with an audit event saying why, every open pending transaction of `source` (every
// source when empty) that its source has not delivered for more than `days` days before `today`.
// Returns how many expired. Thread affinity: the Database's thread; call inside a transaction.
model::Result<int> expirePending(store::Database& db, const QString& source, const QDate& today, int days,
                                 qint64 runId);

} // namespace coffer::sync
