#pragma once

#include "model/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace coffer::secrets {

// Connection credentials in the operating system's keychain (QtKeychain: Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows). Keys are scoped per connection
// ("connection/<id>/<name>") under one service name. There is no plain-text fallback: without a
// keychain, writes fail with a message saying what to install or enable.
// Thread affinity: the thread that created it (the engine thread); callbacks arrive there.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    explicit CredentialStore(QString service, QObject* parent = nullptr);

    using Done = std::function<void(model::Status)>;
    using Read = std::function<void(model::Result<QString>)>;

    void write(qint64 connectionId, const QString& name, const QString& secret, Done done);
    void read(qint64 connectionId, const QString& name, Read done);
    // Removing an entry that does not exist succeeds.
    void remove(qint64 connectionId, const QString& name, Done done);

    static QString key(qint64 connectionId, const QString& name);
    const QString& service() const { return m_service; }

private:
    QString m_service;
};

} // namespace coffer::secrets
