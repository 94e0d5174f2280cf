#include "providers/plaid/PlaidWebhookRegistration.h"

#include "log/Log.h"
#include "providers/plaid/PlaidCredentials.h"
#include "secrets/CredentialStore.h"
#include "store/ConnectionRepository.h"
#include "store/UserSettings.h"

#include <QJsonObject>
#include <QJsonValue>

namespace coffer::providers::plaid {

using model::Result;

namespace {
auto logger()
{
    return log::get("engine.providers");
}
} // namespace

PlaidWebhookRegistration::PlaidWebhookRegistration(store::Database& db, secrets::CredentialStore& credentials,
                                                   std::function<void(const QString&)> failed)
    : m_db(db)
    , m_credentials(credentials)
    , m_failed(std::move(failed))
    , m_url(webhookUrl(db))
    , m_alive(std::make_shared<int>(0))
{
}

PlaidWebhookRegistration::~PlaidWebhookRegistration() = default;

QString PlaidWebhookRegistration::webhookUrl(store::Database& db)
{
    if (store::userSetting(db, store::settingKey::kWebhookEnabled) != 1)
        return {};
    return store::userSettingText(db, store::settingKey::kWebhookPublicUrl);
}

QJsonObject PlaidWebhookRegistration::updateRequest(const QString& accessToken, const QString& url)
{
    return QJsonObject{{QStringLiteral("access_token"), accessToken},
                       {QStringLiteral("webhook"), url.isEmpty() ? QJsonValue() : QJsonValue(url)}};
}

void PlaidWebhookRegistration::settingsChanged()
{
    const QString url = webhookUrl(m_db);
    if (url == m_url)
        return;
    m_url = url;
    ++m_generation;
    m_client.cancel(); // an update for an older address must not land after this one
    const auto connections = store::ConnectionRepository(m_db).list();
    if (!connections.ok())
        return m_failed(QStringLiteral("Coffer could not tell Plaid the new webhook address: %1")
                            .arg(connections.error().userMessage));
    for (const model::Connection& c : connections.value()) {
        if (c.provider == u"plaid")
            update(c.id, c.name, c.options, url);
    }
}

void PlaidWebhookRegistration::update(qint64 connectionId, const QString& name, const QVariantMap& options,
                                      const QString& url)
{
    const auto fail = [this, name](const QString& why) {
        m_failed(
            QStringLiteral("Coffer could not tell Plaid where to send webhooks for \u201c%1\u201d: %2").arg(name, why));
    };
    m_credentials.read(connectionId, secrets::kConnectionSecret,
                       [this, alive = std::weak_ptr<int>(m_alive), connectionId, options, url, fail,
                        generation = m_generation](Result<QString> secret) {
                           if (!alive.lock() || generation != m_generation)
                               return;
                           if (!secret.ok())
                               return fail(secret.error().userMessage);
                           const auto keys = PlaidCredentials::fromSecret(secret.value());
                           if (!keys.ok())
                               return fail(keys.error().userMessage);
                           if (keys->accessToken.isEmpty())
                               return; // not linked to an item yet: Link will send the address
                           m_client.post(kUpdateEndpoint, updateRequest(keys->accessToken, url), keys.value(), options,
                                         [connectionId, fail](Result<QJsonObject> answer) {
                                             if (!answer.ok())
                                                 return fail(answer.error().userMessage);
                                             logger()->info("plaid: connection {} has its webhook address updated",
                                                            connectionId);
                                         });
                       });
}

} // namespace coffer::providers::plaid
