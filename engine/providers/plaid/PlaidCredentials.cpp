#include "providers/plaid/PlaidCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace coffer::providers::plaid {

using model::Error;
using model::Result;

Result<PlaidCredentials> PlaidCredentials::fromSecret(const QString& secret)
{
    const QJsonDocument document = QJsonDocument::fromJson(secret.toUtf8());
    const QJsonObject object = document.object();
    PlaidCredentials credentials{object.value(QStringLiteral("client_id")).toString(),
                                 object.value(QStringLiteral("secret")).toString(),
                                 object.value(QStringLiteral("access_token")).toString()};
    if (!document.isObject() || credentials.clientId.isEmpty() || credentials.secret.isEmpty()) {
        Error e = Error::needsUser(QStringLiteral("The saved Plaid keys are missing or unreadable; enter your Plaid "
                                                  "client id and secret again."),
                                   QStringLiteral("keychain secret is not a Plaid credentials object"));
        e.providerCode = QStringLiteral("BAD_CREDENTIALS");
        return e;
    }
    return credentials;
}

QString PlaidCredentials::toSecret() const
{
    const QJsonObject object{{QStringLiteral("client_id"), clientId},
                             {QStringLiteral("secret"), secret},
                             {QStringLiteral("access_token"), accessToken}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace coffer::providers::plaid
