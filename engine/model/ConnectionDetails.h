#pragma once

#include "model/Account.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace coffer::model {

// One account of a connection as the connection editor shows it: whether its transactions are
// imported is the user's choice (kept in the connection's options).
struct AccountChoice {
    QString providerId;
    QString name;
    QString mask;
    QString currency;
    AccountKind kind = AccountKind::Checking;
    bool excluded = false;
};

// What the connection editor needs to know about one connection: a value snapshot the engine sends
// in answer to describeConnection(). Never carries a secret.
struct ConnectionDetails {
    qint64 connectionId = 0;
    QString name;
    QString provider;
    QString institution;
    QString schedule; // the engine's text ("every 4h"); empty: the default schedule
    bool paused = false;
    bool importPending = true;
    bool scheduled = true; // false where the provider is never synced (file-only accounts)
    QDateTime lastSuccessAt;
    QList<AccountChoice> accounts;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::ConnectionDetails)
