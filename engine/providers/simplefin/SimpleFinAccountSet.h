#pragma once

#include "providers/Connector.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>

namespace coffer::providers::simplefin {

// A SimpleFIN Account Set (the body of GET /accounts) in Coffer's shapes.
struct AccountSet {
    QList<ProviderAccount> accounts;
    QList<ProviderTransaction> transactions; // already in Coffer's sign convention
    QStringList messages;                    // the server's errors/errlist, sanitized: safe to show
    int skippedAccounts = 0;                 // custom currencies (a URL instead of ISO 4217): not stored
};

// Parses an Account Set. Missing required fields, non-string amounts, malformed JSON and the like
// are InvalidData naming what was wrong (the body goes into the error's payload for quarantine).
// fallbackDate dates a pending transaction that has neither posted nor transacted_at.
model::Result<AccountSet> parseAccountSet(const QByteArray& body, const QDate& fallbackDate);

// A server message made safe to show: control and format characters out, white space collapsed,
// length capped.
QString sanitizeMessage(const QString& text);

} // namespace coffer::providers::simplefin
