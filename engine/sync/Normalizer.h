#pragma once

#include "model/Transaction.h"
#include "providers/Connector.h"

namespace coffer::sync {

// Cleans a bank's raw description for display and matching: collapses white space, drops
// card numbers, store numbers and reference noise, and turns SHOUTING into Title Case.
QString cleanDescription(const QString& raw);

// Maps a provider's category to Coffer's small set (income, housing, groceries, dining, ...).
QString mapCategory(const QString& providerCategory);

// One normalized transaction from a provider record, for the given local account.
model::Transaction normalize(const providers::ProviderTransaction& in, qint64 accountId);

} // namespace coffer::sync
