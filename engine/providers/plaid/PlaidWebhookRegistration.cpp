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

void PlaidWebhookRegistration::refresh()
{
    m_url = webhookUrl(m_db);
    const auto connections = store::ConnectionRepository(m_db).list();
    if (!connections.ok())
        return m_failed(QStringLiteral("Coffer could not tell Plaid the new webhook address: %1")
                            .arg(connections.error().userMessage));
    for (const model::Connection& c : connections.value()) {
        // One update per item at a time: what the option records is what Plaid last accepted.
        if (c.provider == u"plaid" && c.options.value(kOption).toString() != m_url && !m_pending.contains(c.id))
            update(c.id, c.name, c.options);
    }
}

void PlaidWebhookRegistration::update(qint64 connectionId, const QString& name, const QVariantMap& options)
{
    m_pending.insert(connectionId);
    m_credentials.read(
        connectionId, secrets::kConnectionSecret,
        [this, alive = std::weak_ptr<int>(m_alive), connectionId, name, options](Result<QString> secret) {
            if (!alive.lock())
                return;
            const QString url = m_url; // the newest address, whatever it was when this began
            const auto fail = [this, connectionId, name, url](const QString& why) {
                m_pending.remove(connectionId);
                m_failed(QStringLiteral("Coffer could not tell Plaid where to send webhooks for \u201c%1\u201d: %2")
                             .arg(name, why));
                if (url != m_url)
                    refresh(); // the address changed meanwhile: the newer one may yet succeed
            };
            if (!secret.ok())
                return fail(secret.error().userMessage);
            const auto keys = PlaidCredentials::fromSecret(secret.value());
            if (!keys.ok())
                return fail(keys.error().userMessage);
            if (keys->accessToken.isEmpty()) {
                m_pending.remove(connectionId);
                return; // not linked to an item yet: Link will send the address
            }
            m_client.post(kUpdateEndpoint, updateRequest(keys->accessToken, url), keys.value(), options,
                          [this, connectionId, url, fail](Result<QJsonObject> answer) {
                              if (!answer.ok())
                                  return fail(answer.error().userMessage);
                              if (const auto kept =
                                      store::ConnectionRepository(m_db).setOption(connectionId, kOption, url);
                                  !kept.ok())
                                  return fail(kept.error().userMessage);
                              m_pending.remove(connectionId);
                              logger()->info("plaid: connection {} has its webhook address updated", connectionId);
                              if (url != m_url)
                                  refresh(); // the address changed while this one was on its way
                          });
        });
}

} // namespace coffer::providers::plaid
