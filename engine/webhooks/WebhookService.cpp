#include "webhooks/WebhookService.h"

#include "jobs/JobDispatcher.h"
#include "log/Log.h"
#include "providers/Connector.h"
#include "providers/plaid/PlaidError.h"
#include "schedule/Clock.h"
#include "store/ConnectionRepository.h"
#include "store/UserSettings.h"
#include "webhooks/PlaidWebhookRoute.h"
#include "webhooks/WebhookReceiver.h"

namespace coffer::webhooks {

namespace {

auto logger()
{
    return log::get("engine.webhook");
}

const QByteArray kPlaidPath = QByteArrayLiteral("/plaid");
constexpr int kAnswerTimeoutMs = 9'000; // Plaid counts a delivery unanswered after 10 s

} // namespace

WebhookService::WebhookService(store::Database& db, secrets::CredentialStore& credentials, jobs::JobDispatcher& jobs,
                               const schedule::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_jobs(jobs)
    , m_clock(clock)
{
    m_plaid = std::make_unique<PlaidWebhookRoute>(db, credentials, clock,
                                                  [this](qint64 id, const PlaidWebhookEvent& e) { deliver(id, e); });
    WebhookReceiver::Options options;
    options.answerTimeoutMs = kAnswerTimeoutMs;
    m_receiver = std::make_unique<WebhookReceiver>(options);
    m_receiver->addPostRoute(
        kPlaidPath, [route = m_plaid.get()](const HttpRequest& request, const WebhookReceiver::Respond& respond) {
            route->handle(request, respond);
        });
}

WebhookService::~WebhookService()
{
    m_receiver.reset(); // no request reaches the route once it is gone
}

void WebhookService::applySettings()
{
    const bool enabled = store::userSetting(m_db, store::settingKey::kWebhookEnabled) == 1;
    const auto port = quint16(store::userSetting(m_db, store::settingKey::kWebhookPort));
    if (!enabled) {
        m_receiver->close();
        return;
    }
    if (m_receiver->isListening() && m_receiver->port() == port)
        return;
    if (const auto listening = m_receiver->listen(port); !listening.ok())
        Q_EMIT failed(listening.error().userMessage);
}

bool WebhookService::isListening() const
{
    return m_receiver->isListening();
}

quint16 WebhookService::port() const
{
    return m_receiver->port();
}

void WebhookService::deliver(qint64 connectionId, const PlaidWebhookEvent& event)
{
    switch (event.action()) {
    case PlaidWebhookEvent::Action::Sync:
        return requestSync(connectionId);
    case PlaidWebhookEvent::Action::ItemError:
        return requireReauthentication(connectionId, event);
    case PlaidWebhookEvent::Action::ConsentEnding:
        return recordConsentEnd(connectionId, event.consentExpiresAt);
    case PlaidWebhookEvent::Action::Ignore:
        logger()->debug("Plaid webhook {} {} for connection {}: nothing to do", event.type.toStdString(),
                        event.code.toStdString(), connectionId);
        return;
    }
}

void WebhookService::requestSync(qint64 connectionId)
{
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return;
    if (connection->paused) {
        logger()->info("connection {} is paused; its webhook asks for no sync", connectionId);
        return;
    }
    const auto queued = m_jobs.requestSync(connectionId, jobs::Priority::Webhook);
    if (!queued.ok()) {
        logger()->warn("webhook sync for connection {} not queued: {}", connectionId,
                       queued.error().detail.isEmpty() ? queued.error().providerCode.toStdString()
                                                       : queued.error().detail.toStdString());
        return;
    }
    logger()->info("webhook sync for connection {} {}", connectionId, queued->merged ? "already queued" : "queued");
    Q_EMIT connectionsChanged();
}

void WebhookService::requireReauthentication(qint64 connectionId, const PlaidWebhookEvent& event)
{
    const int status = event.error.value(u"status").toInt(400);
    const auto error = providers::plaid::errorFromObject(event.error, status, std::nullopt);
    if (!error || error->kind != model::ErrorKind::NeedsUser) {
        logger()->info("Plaid reported {} for connection {}; the next sync deals with it",
                       error ? error->providerCode.toStdString() : std::string("an error"), connectionId);
        return;
    }
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return;
    // As a sync meeting this error would leave it.
    store::ConnectionRepository::Outcome outcome;
    outcome.state = model::ConnectionState::ReauthRequired;
    outcome.error = error->userMessage;
    outcome.errorKind = error->kind;
    outcome.attemptedAt = m_clock.now();
    if (!store::ConnectionRepository(m_db).recordOutcome(connectionId, outcome).ok())
        return;
    logger()->info("connection {} needs the user to sign in again (Plaid webhook, {})", connectionId,
                   error->providerCode.toStdString());
    model::Notification n;
    n.kind = model::Notification::Kind::ReauthRequired;
    n.connectionId = connectionId;
    n.title = QStringLiteral("%1 needs you to sign in again").arg(connection->name);
    n.message = error->userMessage;
    Q_EMIT notification(n);
    Q_EMIT connectionsChanged();
}

void WebhookService::recordConsentEnd(qint64 connectionId, const QDateTime& consentExpiresAt)
{
    const QString when = consentExpiresAt.toUTC().toString(Qt::ISODate);
    if (!store::ConnectionRepository(m_db).setOption(connectionId, providers::kConsentExpiresAtOption, when).ok())
        return;
    logger()->info("connection {}: Plaid says its consent ends {}", connectionId, when.toStdString());
    Q_EMIT connectionsChanged();
}

} // namespace coffer::webhooks
