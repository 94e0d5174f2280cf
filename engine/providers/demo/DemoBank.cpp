#include "providers/demo/DemoBank.h"

#include "model/Currency.h"
#include "providers/demo/DemoPayees.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace coffer::providers::demo {

using model::AccountKind;
using model::Money;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
// The daily pending-first purchase: early in the day, posted two days later (a stream of its own).
constexpr qint64 kDailyPurchaseSecond = 6 * 3600 + 30 * 60;
constexpr int kDailyPostDelayDays = 2;
constexpr quint64 kDailyStream = 0xDA11ULL << 32;

// SplitMix64: tiny, fast, and the same on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(quint64 state)
        : m_state(state)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    qint64 between(qint64 low, qint64 high)
    {
        return low + static_cast<qint64>(next() % static_cast<quint64>(high - low + 1));
    }
    bool oneIn(int n) { return next() % static_cast<quint64>(n) == 0; }

private:
    quint64 m_state;
};

quint64 mix(quint64 a, quint64 b, quint64 c)
{
    Rng r(a ^ (b * 0x100000001B3ULL) ^ (c << 17));
    return r.next();
}

QByteArray rawRecord(const ProviderTransaction& t)
{
    QJsonObject o{
        {QStringLiteral("transaction_id"), t.providerId},
        {QStringLiteral("account_id"), t.accountProviderId},
        {QStringLiteral("amount"), t.amount.toDecimalString()},
        {QStringLiteral("iso_currency_code"), t.amount.currency()},
        {QStringLiteral("date"), t.bookedOn.toString(Qt::ISODate)},
        {QStringLiteral("name"), t.description},
        {QStringLiteral("merchant_name"), t.counterparty},
        {QStringLiteral("category"), t.category},
        {QStringLiteral("pending"), t.pending},
    };
    if (t.authorizedOn)
        o.insert(QStringLiteral("authorized_date"), t.authorizedOn->toString(Qt::ISODate));
    if (!t.pendingProviderId.isEmpty())
        o.insert(QStringLiteral("pending_transaction_id"), t.pendingProviderId);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

DemoEvent event(DemoEvent::Kind kind, qint64 atMs, const QString& key, ProviderTransaction t)
{
    t.raw = rawRecord(t);
    return DemoEvent{kind, atMs, key, std::move(t)};
}

qint64 msAt(const QDate& day, qint64 secondsIntoDay)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + secondsIntoDay * 1000;
}

} // namespace

DemoBank::DemoBank(quint64 seed, const QDateTime& openedAt, int historyDays)
    : m_seed(seed)
    , m_historyStart(QDateTime(openedAt.toUTC().date().addDays(-historyDays), QTime(0, 0), Qt::UTC))
{
    Rng rng(mix(seed, 0xACC0, 0));
    auto plan = [&](const char* id, const char* name, AccountKind kind, const char* currency, qint64 openMin,
                    qint64 openMax) {
        AccountPlan p;
        p.index = int(m_plans.size());
        p.account.providerId = QString::fromLatin1(id);
        p.account.name = QString::fromLatin1(name);
        p.account.institution = QStringLiteral("Demo Bank");
        p.account.kind = kind;
        p.account.currency = QString::fromLatin1(currency);
        p.account.mask = QString::number(rng.between(1000, 9999));
        p.openingMinor = rng.between(openMin, openMax) * model::currency::minorPerMajor(p.account.currency);
        m_plans.append(p);
    };
    plan("demo-checking", "Everyday Checking", AccountKind::Checking, "USD", 3000, 8000);
    plan("demo-card", "Travel Rewards Card", AccountKind::CreditCard, "EUR", -900, -200);
    if (rng.oneIn(2))
        plan("demo-savings", "High-Yield Savings", AccountKind::Savings, "USD", 10000, 30000);
    if (rng.oneIn(2))
        plan("demo-yen", "Tokyo Wallet", AccountKind::Other, "JPY", 20000, 80000);
}

QList<ProviderAccount> DemoBank::accounts(const QDateTime& now) const
{
    QHash<QString, qint64> postedAmounts; // provider id -> minor units
    QHash<QString, QString> accountOf;
    for (const DemoEvent& e : eventsUntil(now)) {
        if (e.kind == DemoEvent::Kind::Removed) {
            postedAmounts.remove(e.transaction.providerId);
        } else if (e.kind == DemoEvent::Kind::Added && !e.transaction.pending) {
            postedAmounts.insert(e.transaction.providerId, e.transaction.amount.minorUnits());
            accountOf.insert(e.transaction.providerId, e.transaction.accountProviderId);
        }
    }
    QList<ProviderAccount> out;
    for (const AccountPlan& p : m_plans) {
        qint64 balance = p.openingMinor;
        for (auto it = postedAmounts.cbegin(); it != postedAmounts.cend(); ++it) {
            if (accountOf.value(it.key()) == p.account.providerId)
                balance += it.value();
        }
        ProviderAccount a = p.account;
        a.balance = Money(balance, a.currency);
        out.append(a);
    }
    return out;
}

