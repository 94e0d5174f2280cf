#include "LinkSessions.h"

#include "ConnectionEditor.h"
#include "Engine.h"

#include "log/Log.h"
#include "providers/plaid/PlaidClient.h"
#include "providers/plaid/PlaidCredentials.h"
#include "providers/plaid/PlaidLink.h"
#include "providers/plaid/PlaidWebhookRegistration.h"
#include "store/ConnectionRepository.h"

#include <QTimer>

namespace coffer {

using providers::plaid::LinkedItem;
using providers::plaid::PlaidClient;
using providers::plaid::PlaidCredentials;
using providers::plaid::PlaidLink;

namespace {
auto logger()
{
    return log::get("engine");
}
const QString kPlaid = QStringLiteral("plaid");
constexpr int kDefaultPollMs = 3000;

// What a Plaid connection keeps in its options: where it talks to ("environment", "baseUrl" when
// set, the connection settings the request carried) and which item it is ("itemId": the webhook
// receiver finds the connection by it). Never a secret: those are not options.
QVariantMap connectionOptions(const QVariantMap& requested, const QString& itemId)
{
    QVariantMap options = requested;
    options.remove(QStringLiteral("pollIntervalMs")); // for the Link only
    options.remove(QStringLiteral("countryCodes"));
    if (options.value(QStringLiteral("baseUrl")).toString().trimmed().isEmpty())
        options.remove(QStringLiteral("baseUrl"));
    else
        options.insert(QStringLiteral("baseUrl"), options.value(QStringLiteral("baseUrl")).toString().trimmed());
    options.insert(QStringLiteral("itemId"), itemId);
    return options;
}
} // namespace

struct LinkSessions::Session {
    model::LinkRequest request;
    PlaidCredentials credentials;
    std::unique_ptr<PlaidClient> client;
    std::unique_ptr<PlaidLink> link;
    QString webhook; // the address /link/token/create gave Plaid for the new item
};

LinkSessions::LinkSessions(Engine& facade, store::Database& db, ConnectionEditor& editor, const schedule::Clock& clock,
                           QString installationId)
    : m_facade(facade)
    , m_db(db)
    , m_editor(editor)
    , m_clock(clock)
    , m_installationId(std::move(installationId))
{
}

LinkSessions::~LinkSessions() = default;

void LinkSessions::fail(int requestId, const QString& message)
{
    drop(requestId);
    Q_EMIT m_facade.linkFailed(requestId, message);
}

void LinkSessions::drop(int requestId)
{
    const auto it = m_sessions.find(requestId);
    if (it == m_sessions.end())
        return;
    it->second->link->cancel();
    // Possibly called from inside the session's own callback: let that return first.
    QTimer::singleShot(0, &m_facade, [session = std::shared_ptr<Session>(std::move(it->second))] { (void)session; });
    m_sessions.erase(it);
}

void LinkSessions::begin(const model::LinkRequest& request)
{
    if (m_sessions.count(request.requestId) || m_readingSecret.count(request.requestId))
        return fail(request.requestId, QStringLiteral("This Plaid Link is already open."));
    if (request.connectionId == 0) {
        if (const QString problem =
                providers::plaid::linkSetupProblem(request.clientId, request.secret, request.options);
            !problem.isEmpty())
            return fail(request.requestId, problem);
        PlaidCredentials credentials;
        credentials.clientId = request.clientId.trimmed();
        credentials.secret = request.secret.trimmed();
        return start(request, request.options, credentials.toSecret());
    }
    if (request.sandboxTestItem)
        return fail(request.requestId, QStringLiteral("A test item is a new connection; it cannot sign in an "
                                                      "existing one again."));
    const auto connection = store::ConnectionRepository(m_db).get(request.connectionId);
    if (!connection.ok())
        return fail(request.requestId, connection.error().userMessage);
    if (connection->provider != kPlaid)
        return fail(request.requestId,
                    QStringLiteral("\u201c%1\u201d is not a Plaid connection.").arg(connection->name));
    const QVariantMap options = connection->options;
    m_readingSecret.insert(request.requestId);
    m_editor.readCredential(request.connectionId, [this, request, options](model::Result<QString> secret) {
        if (m_readingSecret.erase(request.requestId) == 0)
            return; // cancelled while the keychain answered: nothing opens
        if (!secret.ok())
            return fail(request.requestId, secret.error().userMessage);
        start(request, options, secret.value());
    });
}

void LinkSessions::start(const model::LinkRequest& request, const QVariantMap& options, const QString& storedSecret)
{
    const auto credentials = PlaidCredentials::fromSecret(storedSecret);
    if (!credentials.ok())
        return fail(request.requestId, credentials.error().userMessage);
    const bool update = request.connectionId != 0;
    if (update && credentials->accessToken.isEmpty())
        return fail(request.requestId, QStringLiteral("This Plaid connection has no item to sign in to again; "
                                                      "remove it and add the bank again."));
    if (request.sandboxTestItem && options.value(QStringLiteral("environment")).toString() != QStringLiteral("sandbox"))
        return fail(request.requestId, QStringLiteral("Test items exist only in Plaid's sandbox environment."));

    auto session = std::make_unique<Session>();
    session->request = request;
    session->credentials = credentials.value();
    if (const auto base = PlaidClient::baseUrl(options); !base.ok())
        return fail(request.requestId, base.error().userMessage);
    session->client = std::make_unique<PlaidClient>();
    PlaidClient* rawClient = session->client.get();
    const PlaidCredentials keys = session->credentials;
    session->link = std::make_unique<PlaidLink>(
        [rawClient, keys, options](const QString& endpoint, const QJsonObject& body, auto done) {
            rawClient->post(endpoint, body, keys, options, std::move(done));
        },
        m_clock);
    PlaidLink* link = session->link.get();
    const int requestId = request.requestId;
    m_sessions.emplace(requestId, std::move(session));

    auto linked = [this, requestId](model::Result<LinkedItem> item) {
        const auto it = m_sessions.find(requestId);
        if (it == m_sessions.end())
            return;
        const model::LinkRequest asked = it->second->request;
        PlaidCredentials stored = it->second->credentials;
        const QString webhook = it->second->webhook;
        drop(requestId);
        if (!item.ok())
            return Q_EMIT m_facade.linkFailed(requestId, item.error().userMessage);
        if (asked.connectionId != 0) {
            // Update mode repaired the item in place: the same access token, signed in again.
            return m_editor.signedIn(asked.connectionId, stored.toSecret(), [this, asked](model::Status done) {
                if (done.ok())
                    Q_EMIT m_facade.linkCompleted(asked.requestId, asked.connectionId);
                else
                    Q_EMIT m_facade.linkFailed(asked.requestId, done.error().userMessage);
            });
        }
        stored.accessToken = item->accessToken;
        model::ConnectionSpec spec;
        spec.provider = kPlaid;
        spec.name = asked.name.simplified();
        if (spec.name.isEmpty())
            spec.name = item->institutionName.isEmpty() ? QStringLiteral("Plaid") : item->institutionName;
        spec.options = connectionOptions(asked.options, item->itemId);
        if (!webhook.isEmpty())
            spec.options.insert(providers::plaid::PlaidWebhookRegistration::kOption, webhook);
        spec.credential = stored.toSecret();
        logger()->info("plaid link {}: item linked, adding the connection", requestId);
        m_editor.add(spec, [this, requestId](model::Result<qint64> added) {
            if (added.ok())
                Q_EMIT m_facade.linkCompleted(requestId, added.value());
            else
                Q_EMIT m_facade.linkFailed(requestId, added.error().userMessage);
        });
    };
    if (request.sandboxTestItem)
        return link->createSandboxItem(std::move(linked));

    providers::plaid::LinkSettings settings;
    settings.clientUserId = QStringLiteral("coffer-") + m_installationId;
    settings.accessToken = update ? keys.accessToken : QString();
    settings.webhook = providers::plaid::PlaidWebhookRegistration::webhookUrl(m_db);
    m_sessions.at(requestId)->webhook = update ? QString() : settings.webhook; // update mode: no effect
    if (const QStringList countries = request.options.value(QStringLiteral("countryCodes")).toStringList();
        !countries.isEmpty())
        settings.countryCodes = countries;
    const int pollMs = request.options.value(QStringLiteral("pollIntervalMs"), kDefaultPollMs).toInt();
    settings.pollIntervalMs = pollMs > 0 ? pollMs : kDefaultPollMs;
    link->start(
        settings, [this, requestId](const QUrl& url) { Q_EMIT m_facade.linkOpened(requestId, url); },
        std::move(linked));
}

void LinkSessions::cancel(int requestId)
{
    m_readingSecret.erase(requestId);
    if (m_sessions.count(requestId))
        logger()->info("plaid link {}: cancelled", requestId);
    drop(requestId);
}

} // namespace coffer
