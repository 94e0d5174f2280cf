#include "model/Error.h"

#include <utility>

namespace coffer::model {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Retryable:
        return QStringLiteral("retryable");
    case ErrorKind::NeedsUser:
        return QStringLiteral("needs-user");
    case ErrorKind::InvalidData:
        return QStringLiteral("invalid-data");
    case ErrorKind::Permanent:
        return QStringLiteral("permanent");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

namespace {
Error make(ErrorKind kind, QString message, QString detail)
{
    Error e;
    e.kind = kind;
    e.userMessage = std::move(message);
    e.detail = std::move(detail);
    return e;
}
} // namespace

Error Error::retryable(QString message, QString detail)
{
    return make(ErrorKind::Retryable, std::move(message), std::move(detail));
}
Error Error::needsUser(QString message, QString detail)
{
    return make(ErrorKind::NeedsUser, std::move(message), std::move(detail));
}
Error Error::invalidData(QString message, QString detail)
{
    return make(ErrorKind::InvalidData, std::move(message), std::move(detail));
}
Error Error::permanent(QString message, QString detail)
{
    return make(ErrorKind::Permanent, std::move(message), std::move(detail));
}
Error Error::storage(QString message, QString detail)
{
    return make(ErrorKind::Storage, std::move(message), std::move(detail));
}
Error Error::cancelled(QString message)
{
    return make(ErrorKind::Cancelled, std::move(message), {});
}

} // namespace coffer::model
