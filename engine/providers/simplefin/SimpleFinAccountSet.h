#pragma once

#include "providers/Connector.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>

namespace coffer::providers::simplefin {

// What the server's structured errors (errlist) ask of the user. Codes are "prefix.subcode"; an
// unknown subcode counts as its bare prefix, as the protocol asks.
enum class SignIn {
    None,
    AtBridge,      // "con.auth": the Bridge cannot sign in to a bank; the user signs in again there
    NewSetupToken, // "gen.auth": SimpleFIN refused Coffer itself; a new setup token is needed
};

// A SimpleFIN Account Set (the body of GET /accounts) in Coffer's shapes.
struct AccountSet {
    QList<ProviderAccount> accounts;
    QList<ProviderTransaction> transactions; // already in Coffer's sign convention
    QStringList messages;                    // the server's errors/errlist, sanitized: safe to show
    SignIn signIn = SignIn::None;            // the most demanding sign-in an errlist entry asks for
    bool structuredErrors = false;           // some message came from errlist (classified by code)
    int skippedAccounts = 0;                 // custom currencies (a URL instead of ISO 4217): not stored
};

// Parses an Account Set (protocol 1.x with "org" per account, or the newer one with "errlist" and a
// "connections" list naming each account's institution). Missing required fields, non-string amounts, malformed JSON
// and the like are InvalidData naming what was wrong (the body goes into the error's payload for quarantine).
// fallbackDate dates a pending transaction that has neither posted nor transacted_at.
model::Result<AccountSet> parseAccountSet(const QByteArray& body, const QDate& fallbackDate);

// A server message made safe to show: control and format characters out, white space collapsed,
// length capped.
QString sanitizeMessage(const QString& text);

} // namespace coffer::providers::simplefin
