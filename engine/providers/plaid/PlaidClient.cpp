#include "providers/plaid/PlaidClient.h"

#include "log/Log.h"
#include "providers/http/InFlightReplies.h"
#include "providers/http/ProviderHttp.h"
#include "providers/plaid/PlaidError.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

#include <utility>

namespace coffer::providers::plaid {

using model::Error;
using model::Result;

namespace {

auto logger()
{
    return log::get("engine.providers");
}

Error configError(const QString& message, const QString& detail)
{
    Error e = Error::permanent(message, detail);
    e.providerCode = QStringLiteral("BAD_BASE_URL");
    return e;
}

QString normalizedEndpoint(const QString& endpoint)
{
    return endpoint.startsWith(u'/') ? endpoint : u'/' + endpoint;
}

} // namespace

PlaidClient::PlaidClient() = default;

PlaidClient::~PlaidClient()
{
    cancel();
}

Result<QUrl> PlaidClient::baseUrl(const QVariantMap& options)
{
    const QString override = options.value(QStringLiteral("baseUrl")).toString().trimmed();
    if (!override.isEmpty()) {
        const QUrl base(override, QUrl::StrictMode);
        if (!base.isValid() || base.host().isEmpty())
            return configError(QStringLiteral("The connection's baseUrl option is not a valid URL."),
                               QStringLiteral("baseUrl option unreadable"));
        if (auto refused = http::checkTransport(base, kProviderName))
            return *refused;
        return base.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    }
    const QString environment = options.value(QStringLiteral("environment"), QStringLiteral("sandbox")).toString();
    if (environment == u"sandbox")
        return QUrl(QStringLiteral("https://sandbox.plaid.com"));
    if (environment == u"production")
        return QUrl(QStringLiteral("https://production.plaid.com"));
    return configError(QStringLiteral("The Plaid environment must be \"sandbox\" or \"production\"."),
                       QStringLiteral("unknown environment option"));
}

QNetworkAccessManager& PlaidClient::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}

void PlaidClient::post(const QString& endpoint, const QJsonObject& body, const PlaidCredentials& credentials,
                       const QVariantMap& options, std::function<void(Result<QJsonObject>)> done)
{
    const QString path = normalizedEndpoint(endpoint);
    const auto base = baseUrl(options);
    if (!base.ok()) {
        logger()->warn("plaid: POST {} not sent: {}", path.toStdString(), base.error().detail.toStdString());
        return http::failLater(m_inFlight.context(), std::move(done), base.error());
    }
    QUrl url = base.value();
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("PLAID-CLIENT-ID", credentials.clientId.toUtf8());
    request.setRawHeader("PLAID-SECRET", credentials.secret.toUtf8());
    request.setRawHeader("Plaid-Version", kPlaidVersion);
    request.setTransferTimeout(http::timeoutMs(options));
    // Credentials ride in headers: a redirect is reported, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = network().post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    http::limitBody(*reply);
    m_inFlight.add(reply);
    QObject::connect(
        reply, &QNetworkReply::finished, m_inFlight.context(), [this, reply, path, done = std::move(done)] {
            m_inFlight.remove(reply);
            reply->deleteLater();
            auto answer = readAnswer(*reply, path);
            if (!answer.ok())
                logger()->warn("plaid: POST {} failed: {} {} ({})", path.toStdString(),
                               model::errorKindName(answer.error().kind).toStdString(),
                               answer.error().providerCode.toStdString(), answer.error().detail.toStdString());
            done(std::move(answer));
        });
}

Result<QJsonObject> readAnswer(QNetworkReply& reply, const QString& endpoint)
{
    if (auto tooLarge = http::bodyTooLarge(reply, kProviderName))
        return *tooLarge;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        // Plaid explains its refusals in an error object; prefer it to the bare status.
        const QJsonObject object = QJsonDocument::fromJson(reply.readAll()).object();
        if (auto plaid = errorFromObject(object, status, http::retryAfter(reply)))
            return *plaid;
    }
    if (auto error = http::replyError(reply, kProviderName)) {
        if (status == 429 && !error->retryAfterSeconds)
            error->retryAfterSeconds = kRateLimitDelaySeconds;
        return *error;
    }
    if (auto wrongType = http::checkJsonContentType(reply, kProviderName))
        return *wrongType;
    const QByteArray body = reply.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        Error e = Error::invalidData(
            QStringLiteral("Plaid's answer to %1 is not readable JSON; nothing of it was used.").arg(endpoint),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("%1: %2 at byte %3 of %4")
                      .arg(endpoint, parseError.errorString())
                      .arg(parseError.offset)
                      .arg(body.size())
                : QStringLiteral("%1: the answer is not a JSON object").arg(endpoint));
        e.providerCode = QStringLiteral("MALFORMED_JSON");
        e.payload = body.left(http::kMaxKeptPayloadBytes); // kept for inspection, never logged
        return e;
    }
    return document.object();
}

void PlaidClient::cancel()
{
    m_inFlight.abortAll();
}

} // namespace coffer::providers::plaid
