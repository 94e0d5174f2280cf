#include "ConnectionEditor.h"

#include "Engine.h"

#include "jobs/JobDispatcher.h"
#include "log/Log.h"
#include "model/ConnectionDetails.h"
#include "providers/ConnectorFactory.h"
#include "schedule/Clock.h"
#include "secrets/CredentialStore.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "sync/ImportChoices.h"

#include <QTimer>

namespace coffer {

namespace {
auto logger()
{
    return log::get("engine");
}

// The accounts of a provider that is never synced, which it reports at once from the options.
model::Result<QList<providers::ProviderAccount>> accountsNow(providers::Connector& connector,
                                                             const QVariantMap& options)
{
    std::optional<model::Result<QList<providers::ProviderAccount>>> out;
    providers::FetchContext context;
    context.options = options;
    connector.listAccounts(context, [&out](auto accounts) { out = std::move(accounts); });
    if (!out)
        return model::Error::permanent(QStringLiteral("The provider did not describe its accounts."));
    return *out;
}
} // namespace

ConnectionEditor::ConnectionEditor(Engine& facade, store::Database& db, secrets::CredentialStore& credentials,
                                   jobs::JobDispatcher& jobs, const schedule::Clock& clock,
                                   std::function<void()> changed)
    : m_facade(facade)
    , m_db(db)
    , m_credentials(credentials)
    , m_jobs(jobs)
    , m_clock(clock)
    , m_changed(std::move(changed))
{
}

ConnectionEditor::~ConnectionEditor() = default;

void ConnectionEditor::failAdd(const QString& message, const Added& done)
{
    Q_EMIT m_facade.connectionAddFailed(message);
    Q_EMIT m_facade.operationFailed(message);
    if (done)
        done(model::Error::permanent(message));
}

void ConnectionEditor::failReauth(qint64 connectionId, const QString& message, const Done& done)
{
    Q_EMIT m_facade.reauthenticationFailed(connectionId, message);
    Q_EMIT m_facade.operationFailed(message);
    if (done)
        done(model::Error::permanent(message));
}

void ConnectionEditor::obtainCredential(const QString& provider, const QString& setupToken, const QVariantMap& options,
                                        std::function<void(model::Result<QString>)> done)
{
    if (setupToken.trimmed().isEmpty())
        return done(providers::initialCredential(provider));
    // The connector lives until its claim answers; it is dropped after the callback has returned.
    const int key = m_nextExchange++;
    auto connector = providers::createConnector(provider, m_clock);
    providers::Connector* raw = connector.get();
    m_exchanges.emplace(key, std::move(connector));
    raw->exchangeSetupToken(setupToken.trimmed(), options,
                            [this, key, done = std::move(done)](model::Result<QString> r) {
                                QTimer::singleShot(0, &m_facade, [this, key] { m_exchanges.erase(key); });
                                done(std::move(r));
                            });
}

void ConnectionEditor::add(const model::ConnectionSpec& requested, Added done)
{
    if (!providers::knownProviders().contains(requested.provider))
        return failAdd(QStringLiteral("Unknown provider \"%1\". Known providers: %2.")
                           .arg(requested.provider, providers::knownProviders().join(QStringLiteral(", "))),
                       done);
    model::ConnectionSpec spec = requested;
    auto connector = providers::createConnector(spec.provider, m_clock);
    const providers::ProviderInfo info = connector->describe();
    if (spec.name.trimmed().isEmpty())
        spec.name = info.displayName;
    if (!info.synced) {
        if (const auto accounts = accountsNow(*connector, spec.options); !accounts.ok())
            return failAdd(accounts.error().userMessage, done);
    }
    if (!spec.options.contains(QStringLiteral("openedAt")))
        spec.options.insert(QStringLiteral("openedAt"), m_clock.now().toString(Qt::ISODate));
    if (const auto expiry = connector->initialTokenExpiry(spec.options, m_clock.now()))
        spec.options.insert(providers::kTokenExpiresAtOption, expiry->toString(Qt::ISODateWithMs));
    if (!info.hasCredential || spec.setupToken.trimmed().isEmpty())
        return saveConnection(spec, info.displayName, std::move(done));
    const QString institution = info.displayName;
    obtainCredential(spec.provider, spec.setupToken, spec.options,
                     [this, spec, institution, done = std::move(done)](model::Result<QString> credential) mutable {
                         if (!credential.ok())
                             return failAdd(credential.error().userMessage, done);
                         spec.credential = credential.value();
                         saveConnection(spec, institution, std::move(done));
                     });
}

void ConnectionEditor::saveConnection(model::ConnectionSpec spec, const QString& institution, Added done)
{
    auto connector = providers::createConnector(spec.provider, m_clock);
    const providers::ProviderInfo info = connector->describe();
    store::ConnectionRepository repo(m_db);
    const auto id = repo.insert(spec, institution, m_clock.now());
    if (!id.ok())
        return failAdd(id.error().userMessage, done);
    const qint64 connectionId = id.value();
    const auto finish = [this, connectionId, done] {
        logger()->info("connection {} added", connectionId);
        m_jobs.connectionAdded(connectionId);
        m_changed();
        Q_EMIT m_facade.connectionAdded(connectionId);
        if (done)
            done(connectionId);
    };
    if (!info.hasCredential) {
        // Nothing will ever fetch its accounts: they exist from the start, as described.
        const auto accounts = accountsNow(*connector, spec.options);
        const auto saved = m_db.inTransaction([&]() -> model::Status {
            if (!accounts.ok())
                return accounts.error();
            for (const auto& pa : accounts.value()) {
                if (auto upserted = store::AccountRepository(m_db).upsert(connectionId, pa.toAccount()); !upserted.ok())
                    return upserted.error();
            }
            return model::Ok{};
        });
        if (!saved.ok()) {
            (void)repo.remove(connectionId, false);
            return failAdd(saved.error().userMessage, done);
        }
        return finish();
    }
    // The row exists only so the keychain key can be scoped to its id: without a stored
    // credential the connection is useless, so a keychain failure takes the row back out.
    const QString credential =
        spec.credential.isEmpty() ? providers::initialCredential(spec.provider) : spec.credential;
    m_credentials.write(
        connectionId, secrets::kConnectionSecret, credential, [this, connectionId, finish, done](model::Status stored) {
            if (!stored.ok()) {
                (void)store::ConnectionRepository(m_db).remove(connectionId, false);
                return failAdd(QStringLiteral("The connection was not saved. ") + stored.error().userMessage, done);
            }
            finish();
        });
}

void ConnectionEditor::reauthenticate(qint64 connectionId, const QString& setupToken)
{
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return failReauth(connectionId, connection.error().userMessage);
    auto connector = providers::createConnector(connection->provider, m_clock);
    if (!connector || !connector->describe().hasCredential)
        return failReauth(connectionId,
                          QStringLiteral("\u201c%1\u201d has no sign-in to renew.").arg(connection->name));
    const QString provider = connection->provider;
    const QVariantMap options = connection->options;
    obtainCredential(provider, setupToken, options, [this, connectionId](model::Result<QString> credential) {
        if (!credential.ok())
            return failReauth(connectionId, credential.error().userMessage);
        if (credential.value().isEmpty())
            return failReauth(
                connectionId,
                QStringLiteral("This connection needs the setup token from the provider to sign in again."));
        signedIn(connectionId, credential.value());
    });
}

void ConnectionEditor::readCredential(qint64 connectionId, std::function<void(model::Result<QString>)> done)
{
    m_credentials.read(connectionId, secrets::kConnectionSecret, std::move(done));
}

void ConnectionEditor::signedIn(qint64 connectionId, const QString& credential, Done done)
{
    // A sign-in that finishes after its connection was removed must not put a secret back.
    if (const auto exists = store::ConnectionRepository(m_db).get(connectionId); !exists.ok())
        return failReauth(connectionId, exists.error().userMessage, done);
    m_credentials.write(
        connectionId, secrets::kConnectionSecret, credential, [this, connectionId, done](model::Status stored) {
            if (!stored.ok())
                return failReauth(connectionId,
                                  QStringLiteral("The new sign-in was not saved. ") + stored.error().userMessage, done);
            auto current = store::ConnectionRepository(m_db).get(connectionId);
            if (!current.ok())
                return failReauth(connectionId, current.error().userMessage, done);
            const QDateTime now = m_clock.now();
            store::ConnectionRepository repo(m_db);
            const auto signedIn = providers::createConnector(current->provider, m_clock);
            model::Status saved =
                repo.setOption(connectionId, QStringLiteral("consentGrantedAt"), now.toString(Qt::ISODate));
            // An end the provider announced belonged to the consent just renewed.
            if (saved.ok())
                saved = repo.setOption(connectionId, providers::kConsentExpiresAtOption, QVariant());
            if (const auto expiry = signedIn->initialTokenExpiry(current->options, now); saved.ok() && expiry)
                saved =
                    repo.setOption(connectionId, providers::kTokenExpiresAtOption, expiry->toString(Qt::ISODateWithMs));
            if (saved.ok())
                saved = repo.clearError(connectionId);
            if (!saved.ok())
                return failReauth(connectionId, saved.error().userMessage, done);
            logger()->info("connection {} signed in again", connectionId);
            m_jobs.connectionChanged(connectionId); // planned again: a connection needing sign-in was not
            m_changed();
            Q_EMIT m_facade.reauthenticated(connectionId);
            Q_EMIT m_facade.operationSucceeded(QStringLiteral("Signed in again to \u201c%1\u201d.").arg(current->name));
            (void)m_jobs.requestSync(connectionId, jobs::Priority::Manual); // refused only by limits: then it waits
            if (done)
                done(model::Ok{});
        });
}

void ConnectionEditor::answer(const model::Status& saved, qint64 connectionId, const QString& done)
{
    if (!saved.ok())
        return Q_EMIT m_facade.operationFailed(saved.error().userMessage);
    m_jobs.connectionChanged(connectionId);
    m_changed();
    Q_EMIT m_facade.operationSucceeded(done);
}

void ConnectionEditor::rename(qint64 connectionId, const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return Q_EMIT m_facade.operationFailed(QStringLiteral("A connection needs a name."));
    answer(store::ConnectionRepository(m_db).setName(connectionId, trimmed), connectionId,
           QStringLiteral("Connection %1 is now called \u201c%2\u201d.").arg(connectionId).arg(trimmed));
}

void ConnectionEditor::setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds)
{
    answer(store::ConnectionRepository(m_db).setOption(connectionId, sync::kExcludedAccountsOption, accountProviderIds),
           connectionId,
           accountProviderIds.isEmpty() ? QStringLiteral("Connection %1 imports all its accounts.").arg(connectionId)
                                        : QStringLiteral("Connection %1 leaves %2 account(s) out of its syncs.")
                                              .arg(connectionId)
                                              .arg(accountProviderIds.size()));
}

