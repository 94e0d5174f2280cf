// Plaid through the real engine: a Plaid connection (keys and access token in the real keychain)
// synced from the Plaid fake over loopback into a real SQLite store, page by page.

#include "../fakes/PlaidFake.h"
#include "EngineHarness.h"

#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using test::PlaidFake;

namespace {

class PlaidSyncTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    qint64 addPlaid()
    {
        model::ConnectionSpec spec{QStringLiteral("plaid"),
                                   QStringLiteral("My Plaid bank"),
                                   {{QStringLiteral("environment"), QStringLiteral("sandbox")},
                                    {QStringLiteral("baseUrl"), m_fake.baseUrl()},
                                    {QStringLiteral("minIntervalSeconds"), 0}},
                                   m_fake.credentialsJson()};
        return m_engine.add(spec);
    }

    model::SyncSummary sync(qint64 id)
    {
        const auto summary = m_engine.sync(id);
        QTest::qWait(50); // the statuses after the run
        return summary;
    }

    // Every stored transaction of the connection: "account|id|amount|status".
    QStringList stored(qint64 id) const
    {
        test::Inspector db(m_engine.databasePath);
        QStringList rows = db.rows(QStringLiteral("SELECT a.provider_id, t.provider_id, t.amount_minor, t.status FROM "
                                                  "transactions t JOIN accounts a ON a.id = t.account_id WHERE "
                                                  "a.connection_id = %1 AND t.status != 'removed'")
                                       .arg(id));
        rows.sort();
        return rows;
    }

    // What the fake's Item holds, in Coffer's sign (money out negative).
    QStringList expected() const
    {
        QStringList rows;
        for (const auto& t : m_fake.transactions())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(t.accountId, t.id)
                        .arg(-t.amountMinor)
                        .arg(t.pending ? QStringLiteral("pending") : QStringLiteral("posted"));
        rows.sort();
        return rows;
    }

    model::ConnectionStatus status(qint64 id)
    {
        for (const auto& s : m_engine.statuses) {
            if (s.connectionId == id)
                return s;
        }
        return {};
    }

    int syncCalls() const { return m_fake.callsTo(QStringLiteral("/transactions/sync")); }

    QTemporaryDir m_dir;
    PlaidFake m_fake{test::fixedNow().date(), 1240};
    test::EngineUnderTest m_engine{m_dir.path(), test::clockAtFixedNow(), false};
};

QString errorOf(const model::SyncSummary& s)
{
    return s.error ? s.error->userMessage : QString();
}

} // namespace

TEST_F(PlaidSyncTest, SeveralPagesLandInTheStoreInCoffersSignAndChangesFollow)
{
    const qint64 id = addPlaid();
    const auto first = sync(id);
    ASSERT_TRUE(first.succeeded) << errorOf(first).toStdString();
    EXPECT_EQ(first.pages, 3) << "1240 records in pages of 500";
    EXPECT_EQ(first.changes.added, 1240);
    EXPECT_EQ(stored(id), expected());

    test::Inspector db(m_engine.databasePath);
    // A card purchase Plaid reports as 16.19 (money out) is stored as -1619 with its details.
    const PlaidFake::Transaction sample = m_fake.transactions().value(QStringLiteral("tx-0000001"));
    ASSERT_GT(sample.amountMinor, 0);
    ASSERT_EQ(sample.category, QStringLiteral("TRANSPORTATION"));
    EXPECT_EQ(db.rows(QStringLiteral("SELECT amount_minor, currency, counterparty, category, booked_on, authorized_on "
                                     "FROM transactions WHERE provider_id = 'tx-0000001'")),
              QStringList{QStringLiteral("%1|USD|%2|%3|%4|%5")
                              .arg(-sample.amountMinor)
                              .arg(sample.merchantName, QStringLiteral("transport"), sample.date.toString(Qt::ISODate),
                                   sample.authorizedDate->toString(Qt::ISODate))});
    EXPECT_EQ(db.rows(QStringLiteral("SELECT check_number FROM transactions WHERE provider_id = 'tx-0000000'")),
              QStringList{QStringLiteral("1000")});
    EXPECT_EQ(db.rows(QStringLiteral("SELECT a.institution, a.mask, a.kind, b.amount_minor FROM accounts a JOIN "
                                     "balances b ON b.account_id = a.id WHERE a.provider_id = 'acc-credit-3333'")),
              QStringList{QStringLiteral("First Platypus Bank|3333|%1|-41000")
                              .arg(model::accountKindName(model::AccountKind::CreditCard))})
        << "a card's balance owed is negative";

    m_fake.modify(QStringLiteral("tx-0000010"), [](PlaidFake::Transaction& t) { t.amountMinor = 777; });
    m_fake.remove(QStringLiteral("tx-0000011"));
    const int before = syncCalls();
    const auto second = sync(id);
    ASSERT_TRUE(second.succeeded) << errorOf(second).toStdString();
    EXPECT_EQ(syncCalls() - before, 1) << "from the saved cursor, one short page";
    EXPECT_EQ(second.changes.modified, 1);
    EXPECT_EQ(second.changes.removed, 1);
    EXPECT_EQ(stored(id), expected());
    EXPECT_EQ(db.rows(QStringLiteral("SELECT status FROM transactions WHERE provider_id = 'tx-0000011'")),
              QStringList{QStringLiteral("removed")});
}

