#include "PlaidFakeWebhooks.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace coffer::test {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

PlaidFakeWebhooks::PlaidFakeWebhooks(PlaidFake& fake)
    : m_fake(fake)
{
    m_fake.route(kKeyEndpoint, [this](const PlaidFake::Received& request) {
        if (auto refused = m_fake.checkApp(request))
            return *refused;
        const QString kid = request.body.value(u"key_id").toString();
        if (kid.isEmpty())
            return PlaidFake::error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("MISSING_FIELDS"),
                                    QStringLiteral("the following required fields are missing: key_id"));
        const auto key = m_keys.constFind(kid);
        if (key == m_keys.cend())
            return PlaidFake::error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_FIELD"),
                                    QStringLiteral("key_id is not a known webhook verification key"));
        return FakeHttpServer::Answer::json(
            200, QJsonObject{{QStringLiteral("key"), *key}, {QStringLiteral("request_id"), PlaidFake::requestId()}});
    });
}

void PlaidFakeWebhooks::publish(const PlaidWebhookSigner& signer, std::optional<qint64> expiredAt)
{
    m_keys.insert(signer.kid(), signer.jwk(expiredAt));
}

QByteArray PlaidFakeWebhooks::syncUpdatesAvailable(const QString& itemId) const
{
    return compact(QJsonObject{{QStringLiteral("webhook_type"), QStringLiteral("TRANSACTIONS")},
                               {QStringLiteral("webhook_code"), QStringLiteral("SYNC_UPDATES_AVAILABLE")},
                               {QStringLiteral("item_id"), itemId},
                               {QStringLiteral("initial_update_complete"), true},
                               {QStringLiteral("historical_update_complete"), true},
                               {QStringLiteral("environment"), QStringLiteral("sandbox")}});
}

QByteArray PlaidFakeWebhooks::itemError(const QString& itemId, const QString& errorCode,
                                        const QString& displayMessage) const
{
    const QJsonObject error{
        {QStringLiteral("error_type"), QStringLiteral("ITEM_ERROR")},
        {QStringLiteral("error_code"), errorCode},
        {QStringLiteral("error_message"), QStringLiteral("the login details of this item have "
                                                         "changed (credentials, MFA, or required "
                                                         "user action) and a user login is "
                                                         "required to update this information")},
        {QStringLiteral("display_message"), displayMessage.isEmpty() ? QJsonValue() : QJsonValue(displayMessage)},
        {QStringLiteral("request_id"), PlaidFake::requestId()},
        {QStringLiteral("causes"), QJsonArray()},
        {QStringLiteral("status"), 400}};
    return compact(QJsonObject{{QStringLiteral("webhook_type"), QStringLiteral("ITEM")},
                               {QStringLiteral("webhook_code"), QStringLiteral("ERROR")},
                               {QStringLiteral("item_id"), itemId},
                               {QStringLiteral("error"), error},
                               {QStringLiteral("environment"), QStringLiteral("sandbox")}});
}

QByteArray PlaidFakeWebhooks::pendingExpiration(const QString& itemId, const QDateTime& consentExpiresAt) const
{
    return compact(
        QJsonObject{{QStringLiteral("webhook_type"), QStringLiteral("ITEM")},
                    {QStringLiteral("webhook_code"), QStringLiteral("PENDING_EXPIRATION")},
                    {QStringLiteral("item_id"), itemId},
                    {QStringLiteral("consent_expiration_time"), consentExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("environment"), QStringLiteral("sandbox")}});
}

} // namespace coffer::test
