#pragma once

#include "model/Connection.h"
#include "model/Result.h"
#include "providers/Connector.h"

#include <QObject>

#include <memory>

namespace coffer::schedule {
class Clock;
}
namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}

namespace coffer::sync {

// Renews one connection's short-lived token before it expires: reads the current one from the
// keychain, asks the provider for a new one, stores it in the keychain and records its expiry
// on the connection. finished() reports once. Thread affinity: the engine thread.
class CredentialRefresher : public QObject {
    Q_OBJECT
public:
    CredentialRefresher(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
                        model::Connection connection, QObject* parent = nullptr);
    ~CredentialRefresher() override;

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const coffer::model::Status& outcome);

private:
    void finish(const model::Status& outcome);

    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    const schedule::Clock& m_clock;
    model::Connection m_connection;
    std::unique_ptr<providers::Connector> m_connector;
    bool m_done = false;
};

} // namespace coffer::sync
