#pragma once

// The column list and row mapping shared by every query that reads whole transactions, so the
// reader and the writer can never disagree on the order.

#include "model/Transaction.h"

#include <QSqlQuery>
#include <QString>

namespace coffer::store {

inline const QString kTransactionColumns = QStringLiteral(
    "t.id, t.account_id, t.provider_id, t.pending_provider_id, t.booked_on, t.authorized_on, t.amount_minor, "
    "t.currency, t.description_raw, t.description, t.counterparty, t.category, t.check_number, t.reference, t.status");

// Number of columns in kTransactionColumns; extra selected columns start at this index.
constexpr int kTransactionColumnCount = 15;

model::Transaction transactionFromRow(const QSqlQuery& q);

} // namespace coffer::store
