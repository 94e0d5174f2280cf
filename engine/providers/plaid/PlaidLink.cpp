#include "providers/plaid/PlaidLink.h"

#include "log/Log.h"
#include "providers/http/ProviderHttp.h"
#include "providers/plaid/PlaidClient.h"
#include "schedule/Clock.h"

#include <QJsonArray>

namespace coffer::providers::plaid {

using model::Error;
using model::Result;

namespace {

auto logger()
{
    return log::get("engine.providers");
}

constexpr int kMaxFailedPolls = 5; // network trouble while waiting: keep trying, a few times

QString text(const QJsonValue& value)
{
    return value.isString() ? value.toString() : QString();
}

// A session's public token: results.item_add_results[] (current), else on_success (legacy).
struct SessionOutcome {
    QString publicToken;
    QString institution;
    bool finished = false;
    bool exited = false;
    QString exitMessage; // Plaid's display_message for the user, when it gave one
};

SessionOutcome readSession(const QJsonObject& session)
{
    SessionOutcome out;
    for (const QJsonValue& added :
         session.value(QStringLiteral("results")).toObject().value(QStringLiteral("item_add_results")).toArray()) {
        const QJsonObject result = added.toObject();
        if (const QString token = text(result.value(QStringLiteral("public_token"))); !token.isEmpty()) {
            out.publicToken = token;
            out.institution =
                text(result.value(QStringLiteral("institution")).toObject().value(QStringLiteral("name")));
            break;
        }
    }
    if (out.publicToken.isEmpty()) {
        const QJsonObject success = session.value(QStringLiteral("on_success")).toObject();
        out.publicToken = text(success.value(QStringLiteral("public_token")));
        out.institution = text(success.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("institution"))
                                   .toObject()
                                   .value(QStringLiteral("name")));
    }
    out.finished = !text(session.value(QStringLiteral("finished_at"))).isEmpty();
    for (const QString& key : {QStringLiteral("exit"), QStringLiteral("on_exit")}) {
        const QJsonValue exit = session.value(key);
        if (!exit.isObject())
            continue;
        out.exited = true;
        const QJsonObject error = exit.toObject().value(QStringLiteral("error")).toObject();
        if (out.exitMessage.isEmpty())
            out.exitMessage = text(error.value(QStringLiteral("display_message")));
    }
    return out;
}

Error linkError(Error error, const QString& code)
{
    error.providerCode = code;
    return error;
}

} // namespace

QString linkSetupProblem(const QString& clientId, const QString& secret, const QVariantMap& options)
{
    if (clientId.trimmed().isEmpty())
        return QStringLiteral("Enter your Plaid client ID (Plaid Dashboard, Developers, Keys).");
    if (secret.trimmed().isEmpty())
        return QStringLiteral("Enter your Plaid secret for the chosen environment.");
    const QString environment = options.value(QStringLiteral("environment")).toString();
    if (environment != u"sandbox" && environment != u"production")
        return QStringLiteral("Choose Plaid's sandbox or production environment.");
    const auto base = PlaidClient::baseUrl(options);
    return base.ok() ? QString() : base.error().userMessage;
}

PlaidLink::PlaidLink(PlaidPost post, const schedule::Clock& clock)
    : m_post(std::move(post))
    , m_clock(clock)
    , m_alive(std::make_shared<int>(0))
{
    m_pollTimer.setSingleShot(true);
    QObject::connect(&m_pollTimer, &QTimer::timeout, &m_pollTimer, [this] { poll(); });
}

PlaidLink::~PlaidLink() = default;

std::function<void(Result<QJsonObject>)> PlaidLink::guarded(std::function<void(Result<QJsonObject>)> next)
{
    return [alive = std::weak_ptr<int>(m_alive), next = std::move(next)](Result<QJsonObject> r) {
        if (alive.lock())
            next(std::move(r));
    };
}

void PlaidLink::start(const LinkSettings& settings, std::function<void(const QUrl&)> opened,
                      std::function<void(Result<LinkedItem>)> done)
{
    m_settings = settings;
    m_done = std::move(done);
    QJsonObject body{
        {QStringLiteral("client_name"), QStringLiteral("Coffer")},
        {QStringLiteral("language"), settings.language},
        {QStringLiteral("country_codes"), QJsonArray::fromStringList(settings.countryCodes)},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("client_user_id"), settings.clientUserId}}},
        {QStringLiteral("hosted_link"), QJsonObject{}},
    };
    // Update mode names the item and no products: the item keeps the ones it has.
    if (settings.accessToken.isEmpty())
        body.insert(QStringLiteral("products"), QJsonArray{QStringLiteral("transactions")});
    else
        body.insert(QStringLiteral("access_token"), settings.accessToken);
    if (!settings.webhook.isEmpty())
        body.insert(QStringLiteral("webhook"), settings.webhook);
    m_post(QStringLiteral("/link/token/create"), body,
           guarded([this, opened = std::move(opened)](Result<QJsonObject> created) {
               if (!created.ok())
                   return finish(created.error());
               const QJsonObject& answer = created.value();
               m_linkToken = text(answer.value(QStringLiteral("link_token")));
               m_expiresAt = QDateTime::fromString(text(answer.value(QStringLiteral("expiration"))), Qt::ISODateWithMs);
               const QUrl url(text(answer.value(QStringLiteral("hosted_link_url"))));
               if (m_linkToken.isEmpty())
                   return finish(Error::invalidData(QStringLiteral("Plaid answered without a link token."),
                                                    QStringLiteral("/link/token/create: no link_token")));
               if (!url.isValid() || url.isEmpty())
                   return finish(Error::permanent(
                       QStringLiteral("Plaid did not give a Hosted Link address. Hosted Link may not be enabled for "
                                      "this Plaid account; ask Plaid to enable it."),
                       QStringLiteral("/link/token/create: no usable hosted_link_url")));
               // The address is opened in the user's browser: only https (plain http to this computer,
               // for a sandbox or fake), never another scheme a browser would act on.
               const bool secure =
                   url.scheme() == u"https" || (url.scheme() == u"http" && http::isLoopbackHost(url.host()));
               if (!secure)
                   return finish(Error::permanent(
                       QStringLiteral("Plaid's Hosted Link address is not a secure (https) web address, so Coffer "
                                      "will not open it. Check the Plaid environment address in this connection's "
                                      "settings."),
                       QStringLiteral("/link/token/create: hosted_link_url is not https")));
               logger()->info("plaid link: session opened ({} mode)",
                              m_settings.accessToken.isEmpty() ? "new item" : "update");
               opened(url);
               m_pollTimer.start(m_settings.pollIntervalMs);
           }));
}

