#include "store/TransactionColumns.h"

#include <QVariant>

namespace coffer::store {

model::Transaction transactionFromRow(const QSqlQuery& q)
{
    model::Transaction t;
    t.id = q.value(0).toLongLong();
    t.accountId = q.value(1).toLongLong();
    t.providerId = q.value(2).toString();
    t.pendingProviderId = q.value(3).toString();
    t.bookedOn = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    if (!q.value(5).isNull())
        t.authorizedOn = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    t.amount = model::Money(q.value(6).toLongLong(), q.value(7).toString());
    t.descriptionRaw = q.value(8).toString();
    t.description = q.value(9).toString();
    t.counterparty = q.value(10).toString();
    t.category = q.value(11).toString();
    t.checkNumber = q.value(12).toString();
    t.reference = q.value(13).toString();
    t.status = model::transactionStatusFromName(q.value(14).toString());
    return t;
}

} // namespace coffer::store
