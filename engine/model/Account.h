#pragma once

#include "model/Money.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace coffer::model {

enum class AccountKind { Checking, Savings, CreditCard, Other };

QString accountKindName(AccountKind kind);
AccountKind accountKindFromName(const QString& name);

struct Account {
    qint64 id = 0; // local id; 0 until stored
    qint64 connectionId = 0;
    QString providerId; // the provider's id for the account, unique per connection
    QString name;
    QString institution;
    AccountKind kind = AccountKind::Checking;
    QString currency;
    QString mask; // last digits only, for display; never the full number
    std::optional<Money> balance;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::Account)
