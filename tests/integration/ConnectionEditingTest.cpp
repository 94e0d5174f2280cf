// Editing connections through the engine: the user's import choices (accounts left out, pending
// transactions off) reach the sync pipeline; file-only accounts exist without ever being synced;
// SimpleFIN connections are added and signed in again with setup tokens claimed over loopback.

#include "../fakes/SimpleFinFake.h"
#include "EngineHarness.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using test::clockAtFixedNow;
using test::EngineUnderTest;
using test::Inspector;

namespace {

constexpr bool kOnDemand = false;

model::ConnectionDetails describe(EngineUnderTest& engine, qint64 id)
{
    QSignalSpy described(&engine.host(), &EngineHost::connectionDescribed);
    engine.host().describeConnection(id);
    EXPECT_TRUE(test::waitFor([&] { return !described.isEmpty(); }));
    return described.isEmpty() ? model::ConnectionDetails{}
                               : described.first().first().value<model::ConnectionDetails>();
}

// Transactions per account provider id, as "account|count".
QStringList perAccount(const Inspector& db, qint64 connectionId)
{
    return db.rows(QStringLiteral("SELECT a.provider_id, COUNT(t.id) FROM accounts a LEFT JOIN transactions t ON "
                                  "t.account_id = a.id WHERE a.connection_id = %1 GROUP BY a.provider_id ORDER BY 1")
                       .arg(connectionId));
}

} // namespace

TEST(ConnectionEditing, AnExcludedAccountKeepsItsPlaceButGetsNoTransactions)
{
    QTemporaryDir referenceDir;
    EngineUnderTest reference(referenceDir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 referenceId = reference.addDemo(31);
    ASSERT_TRUE(reference.sync(referenceId).succeeded);
    const QStringList everything = perAccount(Inspector(reference.databasePath), referenceId);
    ASSERT_GE(everything.size(), 2);
    const QString left = everything.first().section(u'|', 0, 0);
    ASSERT_GT(everything.first().section(u'|', 1).toInt(), 0) << "the account to leave out has transactions";

    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(31);
    engine.host().setExcludedAccounts(id, {left});
    ASSERT_TRUE(test::waitFor([&] { return !engine.doneMessages.isEmpty(); }));
    const auto run = engine.sync(id);
    ASSERT_TRUE(run.succeeded) << (run.error ? run.error->userMessage.toStdString() : "");
    EXPECT_TRUE(run.warnings.isEmpty()) << "no balance check for an account whose transactions are not kept";

    QStringList expected = everything;
    expected.first() = left + QStringLiteral("|0");
    EXPECT_EQ(perAccount(Inspector(engine.databasePath), id), expected);

    const auto details = describe(engine, id);
    ASSERT_EQ(details.accounts.size(), everything.size());
    for (const auto& a : details.accounts)
        EXPECT_EQ(a.excluded, a.providerId == left) << a.providerId.toStdString();

    // Included again: the next full fetch brings its history in.
    engine.host().setExcludedAccounts(id, {});
    ASSERT_TRUE(test::waitFor([&] { return describe(engine, id).accounts.value(0).excluded == false; }));
}

TEST(ConnectionEditing, PendingTransactionsOffStoresOnlyPostedOnes)
{
    QTemporaryDir referenceDir;
    EngineUnderTest reference(referenceDir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 referenceId = reference.addDemo(32);
    ASSERT_TRUE(reference.sync(referenceId).succeeded);
    const QString pendingSql = QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status = 'pending'");
    ASSERT_GT(Inspector(reference.databasePath).number(pendingSql), 0) << "the demo bank has pending transactions";

    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(32);
    engine.host().setImportPending(id, false);
    ASSERT_TRUE(test::waitFor([&] { return !describe(engine, id).importPending; }));
    const auto run = engine.sync(id);
    ASSERT_TRUE(run.succeeded) << (run.error ? run.error->userMessage.toStdString() : "");
    Inspector db(engine.databasePath);
    EXPECT_EQ(db.number(pendingSql), 0);
    EXPECT_GT(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status = 'posted'")), 100);
}

TEST(ConnectionEditing, RenameIsStoredAndShown)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    const qint64 id = engine.addDemo(33);
    engine.host().renameConnection(id, QStringLiteral("  Household   account "));
    ASSERT_TRUE(test::waitFor(
        [&] { return !engine.statuses.isEmpty() && engine.statuses[0].name == QStringLiteral("Household account"); }));
    EXPECT_EQ(describe(engine, id).name, QStringLiteral("Household account"));
    engine.host().renameConnection(id, QStringLiteral("   "));
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    EXPECT_EQ(describe(engine, id).name, QStringLiteral("Household account"));
}

TEST(ConnectionEditing, AFileOnlyAccountExistsAtOnceAndIsNeverSynced)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), true);
    QSignalSpy refused(&engine.host(), &EngineHost::connectionAddFailed);
    const QVariantMap account{{QStringLiteral("id"), QStringLiteral("main")},
                              {QStringLiteral("name"), QStringLiteral("Cash")},
                              {QStringLiteral("currency"), QStringLiteral("XYZ")},
                              {QStringLiteral("kind"), QStringLiteral("savings")}};
    model::ConnectionSpec spec{QStringLiteral("file"), QStringLiteral("Cash"), {}, {}};
    spec.options.insert(QStringLiteral("accounts"), QVariantList{account});
    engine.host().addConnection(spec);
    ASSERT_TRUE(test::waitFor([&] { return !refused.isEmpty(); }));
    EXPECT_TRUE(refused.first().first().toString().contains(QStringLiteral("ISO 4217")));

    QVariantMap euro = account;
    euro.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
    spec.options.insert(QStringLiteral("accounts"), QVariantList{euro});
    engine.host().addConnection(spec);
    ASSERT_TRUE(test::waitFor([&] { return !engine.addedIds.isEmpty(); }));
    const qint64 id = engine.addedIds.first();
    Inspector db(engine.databasePath);
    EXPECT_EQ(
        db.rows(
            QStringLiteral("SELECT provider_id, name, currency, kind FROM accounts WHERE connection_id = %1").arg(id)),
        QStringList{QStringLiteral("main|Cash|EUR|savings")});

    const int failuresBefore = int(engine.failures.size());
    engine.host().syncNow(id);
    ASSERT_TRUE(test::waitFor([&] { return engine.failures.size() > failuresBefore; }));
    EXPECT_TRUE(engine.failures.last().contains(QStringLiteral("importing bank files")))
        << engine.failures.last().toStdString();
    QTest::qWait(300);
    EXPECT_TRUE(engine.summaries.isEmpty()) << "no sync run for a file-only account";
    ASSERT_TRUE(test::waitFor([&] { return !engine.statuses.isEmpty(); }));
    EXPECT_FALSE(engine.statuses[0].nextRunAt.isValid()) << "never scheduled";
    EXPECT_FALSE(describe(engine, id).scheduled);
}

