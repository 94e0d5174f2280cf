#pragma once

#include "model/Result.h"

#include <QDate>
#include <QString>

namespace coffer::store {
class Database;
}

namespace coffer::sync {

// How long a pending transaction may go unreported before it expires: the user's setting
// "pending_expiry_days" (default 10: card authorizations that never post drop off in a week or two).
int pendingExpiryDays(store::Database& db);

// Marks removed, with an audit event saying why, every open pending transaction of `source` (every
// source when empty) that its source has not delivered for more than `days` days before `today`.
// Returns how many expired. Thread affinity: the Database's thread; call inside a transaction.
model::Result<int> expirePending(store::Database& db, const QString& source, const QDate& today, int days,
                                 qint64 runId);

} // namespace coffer::sync
