#include "MerchantCatalog.h"

#include <algorithm>

namespace coffer::bench {

namespace {

using K = MerchantKind;

struct Row {
    const char* provider;
    const char* pending;
    const char* import;
    const char* counterparty;
    const char* category;
    K kind;
    qint64 minCents;
    qint64 maxCents;
    int weight;
};

// clang-format off
const Row kRows[] = {
    {"SQ *BLUE BOTTLE COFFEE 0423 SAN FRANCISCO CA", "SQ *BLUE BOTTLE COFFEE", "BLUE BOTTLE COFFEE", "Blue Bottle Coffee", "dining", K::Card, 350, 950, 40},
    {"STARBUCKS STORE 05512 SEATTLE WA", "STARBUCKS", "STARBUCKS #05512", "Starbucks", "dining", K::Card, 300, 1200, 30},
    {"PEET'S COFFEE #00123 BERKELEY CA", "PEETS COFFEE", "PEET'S COFFEE", "Peet's Coffee", "dining", K::Card, 300, 900, 12},
    {"AMAZON MKTPLACE PMTS AMZN.COM/BILL WA", "AMAZON.COM*2K4LM1", "AMAZON MARKETPLACE", "Amazon", "shopping", K::Card, 599, 18999, 30},
    {"AMZN Mktp US*2T8RF1JX2 Amzn.com/bill WA", "AMZN MKTP US", "AMAZON MKTPLACE", "Amazon", "shopping", K::Card, 499, 9999, 15},
    {"WHOLEFDS MKT #10234 SAN FRANCISCO CA", "WHOLEFDS MKT", "WHOLE FOODS MARKET", "Whole Foods Market", "groceries", K::Card, 850, 24000, 25},
    {"TRADER JOE S #123 QPS OAKLAND CA", "TRADER JOE S", "TRADER JOES", "Trader Joe's", "groceries", K::Card, 1200, 16000, 20},
    {"SAFEWAY #1711 SAN FRANCISCO CA", "SAFEWAY", "SAFEWAY STORE 1711", "Safeway", "groceries", K::Card, 500, 14000, 15},
    {"COSTCO WHSE #0144 SAN FRANCISCO CA", "COSTCO WHSE", "COSTCO WHOLESALE", "Costco", "groceries", K::Card, 3000, 45000, 8},
    {"TARGET 00012345 SAN FRANCISCO CA", "TARGET", "TARGET STORES", "Target", "shopping", K::Card, 700, 22000, 12},
    {"CVS/PHARMACY #09876 SAN FRANCISCO CA", "CVS/PHARMACY", "CVS PHARMACY", "CVS Pharmacy", "health", K::Card, 300, 8000, 10},
    {"WALGREENS #1234 OAKLAND CA", "WALGREENS", "WALGREENS STORE", "Walgreens", "health", K::Card, 300, 6000, 6},
    {"HOME DEPOT #0634 SAN FRANCISCO CA", "HOME DEPOT", "THE HOME DEPOT", "The Home Depot", "shopping", K::Card, 500, 40000, 5},
    {"REI #56 SAN FRANCISCO CA", "REI", "REI CO-OP", "REI", "shopping", K::Card, 1500, 30000, 3},
    {"IKEA EAST PALO ALTO CA", "IKEA EAST PALO ALTO", "IKEA", "IKEA", "shopping", K::Card, 1000, 60000, 2},
    {"UBER *TRIP HELP.UBER.COM CA", "UBER *TRIP", "UBER TRIP", "Uber", "transport", K::Card, 700, 6500, 15},
    {"LYFT *RIDE THU 8PM", "LYFT *RIDE", "LYFT RIDE", "Lyft", "transport", K::Card, 700, 5500, 8},
    {"SHELL OIL 57442623 SAN FRANCISCO CA", "SHELL OIL", "SHELL SERVICE STATION", "Shell", "transport", K::Card, 2000, 9000, 10},
    {"CHEVRON 0209876 OAKLAND CA", "CHEVRON", "CHEVRON STATION", "Chevron", "transport", K::Card, 2000, 9000, 8},
    {"BART CLIPPER SAN FRANCISCO CA", "BART CLIPPER", "CLIPPER CARD", "", "transport", K::Card, 500, 5000, 6},
    {"CHIPOTLE 1234 SAN FRANCISCO CA", "CHIPOTLE 1234", "CHIPOTLE MEXICAN GRILL", "Chipotle", "dining", K::Card, 900, 3500, 15},
    {"SWEETGREEN SF 0423 SAN FRANCISCO CA", "SWEETGREEN SF", "SWEETGREEN", "Sweetgreen", "dining", K::Card, 1100, 2800, 10},
    {"MCDONALD'S F12345 SAN FRANCISCO CA", "MCDONALD'S F12345", "MCDONALDS", "McDonald's", "dining", K::Card, 400, 2000, 6},
    {"DOORDASH*SUSHI RAN SAN FRANCISCO CA", "DOORDASH*SUSHI RAN", "DOORDASH SUSHI RAN", "DoorDash", "dining", K::Card, 2000, 8000, 8},
    {"TST* NOPA SAN FRANCISCO CA", "TST* NOPA", "NOPA", "", "dining", K::Tipped, 3500, 18000, 8},
    {"TST* TARTINE BAKERY SAN FRANCISCO CA", "TST* TARTINE BAKERY", "TARTINE BAKERY", "Tartine", "dining", K::Tipped, 1500, 6000, 8},
    {"ZUNI CAFE SAN FRANCISCO CA", "ZUNI CAFE", "ZUNI CAFE", "Zuni Cafe", "dining", K::Tipped, 4000, 22000, 5},
    {"THE MONK'S KETTLE SAN FRANCISCO CA", "THE MONK'S KETTLE", "MONKS KETTLE", "", "dining", K::Tipped, 2500, 12000, 5},
    {"DELTA AIR 0062345678901 DELTA.COM GA", "DELTA AIR", "DELTA AIR LINES", "Delta", "travel", K::Card, 9000, 90000, 1},
    {"AIRBNB * HMQ4XZ2 AIRBNB.COM CA", "AIRBNB * HMQ4XZ2", "AIRBNB", "Airbnb", "travel", K::Card, 12000, 150000, 1},
    {"NETFLIX.COM NETFLIX.COM CA", "NETFLIX.COM", "NETFLIX", "Netflix", "subscriptions", K::Subscription, 1549, 1549, 2},
    {"SPOTIFY USA 877-778-1161 NY", "SPOTIFY USA", "SPOTIFY", "Spotify", "subscriptions", K::Subscription, 1199, 1199, 2},
    {"APPLE.COM/BILL 866-712-7753 CA", "APPLE.COM/BILL", "APPLE.COM BILL", "Apple", "subscriptions", K::Subscription, 299, 299, 2},
    {"GOOGLE *YouTube Premium g.co/helppay#", "GOOGLE *YouTube", "GOOGLE YOUTUBE", "YouTube", "subscriptions", K::Subscription, 1399, 1399, 1},
    {"COMCAST CABLE COMM 800-266-2278 CA", "COMCAST", "COMCAST", "Comcast", "utilities", K::Subscription, 8999, 8999, 1},
    {"STATE FARM INSURANCE 800-956-6310 IL", "STATE FARM", "STATE FARM INSURANCE", "State Farm", "subscriptions", K::Subscription, 11200, 11200, 1},
    {"PG&E WEBONLINE", "PG&E", "PGANDE WEB ONLINE", "PG&E", "utilities", K::Transfer, 4000, 25000, 1},
    {"ACME CORP PAYROLL PPD ID 9921", "ACME CORP PAYROLL", "ACME CORP PAYROLL", "Acme Corp", "income", K::Income, 250000, 450000, 2},
    {"INTEREST PAYMENT", "INTEREST PAYMENT", "INTEREST PAID", "", "income", K::Income, 1, 2500, 1},
    {"VENMO PAYMENT 1023948576 WEB ID: 3264681992", "VENMO PAYMENT", "VENMO PAYMENT", "Venmo", "transfer", K::Transfer, 1000, 30000, 4},
    {"ZELLE PAYMENT TO JOHN SMITH JPM99A1B2C3", "ZELLE PAYMENT", "ZELLE TO SMITH JOHN", "John Smith", "transfer", K::Transfer, 2000, 50000, 2},
    {"ATM WITHDRAWAL 000123 MAIN ST SAN FRANCISCO CA", "ATM WITHDRAWAL", "ATM WITHDRAWAL MAIN ST", "", "transfer", K::Transfer, 2000, 40000, 3},
    {"ONLINE TRANSFER TO SAVINGS XXXXXX1234", "ONLINE TRANSFER", "TRANSFER TO SAVINGS", "", "transfer", K::Transfer, 5000, 200000, 2},
    {"CHECK", "CHECK", "CHECK #", "", "other", K::Check, 2000, 250000, 2},
};
// clang-format on

void add(QList<int>& indexes, QList<int>& cumulative, int index, int weight)
{
    indexes.append(index);
    cumulative.append((cumulative.isEmpty() ? 0 : cumulative.last()) + weight);
}

QByteArray jsonString(const QString& s)
{
    return '"' + s.toUtf8() + '"';
}

} // namespace

MerchantCatalog::MerchantCatalog()
{
    for (const Row& r : kRows) {
        m_merchants.append(Merchant{QString::fromUtf8(r.provider), QString::fromUtf8(r.pending),
                                    QString::fromUtf8(r.import), QString::fromUtf8(r.counterparty),
                                    QString::fromUtf8(r.category), r.kind, r.minCents, r.maxCents, r.weight});
        const int i = int(m_merchants.size()) - 1;
        add(m_all.indexes, m_all.cumulative, i, r.weight);
        if (r.kind != K::Subscription)
            add(m_everyday.indexes, m_everyday.cumulative, i, r.weight);
        if (r.kind == K::Card || r.kind == K::Tipped)
            add(m_cards.indexes, m_cards.cumulative, i, r.weight);
        Pool& byKind = m_byKind[size_t(r.kind)];
        add(byKind.indexes, byKind.cumulative, i, r.weight);
    }
}

const Merchant& MerchantCatalog::draw(const Pool& pool, BenchRandom& rng) const
{
    const qint64 ticket = rng.between(0, pool.cumulative.last() - 1);
    const auto it = std::upper_bound(pool.cumulative.cbegin(), pool.cumulative.cend(), ticket);
    return m_merchants[pool.indexes[it - pool.cumulative.cbegin()]];
}

const Merchant& MerchantCatalog::pick(BenchRandom& rng) const
{
    return draw(m_all, rng);
}

const Merchant& MerchantCatalog::pickEveryday(BenchRandom& rng) const
{
    return draw(m_everyday, rng);
}

const Merchant& MerchantCatalog::pickCard(BenchRandom& rng) const
{
    return draw(m_cards, rng);
}

const Merchant& MerchantCatalog::pick(BenchRandom& rng, MerchantKind kind) const
{
    return draw(m_byKind[size_t(kind)], rng);
}

qint64 MerchantCatalog::amount(const Merchant& m, BenchRandom& rng)
{
    const qint64 magnitude = rng.between(m.minCents, m.maxCents);
    return m.kind == MerchantKind::Income ? magnitude : -magnitude;
}

providers::ProviderTransaction MerchantCatalog::providerRecord(const QString& account, const QString& id,
                                                               const QDate& day, qint64 cents,
                                                               const QString& description, bool pending)
{
    providers::ProviderTransaction t;
    t.accountProviderId = account;
    t.providerId = id;
    t.bookedOn = day;
    t.amount = model::Money(cents, QStringLiteral("USD"));
    t.description = description;
    t.pending = pending;
    // Shaped like a Plaid record (which counts money out as positive).
    QByteArray raw;
    raw.reserve(200);
    raw += "{\"transaction_id\":" + jsonString(id) + ",\"account_id\":" + jsonString(account) +
           ",\"amount\":" + model::Money(-cents, t.amount.currency()).toDecimalString().toLatin1() +
           ",\"iso_currency_code\":\"USD\",\"date\":" + jsonString(day.toString(Qt::ISODate)) +
           ",\"name\":" + jsonString(description) + ",\"pending\":" + (pending ? "true" : "false") + '}';
    t.raw = raw;
    return t;
}

providers::ProviderTransaction MerchantCatalog::importRecord(const QString& account, const QString& id,
                                                             const QDate& day, qint64 cents, const QString& description)
{
    providers::ProviderTransaction t;
    t.accountProviderId = account;
    t.providerId = id;
    t.bookedOn = day;
    t.amount = model::Money(cents, QStringLiteral("USD"));
    t.description = description;
    t.raw =
        "{\"line\":" + jsonString(day.toString(Qt::ISODate) + u',' + description + u',' + t.amount.toDecimalString()) +
        '}';
    return t;
}

} // namespace coffer::bench
