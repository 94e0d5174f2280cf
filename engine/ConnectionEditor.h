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

    void add(const model::ConnectionSpec& spec);
    void reauthenticate(qint64 connectionId, const QString& setupToken);
    void rename(qint64 connectionId, const QString& name);
    void setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds);
    void setImportPending(qint64 connectionId, bool importPending);
    void describe(qint64 connectionId);

private:
    // The credential to keep: the setup token exchanged by the provider's connector, or what the
    // provider issues itself (demo) when there is none.
    void obtainCredential(const QString& provider, const QString& setupToken, const QVariantMap& options,
                          std::function<void(model::Result<QString>)> done);
    void saveConnection(model::ConnectionSpec spec, const QString& institution);
    void failAdd(const QString& message);
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
