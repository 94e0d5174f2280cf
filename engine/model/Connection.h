#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace coffer::model {

// What the user asks for when adding a connection. Secrets are not part of it: the engine
// creates or receives them separately and keeps them only in the keychain.
struct ConnectionSpec {
    QString provider;    // "demo", later "plaid", "simplefin", ...
    QString name;        // shown to the user
    QVariantMap options; // provider settings (seed, base URL, injected failures for demo)
    // The secret the provider issued (an access URL, a token), when the user brings one. It goes
    // straight to the keychain and is never stored anywhere else; empty for the demo bank,
    // which issues its own.
    QString credential;
    // What the provider's sign-in handed the user to trade for the credential (a SimpleFIN setup
    // token): when set, the engine exchanges it through the connector and keeps only the result.
    QString setupToken = {};
};

struct Connection {
    qint64 id = 0;
    QString provider;
    QString name;
    QString institution;
    QVariantMap options;
    QString cursor;   // the provider's sync cursor, committed with the data it covers
    QString schedule; // e.g. "every 4h", "daily 06:30", "cron */30 * * * *"
    bool paused = false;
    QDateTime lastSuccessAt;
    QDateTime createdAt;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::ConnectionSpec)
Q_DECLARE_METATYPE(coffer::model::Connection)
