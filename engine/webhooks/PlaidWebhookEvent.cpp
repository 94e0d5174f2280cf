#include "webhooks/PlaidWebhookEvent.h"

#include "webhooks/PlaidWebhookVerifier.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace coffer::webhooks {

namespace {

model::Error malformed(const QString& what)
{
    model::Error e = model::Error::invalidData(QStringLiteral("The webhook's body is not a Plaid webhook."), what);
    e.providerCode = rejection::kMalformedBody;
    return e;
}

} // namespace

PlaidWebhookEvent::Action PlaidWebhookEvent::action() const
{
    // LOGIN_REPAIRED: the Item works again without the user going through Link; a sync that
    // succeeds clears "re-authentication required".
    if ((type == u"TRANSACTIONS" && code == u"SYNC_UPDATES_AVAILABLE") ||
        (type == u"ITEM" && code == u"LOGIN_REPAIRED"))
        return Action::Sync;
    if (type == u"ITEM" && (code == u"ERROR" || code == u"USER_PERMISSION_REVOKED") && !error.isEmpty())
        return Action::ItemError;
    if (type == u"ITEM" && code == u"PENDING_EXPIRATION" && consentExpiresAt.isValid())
        return Action::ConsentEnding;
    return Action::Ignore;
}

model::Result<PlaidWebhookEvent> PlaidWebhookEvent::parse(const QByteArray& body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed(QStringLiteral("the body is not a JSON object"));
    const QJsonObject object = document.object();
    PlaidWebhookEvent event;
    event.type = object.value(u"webhook_type").toString();
    event.code = object.value(u"webhook_code").toString();
    event.itemId = object.value(u"item_id").toString();
    if (event.type.isEmpty() || event.code.isEmpty())
        return malformed(QStringLiteral("the body has no webhook_type or webhook_code"));
    if (event.itemId.isEmpty() || event.itemId.size() > 256)
        return malformed(QStringLiteral("the body has no usable item_id"));
    event.error = object.value(u"error").toObject();
    event.consentExpiresAt =
        QDateTime::fromString(object.value(u"consent_expiration_time").toString(), Qt::ISODateWithMs).toUTC();
    return event;
}

} // namespace coffer::webhooks
