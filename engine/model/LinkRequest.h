#pragma once

#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace coffer::model {

// Linking a bank through a provider's own hosted sign-in in the system browser (Plaid Hosted Link):
// for a new connection, or in update mode to sign in again to an existing one.
struct LinkRequest {
    int requestId = 0;       // names the engine's answers (EngineHost assigns it)
    qint64 connectionId = 0; // 0: a new connection; else update mode for it, keeping its item and accounts
    QString name;            // a new connection's name; empty: the institution's name
    // A new connection's Plaid API keys. Secrets: they go to the keychain only. Update mode reads
    // them from the connection's keychain entry instead.
    QString clientId;
    QString secret;
    // A new connection's settings: "environment" (sandbox | production), "baseUrl" (overrides the
    // environment's address), "countryCodes" (QStringList, default US), "pollIntervalMs".
    QVariantMap options;
    // Sandbox only: create a test item without Link (no browser).
    bool sandboxTestItem = false;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::LinkRequest)
