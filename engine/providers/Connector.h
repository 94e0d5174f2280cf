#pragma once

#include "model/Account.h"
#include "model/Result.h"
#include "model/Transaction.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace coffer::providers {

enum class Paging { Cursor, DateWindow };

// What a provider is and how it may be called.
struct ProviderInfo {
    QString id; // "demo", "plaid", ...
    QString displayName;
    Paging paging = Paging::Cursor;
    int pageSize = 100;
    int historyDays = 90;
    int minIntervalSeconds = 300;      // between sync starts of one connection, whatever the trigger
    int dailyCallBudgetPerAccount = 0; // provider quota per rolling 24 h; 0 = none
    int callsPerSync = 1;              // requests one sync usually makes, counted against the quota
    bool needsNetwork = true;
    int backfillChunkDays = 0; // history by date range in chunks of at most this many days; 0: none
    // False where nothing is ever fetched (file-only accounts, filled by importing files): such a
    // connection is never scheduled and "Sync now" says how it is updated instead.
    bool synced = true;
    bool hasCredential = true; // false: nothing to keep in the keychain, nothing to re-authenticate
};

// An account as the provider reports it.
struct ProviderAccount {
    QString providerId;
    QString name;
    QString institution;
    model::AccountKind kind = model::AccountKind::Checking;
    QString currency;
    QString mask;
    std::optional<model::Money> balance;
};

// A transaction as delivered, already in Coffer's sign convention (negative = money out);
// the connector converts the provider's convention. raw is the provider's record (JSON).
struct ProviderTransaction {
    QString accountProviderId;
    QString providerId;
    QString pendingProviderId;
    QDate bookedOn;
    std::optional<QDate> authorizedOn;
    model::Money amount;
    std::optional<model::Money> originalAmount; // foreign-currency amount, when the provider gives it
    QString description;
    QString counterparty;
    QString category;
    QString checkNumber;
    QString reference;
    bool pending = false;
    QByteArray raw;
    // Set by the connector when it could not read a field (e.g. "amount \"abc\" is not a number"):
    // the record is quarantined with this reason instead of stored.
    QString problem;
};

struct RemovedTransaction {
    QString accountProviderId;
    QString providerId;
};

// A date range a page covers completely (window-paged providers): every transaction of the listed
// accounts booked from `from` to `to` inclusive was delivered, so a stored one missing from it is gone.
struct CoveredWindow {
    QDate from;
    QDate to;
    QStringList accountProviderIds;
};

// One page of changes since a cursor. nextCursor is what to store once this page is committed.
struct Page {
    QList<ProviderTransaction> added;
    QList<ProviderTransaction> modified;
    QList<RemovedTransaction> removed;
    QString nextCursor;
    bool hasMore = false;
    int remainingEstimate = -1; // changes still to come in this run, when the provider knows
    std::optional<CoveredWindow> window;
    // What the provider says the user should know about this connection's data, in plain words
    // (Plaid: "Plaid is still collecting this account's history..."); empty when nothing. The
    // runner keeps the newest page's note as the connection's ConnectionStatus::providerNote.
    QString providerNote;
};

// Everything a connector needs for one call. secret comes from the keychain and must never be
// logged or stored anywhere else.
struct FetchContext {
    qint64 connectionId = 0;
    QVariantMap options;
    QString secret;
    QString cursor;
};

// A refreshed sign-in: the new secret (for the keychain) and when it expires.
struct CredentialUpdate {
    QString secret;
    QDateTime expiresAt;
};

// The provider code of an error that means "the data changed while you paged; start again from the
// cursor this run began with" (Plaid's TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION). Pages already
// committed stay: re-delivering them changes nothing.
inline const QString kRestartPaginationCode = QStringLiteral("RESTART_PAGINATION");

// The connection option where a short-lived token's expiry is kept (not a secret).
inline const QString kTokenExpiresAtOption = QStringLiteral("tokenExpiresAt");

// One per provider. Thread affinity: the engine thread. Calls are asynchronous and report
// through the callback exactly once, on the engine thread, unless cancel() came first.
// Errors are values (model::Error), never exceptions.
class Connector {
public:
    virtual ~Connector() = default;
    virtual ProviderInfo describe() const = 0;
    virtual void listAccounts(const FetchContext& context,
                              std::function<void(model::Result<QList<ProviderAccount>>)> done) = 0;
    virtual void fetchChanges(const FetchContext& context, std::function<void(model::Result<Page>)> done) = 0;
    // History by date (backfill): every transaction of every account booked from `from` to `to`
    // inclusive, as one page whose window says so. For providers with backfillChunkDays > 0.
    virtual void fetchWindow(const FetchContext& context, const QDate& from, const QDate& to,
                             std::function<void(model::Result<Page>)> done)
    {
        Q_UNUSED(context);
        Q_UNUSED(from);
        Q_UNUSED(to);
        done(model::Error::permanent(QStringLiteral("This provider cannot fetch older history by date.")));
    }
    // Stops any call in flight; its callback will not be called.
    virtual void cancel() = 0;
    // For providers whose tokens expire: a new token from the current one, without the user.
    virtual void refreshCredentials(const FetchContext& context, std::function<void(model::Result<CredentialUpdate>)> done)
    {
        Q_UNUSED(context);
        done(model::Error::needsUser(QStringLiteral("This sign-in cannot be renewed automatically: re-authenticate.")));
    }
    // Trades a setup token the user brought from the provider's sign-in for the credential to keep
    // (SimpleFIN claims it). Called at most once per token: tokens are usually single-use.
    virtual void exchangeSetupToken(const QString& setupToken, const QVariantMap& options,
                                    std::function<void(model::Result<QString>)> done)
    {
        Q_UNUSED(setupToken);
        Q_UNUSED(options);
        done(model::Error::permanent(QStringLiteral("This provider does not sign in with a setup token.")));
    }
    // When a newly issued credential expires, for providers with short-lived tokens.
    virtual std::optional<QDateTime> initialTokenExpiry(const QVariantMap& options, const QDateTime& now) const
    {
        Q_UNUSED(options);
        Q_UNUSED(now);
        return std::nullopt;
    }
    // When the user's consent to this connection runs out (PSD2-style providers), if it does.
    virtual std::optional<QDateTime> consentExpiresAt(const QVariantMap& options) const
    {
        Q_UNUSED(options);
        return std::nullopt;
    }
};

} // namespace coffer::providers
