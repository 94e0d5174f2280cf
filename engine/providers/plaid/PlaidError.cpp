#include "providers/plaid/PlaidError.h"

#include "providers/Connector.h"

#include <QSet>

namespace coffer::providers::plaid {

using model::Error;

namespace {

// Codes only the user can clear: sign in to the bank again through Link's update mode (keeping the
// Item and its accounts), grant consent again, or enter working Plaid keys.
const QSet<QString>& userCodes()
{
    static const QSet<QString> codes{
        QStringLiteral("ITEM_LOGIN_REQUIRED"),
        QStringLiteral("INVALID_CREDENTIALS"),
        QStringLiteral("INVALID_MFA"),
        QStringLiteral("INSUFFICIENT_CREDENTIALS"),
        QStringLiteral("ITEM_LOCKED"),
        QStringLiteral("USER_SETUP_REQUIRED"),
        QStringLiteral("MFA_NOT_SUPPORTED"),
        QStringLiteral("NO_ACCOUNTS"),
        QStringLiteral("ACCESS_NOT_GRANTED"),
        QStringLiteral("INVALID_UPDATED_USERNAME"),
        QStringLiteral("PENDING_EXPIRATION"),
        QStringLiteral("PENDING_DISCONNECT"),
        QStringLiteral("USER_PERMISSION_REVOKED"),
        QStringLiteral("USER_ACCOUNT_REVOKED"),
        QStringLiteral("ITEM_NOT_FOUND"),
        QStringLiteral("INVALID_ACCESS_TOKEN"),
        QStringLiteral("INVALID_API_KEYS"),
        QStringLiteral("UNAUTHORIZED_ENVIRONMENT"),
        QStringLiteral("ITEM_CONCURRENTLY_DELETED"),
    };
    return codes;
}

// Retried after a pause: the data is being prepared, or the bank is unavailable for a while.
const QSet<QString>& laterCodes()
{
    static const QSet<QString> codes{
        QStringLiteral("PRODUCT_NOT_READY"),          QStringLiteral("INSTITUTION_DOWN"),
        QStringLiteral("INSTITUTION_NOT_RESPONDING"), QStringLiteral("INSTITUTION_NOT_AVAILABLE"),
        QStringLiteral("PLANNED_MAINTENANCE"),        QStringLiteral("INTERNAL_SERVER_ERROR")};
    return codes;
}

constexpr int kNotReadyDelaySeconds = 300;

QString shortText(const QJsonValue& value)
{
    return value.toString().left(80);
}

} // namespace

std::optional<Error> errorFromObject(const QJsonObject& object, int httpStatus, std::optional<int> retryAfterSeconds)
{
    const QString code = shortText(object.value(QStringLiteral("error_code")));
    if (code.isEmpty())
        return std::nullopt;
    const QString type = shortText(object.value(QStringLiteral("error_type")));
    const QString reason = shortText(object.value(QStringLiteral("error_code_reason")));
    const QString display = object.value(QStringLiteral("display_message")).toString().trimmed();
    // Never error_message or the body: only Plaid's codes and its request id, for support.
    const QString detail = QStringLiteral("HTTP %1 %2/%3 request %4")
                               .arg(httpStatus)
                               .arg(type, code, shortText(object.value(QStringLiteral("request_id"))));
    const auto said = [&display](const QString& plain) { return display.isEmpty() ? plain : display; };

    Error error;
    if (code == u"TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION") {
        error = Error::retryable(QStringLiteral("Plaid's transactions changed while Coffer was reading them; Coffer "
                                                "will read them again."),
                                 detail);
        error.providerCode = kRestartPaginationCode;
        return error;
    }
    if (type == u"RATE_LIMIT_EXCEEDED" || httpStatus == 429) {
        error = Error::retryable(
            said(QStringLiteral("Plaid asked Coffer to slow down (%1); it will try again later.").arg(code)), detail);
        error.retryAfterSeconds = retryAfterSeconds.value_or(kRateLimitDelaySeconds);
    } else if (userCodes().contains(code) || type == u"OAUTH_ERROR" || reason.startsWith(u"OAUTH_")) {
        error = Error::needsUser(said(QStringLiteral("Plaid needs you to sign in to your bank again (%1). Use "
                                                     "\"Sign in again\" on this connection.")
                                          .arg(code)),
                                 detail);
    } else if (laterCodes().contains(code) || type == u"API_ERROR" || type == u"INSTITUTION_ERROR" ||
               httpStatus >= 500) {
        if (code == u"INSTITUTION_NO_LONGER_SUPPORTED")
            error =
                Error::permanent(said(QStringLiteral("Plaid no longer supports this bank (%1).").arg(code)), detail);
        else
            error = Error::retryable(said(QStringLiteral("Plaid or the bank is having trouble (%1). Coffer will try "
                                                         "again.")
                                              .arg(code)),
                                     detail);
        if (code == u"PRODUCT_NOT_READY")
            error.retryAfterSeconds = retryAfterSeconds.value_or(kNotReadyDelaySeconds);
        else
            error.retryAfterSeconds = retryAfterSeconds;
    } else if (type == u"ITEM_ERROR") {
        error = Error::needsUser(said(QStringLiteral("Plaid reported a problem with this bank connection (%1); sign "
                                                     "in again to repair it.")
                                          .arg(code)),
                                 detail);
    } else {
        // INVALID_REQUEST, INVALID_INPUT, INVALID_RESULT and the rest: retrying will not help.
        error = Error::permanent(said(QStringLiteral("Plaid refused Coffer's request (%1).").arg(code)), detail);
    }
    error.providerCode = code;
    return error;
}

} // namespace coffer::providers::plaid
