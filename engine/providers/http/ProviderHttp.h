#pragma once

#include "model/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <QVariantMap>

#include <optional>

class QNetworkReply;

// What every provider connector does the same way over HTTP: where it may connect, how long it
// waits, how much it reads, and what a failed reply means. Wording names the provider; what is
// special to one provider (SimpleFIN's 402, Plaid's error object) stays in its own folder.
namespace coffer::providers::http {

// The most of one answer's body any provider may send (a Plaid page of 500 transactions is under
// 1 MiB). Larger answers are refused, not buffered.
inline constexpr qint64 kDefaultMaxBodyBytes = 16 * 1024 * 1024;
// The most of an unreadable answer kept on its error (Error::payload) for inspection; never logged.
inline constexpr qsizetype kMaxKeptPayloadBytes = 4 * 1024 * 1024;

// How long a provider call may go without progress: a connection's "timeoutMs" option, else 30 s.
inline constexpr int kDefaultTimeoutMs = 30 * 1000;
int timeoutMs(const QVariantMap& options);

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString& host);

// Providers are spoken to over TLS only; plain http is accepted for this computer (fakes, sandboxes).
// A Permanent error (provider code INSECURE_URL) naming the provider and the problem otherwise.
std::optional<model::Error> checkTransport(const QUrl& url, const QString& provider);

// Retry-After in seconds, from delta-seconds or an HTTP-date. A date is measured against the
// response's Date header when there is one (immune to our clock's skew), else against now.
std::optional<int> parseRetryAfter(const QByteArray& value, const QByteArray& dateHeader, const QDateTime& now);

// The reply's Retry-After, measured as parseRetryAfter() does; nullopt when absent or unreadable.
std::optional<int> retryAfter(const QNetworkReply& reply);

// Bounds the reply's body to maxBytes: an announced Content-Length above it, or more bytes
// received than it, aborts the reply at once, and the read buffer never holds more than
// maxBytes + 1 MiB. Call right after the request is sent. replyError() then reports it.
void limitBody(QNetworkReply& reply, qint64 maxBytes = kDefaultMaxBodyBytes);

// An InvalidData error (code BODY_TOO_LARGE) naming the provider and the size when limitBody()
// stopped this reply; nullopt otherwise.
std::optional<model::Error> bodyTooLarge(const QNetworkReply& reply, const QString& provider);

// What a finished reply means, said the same way for every provider: nullopt for a complete 2xx
// answer; else a body over limitBody()'s bound (InvalidData), no answer or a timeout (Retryable,
// codes NETWORK, TIMEOUT), a body cut off (Retryable), 429 (Retryable with Retry-After), 5xx
// (Retryable), a redirect (Permanent, never followed with credentials), 401/403 (NeedsUser) and any
// other status (Permanent). Provider codes HTTP_<status> for statuses.
std::optional<model::Error> replyError(QNetworkReply& reply, const QString& provider);

// For a 2xx answer whose body must be JSON: an InvalidData error (code WRONG_CONTENT_TYPE) naming
// the provider and the Content-Type it sent when that is not application/json.
std::optional<model::Error> checkJsonContentType(const QNetworkReply& reply, const QString& provider);

// The "HTTP_<status>" style code with the given provider error code set, for brevity at call sites.
model::Error withCode(model::Error error, const QString& code);

} // namespace coffer::providers::http
