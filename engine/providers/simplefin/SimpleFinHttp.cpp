#include "providers/simplefin/SimpleFinHttp.h"

#include <QHostAddress>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QStringList>

#include <array>

namespace coffer::providers::simplefin {

using model::Error;
using model::Result;

namespace {

const QString kReconnect = QStringLiteral("SimpleFIN refused the saved access; set the connection up again with a "
                                          "new setup token.");

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate, the form servers must send).
QDateTime parseHttpDate(const QByteArray& value)
{
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QList<QByteArray> parts = value.simplified().split(' ');
    if (parts.size() != 6 || parts[5] != "GMT")
        return {};
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (parts[2] == kMonths[size_t(i)])
            month = i + 1;
    }
    const QDate date(parts[3].toInt(), month, parts[1].toInt());
    const QTime time = QTime::fromString(QString::fromLatin1(parts[4]), QStringLiteral("HH:mm:ss"));
    if (month == 0 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QString networkErrorName(QNetworkReply::NetworkError error)
{
    return QString::fromLatin1(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(error));
}

Error withCode(Error error, const QString& code)
{
    error.providerCode = code;
    return error;
}

} // namespace

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<Error> checkTransport(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return std::nullopt;
    if (scheme == u"http" && isLoopbackHost(url.host()))
        return std::nullopt;
    if (scheme == u"http")
        return withCode(Error::permanent(QStringLiteral("SimpleFIN must be reached over HTTPS; plain http is allowed "
                                                        "only to this computer (a loopback address)."),
                                         QStringLiteral("plain http to a non-loopback host refused")),
                        QStringLiteral("INSECURE_URL"));
    return withCode(Error::permanent(QStringLiteral("The SimpleFIN address must be an https URL."),
                                     QStringLiteral("unsupported URL scheme")),
                    QStringLiteral("INSECURE_URL"));
}

Result<Endpoint> resolveEndpoint(const QString& accessUrl, const QString& baseUrl)
{
    const QUrl access(accessUrl.trimmed(), QUrl::StrictMode);
    if (!access.isValid() || access.host().isEmpty() || access.userName().isEmpty())
        return withCode(Error::needsUser(kReconnect, QStringLiteral("the saved credential is not an access URL")),
                        QStringLiteral("BAD_ACCESS_URL"));
    QUrl root =
        access.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    if (!baseUrl.trimmed().isEmpty()) {
        const QUrl base(baseUrl.trimmed(), QUrl::StrictMode);
        if (!base.isValid() || base.host().isEmpty())
            return withCode(Error::permanent(QStringLiteral("The connection's baseUrl option is not a valid URL."),
                                             QStringLiteral("baseUrl option unreadable")),
                            QStringLiteral("BAD_BASE_URL"));
        root.setScheme(base.scheme());
        root.setHost(base.host());
        root.setPort(base.port());
    }
    if (auto refused = checkTransport(root))
        return *refused;
    const QByteArray userInfo =
        access.userName(QUrl::FullyDecoded).toUtf8() + ':' + access.password(QUrl::FullyDecoded).toUtf8();
    return Endpoint{root, QByteArrayLiteral("Basic ") + userInfo.toBase64()};
}

std::optional<int> parseRetryAfter(const QByteArray& value, const QByteArray& dateHeader, const QDateTime& now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional<int>(int(std::min<qint64>(seconds, std::numeric_limits<int>::max())))
                            : std::nullopt;
    const QDateTime at = parseHttpDate(text);
    if (!at.isValid())
        return std::nullopt;
    const QDateTime serverNow = parseHttpDate(dateHeader);
    const qint64 delta = (serverNow.isValid() ? serverNow : now).secsTo(at);
    return int(std::clamp<qint64>(delta, 0, std::numeric_limits<int>::max()));
}

std::optional<Error> replyError(QNetworkReply& reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError network = reply.error();
    if (status == 0) { // no HTTP answer at all
        const bool timedOut =
            network == QNetworkReply::OperationCanceledError || network == QNetworkReply::TimeoutError;
        return withCode(Error::retryable(timedOut ? QStringLiteral("Could not reach SimpleFIN: it did not answer in "
                                                                   "time. Coffer will try again.")
                                                  : QStringLiteral("Could not reach SimpleFIN. Coffer will try again."),
                                         timedOut ? QStringLiteral("timed out")
                                                  : QStringLiteral("network error ") + networkErrorName(network)),
                        timedOut ? QStringLiteral("TIMEOUT") : QStringLiteral("NETWORK"));
    }
    const QString code = QStringLiteral("HTTP_%1").arg(status);
    const QString detail = QStringLiteral("HTTP %1").arg(status);
    if (status >= 200 && status < 300) {
        if (network == QNetworkReply::NoError)
            return std::nullopt;
        // The status came, the body did not: the connection dropped mid-answer.
        return withCode(Error::retryable(QStringLiteral("The connection to SimpleFIN dropped before its answer was "
                                                        "complete. Coffer will try again."),
                                         detail + QStringLiteral(", body cut off: ") + networkErrorName(network)),
                        code);
    }
    if (status == 429) {
        Error e =
            Error::retryable(QStringLiteral("SimpleFIN asked Coffer to slow down; it will try again later."), detail);
        e.retryAfterSeconds =
            parseRetryAfter(reply.rawHeader("Retry-After"), reply.rawHeader("Date"), QDateTime::currentDateTimeUtc());
        return withCode(e, code);
    }
    if (status >= 500)
        return withCode(Error::retryable(QStringLiteral("SimpleFIN is having trouble (server error %1). Coffer will "
                                                        "try again.")
                                             .arg(status),
                                         detail),
                        code);
    if (status == 401 || status == 403)
        return withCode(Error::needsUser(kReconnect, detail), code);
    if (status == 402)
        return withCode(Error::permanent(QStringLiteral("SimpleFIN Bridge says payment is required: the "
                                                        "subscription has lapsed. Renew it at SimpleFIN Bridge, "
                                                        "then sync again."),
                                         detail),
                        code);
    if (status >= 300 && status < 400)
        return withCode(Error::permanent(QStringLiteral("SimpleFIN answered with a redirect, which Coffer does not "
                                                        "follow with your credentials (HTTP %1).")
                                             .arg(status),
                                         detail),
                        code);
    return withCode(Error::permanent(QStringLiteral("SimpleFIN refused the request (HTTP %1).").arg(status), detail),
                    code);
}

} // namespace coffer::providers::simplefin
