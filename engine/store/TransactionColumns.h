#pragma once

// The column list and row mapping shared by every query that reads whole transactions, so the
// reader and the writer can never disagree on the order.

#include "model/Transaction.h"

#include <QSqlQuery>
#include <QString>

namespace coffer::store {

class SqliteStatement;

inline constexpr char kTransactionColumnsSql[] =
    "t.id, t.account_id, t.provider_id, t.pending_provider_id, t.booked_on, t.authorized_on, t.amount_minor, "
    "t.currency, t.description_raw, t.description, t.counterparty, t.category, t.check_number, t.reference, "
    "t.status, t.source, t.matched_to, t.match_reason, t.match_score, t.original_amount_minor, t.original_currency";

inline const QString kTransactionColumns = QString::fromLatin1(kTransactionColumnsSql);

// Number of columns in kTransactionColumns; extra selected columns start at this index.
constexpr int kTransactionColumnCount = 21;

model::Transaction transactionFromRow(const QSqlQuery& q);
model::Transaction transactionFromRow(const SqliteStatement& s);

// "2026-03-01" <-> QDate, without QDate::toString/fromString's generality: these run for every
// row written and read.
QDate parseIsoDate(const QString& text);
QString formatIsoDate(const QDate& date);

} // namespace coffer::store
