#pragma once

#include "model/Connection.h"
#include "model/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace coffer::providers {
class Connector;
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
namespace coffer::jobs {
class JobDispatcher;
}

namespace coffer {

class Engine;

// Adding, signing in again to and editing connections, for EngineCore: the setup-token exchange,
// the keychain, and the user's choices kept in the connection's options. Answers through the
// facade's signals. Thread affinity: the engine thread.
class ConnectionEditor {
public:
    // changed() is called after anything that moves a connection's status (consents, state).
    ConnectionEditor(Engine& facade, store::Database& db, secrets::CredentialStore& credentials,
                     jobs::JobDispatcher& jobs, const schedule::Clock& clock, std::function<void()> changed);
    ~ConnectionEditor();

    using Added = std::function<void(model::Result<qint64>)>;
    using Done = std::function<void(model::Status)>;

    // Adds a connection; done (optional) learns its id or why it was not added, after the facade's
    // connectionAdded()/connectionAddFailed().
    void add(const model::ConnectionSpec& spec, Added done = {});
    void reauthenticate(qint64 connectionId, const QString& setupToken);
    // A sign-in completed (a setup token exchanged, a provider's hosted sign-in finished): the
    // credential replaces the stored one, the error state clears, reauthenticated() is emitted and
    // a sync requested. done (optional) hears the outcome after the facade's signals.
    void signedIn(qint64 connectionId, const QString& credential, Done done = {});
    // The connection's stored credential (a secret: never logged).
    void readCredential(qint64 connectionId, std::function<void(model::Result<QString>)> done);
    void rename(qint64 connectionId, const QString& name);
    void setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds);
    void setImportPending(qint64 connectionId, bool importPending);
    void describe(qint64 connectionId);

private:
    // The credential to keep: the setup token exchanged by the provider's connector, or what the
    // provider issues itself (demo) when there is none.
    void obtainCredential(const QString& provider, const QString& setupToken, const QVariantMap& options,
                          std::function<void(model::Result<QString>)> done);
    void saveConnection(model::ConnectionSpec spec, const QString& institution, Added done);
    void failAdd(const QString& message, const Added& done = {});
    void failReauth(qint64 connectionId, const QString& message, const Done& done = {});
    void answer(const model::Status& saved, qint64 connectionId, const QString& done);

    Engine& m_facade;
    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    jobs::JobDispatcher& m_jobs;
    const schedule::Clock& m_clock;
    std::function<void()> m_changed;
    std::map<int, std::unique_ptr<providers::Connector>> m_exchanges; // connectors with a claim in flight
    int m_nextExchange = 0;
};

} // namespace coffer
