#include "MatchDataSet.h"

#include "LedgerFixture.h"

#include <algorithm>

namespace coffer::bench {

namespace {
constexpr quint64 kSeed = 7411;
} // namespace

QString matchCaseName(MatchCase c)
{
    switch (c) {
    case MatchCase::Linked:
        return QStringLiteral("linked");
    case MatchCase::Unlinked:
        return QStringLiteral("unlinked");
    case MatchCase::CrossSource:
        return QStringLiteral("cross-source");
    case MatchCase::LookAlike:
        return QStringLiteral("look-alike");
    case MatchCase::Single:
        return QStringLiteral("single");
    }
    return {};
}

MatchDataSet::MatchDataSet(qint64 records, int accounts, const QDate& lastDay)
    : m_rng(kSeed)
    , m_firstDay(lastDay.addDays(-kDays))
{
    for (int i = 0; i < accounts; ++i)
        m_accounts.append(LedgerFixture::accountProviderId(i));
    while (m_truth.size() < records) {
        const qint64 roll = m_rng.between(0, 99);
        if (roll < 15)
            linked(true);
        else if (roll < 30)
            linked(false);
        else if (roll < 60)
            crossSource();
        else if (roll < 70)
            lookAlike();
        else
            single();
    }
    deliverInBlocks();
}

MatchDataSet::Posted MatchDataSet::draw(const Merchant& m)
{
    Posted p;
    p.account = account();
    p.day = day();
    p.merchant = &m;
    p.cents = MerchantCatalog::amount(m, m_rng);
    return p;
}

QString MatchDataSet::account()
{
    return m_accounts[m_rng.between(0, m_accounts.size() - 1)];
}

QDate MatchDataSet::day()
{
    return m_firstDay.addDays(m_rng.between(0, kDays - 1));
}

QString MatchDataSet::put(providers::ProviderTransaction record, bool fromImport, qint64 truth, MatchCase kase,
                          const QDate& base)
{
    const QString id = record.providerId;
    m_truth.insert(id, Truth{truth, kase});
    m_drafts.append(Draft{std::move(record), fromImport, int(m_firstDay.daysTo(base) / kBlockDays)});
    return id;
}

QString MatchDataSet::fromConnection(const Posted& p, qint64 truth, MatchCase kase, const QDate& base)
{
    const Merchant& m = *p.merchant;
    const QString text = p.checkNumber.isEmpty() ? m.provider : m.provider + u' ' + p.checkNumber;
    auto r = MerchantCatalog::providerRecord(p.account, QStringLiteral("c") + QString::number(m_nextId++), p.day,
                                             p.cents, text, false);
    r.category = m.category;
    r.checkNumber = p.checkNumber;
    r.counterparty = m.counterparty; // a provider names a merchant it knows every time
    return put(std::move(r), false, truth, kase, base);
}

QString MatchDataSet::pendingFromConnection(const Posted& p, qint64 truth, MatchCase kase)
{
    auto r = MerchantCatalog::providerRecord(p.account, QStringLiteral("c") + QString::number(m_nextId++), p.day,
                                             p.cents, p.merchant->pending, true);
    return put(std::move(r), false, truth, kase, p.day);
}

QString MatchDataSet::fromFile(const Posted& p, qint64 truth, MatchCase kase, const QDate& base)
{
    const QString text = p.checkNumber.isEmpty() ? p.merchant->import : p.merchant->import + p.checkNumber;
    auto r = MerchantCatalog::importRecord(p.account, QStringLiteral("i") + QString::number(m_nextId++), p.day, p.cents,
                                           text);
    if (p.fileHasCheckNumber)
        r.checkNumber = p.checkNumber;
    return put(std::move(r), true, truth, kase, base);
}

// One posted transaction from both sources, the file's date 0..maxShift days later (posting date).
void MatchDataSet::both(const Posted& p, int maxShift, qint64 truth, MatchCase kase)
{
    fromConnection(p, truth, kase, p.day);
    Posted file = p;
    file.day = p.day.addDays(std::max<qint64>(0, m_rng.between(-1, maxShift)));
    fromFile(file, truth, kase, p.day);
}

void MatchDataSet::linked(bool withLink)
{
    const MatchCase kase = withLink ? MatchCase::Linked : MatchCase::Unlinked;
    const qint64 truth = m_nextTruth++;
    const Merchant& m = m_catalog.pickCard(m_rng);
    const Posted pending = draw(m);
    const QString pendingId = pendingFromConnection(pending, truth, kase);
    Posted posted = pending;
    posted.day = pending.day.addDays(m_rng.between(1, 3));
    if (m.kind == MerchantKind::Tipped)
        posted.cents += pending.cents * m_rng.between(15, 25) / 100;
    fromConnection(posted, truth, kase, pending.day);
    providers::ProviderTransaction& r = m_drafts.last().record;
    if (withLink)
        r.pendingProviderId = pendingId;
    if (withLink || m_rng.chance(50))
        r.authorizedOn = pending.day;
    // Often the bank file has it too: a third record of the same transaction, scored as cross-source.
    if (m_rng.chance(30)) {
        Posted file = posted;
        file.day = posted.day.addDays(m_rng.between(0, 2));
        fromFile(file, truth, MatchCase::CrossSource, pending.day);
    }
}

void MatchDataSet::crossSource()
{
    const Merchant* m = &m_catalog.pickEveryday(m_rng);
    if (m_rng.chance(5))
        m = &m_catalog.pick(m_rng, MerchantKind::Check);
    Posted p = draw(*m);
    if (m->kind == MerchantKind::Check) {
        p.checkNumber = QString::number(m_rng.between(1001, 9999));
        p.fileHasCheckNumber = m_rng.chance(70);
    }
    both(p, 2, m_nextTruth++, MatchCase::CrossSource);
}

void MatchDataSet::lookAlike()
{
    const MatchCase kase = MatchCase::LookAlike;
    switch (m_rng.between(0, 4)) {
    case 0: { // two identical coffees on the same day, in one source
        const Merchant& m = m_catalog.pickCard(m_rng);
        const Posted p = draw(m);
        const bool file = m_rng.chance(30);
        for (int i = 0; i < 2; ++i)
            file ? fromFile(p, m_nextTruth++, kase, p.day) : fromConnection(p, m_nextTruth++, kase, p.day);
        return;
    }
    case 1:
        subscription();
        return;
    case 2: { // the same amount at two different payees on the same day, from both sources
        const Merchant& a = m_catalog.pickCard(m_rng);
        const Merchant* b = &m_catalog.pickCard(m_rng);
        while (b == &a || (!a.counterparty.isEmpty() && b->counterparty == a.counterparty)) // really two payees
            b = &m_catalog.pickCard(m_rng);
        Posted p = draw(a);
        both(p, 2, m_nextTruth++, kase);
        p.merchant = b;
        both(p, 2, m_nextTruth++, kase);
        return;
    }
    case 3: { // two checks for the same amount, numbered in both sources
        const Merchant& m = m_catalog.pick(m_rng, MerchantKind::Check);
        const qint64 number = m_rng.between(1001, 9998);
        Posted p = draw(m);
        p.checkNumber = QString::number(number);
        both(p, 2, m_nextTruth++, kase);
        p.checkNumber = QString::number(number + 1);
        p.day = p.day.addDays(m_rng.between(0, 3));
        both(p, 2, m_nextTruth++, kase);
        return;
    }
    default: { // the same payee and amount on consecutive days, dated alike by both sources
        const Merchant& m = m_catalog.pickCard(m_rng);
        Posted p = draw(m);
        both(p, 0, m_nextTruth++, kase);
        p.day = p.day.addDays(1);
        both(p, 0, m_nextTruth++, kase);
        return;
    }
    }
}

// One month's charge of a subscription (same amount every month, on the same day of the month),
// from both sources: next month's charge looks the same and must stay apart.
void MatchDataSet::subscription()
{
    const QString acc = account();
    const Merchant& m = m_catalog.pick(m_rng, MerchantKind::Subscription);
    Series& series = m_series[acc + u'|' + m.provider];
    const int months = kDays / 31;
    if (series.charged.isEmpty()) {
        series.dayOfMonth = int(m_rng.between(1, 28));
        series.charged.fill(false, months);
    }
    qint64 month = m_rng.between(0, months - 1);
    for (int tries = 0; series.charged[month] && tries < months; ++tries)
        month = (month + 1) % months;
    if (series.charged[month]) { // every month of this one is taken
        single();
        return;
    }
    series.charged[month] = true;
    const QDate firstMonth(m_firstDay.year(), m_firstDay.month(), 1);
    Posted p;
    p.account = acc;
    p.day = firstMonth.addMonths(int(month) + 1).addDays(series.dayOfMonth - 1);
    p.merchant = &m;
    p.cents = MerchantCatalog::amount(m, m_rng);
    both(p, 1, m_nextTruth++, MatchCase::LookAlike);
}

void MatchDataSet::single()
{
    const Merchant& m = m_catalog.pickEveryday(m_rng);
    Posted p = draw(m);
    if (m.kind == MerchantKind::Check)
        p.checkNumber = QString::number(m_rng.between(1001, 9999));
    if (m.kind == MerchantKind::Card && m_rng.chance(2))
        p.cents = -p.cents; // a refund
    if (m_rng.chance(90))
        fromConnection(p, m_nextTruth++, MatchCase::Single, p.day);
    else
        fromFile(p, m_nextTruth++, MatchCase::Single, p.day);
}

void MatchDataSet::deliverInBlocks()
{
    std::stable_sort(m_drafts.begin(), m_drafts.end(), [](const Draft& a, const Draft& b) {
        if (a.block != b.block)
            return a.block < b.block;
        return a.record.bookedOn < b.record.bookedOn;
    });
    qint64 cursor = 0;
    const auto flush = [&](Delivery& d) {
        if (d.page.added.isEmpty())
            return;
        if (!d.fromImport)
            d.page.nextCursor = QString::number(++cursor);
        const bool fromImport = d.fromImport;
        m_deliveries.append(std::move(d));
        d = Delivery{fromImport, {}};
    };
    for (qsizetype i = 0; i < m_drafts.size();) {
        const int block = m_drafts[i].block;
        qsizetype end = i;
        while (end < m_drafts.size() && m_drafts[end].block == block)
            ++end;
        // A user who imports a statement before connecting the bank, and one who imports it after.
        const bool fileFirst = block % 2 == 1;
        for (const bool fromImport : {fileFirst, !fileFirst}) {
            Delivery d{fromImport, {}};
            for (qsizetype k = i; k < end; ++k) {
                if (m_drafts[k].fromImport != fromImport)
                    continue;
                d.page.added.append(std::move(m_drafts[k].record));
                if (d.page.added.size() == kPageSize)
                    flush(d);
            }
            flush(d);
        }
        i = end;
    }
    m_drafts.clear();
}

} // namespace coffer::bench
