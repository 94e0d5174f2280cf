#include "sync/CredentialRefresher.h"

#include "log/Log.h"
#include "providers/ConnectorFactory.h"
#include "secrets/CredentialStore.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"

#include <QPointer>

namespace coffer::sync {

namespace {
auto logger()
{
    return log::get("engine.secrets");
}
} // namespace

CredentialRefresher::CredentialRefresher(store::Database& db, secrets::CredentialStore& credentials,
                                         const schedule::Clock& clock, model::Connection connection, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_connection(std::move(connection))
{
}

CredentialRefresher::~CredentialRefresher() = default;

void CredentialRefresher::start()
{
    m_connector = providers::createConnector(m_connection.provider, m_clock);
    if (!m_connector)
        return finish(model::Error::permanent(QStringLiteral("Unknown provider \"%1\".").arg(m_connection.provider)));
    m_credentials.read(
        m_connection.id, secrets::kConnectionSecret,
        [self = QPointer<CredentialRefresher>(this)](model::Result<QString> secret) {
            if (!self || self->m_done)
                return;
            if (!secret.ok())
                return self->finish(secret.error());
            providers::FetchContext context;
            context.connectionId = self->m_connection.id;
            context.options = self->m_connection.options;
            context.secret = secret.value();
            self->m_connector->refreshCredentials(context, [self](model::Result<providers::CredentialUpdate> update) {
                if (!self || self->m_done)
                    return;
                if (!update.ok())
                    return self->finish(update.error());
                const QDateTime expiresAt = update->expiresAt;
                self->m_credentials.write(self->m_connection.id, secrets::kConnectionSecret, update->secret,
                                          [self, expiresAt](model::Status stored) {
                                              if (!self || self->m_done)
                                                  return;
                                              if (!stored.ok())
                                                  return self->finish(stored);
                                              self->finish(store::ConnectionRepository(self->m_db)
                                                               .setOption(self->m_connection.id,
                                                                          providers::kTokenExpiresAtOption,
                                                                          expiresAt.toString(Qt::ISODateWithMs)));
                                          });
            });
        });
}

void CredentialRefresher::cancel()
{
    if (m_connector)
        m_connector->cancel();
    finish(model::Error::cancelled(QStringLiteral("The sign-in renewal was stopped.")));
}

void CredentialRefresher::finish(const model::Status& outcome)
{
    if (m_done)
        return;
    m_done = true;
    if (outcome.ok())
        logger()->info("sign-in renewed for connection {}", m_connection.id);
    else
        logger()->warn("sign-in renewal for connection {} failed: {}", m_connection.id,
                       model::errorKindName(outcome.error().kind).toStdString());
    Q_EMIT finished(outcome);
}

} // namespace coffer::sync
