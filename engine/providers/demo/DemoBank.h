#pragma once

#include "providers/Connector.h"

#include <QDateTime>
#include <QList>

namespace coffer::providers::demo {

// One change the demo bank's ledger goes through, at a moment in time.
struct DemoEvent {
    enum class Kind { Added, Modified, Removed };
    Kind kind = Kind::Added;
    qint64 atMs = 0;                 // when it happens (UTC ms since epoch)
    QString key;                     // unique, orders events at the same instant
    ProviderTransaction transaction; // for Removed only accountProviderId/providerId matter
};

// A pretend bank, deterministic from a seed: the same seed and the same "now" always give the
// same accounts, transactions and change history. Its history starts historyDays before the
// opening instant and new transactions keep appearing as time passes: card purchases show as
// pending first and post one to three days later (restaurant bills with a tip added), some
// descriptions are later corrected and a few transactions are reversed (removed). Checking and the
// card have a card purchase every morning that posts two days later, so at any instant each of
// them shows at least one pending transaction.
class DemoBank {
public:
    DemoBank(quint64 seed, const QDateTime& openedAt, int historyDays = 90);

    QList<ProviderAccount> accounts(const QDateTime& now) const;
    // Every event at or before now, in delivery order (time, then key).
    QList<DemoEvent> eventsUntil(const QDateTime& now) const;

    // The bank's view now of every transaction booked from `from` to `to` inclusive (latest state;
    // reversed ones left out), for history fetched by date.
    QList<ProviderTransaction> transactionsBooked(const QDate& from, const QDate& to, const QDateTime& now) const;

    const QDateTime& historyStart() const { return m_historyStart; }

private:
    struct AccountPlan {
        ProviderAccount account;
        int index = 0;
        qint64 openingMinor = 0;
    };
    void addDay(const AccountPlan& plan, const QDate& day, qint64 untilMs, QList<DemoEvent>& out) const;

    quint64 m_seed;
    QDateTime m_historyStart;
    QList<AccountPlan> m_plans;
};

} // namespace coffer::providers::demo
