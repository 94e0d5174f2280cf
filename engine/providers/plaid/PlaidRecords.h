#pragma once

#include "model/Result.h"
#include "providers/Connector.h"

#include <QJsonObject>
#include <QJsonValue>

namespace coffer::providers::plaid {

// Plaid's JSON records as Coffer's provider records. Pure functions, no I/O.

// An amount from Plaid (a JSON number, or a string) in the currency's minor units, unchanged in
// sign. A JSON number arrives as a double; its shortest round-trip decimal is the text Plaid sent
// for any amount of up to 15 significant digits, and that text is read by Money::parse (no
// floating-point arithmetic). More decimals than the currency has is an error.
model::Result<model::Money> amountFrom(const QJsonValue& value, const QString& currency);

// A balance from Plaid, which may carry more decimals than the currency has (investment accounts:
// 23631.9805 USD): rounded half away from zero to the currency's minor unit, on the decimal text.
model::Result<model::Money> balanceFrom(const QJsonValue& value, const QString& currency);

// The currency of a record or balance: iso_currency_code, else unofficial_currency_code.
QString currencyOf(const QJsonObject& object);

// /accounts/get's answer: every account with its kind, mask, current balance (in Coffer's sign:
// what a credit card or loan owes is negative; none when Plaid gives none or an unreadable one)
// and the Item's institution name.
model::Result<QList<ProviderAccount>> accountsFrom(const QJsonObject& answer);

// One transaction object in Coffer's convention (Plaid's positive amounts are money out: negated).
// A record that cannot be read keeps what could be read and says why in `problem`.
ProviderTransaction transactionFrom(const QJsonObject& record);

// /transactions/sync's answer as a page: added, modified, removed, next_cursor, has_more, and
// transactions_update_status as a note while Plaid is still collecting history. InvalidData when a
// required part is missing.
model::Result<Page> pageFrom(const QJsonObject& answer);

// The note shown for a transactions_update_status; empty when history is complete (or unknown).
QString updateStatusNote(const QString& status);

} // namespace coffer::providers::plaid
