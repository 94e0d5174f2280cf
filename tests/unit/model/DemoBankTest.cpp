// The demo bank: deterministic, realistic, and alive (time brings new transactions).

#include "providers/demo/DemoBank.h"

#include "TestSupport.h"

#include <QSet>

#include <gtest/gtest.h>

using coffer::providers::demo::DemoBank;
using coffer::providers::demo::DemoEvent;

namespace {
const QDateTime kOpened = coffer::test::fixedNow();
}

TEST(DemoBank, SameSeedSameBank)
{
    const DemoBank a(7, kOpened);
    const DemoBank b(7, kOpened);
    const auto ea = a.eventsUntil(kOpened);
    const auto eb = b.eventsUntil(kOpened);
    ASSERT_EQ(ea.size(), eb.size());
    for (qsizetype i = 0; i < ea.size(); ++i) {
        EXPECT_EQ(ea[i].key, eb[i].key);
        EXPECT_EQ(ea[i].transaction.amount, eb[i].transaction.amount);
    }
    EXPECT_NE(DemoBank(8, kOpened).eventsUntil(kOpened).size(), 0);
}

TEST(DemoBank, TwoToFourAccountsInAtLeastTwoCurrencies)
{
    for (quint64 seed = 1; seed <= 20; ++seed) {
        const auto accounts = DemoBank(seed, kOpened).accounts(kOpened);
        EXPECT_GE(accounts.size(), 2);
        EXPECT_LE(accounts.size(), 4);
        QSet<QString> currencies;
        for (const auto& a : accounts) {
            currencies.insert(a.currency);
            ASSERT_TRUE(a.balance.has_value());
            EXPECT_EQ(a.balance->currency(), a.currency);
        }
        EXPECT_GE(currencies.size(), 2) << "seed " << seed;
    }
}

TEST(DemoBank, PendingPostsOneToThreeDaysLaterSometimesWithATip)
{
    const auto events = DemoBank(3, kOpened).eventsUntil(kOpened);
    QHash<QString, coffer::providers::ProviderTransaction> pendings;
    int posted = 0;
    int tipped = 0;
    for (const auto& e : events) {
        if (e.kind == DemoEvent::Kind::Added && e.transaction.pending)
            pendings.insert(e.transaction.providerId, e.transaction);
        if (e.kind == DemoEvent::Kind::Added && !e.transaction.pendingProviderId.isEmpty()) {
            ASSERT_TRUE(pendings.contains(e.transaction.pendingProviderId));
            const auto& p = pendings[e.transaction.pendingProviderId];
            const qint64 days = p.bookedOn.daysTo(e.transaction.bookedOn);
            EXPECT_GE(days, 1);
            EXPECT_LE(days, 3);
            // Money out is negative: a tip makes the posted amount more negative, by at most 30 %.
            EXPECT_LE(e.transaction.amount.minorUnits(), p.amount.minorUnits());
            EXPECT_GE(e.transaction.amount.minorUnits(), p.amount.minorUnits() * 13 / 10);
            tipped += e.transaction.amount != p.amount ? 1 : 0;
            ++posted;
        }
    }
    EXPECT_GT(posted, 50);
    EXPECT_GT(tipped, 0);
}

TEST(DemoBank, HistoryHasCorrectionsAndReversals)
{
    const auto events = DemoBank(5, kOpened).eventsUntil(kOpened);
    int modified = 0;
    int removedPosted = 0;
    for (const auto& e : events) {
        modified += e.kind == DemoEvent::Kind::Modified ? 1 : 0;
        removedPosted += e.kind == DemoEvent::Kind::Removed && e.transaction.providerId.startsWith(u"t-") ? 1 : 0;
    }
    EXPECT_GT(modified, 0);
    EXPECT_GT(removedPosted, 0);
}

TEST(DemoBank, NewTransactionsAppearAsTimePasses)
{
    const DemoBank bank(9, kOpened);
    const auto now = bank.eventsUntil(kOpened);
    const auto inTwoDays = bank.eventsUntil(kOpened.addDays(2));
    EXPECT_GT(inTwoDays.size(), now.size());
    // The past does not change: the earlier events are a prefix of the later list.
    for (qsizetype i = 0; i < now.size(); ++i)
        ASSERT_EQ(now[i].key, inTwoDays[i].key);
}

TEST(DemoBank, EventsAreInDeliveryOrderAndUnique)
{
    const auto events = DemoBank(11, kOpened).eventsUntil(kOpened);
    QSet<QString> keys;
    for (qsizetype i = 0; i < events.size(); ++i) {
        EXPECT_FALSE(keys.contains(events[i].key));
        keys.insert(events[i].key);
        if (i > 0) {
            const bool ordered = events[i - 1].atMs < events[i].atMs ||
                                 (events[i - 1].atMs == events[i].atMs && events[i - 1].key < events[i].key);
            EXPECT_TRUE(ordered);
        }
        EXPECT_LE(events[i].atMs, kOpened.toMSecsSinceEpoch());
    }
}

TEST(DemoBank, CheckingAndCardShowAPendingTransactionAtAnyInstant)
{
    // What a user trying the demo sees must not be a matter of luck: at every instant over several
    // days, whatever the seed and the hour the bank was opened, checking and the card each have a
    // purchase still pending. The ledger only changes at an event, so checking after each
    // instant's events covers them all.
    int k = 0;
    for (const quint64 seed : {1ULL, 2ULL, 3ULL, 7ULL, 42ULL, 1234567ULL, 0xFFFFFFFFFFFFULL}) {
        const QDateTime from = kOpened.addSecs(qint64(k) * 5 * 3600 + k); // 12:00, 17:00, 22:00, 03:00...
        const QDateTime to = from.addDays(6);
        ++k;
        const DemoBank bank(seed, from);
        QHash<QString, QSet<QString>> pendingOn; // account -> ids of its pending transactions
        auto expectPending = [&](qint64 atMs) {
            for (const char* account : {"demo-checking", "demo-card"}) {
                EXPECT_FALSE(pendingOn.value(QString::fromLatin1(account)).isEmpty())
                    << "seed " << seed << ": nothing pending on " << account << " at "
                    << QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
            }
        };
        const auto events = bank.eventsUntil(to);
        qsizetype i = 0;
        auto applyUntil = [&](qint64 atMs) {
            for (; i < events.size() && events[i].atMs <= atMs; ++i) {
                const auto& t = events[i].transaction;
                if (events[i].kind == DemoEvent::Kind::Added && t.pending)
                    pendingOn[t.accountProviderId].insert(t.providerId);
                else if (events[i].kind == DemoEvent::Kind::Removed)
                    pendingOn[t.accountProviderId].remove(t.providerId);
            }
        };
        applyUntil(from.toMSecsSinceEpoch());
        expectPending(from.toMSecsSinceEpoch());
        while (i < events.size()) {
            const qint64 atMs = events[i].atMs;
            applyUntil(atMs);
            expectPending(atMs);
        }
    }
}
