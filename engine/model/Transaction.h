#pragma once

#include "model/Money.h"

#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

namespace coffer::model {

enum class TransactionStatus { Pending, Posted, Removed };

QString transactionStatusName(TransactionStatus status);
TransactionStatus transactionStatusFromName(const QString& name);

// One normalized transaction, whatever the source. amount is negative for money out.
struct Transaction {
    qint64 id = 0; // local id; 0 until stored
    qint64 accountId = 0;
    QString providerId;        // unique per account and source
    QString pendingProviderId; // for a posted transaction: the pending one it replaces
    QDate bookedOn;
    std::optional<QDate> authorizedOn;
    Money amount;
    QString descriptionRaw;
    QString description; // cleaned for display and matching
    QString counterparty;
    QString category;
    QString checkNumber;
    QString reference;
    TransactionStatus status = TransactionStatus::Posted;

    bool isPending() const { return status == TransactionStatus::Pending; }
};

// The fields a user sees change between two deliveries of the same transaction.
QStringList changedFields(const Transaction& before, const Transaction& after);

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::Transaction)
