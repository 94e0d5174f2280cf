#include "secrets/CredentialStore.h"

#include "log/Log.h"

#include <QCoreApplication>
#include <QMutex>

#include <qt6keychain/keychain.h>

namespace coffer::secrets {

using model::Error;
using model::Ok;
using model::Result;

struct CredentialStore::Mailbox {
    QMutex mutex;
    CredentialStore* store = nullptr; // null once the store is destroyed
};

namespace {

auto logger()
{
    return log::get("engine.secrets");
}

QString unavailableMessage()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("The macOS keychain refused access. Unlock your login keychain and allow Coffer to use it.");
#elif defined(Q_OS_WIN)
    return QStringLiteral(
        "Windows Credential Manager is not available. Sign in with a normal user account and try again.");
#else
    return QStringLiteral(
        "No system keychain is available. Install and start a Secret Service keyring (gnome-keyring or "
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
        return Error::needsUser(
            QStringLiteral("Access to the keychain was denied. Allow Coffer to use the keychain and try again."),
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

Result<QString> noValue()
{
    return QString();
}

} // namespace

CredentialStore::CredentialStore(QString service, QString databaseId, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_databaseId(std::move(databaseId))
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->store = this;
}

CredentialStore::~CredentialStore()
{
    QMutexLocker lock(&m_mailbox->mutex);
    m_mailbox->store = nullptr;
}

QString CredentialStore::key(qint64 connectionId, const QString& name) const
{
    return QStringLiteral("%1/connection/%2/%3").arg(m_databaseId).arg(connectionId).arg(name);
}

void CredentialStore::run(Operation operation, qint64 connectionId, const QString& name, const QString& secret,
                          Read done)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (app == nullptr)
        return done(Error::permanent(unavailableMessage(), QStringLiteral("no application object")));
    auto start = [operation, connectionId, secret, app, service = m_service, key = key(connectionId, name),
                  mailbox = m_mailbox, done = std::move(done)]() {
        QKeychain::Job* job = nullptr;
        switch (operation) {
        case Operation::Write: {
            auto* w = new QKeychain::WritePasswordJob(service);
            w->setTextData(secret);
            job = w;
            break;
        }
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, app,
                         [operation, connectionId, mailbox, done](QKeychain::Job* j) {
                             Result<QString> outcome = noValue();
                             if (j->error() == QKeychain::EntryNotFound && operation == Operation::Remove)
                                 outcome = noValue();
                             else if (j->error() != QKeychain::NoError)
                                 outcome = keychainError(*j, connectionId);
                             else if (operation == Operation::Read)
                                 outcome = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
                             QMutexLocker lock(&mailbox->mutex);
                             if (mailbox->store != nullptr)
                                 QMetaObject::invokeMethod(
                                     mailbox->store, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
                         });
        job->start();
    };
    QMetaObject::invokeMethod(app, std::move(start), Qt::QueuedConnection);
}

void CredentialStore::write(qint64 connectionId, const QString& name, const QString& secret, Done done)
{
    run(Operation::Write, connectionId, name, secret, [connectionId, done = std::move(done)](Result<QString> r) {
        if (!r.ok())
            return done(r.error());
        logger()->info("credential stored for connection {}", connectionId);
        done(Ok{});
    });
}

void CredentialStore::read(qint64 connectionId, const QString& name, Read done)
{
    run(Operation::Read, connectionId, name, QString(), std::move(done));
}

void CredentialStore::remove(qint64 connectionId, const QString& name, Done done)
{
    run(Operation::Remove, connectionId, name, QString(),
        [done = std::move(done)](Result<QString> r) { done(r.ok() ? model::Status(Ok{}) : model::Status(r.error())); });
}

} // namespace coffer::secrets
