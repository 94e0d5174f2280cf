#pragma once

// SQL for TransactionQuery, shared by the reader's listing and totals. Internal to store/.

#include "store/TransactionQuery.h"
#include "store/TransactionReader.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace coffer::store {

struct SqlConditions {
    QString sql; // " AND ..." for each condition, over transactions t
    QVariantList binds;
};

// The visible rows (not removed, not folded into another) the filter selects.
SqlConditions filterConditions(const TransactionFilter& filter);

// What a column sorts by, most significant first, collation included, over transactions t and
// accounts a. The row id follows as the last tie-breaker.
QStringList sortExpressions(SortColumn column);

// The values of sortExpressions for a listed row, to continue a listing after it.
QVariantList sortKeyOf(const TransactionRow& row, SortColumn column);

} // namespace coffer::store
