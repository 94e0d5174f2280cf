#pragma once

#include "MerchantCatalog.h"
#include "providers/Connector.h"

#include <QDate>
#include <QStringList>

namespace coffer::bench {

// Stands in for a provider in `coffer-bench ingest`: `transactions` records spread over the
// accounts of one connection and about three years, delivered as pages of 500. About 5 % are
// pending card authorizations whose posted counterpart, linked by pendingProviderId, is the next
// record. page(i) is built from its own seed, so it is the same on every call: a second pass
// re-delivers exactly what the first stored, without holding a million records in memory.
class SyntheticFeed {
public:
    static constexpr int kPageSize = 500;
    static constexpr int kDays = 3 * 365;

    SyntheticFeed(qint64 transactions, int accounts, const QDate& lastDay);

    int pageCount() const;
    providers::Page page(int index) const;

private:
    providers::ProviderTransaction posted(qint64 number, int account, const QDate& day, const Merchant& m, qint64 cents,
                                          BenchRandom& rng) const;

    MerchantCatalog m_catalog;
    qint64 m_transactions;
    QStringList m_accounts;
    QDate m_firstDay;
};

} // namespace coffer::bench