QList<DemoEvent> DemoBank::eventsUntil(const QDateTime& now) const
{
    const qint64 untilMs = now.toMSecsSinceEpoch();
    QList<DemoEvent> events;
    for (QDate day = m_historyStart.date(); day <= now.toUTC().date(); day = day.addDays(1)) {
        for (const AccountPlan& p : m_plans)
            addDay(p, day, untilMs, events);
    }
    std::sort(events.begin(), events.end(), [](const DemoEvent& a, const DemoEvent& b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.key < b.key;
    });
    return events;
}

QList<ProviderTransaction> DemoBank::transactionsBooked(const QDate& from, const QDate& to, const QDateTime& now) const
{
    QHash<QString, qsizetype> at; // provider id -> index in latest
    QList<std::optional<ProviderTransaction>> latest;
    for (const DemoEvent& e : eventsUntil(now)) {
        const QString& id = e.transaction.providerId;
        const auto it = at.constFind(id);
        if (e.kind == DemoEvent::Kind::Removed) {
            if (it != at.cend())
                latest[it.value()].reset();
        } else if (it != at.cend()) {
            latest[it.value()] = e.transaction;
        } else {
            at.insert(id, latest.size());
            latest.append(e.transaction);
        }
    }
    QList<ProviderTransaction> out;
    for (const auto& t : latest) {
        if (t && t->bookedOn >= from && t->bookedOn <= to)
            out.append(*t);
    }
    return out;
}

