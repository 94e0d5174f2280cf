#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace coffer::providers::simplefin {

// How SimpleFIN is named in messages to the user.
inline const QString kProviderName = QStringLiteral("SimpleFIN");

// Where and as whom to call a SimpleFIN server: the access URL's root with the credentials taken
// out of it (they travel only in the Authorization header). Never log either field's secret part.
struct Endpoint {
    QUrl root;                // scheme://host[:port]/path, no user info, no trailing slash
    QByteArray authorization; // "Basic <base64(user:password)>"
};

// The access URL (a connection's secret) with an optional baseUrl override of its scheme, host and
// port applied, then checked by http::checkTransport().
model::Result<Endpoint> resolveEndpoint(const QString& accessUrl, const QString& baseUrl);

// What a finished reply means for the caller: nullopt for a complete 2xx answer, else the error.
// SimpleFIN's own statuses (401/403: the access was revoked, set up again with a new token; 402:
// the subscription lapsed) are said here; everything else as http::replyError() says it.
std::optional<model::Error> replyError(QNetworkReply& reply);

} // namespace coffer::providers::simplefin