TEST_F(PlaidSyncTest, APendingTransactionThatPostsIsShownOnceAsPosted)
{
    const qint64 id = addPlaid();
    ASSERT_TRUE(sync(id).succeeded);
    const QString pendingId = QStringLiteral("tx-0001239"); // the newest, still pending
    ASSERT_TRUE(m_fake.transactions().value(pendingId).pending);
    m_fake.post(pendingId, QStringLiteral("tx-posted-1239"));
    const auto run = sync(id);
    ASSERT_TRUE(run.succeeded) << errorOf(run).toStdString();
    EXPECT_EQ(stored(id), expected()) << "the posted one in, the pending one gone";
    test::Inspector db(m_engine.databasePath);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT provider_id, pending_provider_id, status FROM transactions WHERE "
                                     "status != 'removed' AND matched_to IS NULL AND (provider_id = '%1' OR "
                                     "pending_provider_id = '%1')")
                          .arg(pendingId)),
              QStringList{QStringLiteral("tx-posted-1239|%1|posted").arg(pendingId)});
}

TEST_F(PlaidSyncTest, MutationDuringPaginationRestartsFromTheRunsFirstCursorWithoutDuplicates)
{
    const qint64 id = addPlaid();
    PlaidFake::Fault mutation;
    mutation.kind = PlaidFake::Fault::Kind::MutationDuringPagination;
    mutation.endpoint = QStringLiteral("/transactions/sync");
    mutation.skip = 1; // the second page
    m_fake.inject(mutation);
    const auto run = sync(id);
    ASSERT_TRUE(run.succeeded) << errorOf(run).toStdString();
    EXPECT_EQ(syncCalls(), 1 + 1 + 3) << "page 1, the refused page 2, then all three again from the first cursor";
    const QStringList rows = stored(id);
    EXPECT_EQ(rows, expected()) << "every transaction once, with the change made while paging";
    EXPECT_EQ(QSet<QString>(rows.cbegin(), rows.cend()).size(), rows.size());
    test::Inspector db(m_engine.databasePath);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE description_raw LIKE '%(CORRECTED)'")),
              1);
}