void DemoBank::addDay(const AccountPlan& plan, const QDate& day, qint64 untilMs, QList<DemoEvent>& out) const
{
    Rng rng(mix(m_seed, quint64(plan.index + 1), quint64(day.toJulianDay())));
    const QString currency = plan.account.currency;
    const qint64 perMajor = model::currency::minorPerMajor(currency);
    const QString dayTag = day.toString(QStringLiteral("yyyyMMdd"));
    auto publish = [&](DemoEvent e) {
        if (e.atMs <= untilMs)
            out.append(std::move(e));
    };
    auto base = [&](const QString& id, const QString& description, const char* category, qint64 minor,
                    const char* counterparty = "") {
        ProviderTransaction t;
        t.counterparty = QString::fromLatin1(counterparty);
        t.accountProviderId = plan.account.providerId;
        t.providerId = id;
        t.bookedOn = day;
        t.amount = Money(minor, currency);
        t.description = description;
        t.category = QString::fromLatin1(category);
        return t;
    };

    // Fixed items: salary and rent on checking, interest on savings.
    if (plan.account.kind == AccountKind::Checking && (day.day() == 1 || day.day() == 15)) {
        const QString id = QStringLiteral("t-%1-%2-salary").arg(plan.index).arg(dayTag);
        publish(
            event(DemoEvent::Kind::Added, msAt(day, 6 * 3600), id,
                  base(id, QStringLiteral("ACME CORP PAYROLL PPD ID 9921"), "income", 2450 * perMajor, "Acme Corp")));
    }
    if (plan.account.kind == AccountKind::Checking && day.day() == 1) {
        const QString id = QStringLiteral("t-%1-%2-rent").arg(plan.index).arg(dayTag);
        publish(event(DemoEvent::Kind::Added, msAt(day, 9 * 3600), id,
                      base(id, QStringLiteral("BAYVIEW PROPERTY MGMT RENT"), "housing", -1850 * perMajor,
                           "Bayview Property Management")));
    }
    if (plan.account.kind == AccountKind::Savings && day.day() == day.daysInMonth()) {
        const QString id = QStringLiteral("t-%1-%2-interest").arg(plan.index).arg(dayTag);
        publish(event(DemoEvent::Kind::Added, msAt(day, 3 * 3600), id,
                      base(id, QStringLiteral("INTEREST PAYMENT"), "income", rng.between(150, 990))));
    }

    // One purchase or transfer: pending first for card purchases, then posted (a tip added) and the
    // pending one removed; perhaps its description corrected a day later, or reversed two days later.
    struct Purchase {
        QString tag;
        const Payee* payee = nullptr;
        qint64 minor = 0;
        qint64 t0 = 0;
        int postDelayDays = 0;
        int tipPercent = 0;
        bool corrected = false;
        bool reversed = false;
    };
    auto book = [&](const Purchase& p) {
        const Payee& payee = *p.payee;
        const QString postedId = QStringLiteral("t-") + p.tag;
        // Most merchants are recognised at once; the rest only after the bank's later correction.
        const char* merchant = p.corrected ? "" : payee.cleanName;
        ProviderTransaction posted =
            base(postedId, QString::fromLatin1(payee.rawDescription), payee.category, p.minor, merchant);
        qint64 postedAt = p.t0;
        if (payee.pendingFirst) {
            const QString pendingId = QStringLiteral("p-") + p.tag;
            ProviderTransaction pending = base(pendingId, posted.description, payee.category, p.minor, merchant);
            pending.pending = true;
            publish(event(DemoEvent::Kind::Added, p.t0, pendingId, pending));
            postedAt = p.t0 + p.postDelayDays * kDayMs;
            posted.bookedOn = day.addDays(p.postDelayDays);
            posted.authorizedOn = day;
            posted.pendingProviderId = pendingId;
            posted.amount = Money(p.minor + p.minor * p.tipPercent / 100, currency);
            publish(event(DemoEvent::Kind::Added, postedAt, postedId + u'a', posted));
            ProviderTransaction gone;
            gone.accountProviderId = plan.account.providerId;
            gone.providerId = pendingId;
            publish(event(DemoEvent::Kind::Removed, postedAt, postedId + u'b', gone));
        } else {
            publish(event(DemoEvent::Kind::Added, postedAt, postedId, posted));
        }
        if (p.corrected) {
            ProviderTransaction fixed = posted;
            fixed.description = QString::fromLatin1(payee.cleanName);
            fixed.counterparty = QString::fromLatin1(payee.cleanName);
            publish(event(DemoEvent::Kind::Modified, postedAt + kDayMs, postedId + u'c', fixed));
        } else if (p.reversed) {
            ProviderTransaction gone;
            gone.accountProviderId = plan.account.providerId;
            gone.providerId = postedId;
            publish(event(DemoEvent::Kind::Removed, postedAt + 2 * kDayMs, postedId + u'd', gone));
        }
    };
    auto amountFor = [&](Rng& r, const Payee& payee) {
        qint64 minor = r.between(payee.minMajor, payee.maxMajor) * perMajor;
        if (perMajor > 1)
            minor += r.between(0, perMajor - 1);
        else
            minor = minor / 10 * 10;
        return minor * payee.sign;
    };

    const auto payees = payeesFor(plan.account.kind);
    const int count = plan.account.kind == AccountKind::Savings ? (rng.oneIn(8) ? 1 : 0) : int(rng.between(0, 3));
    for (int i = 0; i < count; ++i) {
        Purchase p;
        p.payee = &payees[rng.next() % payees.size()];
        p.minor = amountFor(rng, *p.payee);
        p.t0 = msAt(day, rng.between(7 * 3600, 21 * 3600));
        p.postDelayDays = int(rng.between(1, 3));
        p.tipPercent = p.payee->tips ? int(rng.between(15, 25)) : 0;
        p.corrected = rng.oneIn(15);
        p.reversed = !p.corrected && rng.oneIn(60);
        p.tag = QStringLiteral("%1-%2-%3").arg(plan.index).arg(dayTag).arg(i);
        book(p);
    }

    // Every morning a card purchase on checking and on the card, still pending until two days
    // later: at any instant yesterday's (or today's) shows as pending. Drawn from a stream of its
    // own, so the rest of a seeded bank's history stays as it was.
    if (plan.account.kind == AccountKind::Checking || plan.account.kind == AccountKind::CreditCard) {
        Rng daily(mix(m_seed, quint64(plan.index + 1) | kDailyStream, quint64(day.toJulianDay())));
        QList<const Payee*> cardPayees;
        for (const Payee& payee : payees) {
            if (payee.pendingFirst)
                cardPayees.append(&payee);
        }
        Purchase p;
        p.payee = cardPayees[qsizetype(daily.next() % quint64(cardPayees.size()))];
        p.minor = amountFor(daily, *p.payee);
        p.t0 = msAt(day, kDailyPurchaseSecond);
        p.postDelayDays = kDailyPostDelayDays;
        p.tipPercent = p.payee->tips ? int(daily.between(15, 25)) : 0;
        p.tag = QStringLiteral("%1-%2-daily").arg(plan.index).arg(dayTag);
        book(p);
    }
}

} // namespace coffer::providers::demo
