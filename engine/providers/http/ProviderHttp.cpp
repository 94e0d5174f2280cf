#include "providers/http/ProviderHttp.h"

#include <QHostAddress>
#include <QMetaEnum>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <array>
#include <limits>

namespace coffer::providers::http {

using model::Error;

namespace {

// Set on a reply limitBody() stopped: the size it announced or reached.
constexpr char kTooLargeProperty[] = "cofferBodyTooLarge";
constexpr char kLimitProperty[] = "cofferBodyLimit";

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

void stopTooLarge(QNetworkReply& reply, qint64 size)
{
    if (reply.property(kTooLargeProperty).isValid())
        return;
    reply.setProperty(kTooLargeProperty, size);
    reply.abort();
}

QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                                : QStringLiteral("%1 KiB").arg((bytes + 1023) / 1024);
}

} // namespace

Error withCode(Error error, const QString& code)
{
    error.providerCode = code;
    return error;
}

int timeoutMs(const QVariantMap& options)
{
    const int ms = options.value(QStringLiteral("timeoutMs"), kDefaultTimeoutMs).toInt();
    return ms > 0 ? ms : kDefaultTimeoutMs;
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<Error> checkTransport(const QUrl& url, const QString& provider)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return std::nullopt;
    if (scheme == u"http" && isLoopbackHost(url.host()))
        return std::nullopt;
    if (scheme == u"http")
        return withCode(Error::permanent(QStringLiteral("%1 must be reached over HTTPS; plain http is allowed only "
                                                        "to this computer (a loopback address).")
                                             .arg(provider),
                                         QStringLiteral("plain http to a non-loopback host refused")),
                        QStringLiteral("INSECURE_URL"));
    return withCode(Error::permanent(QStringLiteral("The %1 address must be an https URL.").arg(provider),
                                     QStringLiteral("unsupported URL scheme")),
                    QStringLiteral("INSECURE_URL"));
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

std::optional<int> retryAfter(const QNetworkReply& reply)
{
    return parseRetryAfter(reply.rawHeader("Retry-After"), reply.rawHeader("Date"), QDateTime::currentDateTimeUtc());
}

void limitBody(QNetworkReply& reply, qint64 maxBytes)
{
    reply.setProperty(kLimitProperty, maxBytes);
    // The reply stops reading from the socket once its buffer is full, so a hostile server cannot
    // make Coffer hold more than this while the readyRead check below catches up. Qt stops filling
    // the buffer before a socket block (64 KiB at most) would overflow it, so a buffer of exactly
    // maxBytes + 1 could stall just under the bound until the transfer timeout: the slack lets it
    // cross the bound, and the check below end the read.
    constexpr qint64 kSlackBytes = 1024 * 1024;
    reply.setReadBufferSize(maxBytes + kSlackBytes);
    QNetworkReply* watched = &reply;
    QObject::connect(&reply, &QNetworkReply::metaDataChanged, &reply, [watched, maxBytes] {
        bool announced = false;
        const qint64 length = watched->header(QNetworkRequest::ContentLengthHeader).toLongLong(&announced);
        if (announced && length > maxBytes)
            stopTooLarge(*watched, length);
    });
    QObject::connect(&reply, &QNetworkReply::readyRead, &reply, [watched, maxBytes] {
        if (watched->bytesAvailable() > maxBytes)
            stopTooLarge(*watched, watched->bytesAvailable());
    });
}

std::optional<Error> bodyTooLarge(const QNetworkReply& reply, const QString& provider)
{
    const QVariant size = reply.property(kTooLargeProperty);
    if (!size.isValid())
        return std::nullopt;
    const qint64 limit = reply.property(kLimitProperty).toLongLong();
    return withCode(Error::invalidData(QStringLiteral("%1 sent an answer of at least %2, more than the %3 Coffer "
                                                      "accepts; nothing of it was used.")
                                           .arg(provider, sizeText(size.toLongLong()), sizeText(limit)),
                                       QStringLiteral("body of at least %1 bytes over the %2-byte limit, read aborted")
                                           .arg(size.toLongLong())
                                           .arg(limit)),
                    QStringLiteral("BODY_TOO_LARGE"));
}

std::optional<Error> replyError(QNetworkReply& reply, const QString& provider)
{
    if (auto tooLarge = bodyTooLarge(reply, provider))
        return tooLarge;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError network = reply.error();
    if (status == 0) { // no HTTP answer at all
        const bool timedOut =
            network == QNetworkReply::OperationCanceledError || network == QNetworkReply::TimeoutError;
        return withCode(
            Error::retryable(timedOut ? QStringLiteral("Could not reach %1: it did not answer in time. "
                                                       "Coffer will try again.")
                                            .arg(provider)
                                      : QStringLiteral("Could not reach %1. Coffer will try again.").arg(provider),
                             timedOut ? QStringLiteral("timed out")
                                      : QStringLiteral("network error ") + networkErrorName(network)),
            timedOut ? QStringLiteral("TIMEOUT") : QStringLiteral("NETWORK"));
    }
    const QString code = QStringLiteral("HTTP_%1").arg(status);
    const QString detail = QStringLiteral("HTTP %1").arg(status);
    if (status >= 200 && status < 300) {
        if (network == QNetworkReply::NoError)
            return std::nullopt;
        // The status came, the body did not: the connection dropped (or timed out) mid-answer.
        return withCode(Error::retryable(QStringLiteral("The connection to %1 dropped before its answer was "
                                                        "complete. Coffer will try again.")
                                             .arg(provider),
                                         detail + QStringLiteral(", body cut off: ") + networkErrorName(network)),
                        code);
    }
    if (status == 429) {
        Error e = Error::retryable(
            QStringLiteral("%1 asked Coffer to slow down; it will try again later.").arg(provider), detail);
        e.retryAfterSeconds = retryAfter(reply);
        return withCode(e, code);
    }
    if (status >= 500)
        return withCode(Error::retryable(QStringLiteral("%1 is having trouble (server error %2). Coffer will try "
                                                        "again.")
                                             .arg(provider)
                                             .arg(status),
                                         detail),
                        code);
    if (status >= 300 && status < 400)
        return withCode(Error::permanent(QStringLiteral("%1 answered with a redirect, which Coffer does not follow "
                                                        "with your credentials (HTTP %2).")
                                             .arg(provider)
                                             .arg(status),
                                         detail),
                        code);
    if (status == 401 || status == 403)
        return withCode(Error::needsUser(QStringLiteral("%1 refused the saved sign-in (HTTP %2); set the connection "
                                                        "up again.")
                                             .arg(provider)
                                             .arg(status),
                                         detail),
                        code);
    return withCode(
        Error::permanent(QStringLiteral("%1 refused the request (HTTP %2).").arg(provider).arg(status), detail), code);
}

std::optional<Error> checkJsonContentType(const QNetworkReply& reply, const QString& provider)
{
    const QByteArray type = reply.rawHeader("Content-Type");
    const QByteArray mediaType = type.split(';').value(0).trimmed().toLower();
    if (mediaType == "application/json")
        return std::nullopt;
    const QString shown = type.isEmpty() ? QStringLiteral("no Content-Type") : QString::fromLatin1(type.left(80));
    return withCode(Error::invalidData(QStringLiteral("%1 answered with %2 where JSON (application/json) was "
                                                      "expected; nothing of it was used.")
                                           .arg(provider, shown),
                                       QStringLiteral("unexpected Content-Type: ") + shown),
                    QStringLiteral("WRONG_CONTENT_TYPE"));
}

} // namespace coffer::providers::http
