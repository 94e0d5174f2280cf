#pragma once

#include "model/Result.h"

#include <QString>

namespace coffer::providers::plaid {

// What a Plaid connection keeps in the keychain, as one JSON secret:
// {"client_id": ..., "secret": ..., "access_token": ...}. The user's own Plaid API keys, plus the
// Item's access token once Link has been completed (empty before). Never logged, never in options.
struct PlaidCredentials {
    QString clientId;
    QString secret;
    QString accessToken;

    bool isLinked() const { return !accessToken.isEmpty(); }

    // A NeedsUser error (code BAD_CREDENTIALS) when the secret is not such an object, or lacks the
    // client id or secret. An empty access token is accepted (the Item is not linked yet).
    static model::Result<PlaidCredentials> fromSecret(const QString& secret);
    QString toSecret() const;
};

} // namespace coffer::providers::plaid
