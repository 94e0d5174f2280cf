#pragma once

#include "model/Account.h"
#include "model/Money.h"
#include "providers/Connector.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace coffer::importers {

// A balance a statement states, and the day it was true.
struct StatementBalance {
    model::Money amount;
    QDate asOf;
};

// An account as a bank file names it.
struct StatementAccount {
    // What the file calls it: OFX ACCTID (with BANKID when given: "BANKID ACCTID"), the IBAN or
    // other id of CAMT <Acct>, MT940 :25:, QIF's !Account N line. Empty when the file does not
    // say (a CSV, a QIF without account headers): the whole file is then one account.
    QString id;
    QString name;        // a description when the file has one (QIF, CAMT <Nm>); may be empty
    QString institution; // BANKID / BIC / ORG when given
    QString currency;    // ISO 4217; empty when the file does not say
    model::AccountKind kind = model::AccountKind::Checking;
    std::optional<StatementBalance> ledgerBalance;    // OFX LEDGERBAL, CAMT CLBD, MT940 :62F:
    std::optional<StatementBalance> availableBalance; // OFX AVAILBAL, CAMT CLAV, MT940 :64:
};

// What a parser finds, in file order. Transactions name their account by StatementAccount::id
// (accountProviderId); account() for an account comes before its first transaction, and may come
// again later with balances (OFX and CAMT state them after the transactions).
//
// Transactions use the provider record type: amounts in Coffer's sign (negative = money out),
// providerId the file's id for it (OFX FITID, CAMT AcctSvcrRef or EndToEndId, MT940 bank
// reference) or, where the file has none (QIF, CSV, some MT940), an id made from the record's
// date, amount, text and its occurrence among identical records of the file, so importing the
// same or an overlapping file again adds nothing twice; raw: the record's bytes as the file has
// them; problem: why the record cannot be used, starting "line N: ".
class StatementSink {
public:
    virtual ~StatementSink() = default;
    virtual void account(const StatementAccount& account) = 0;
    virtual void transaction(providers::ProviderTransaction transaction) = 0;
    // A correction that removes a transaction an earlier file delivered (OFX CORRECTACTION=DELETE).
    // A replacement (REPLACE) is a transaction() whose providerId is the corrected one.
    virtual void removed(const providers::RemovedTransaction& removed) = 0;
    // Something in the file Coffer does not import, in plain words ("line 40: investment
    // positions are not imported; only the cash transactions are"). Shown in the preview.
    virtual void notice(const QString& text) = 0;
};

// Keeps everything: what the import flow previews and then commits.
class CollectingSink final : public StatementSink {
public:
    QList<StatementAccount> accounts; // one entry per id, the latest balances merged in
    QList<providers::ProviderTransaction> transactions;
    QList<providers::RemovedTransaction> removals;
    QStringList notices;

    void account(const StatementAccount& account) override;
    void transaction(providers::ProviderTransaction transaction) override
    {
        transactions.append(std::move(transaction));
    }
    void removed(const providers::RemovedTransaction& removed) override { removals.append(removed); }
    void notice(const QString& text) override { notices.append(text); }
};

} // namespace coffer::importers