void PlaidLink::poll()
{
    if (m_expiresAt.isValid() && m_clock.now() >= m_expiresAt)
        return finish(linkError(Error::permanent(QStringLiteral("The Plaid Link session expired before a bank was "
                                                                "connected. Start again to get a new one.")),
                                QStringLiteral("LINK_EXPIRED")));
    m_post(QStringLiteral("/link/token/get"), QJsonObject{{QStringLiteral("link_token"), m_linkToken}},
           guarded([this](Result<QJsonObject> sessions) {
               if (sessions.ok()) {
                   m_failedPolls = 0;
                   return onSessions(sessions.value());
               }
               if (sessions.error().kind != model::ErrorKind::Retryable || ++m_failedPolls >= kMaxFailedPolls)
                   return finish(sessions.error());
               logger()->warn("plaid link: polling failed ({}), trying again", sessions.error().detail.toStdString());
               m_pollTimer.start(m_settings.pollIntervalMs);
           }));
}

void PlaidLink::onSessions(const QJsonObject& response)
{
    const bool update = !m_settings.accessToken.isEmpty();
    const QJsonArray sessions = response.value(QStringLiteral("link_sessions")).toArray();
    bool allFinished = !sessions.isEmpty();
    SessionOutcome last;
    for (const QJsonValue& value : sessions) {
        const SessionOutcome session = readSession(value.toObject());
        if (!session.publicToken.isEmpty() || (update && session.finished && !session.exited)) {
            // Update mode repairs the item in place: its access token stays, nothing to exchange.
            if (update)
                return finish(LinkedItem{QString(), QString(), session.institution});
            return exchange(session.publicToken, session.institution);
        }
        allFinished = allFinished && session.finished;
        last = session;
    }
    if (allFinished && last.exited) {
        QString message = QStringLiteral("Plaid Link was closed before a bank was connected.");
        if (!last.exitMessage.isEmpty())
            message += u' ' + last.exitMessage;
        return finish(linkError(Error::cancelled(message), QStringLiteral("LINK_EXITED")));
    }
    m_pollTimer.start(m_settings.pollIntervalMs);
}

void PlaidLink::exchange(const QString& publicToken, const QString& institution)
{
    m_post(QStringLiteral("/item/public_token/exchange"), QJsonObject{{QStringLiteral("public_token"), publicToken}},
           guarded([this, institution](Result<QJsonObject> exchanged) {
               if (!exchanged.ok()) {
                   Error e = exchanged.error();
                   e.userMessage = QStringLiteral("Plaid could not finish connecting the bank: ") + e.userMessage;
                   return finish(e);
               }
               LinkedItem item{text(exchanged.value().value(QStringLiteral("access_token"))),
                               text(exchanged.value().value(QStringLiteral("item_id"))), institution};
               if (item.accessToken.isEmpty() || item.itemId.isEmpty())
                   return finish(Error::invalidData(
                       QStringLiteral("Plaid's answer to the token exchange had no access token or item id."),
                       QStringLiteral("/item/public_token/exchange: access_token or item_id missing")));
               finish(std::move(item));
           }));
}

void PlaidLink::createSandboxItem(std::function<void(Result<LinkedItem>)> done)
{
    m_done = std::move(done);
    m_post(QStringLiteral("/sandbox/public_token/create"),
           QJsonObject{{QStringLiteral("institution_id"), kSandboxInstitution},
                       {QStringLiteral("initial_products"), QJsonArray{QStringLiteral("transactions")}}},
           guarded([this](Result<QJsonObject> created) {
               if (!created.ok())
                   return finish(created.error());
               const QString token = text(created.value().value(QStringLiteral("public_token")));
               if (token.isEmpty())
                   return finish(Error::invalidData(QStringLiteral("Plaid's sandbox answered without a public token."),
                                                    QStringLiteral("/sandbox/public_token/create: no public_token")));
               exchange(token, QStringLiteral("First Platypus Bank"));
           }));
}

void PlaidLink::cancel()
{
    m_pollTimer.stop();
    m_done = nullptr;
    m_alive = std::make_shared<int>(0);
}

void PlaidLink::finish(Result<LinkedItem> outcome)
{
    m_pollTimer.stop();
    if (!outcome.ok())
        logger()->info("plaid link: ended without an item ({}: {})", outcome.error().providerCode.toStdString(),
                       outcome.error().detail.toStdString());
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(outcome));
}

} // namespace coffer::providers::plaid