void ConnectionEditor::setImportPending(qint64 connectionId, bool importPending)
{
    answer(store::ConnectionRepository(m_db).setOption(connectionId, sync::kImportPendingOption, importPending),
           connectionId,
           importPending ? QStringLiteral("Connection %1 imports pending transactions.").arg(connectionId)
                         : QStringLiteral("Connection %1 imports transactions once they post.").arg(connectionId));
}

void ConnectionEditor::describe(qint64 connectionId)
{
    const auto connection = store::ConnectionRepository(m_db).get(connectionId);
    if (!connection.ok())
        return Q_EMIT m_facade.operationFailed(connection.error().userMessage);
    const auto accounts = store::AccountRepository(m_db).forConnection(connectionId);
    if (!accounts.ok())
        return Q_EMIT m_facade.operationFailed(accounts.error().userMessage);
    const sync::ImportChoices choices = sync::ImportChoices::fromOptions(connection->options);
    const auto connector = providers::createConnector(connection->provider, m_clock);
    model::ConnectionDetails d;
    d.connectionId = connectionId;
    d.name = connection->name;
    d.provider = connection->provider;
    d.institution = connection->institution;
    d.schedule = connection->schedule;
    d.paused = connection->paused;
    d.importPending = choices.importPending;
    d.scheduled = !connector || connector->describe().synced;
    d.lastSuccessAt = connection->lastSuccessAt;
    for (const model::Account& a : accounts.value())
        d.accounts.append(
            model::AccountChoice{a.providerId, a.name, a.mask, a.currency, a.kind, choices.excludes(a.providerId)});
    Q_EMIT m_facade.connectionDescribed(d);
}

} // namespace coffer