TEST(ConnectionEditing, SimpleFinSetupTokensAreClaimedOnceAndSignInAgainClearsTheState)
{
    test::SimpleFinFake fake(test::fixedNow());
    ASSERT_TRUE(fake.listen());
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), kOnDemand);
    QSignalSpy refused(&engine.host(), &EngineHost::connectionAddFailed);
    // No minimum interval between syncs, so the test can sync again at once.
    model::ConnectionSpec spec{
        QStringLiteral("simplefin"), QStringLiteral("Bridge"), {{QStringLiteral("minIntervalSeconds"), 0}}, {}};
    spec.setupToken = fake.setupToken();
    engine.host().addConnection(spec);
    ASSERT_TRUE(test::waitFor([&] { return !engine.addedIds.isEmpty() || !refused.isEmpty(); }));
    ASSERT_TRUE(refused.isEmpty()) << refused.first().first().toString().toStdString();
    const qint64 id = engine.addedIds.first();
    const auto first = engine.sync(id);
    ASSERT_TRUE(first.succeeded) << (first.error ? first.error->userMessage.toStdString() : "");
    EXPECT_GT(first.changes.added, 0);

    engine.host().addConnection(spec); // the same token again: SimpleFIN answers 403
    ASSERT_TRUE(test::waitFor([&] { return !refused.isEmpty(); }));
    EXPECT_TRUE(refused.first().first().toString().contains(QStringLiteral("already been used")));
    EXPECT_EQ(engine.addedIds.size(), 1);

    fake.failNext(1, 403); // the access was revoked at the bridge
    const auto revoked = engine.sync(id);
    ASSERT_FALSE(revoked.succeeded);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::ReauthRequired;
    }));

    QSignalSpy reauthFailed(&engine.host(), &EngineHost::reauthenticationFailed);
    engine.host().reauthenticate(id, fake.setupToken()); // already claimed at the start
    ASSERT_TRUE(test::waitFor([&] { return !reauthFailed.isEmpty(); }));
    EXPECT_TRUE(reauthFailed.first().at(1).toString().contains(QStringLiteral("someone else")));
    EXPECT_EQ(engine.statuses[0].state, model::ConnectionState::ReauthRequired);

    test::SimpleFinFake renewed(test::fixedNow());
    ASSERT_TRUE(renewed.listen());
    QSignalSpy reauthenticated(&engine.host(), &EngineHost::reauthenticated);
    const auto runsBefore = engine.summaries.size();
    engine.host().reauthenticate(id, renewed.setupToken());
    ASSERT_TRUE(test::waitFor([&] { return !reauthenticated.isEmpty(); }));
    EXPECT_EQ(renewed.requestCount(), 1) << "the claim";
    // Signing in again asks for a sync at once; it reaches the new server with the new access URL.
    ASSERT_TRUE(test::waitFor([&] { return engine.summaries.size() > runsBefore; }, 60000));
    EXPECT_TRUE(engine.summaries.last().succeeded)
        << (engine.summaries.last().error ? engine.summaries.last().error->userMessage.toStdString() : "");
    bool authorized = false;
    for (const auto& r : renewed.requests())
        authorized = authorized || (r.method == "GET" && r.authorized);
    EXPECT_TRUE(authorized);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::Idle &&
               engine.statuses[0].lastError.isEmpty();
    }));
}
