#pragma once

#include "model/Result.h"
#include "model/Transaction.h"
#include "providers/Connector.h"

namespace coffer::sync {

// Cleans a bank's raw description for display and matching: collapses white space, drops
// card numbers, store numbers and reference noise, and turns SHOUTING into Title Case.
QString cleanDescription(const QString& raw);

// Maps a provider's category to Coffer's small set (income, housing, groceries, dining, ...).
QString mapCategory(const QString& providerCategory);

// Why a delivered record cannot be stored (missing id, impossible date, unknown currency,
// unreadable amount), in plain words; empty when it is usable.
QString problemWith(const providers::ProviderTransaction& in);

// One normalized transaction from a provider record, for the given local account and source.
// The record must have passed problemWith().
model::Transaction normalize(const providers::ProviderTransaction& in, qint64 accountId, const QString& source);

} // namespace coffer::sync
