#pragma once

#include "model/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace coffer::secrets {

// The name each connection's provider secret is kept under (an access URL, a token, a Plaid
// connection's {"client_id","secret","access_token"}).
inline const QString kConnectionSecret = QStringLiteral("token");

// Connection credentials in the operating system's keychain (QtKeychain: Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows). Keys are scoped per database and
// connection ("<databaseId>/connection/<id>/<name>") under one service name. There is no
// plain-text fallback: without a keychain, writes fail with a message saying what to install or
// enable.
//
// Thread affinity: use it from the thread that created it (the engine thread); callbacks arrive
// there. The keychain jobs themselves run on the application's main thread, because the Linux
// backend (libsecret over GLib) binds its shared service object to the thread that first used
// it, and a later engine thread would otherwise wait forever for replies.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    CredentialStore(QString service, QString databaseId, QObject* parent = nullptr);
    ~CredentialStore() override;

    using Done = std::function<void(model::Status)>;
    using Read = std::function<void(model::Result<QString>)>;

    void write(qint64 connectionId, const QString& name, const QString& secret, Done done);
    void read(qint64 connectionId, const QString& name, Read done);
    // Removing an entry that does not exist succeeds.
    void remove(qint64 connectionId, const QString& name, Done done);

    QString key(qint64 connectionId, const QString& name) const;
    const QString& service() const { return m_service; }

    struct Mailbox;

private:
    enum class Operation { Write, Read, Remove };
    void run(Operation operation, qint64 connectionId, const QString& name, const QString& secret, Read done);

    QString m_service;
    QString m_databaseId;
    std::shared_ptr<Mailbox> m_mailbox; // lets main-thread replies find this object while it lives
};

} // namespace coffer::secrets
