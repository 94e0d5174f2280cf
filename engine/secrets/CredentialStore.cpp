#include "secrets/CredentialStore.h"

#include "log/Log.h"

#include <qt6keychain/keychain.h>

namespace coffer::secrets {

using model::Error;
using model::Ok;

namespace {

auto logger() { return log::get("engine.secrets"); }

QString unavailableMessage()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("The macOS keychain refused access. Unlock your login keychain and allow Coffer to use it.");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager is not available. Sign in with a normal user account and try again.");
#else
    return QStringLiteral("No system keychain is available. Install and start a Secret Service keyring (gnome-keyring or "
                          "KWallet), make sure it is unlocked, and try again. Coffer never stores credentials in plain text.");
#endif
}

Error keychainError(const QKeychain::Job& job, qint64 connectionId)
{
    logger()->warn("keychain error {} for connection {}: {}", int(job.error()), connectionId,
                   job.errorString().toStdString());
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error::needsUser(QStringLiteral("The saved sign-in for this connection is missing from the keychain: "
                                               "re-authenticate the connection."),
                                QStringLiteral("entry not found"));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::needsUser(QStringLiteral("Access to the keychain was denied. Allow Coffer to use the keychain and try again."),
                                job.errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    return Error::permanent(unavailableMessage(), job.errorString());
}

template <typename JobType>
JobType* makeJob(const QString& service, QObject* parent, const QString& key)
{
    auto* job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString CredentialStore::key(qint64 connectionId, const QString& name)
{
    return QStringLiteral("connection/%1/%2").arg(connectionId).arg(name);
}

void CredentialStore::write(qint64 connectionId, const QString& name, const QString& secret, Done done)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(m_service, this, key(connectionId, name));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [connectionId, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            return done(keychainError(*j, connectionId));
        logger()->info("credential stored for connection {}", connectionId);
        done(Ok{});
    });
    job->start();
}

void CredentialStore::read(qint64 connectionId, const QString& name, Read done)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(m_service, this, key(connectionId, name));
    connect(job, &QKeychain::Job::finished, this, [connectionId, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            return done(keychainError(*j, connectionId));
        done(static_cast<QKeychain::ReadPasswordJob*>(j)->textData());
    });
    job->start();
}

void CredentialStore::remove(qint64 connectionId, const QString& name, Done done)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(m_service, this, key(connectionId, name));
    connect(job, &QKeychain::Job::finished, this, [connectionId, done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            return done(keychainError(*j, connectionId));
        done(Ok{});
    });
    job->start();
}

} // namespace coffer::secrets
