#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace coffer::providers::simplefin {

// Where and as whom to call a SimpleFIN server: the access URL's root with the credentials taken
// out of it (they travel only in the Authorization header). Never log either field's secret part.
struct Endpoint {
    QUrl root;                // scheme://host[:port]/path, no user info, no trailing slash
    QByteArray authorization; // "Basic <base64(user:password)>"
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString& host);

// SimpleFIN is spoken over TLS only; plain http is accepted for this computer (fakes, sandboxes).
// A Permanent error naming the problem otherwise.
std::optional<model::Error> checkTransport(const QUrl& url);

// The access URL (a connection's secret) with an optional baseUrl override of its scheme, host and
// port applied, then checked by checkTransport().
model::Result<Endpoint> resolveEndpoint(const QString& accessUrl, const QString& baseUrl);

// Retry-After in seconds, from delta-seconds or an HTTP-date. A date is measured against the
// response's Date header when there is one (immune to our clock's skew), else against now.
std::optional<int> parseRetryAfter(const QByteArray& value, const QByteArray& dateHeader, const QDateTime& now);

// What a finished reply means for the caller: nullopt for a complete 2xx answer, else the error
// (network trouble, timeouts, 5xx and 429 are Retryable; 401/403 NeedsUser; 402 Permanent).
std::optional<model::Error> replyError(QNetworkReply& reply);

} // namespace coffer::providers::simplefin
