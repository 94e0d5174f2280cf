#pragma once

#include "model/Snapshots.h"
#include "webhooks/PlaidWebhookEvent.h"

#include <QObject>

#include <memory>

namespace coffer::jobs {
class JobDispatcher;
}
namespace coffer::schedule {
class Clock;
}
namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}

namespace coffer::webhooks {

class PlaidWebhookRoute;
class WebhookReceiver;

// The optional webhook receiver as the engine runs it: listening on 127.0.0.1:<webhook_port> while
// the setting webhook_enabled is 1 (off by default), with POST /plaid for Plaid webhooks, and what
// a verified webhook changes:
//  - TRANSACTIONS SYNC_UPDATES_AVAILABLE: a sync of the connection at webhook priority, through
//    the same queue as "Sync now" and the schedules (limits and minimum interval apply; one already
//    queued covers it). Paused connections are left alone.
//  - ITEM ERROR whose error needs the user (ITEM_LOGIN_REQUIRED, consent errors): the connection
//    becomes "re-authentication required", as when a sync meets that error, and the user is told.
//  - ITEM PENDING_EXPIRATION: the consent's end is kept in the connection option consentExpiresAt,
//    so the connection shows "re-authenticate soon" within the consent warning days.
// Anything else verified is acknowledged and ignored.
//
// Thread affinity: the engine thread.
class WebhookService : public QObject {
    Q_OBJECT
public:
    WebhookService(store::Database& db, secrets::CredentialStore& credentials, jobs::JobDispatcher& jobs,
                   const schedule::Clock& clock, QObject* parent = nullptr);
    ~WebhookService() override;

    // Starts, moves or stops the receiver as the settings say. A port that cannot be had is
    // reported through failed(); the engine carries on without webhooks.
    void applySettings();
    bool isListening() const;
    quint16 port() const;

Q_SIGNALS:
    // For the user: the receiver could not start (the port is in use, ...).
    void failed(const QString& message);
    void notification(const coffer::model::Notification& notification);
    // A connection's state, options or queue changed: statuses and consent warnings are stale.
    void connectionsChanged();

private:
    void deliver(qint64 connectionId, const PlaidWebhookEvent& event);
    void requestSync(qint64 connectionId);
    void requireReauthentication(qint64 connectionId, const PlaidWebhookEvent& event);
    void recordConsentEnd(qint64 connectionId, const QDateTime& consentExpiresAt);

    store::Database& m_db;
    jobs::JobDispatcher& m_jobs;
    const schedule::Clock& m_clock;
    std::unique_ptr<PlaidWebhookRoute> m_plaid;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

} // namespace coffer::webhooks
