#pragma once

#include "providers/Connector.h"

#include <QSet>
#include <QString>
#include <QVariantMap>

namespace coffer::sync {

// The connection options where the user's import choices are kept (never a secret).
inline const QString kExcludedAccountsOption = QStringLiteral("excludedAccounts"); // provider account ids
inline const QString kImportPendingOption = QStringLiteral("importPending");       // bool, default true

// What of a connection's data the user wants stored: accounts left out, and whether pending
// transactions are imported before they post. Applied to every page before it is committed, so
// nothing of an excluded account (and no pending record, when they are off) reaches the store.
// A value type; any thread.
struct ImportChoices {
    QSet<QString> excludedAccounts;
    bool importPending = true;

    static ImportChoices fromOptions(const QVariantMap& options);
    bool excludes(const QString& accountProviderId) const { return excludedAccounts.contains(accountProviderId); }
    // The page without what the choices leave out. An excluded account also leaves the page's
    // covered window, so its stored transactions are never taken for ones the bank dropped.
    providers::Page apply(const providers::Page& page) const;
};

} // namespace coffer::sync
