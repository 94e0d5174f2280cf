#include "providers/simplefin/SimpleFinHttp.h"

#include "providers/http/ProviderHttp.h"

#include <QNetworkReply>

namespace coffer::providers::simplefin {

using model::Error;
using model::Result;

namespace {

const QString kReconnect = QStringLiteral("SimpleFIN refused the saved access; set the connection up again with a "
                                          "new setup token.");

} // namespace

Result<Endpoint> resolveEndpoint(const QString& accessUrl, const QString& baseUrl)
{
    const QUrl access(accessUrl.trimmed(), QUrl::StrictMode);
    if (!access.isValid() || access.host().isEmpty() || access.userName().isEmpty())
        return http::withCode(Error::needsUser(kReconnect, QStringLiteral("the saved credential is not an access URL")),
                              QStringLiteral("BAD_ACCESS_URL"));
    QUrl root =
        access.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    if (!baseUrl.trimmed().isEmpty()) {
        const QUrl base(baseUrl.trimmed(), QUrl::StrictMode);
        if (!base.isValid() || base.host().isEmpty())
            return http::withCode(
                Error::permanent(QStringLiteral("The connection's baseUrl option is not a valid URL."),
                                 QStringLiteral("baseUrl option unreadable")),
                QStringLiteral("BAD_BASE_URL"));
        root.setScheme(base.scheme());
        root.setHost(base.host());
        root.setPort(base.port());
    }
    if (auto refused = http::checkTransport(root, kProviderName))
        return *refused;
    const QByteArray userInfo =
        access.userName(QUrl::FullyDecoded).toUtf8() + ':' + access.password(QUrl::FullyDecoded).toUtf8();
    return Endpoint{root, QByteArrayLiteral("Basic ") + userInfo.toBase64()};
}

std::optional<Error> replyError(QNetworkReply& reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString detail = QStringLiteral("HTTP %1").arg(status);
    if (status == 401 || status == 403)
        return http::withCode(Error::needsUser(kReconnect, detail), QStringLiteral("HTTP_%1").arg(status));
    if (status == 402)
        return http::withCode(Error::permanent(QStringLiteral("SimpleFIN Bridge says payment is required: the "
                                                              "subscription has lapsed. Renew it at SimpleFIN Bridge, "
                                                              "then sync again."),
                                               detail),
                              QStringLiteral("HTTP_402"));
    return http::replyError(reply, kProviderName);
}

} // namespace coffer::providers::simplefin
