#include "model/Account.h"

namespace coffer::model {

QString accountKindName(AccountKind kind)
{
    switch (kind) {
    case AccountKind::Checking:
        return QStringLiteral("checking");
    case AccountKind::Savings:
        return QStringLiteral("savings");
    case AccountKind::CreditCard:
        return QStringLiteral("credit-card");
    case AccountKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

AccountKind accountKindFromName(const QString& name)
{
    if (name == u"checking")
        return AccountKind::Checking;
    if (name == u"savings")
        return AccountKind::Savings;
    if (name == u"credit-card")
        return AccountKind::CreditCard;
    return AccountKind::Other;
}

} // namespace coffer::model
