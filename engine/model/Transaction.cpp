#include "model/Transaction.h"

#include <QStringList>

namespace coffer::model {

QString transactionStatusName(TransactionStatus status)
{
    switch (status) {
    case TransactionStatus::Pending:
        return QStringLiteral("pending");
    case TransactionStatus::Posted:
        return QStringLiteral("posted");
    case TransactionStatus::Removed:
        return QStringLiteral("removed");
    }
    return QStringLiteral("posted");
}

TransactionStatus transactionStatusFromName(const QString& name)
{
    if (name == u"pending")
        return TransactionStatus::Pending;
    if (name == u"removed")
        return TransactionStatus::Removed;
    return TransactionStatus::Posted;
}

QStringList changedFields(const Transaction& before, const Transaction& after)
{
    QStringList fields;
    if (before.bookedOn != after.bookedOn)
        fields << QStringLiteral("booked_on");
    if (before.authorizedOn != after.authorizedOn)
        fields << QStringLiteral("authorized_on");
    if (before.amount != after.amount)
        fields << QStringLiteral("amount");
    if (before.originalAmount != after.originalAmount)
        fields << QStringLiteral("original_amount");
    if (before.descriptionRaw != after.descriptionRaw)
        fields << QStringLiteral("description_raw");
    if (before.counterparty != after.counterparty)
        fields << QStringLiteral("counterparty");
    if (before.category != after.category)
        fields << QStringLiteral("category");
    if (before.checkNumber != after.checkNumber)
        fields << QStringLiteral("check_number");
    if (before.reference != after.reference)
        fields << QStringLiteral("reference");
    if (before.status != after.status)
        fields << QStringLiteral("status");
    return fields;
}

} // namespace coffer::model
