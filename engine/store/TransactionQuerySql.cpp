#include "store/TransactionQuerySql.h"

#include "model/Currency.h"
#include "store/TransactionColumns.h"

#include <QStringList>

namespace coffer::store {

namespace {

// The amount in ten-thousandths of its currency's unit (minor units times 10^(4 - exponent)), so
// 1,110 JPY compares as 1,110 and 12.50 USD as 12.50: the numbers the user reads.
const QString& scaledAmountExpression()
{
    static const QString expression = []() -> QString {
        QString sql = QStringLiteral("t.amount_minor * CASE t.currency");
        for (int exponent : {0, 3, 4}) {
            qint64 scale = 1;
            for (int i = exponent; i < 4; ++i)
                scale *= 10;
            for (const QString& code : model::currency::codesWithExponent(exponent))
                sql += QStringLiteral(" WHEN '%1' THEN %2").arg(code).arg(scale);
        }
        return sql + QStringLiteral(" ELSE 100 END");
    }();
    return expression;
}

} // namespace

SqlConditions filterConditions(const TransactionFilter& filter)
{
    SqlConditions c;
    c.sql = QStringLiteral(" AND t.status != 'removed' AND t.matched_to IS NULL");
    const auto add = [&c](const QString& condition, const QVariant& value) {
        c.sql += QStringLiteral(" AND ") + condition;
        c.binds.append(value);
    };
    const QString fts = ftsQueryFor(filter.search);
    if (!fts.isEmpty())
        add(QStringLiteral("t.id IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)"), fts);
    if (filter.accountId != 0)
        add(QStringLiteral("t.account_id = ?"), filter.accountId);
    else if (filter.connectionId != 0)
        add(QStringLiteral("t.account_id IN (SELECT id FROM accounts WHERE connection_id = ?)"), filter.connectionId);
    if (filter.from.isValid())
        add(QStringLiteral("t.booked_on >= ?"), formatIsoDate(filter.from));
    if (filter.to.isValid())
        add(QStringLiteral("t.booked_on <= ?"), formatIsoDate(filter.to));
    if (filter.minMagnitude)
        add(QStringLiteral("ABS(%1) >= ?").arg(scaledAmountExpression()), *filter.minMagnitude);
    if (filter.maxMagnitude)
        add(QStringLiteral("ABS(%1) <= ?").arg(scaledAmountExpression()), *filter.maxMagnitude);
    if (filter.status == TransactionFilter::Status::Pending)
        c.sql += QStringLiteral(" AND t.status = 'pending'");
    else if (filter.status == TransactionFilter::Status::Posted)
        c.sql += QStringLiteral(" AND t.status = 'posted'");
    if (!filter.category.isEmpty())
        add(QStringLiteral("t.category = ?"), filter.category);
    return c;
}

// The date and amount orders seek an index; the others sort what the filter selects, which is
// quick for a household ledger and about 3 s a page over a million rows (an index per text
// column cost a third of the sync speed).
QStringList sortExpressions(SortColumn column)
{
    switch (column) {
    case SortColumn::Date:
        return {QStringLiteral("t.booked_on")};
    case SortColumn::Account:
        return {QStringLiteral("a.name COLLATE NOCASE")};
    case SortColumn::Description:
        return {QStringLiteral("t.description COLLATE NOCASE")};
    case SortColumn::Counterparty:
        return {QStringLiteral("t.counterparty COLLATE NOCASE")};
    case SortColumn::Amount:
        // Amounts of one currency together: 1,110 yen and 11.10 dollars are not comparable.
        return {QStringLiteral("t.currency"), QStringLiteral("t.amount_minor")};
    case SortColumn::Status:
        return {QStringLiteral("t.status"), QStringLiteral("t.booked_on")};
    }
    return {QStringLiteral("t.booked_on")};
}

QVariantList sortKeyOf(const TransactionRow& row, SortColumn column)
{
    const model::Transaction& t = row.transaction;
    switch (column) {
    case SortColumn::Date:
        return {formatIsoDate(t.bookedOn)};
    case SortColumn::Account:
        return {row.accountName};
    case SortColumn::Description:
        return {t.description};
    case SortColumn::Counterparty:
        return {t.counterparty};
    case SortColumn::Amount:
        return {t.amount.currency(), t.amount.minorUnits()};
    case SortColumn::Status:
        return {model::transactionStatusName(t.status), formatIsoDate(t.bookedOn)};
    }
    return {};
}

} // namespace coffer::store
