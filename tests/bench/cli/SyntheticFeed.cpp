#include "SyntheticFeed.h"

#include "LedgerFixture.h"

namespace coffer::bench {

namespace {
constexpr quint64 kSeed = 20261101;
constexpr int kPendingPerMille = 53; // pairs per record slot: ~5 % of all records end up pending

QString transactionId(qint64 number)
{
    return QStringLiteral("tx") + QString::number(number);
}
} // namespace

SyntheticFeed::SyntheticFeed(qint64 transactions, int accounts, const QDate& lastDay)
    : m_transactions(transactions)
    , m_firstDay(lastDay.addDays(-kDays))
{
    for (int i = 0; i < accounts; ++i)
        m_accounts.append(LedgerFixture::accountProviderId(i));
}

int SyntheticFeed::pageCount() const
{
    return int((m_transactions + kPageSize - 1) / kPageSize);
}

providers::ProviderTransaction SyntheticFeed::posted(qint64 number, int account, const QDate& day, const Merchant& m,
                                                     qint64 cents, BenchRandom& rng) const
{
    QString description = m.provider;
    if (m.kind == MerchantKind::Check)
        description += u' ' + QString::number(1000 + number % 9000);
    auto t =
        MerchantCatalog::providerRecord(m_accounts[account], transactionId(number), day, cents, description, false);
    t.category = m.category;
    if (!m.counterparty.isEmpty() && rng.chance(60))
        t.counterparty = m.counterparty;
    return t;
}

providers::Page SyntheticFeed::page(int index) const
{
    BenchRandom rng(kSeed ^ (quint64(index) * 0xD1B54A32D192ED03ull));
    const qint64 first = qint64(index) * kPageSize;
    const qint64 end = std::min(first + kPageSize, m_transactions);
    providers::Page page;
    page.added.reserve(end - first);
    for (qint64 n = first; n < end; ++n) {
        const int account = int(n % m_accounts.size());
        // Dates advance with the record number: a feed delivers history oldest first.
        const QDate day = m_firstDay.addDays(n * kDays / m_transactions);
        if (n + 1 < end && rng.between(0, 999) < kPendingPerMille) {
            // The posted one comes next, so nothing else can claim the pending row in between
            // and the number of visible rows after the run is exact.
            const Merchant& m = m_catalog.pickCard(rng);
            const qint64 cents = MerchantCatalog::amount(m, rng);
            auto pending =
                MerchantCatalog::providerRecord(m_accounts[account], transactionId(n), day, cents, m.pending, true);
            const qint64 tip = m.kind == MerchantKind::Tipped ? cents * rng.between(15, 25) / 100 : 0;
            auto settled = posted(n + 1, account, day.addDays(rng.between(1, 3)), m, cents + tip, rng);
            settled.pendingProviderId = pending.providerId;
            settled.authorizedOn = day;
            page.added.append(std::move(pending));
            page.added.append(std::move(settled));
            ++n;
            continue;
        }
        const Merchant& m = m_catalog.pick(rng);
        qint64 cents = MerchantCatalog::amount(m, rng);
        if (m.kind == MerchantKind::Card && rng.chance(2))
            cents = -cents; // a refund
        page.added.append(posted(n, account, day, m, cents, rng));
    }
    page.nextCursor = QString::number(end);
    page.hasMore = end < m_transactions;
    return page;
}

} // namespace coffer::bench
