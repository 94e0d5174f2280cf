#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace coffer::webhooks {

// What a Plaid webhook body says, as far as Coffer acts on it (plaid.com/docs/api/webhooks):
// {"webhook_type", "webhook_code", "item_id", "error": {...}, "consent_expiration_time", ...}.
struct PlaidWebhookEvent {
    enum class Action {
        Sync,          // TRANSACTIONS SYNC_UPDATES_AVAILABLE (new data waits), ITEM LOGIN_REPAIRED
        ItemError,     // ITEM ERROR, USER_PERMISSION_REVOKED: the Item needs attention (error says what)
        ConsentEnding, // ITEM PENDING_EXPIRATION: consent runs out at consentExpiresAt
        Ignore,        // anything else: acknowledged, nothing to do
    };

    QString type;
    QString code;
    QString itemId;
    QJsonObject error;          // ITEM ERROR's Plaid error object
    QDateTime consentExpiresAt; // PENDING_EXPIRATION

    Action action() const;

    // An InvalidData error (code MALFORMED_BODY) when the body is not a JSON object naming a
    // webhook type, code and item; nothing from the body goes into the error.
    static model::Result<PlaidWebhookEvent> parse(const QByteArray& body);
};

} // namespace coffer::webhooks
