#pragma once

#include "BenchRandom.h"
#include "providers/Connector.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>

namespace coffer::bench {

enum class MerchantKind { Card, Tipped, Subscription, Income, Check, Transfer };

// A payee as the three places a transaction is spelled see it.
struct Merchant {
    QString provider;     // a provider feed's text: processor prefix, store number, city
    QString pending;      // the card authorization's shorter text
    QString import;       // the bank export file's text
    QString counterparty; // the provider's merchant name; empty when it has none for this payee
    QString category;
    MerchantKind kind = MerchantKind::Card;
    qint64 minCents = 0; // magnitude range of an amount
    qint64 maxCents = 0;
    int weight = 1; // relative frequency: a household buys coffee more often than flights
};

// The payees the synthetic feeds draw from, and the records they become: realistic US bank
// descriptions so cleaning and payee similarity work on what they meet in production.
class MerchantCatalog {
public:
    MerchantCatalog();

    const Merchant& pick(BenchRandom& rng) const;
    // Any merchant but a subscription: those charge once a month, not on random days.
    const Merchant& pickEveryday(BenchRandom& rng) const;
    // A merchant a card is used at (Card or Tipped): the ones with pending authorizations.
    const Merchant& pickCard(BenchRandom& rng) const;
    const Merchant& pick(BenchRandom& rng, MerchantKind kind) const;

    // Signed cents in Coffer's convention: income positive, everything else money out.
    static qint64 amount(const Merchant& m, BenchRandom& rng);

    // A record as a connector delivers it, raw JSON ~150 bytes like a provider's own.
    static providers::ProviderTransaction providerRecord(const QString& account, const QString& id, const QDate& day,
                                                         qint64 cents, const QString& description, bool pending);
    // A line of a bank export file as the importer turns it into a record.
    static providers::ProviderTransaction importRecord(const QString& account, const QString& id, const QDate& day,
                                                       qint64 cents, const QString& description);

private:
    struct Pool {
        QList<int> indexes;
        QList<int> cumulative; // running sum of weights
    };
    const Merchant& draw(const Pool& pool, BenchRandom& rng) const;

    QList<Merchant> m_merchants;
    Pool m_all;
    Pool m_everyday;
    Pool m_cards;
    std::array<Pool, 6> m_byKind;
};

} // namespace coffer::bench