TEST_F(PlaidSyncTest, TokenRevokedMidRunKeepsCommittedPagesAndAsksForSignInThenResumes)
{
    const qint64 id = addPlaid();
    m_fake.failWith(400, QStringLiteral("ITEM_ERROR"), QStringLiteral("ITEM_LOGIN_REQUIRED"), {},
                    QStringLiteral("/transactions/sync"), 2);
    const auto broken = sync(id);
    ASSERT_FALSE(broken.succeeded);
    ASSERT_TRUE(broken.error);
    EXPECT_EQ(broken.error->kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(broken.pages, 2);
    EXPECT_EQ(stored(id).size(), 1000) << "the two committed pages stay";
    ASSERT_TRUE(test::waitFor([&] { return status(id).state == model::ConnectionState::ReauthRequired; }));
    EXPECT_TRUE(status(id).lastError.contains(QStringLiteral("sign in")));

    // The user repairs the Item (Link update mode keeps the access token): the next sync goes on
    // from page 3's cursor, not from the start.
    const int before = syncCalls();
    const auto resumed = sync(id);
    ASSERT_TRUE(resumed.succeeded) << errorOf(resumed).toStdString();
    EXPECT_EQ(syncCalls() - before, 1);
    EXPECT_EQ(stored(id), expected());
    ASSERT_TRUE(test::waitFor([&] { return status(id).state == model::ConnectionState::Idle; }));
}

TEST_F(PlaidSyncTest, AnItemThatNeedsLoginAgainNeedsTheUserUntilRepaired)
{
    const qint64 id = addPlaid();
    m_fake.setLoginRequired(true);
    const auto refused = sync(id);
    ASSERT_TRUE(refused.error);
    EXPECT_EQ(refused.error->kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(refused.error->providerCode, QStringLiteral("ITEM_LOGIN_REQUIRED"));
    EXPECT_TRUE(stored(id).isEmpty());
    ASSERT_TRUE(test::waitFor([&] { return status(id).state == model::ConnectionState::ReauthRequired; }));

    m_fake.setLoginRequired(false);
    const auto repaired = sync(id);
    ASSERT_TRUE(repaired.succeeded) << errorOf(repaired).toStdString();
    EXPECT_EQ(stored(id), expected());
}

TEST_F(PlaidSyncTest, TheDashboardSaysWhilePlaidIsStillCollectingHistory)
{
    const qint64 id = addPlaid();
    m_fake.setUpdateStatus(QStringLiteral("INITIAL_UPDATE_COMPLETE"));
    ASSERT_TRUE(sync(id).succeeded);
    ASSERT_TRUE(test::waitFor([&] { return !status(id).providerNote.isEmpty(); }));
    EXPECT_TRUE(status(id).providerNote.contains(QStringLiteral("still collecting history")));

    m_fake.setUpdateStatus(QStringLiteral("HISTORICAL_UPDATE_COMPLETE"));
    ASSERT_TRUE(sync(id).succeeded);
    EXPECT_TRUE(test::waitFor([&] { return status(id).providerNote.isEmpty(); }));

    // A note still there when the connection is removed goes with it.
    m_fake.setUpdateStatus(QStringLiteral("NOT_READY"));
    ASSERT_TRUE(sync(id).succeeded);
    ASSERT_TRUE(test::waitFor([&] { return !status(id).providerNote.isEmpty(); }));
    m_engine.host().removeConnection(id, false);
    EXPECT_TRUE(test::waitFor([&] { return status(id).connectionId == 0; }));
    test::Inspector db(m_engine.databasePath);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key LIKE 'provider_note/%'")), 0);
}

TEST_F(PlaidSyncTest, ABrokenPageStoresNothingOfItAndKeepsWhatCameBefore)
{
    const qint64 id = addPlaid();
    PlaidFake::Fault truncated;
    truncated.kind = PlaidFake::Fault::Kind::TruncatedBody;
    truncated.endpoint = QStringLiteral("/transactions/sync");
    truncated.skip = 1;
    m_fake.inject(truncated);
    const auto run = sync(id);
    ASSERT_TRUE(run.error);
    EXPECT_EQ(run.error->kind, model::ErrorKind::InvalidData);
    EXPECT_EQ(stored(id).size(), 500);
    test::Inspector db(m_engine.databasePath);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM raw_payloads")), 1) << "the unreadable answer is kept";
    const auto again = sync(id);
    ASSERT_TRUE(again.succeeded) << errorOf(again).toStdString();
    EXPECT_EQ(stored(id), expected());
}

TEST_F(PlaidSyncTest, SecretsStayInTheKeychain)
{
    const qint64 id = addPlaid();
    ASSERT_TRUE(sync(id).succeeded);
    test::Inspector db(m_engine.databasePath);
    for (const QString& table : {QStringLiteral("connections"), QStringLiteral("settings"),
                                 QStringLiteral("transactions"), QStringLiteral("sync_runs")}) {
        const QString dump = db.rows(QStringLiteral("SELECT * FROM %1").arg(table)).join(u'\n');
        EXPECT_FALSE(dump.contains(PlaidFake::secret())) << table.toStdString();
        EXPECT_FALSE(dump.contains(m_fake.accessToken())) << table.toStdString();
    }
}
