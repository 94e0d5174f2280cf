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
    std::optional<Money> originalAmount; // in the currency the purchase was made in, when it differs
    QString descriptionRaw;
    QString description; // cleaned for display and matching
    QString counterparty;
    QString category;
    QString checkNumber;
    QString reference;
    TransactionStatus status = TransactionStatus::Posted;
    QString source;        // "connection:<id>" or "import:<name>": who delivered it
    qint64 matchedTo = 0;  // when folded into another transaction (its pending, or the same from another source)
    QString matchReason;   // why it was matched, in plain words
    double matchScore = 0; // 0..1; 1 for a provider's own link

    bool isPending() const { return status == TransactionStatus::Pending; }
    // Shown to the user: not removed and not folded into another transaction.
    bool isVisible() const { return status != TransactionStatus::Removed && matchedTo == 0; }
};

// The fields a user sees change between two deliveries of the same transaction.
QStringList changedFields(const Transaction& before, const Transaction& after);

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::Transaction)
