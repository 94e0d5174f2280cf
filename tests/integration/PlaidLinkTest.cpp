// Linking a bank through Plaid Hosted Link, end to end through the real engine, keychain and
// database against the Plaid fake over loopback: the engine creates the link token, the user
// finishes "in the browser" (the test), the engine's polling of /link/token/get finds the public
// token by itself and exchanges it; the connection then syncs with the access token it keeps in the
// keychain. Also: sandbox test items, refusals, the user leaving Link, expiry, and update mode.

#include "../fakes/PlaidFake.h"
#include "../fakes/PlaidFakeLink.h"
#include "EngineHarness.h"
#include "model/LinkRequest.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using test::EngineUnderTest;
using test::Inspector;
using test::PlaidFake;
using test::PlaidFakeLink;

namespace {

constexpr bool kOnDemand = false;

class PlaidLinkTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    model::LinkRequest newItem(bool testItem = false) const
    {
        model::LinkRequest r;
        r.clientId = PlaidFake::clientId();
        r.secret = PlaidFake::secret();
        r.options = {{QStringLiteral("environment"), QStringLiteral("sandbox")},
                     {QStringLiteral("baseUrl"), m_fake.baseUrl()},
                     {QStringLiteral("pollIntervalMs"), 20}};
        r.sandboxTestItem = testItem;
        return r;
    }

    QList<PlaidFake::Received> calls(const QString& endpoint) const
    {
        QList<PlaidFake::Received> out;
        for (const auto& r : m_fake.requests()) {
            if (r.endpoint == endpoint)
                out << r;
        }
        return out;
    }

    // Starts a Link and waits until the engine has the Hosted Link URL; returns the request id.
    int open(EngineUnderTest& engine, const model::LinkRequest& request, QUrl* url)
    {
        QSignalSpy opened(&engine.host(), &EngineHost::linkOpened);
        QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
        const int id = engine.host().beginLink(request);
        EXPECT_TRUE(test::waitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }));
        EXPECT_TRUE(failed.isEmpty()) << failed.value(0).value(1).toString().toStdString();
        if (opened.isEmpty())
            return id;
        EXPECT_EQ(opened.first().at(0).toInt(), id);
        *url = opened.first().at(1).toUrl();
        return id;
    }

    // Waits for the engine's answer to a link request: the connection id, or the failure message.
    std::pair<qint64, QString> outcome(EngineUnderTest& engine, QSignalSpy& completed, QSignalSpy& failed)
    {
        EXPECT_TRUE(test::waitFor([&] { return !completed.isEmpty() || !failed.isEmpty(); }));
        Q_UNUSED(engine);
        if (!completed.isEmpty())
            return {completed.first().at(1).toLongLong(), QString()};
        if (!failed.isEmpty())
            return {0, failed.first().at(1).toString()};
        return {0, QStringLiteral("no answer")};
    }

    PlaidFake m_fake{test::fixedNow().date()};
    PlaidFakeLink m_link{m_fake, test::fixedNow()};
};

TEST_F(PlaidLinkTest, HostedLinkAddsTheBankWithoutCopyPasteAndItSyncs)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    QUrl url;
    const int request = open(engine, newItem(), &url);
    ASSERT_FALSE(url.isEmpty());
    EXPECT_TRUE(url.toString().startsWith(m_fake.baseUrl())) << url.toString().toStdString();
    const QString linkToken = PlaidFakeLink::linkTokenOf(url.toString());
    ASSERT_FALSE(linkToken.isEmpty());

    // What was asked of Plaid, field by field as its spec defines them.
    const auto created = calls(QStringLiteral("/link/token/create"));
    ASSERT_EQ(created.size(), 1);
    const QJsonObject body = created.first().body;
    EXPECT_EQ(body.value(QStringLiteral("client_name")).toString(), QStringLiteral("Coffer"));
    EXPECT_EQ(body.value(QStringLiteral("products")).toArray(), QJsonArray{QStringLiteral("transactions")});
    EXPECT_TRUE(body.value(QStringLiteral("hosted_link")).isObject());
    EXPECT_FALSE(body.contains(QStringLiteral("access_token")));
    EXPECT_FALSE(
        body.value(QStringLiteral("user")).toObject().value(QStringLiteral("client_user_id")).toString().isEmpty());

    // The user is still in the browser: the engine keeps polling and adds nothing.
    ASSERT_TRUE(test::waitFor([&] { return calls(QStringLiteral("/link/token/get")).size() >= 3; }));
    EXPECT_TRUE(completed.isEmpty());
    EXPECT_TRUE(engine.addedIds.isEmpty());

    m_link.completeLink(linkToken); // the user picked the bank and signed in
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_EQ(completed.first().at(0).toInt(), request);
    EXPECT_EQ(engine.addedIds, QList<qint64>{connectionId});
    EXPECT_EQ(m_link.exchanges(), 1);
    for (const auto& call : calls(QStringLiteral("/link/token/get")))
        EXPECT_EQ(call.body.value(QStringLiteral("link_token")).toString(), linkToken);

    Inspector db(engine.databasePath);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT provider, name FROM connections")),
              QStringList{QStringLiteral("plaid|First Platypus Bank")});
    const QString options = db.rows(QStringLiteral("SELECT options FROM connections")).value(0);
    EXPECT_TRUE(options.contains(m_fake.itemId())) << "the webhook receiver finds the connection by item id";
    EXPECT_TRUE(options.contains(QStringLiteral("sandbox")));
    // Secrets only in the keychain: not in the database file, whatever the table.
    QFile file(engine.databasePath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll() + [&] {
        QFile wal(engine.databasePath + QStringLiteral("-wal"));
        return wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray();
    }();
    EXPECT_FALSE(bytes.contains(m_fake.accessToken().toUtf8()));
    EXPECT_FALSE(bytes.contains(PlaidFake::secret().toUtf8()));

    // The fake now requires the exchanged access token: a sync proves the keychain holds it.
    const auto sync = engine.sync(connectionId);
    ASSERT_TRUE(sync.succeeded) << (sync.error ? sync.error->userMessage.toStdString() : "");
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM accounts")), m_fake.accounts().size());
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), m_fake.transactions().size());
}

TEST_F(PlaidLinkTest, SandboxTestItemNeedsNoBrowser)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy opened(&engine.host(), &EngineHost::linkOpened);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    model::LinkRequest request = newItem(true);
    request.name = QStringLiteral("Try-out");
    engine.host().beginLink(request);
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_TRUE(opened.isEmpty());
    const auto created = calls(QStringLiteral("/sandbox/public_token/create"));
    ASSERT_EQ(created.size(), 1);
    EXPECT_EQ(created.first().body.value(QStringLiteral("institution_id")).toString(), QStringLiteral("ins_109508"));
    EXPECT_EQ(created.first().body.value(QStringLiteral("initial_products")).toArray(),
              QJsonArray{QStringLiteral("transactions")});
    EXPECT_EQ(Inspector(engine.databasePath).rows(QStringLiteral("SELECT name FROM connections")),
              QStringList{QStringLiteral("Try-out")});
    const auto sync = engine.sync(connectionId);
    EXPECT_TRUE(sync.succeeded) << (sync.error ? sync.error->userMessage.toStdString() : "");
    EXPECT_GT(sync.changes.added, 0);

    // Production has no test items: refused before any call.
    QSignalSpy refused(&engine.host(), &EngineHost::linkFailed);
    request.options.insert(QStringLiteral("environment"), QStringLiteral("production"));
    engine.host().beginLink(request);
    ASSERT_TRUE(test::waitFor([&] { return !refused.isEmpty(); }));
    EXPECT_TRUE(refused.first().at(1).toString().contains(QStringLiteral("sandbox")));
    EXPECT_EQ(calls(QStringLiteral("/sandbox/public_token/create")).size(), 1);
}

TEST_F(PlaidLinkTest, BadKeysAndAddressesAreRefusedBeforeAnyCall)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    model::LinkRequest noSecret = newItem();
    noSecret.secret.clear();
    engine.host().beginLink(noSecret);
    model::LinkRequest plainHttp = newItem();
    plainHttp.options.insert(QStringLiteral("baseUrl"), QStringLiteral("http://plaid.example.com"));
    engine.host().beginLink(plainHttp);
    ASSERT_TRUE(test::waitFor([&] { return failed.size() == 2; }));
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QStringLiteral("secret")))
        << failed.at(0).at(1).toString().toStdString();
    EXPECT_TRUE(failed.at(1).at(1).toString().contains(QStringLiteral("http")))
        << failed.at(1).at(1).toString().toStdString();
    EXPECT_TRUE(m_fake.requests().isEmpty());

    // Keys Plaid does not know: its own error, in words, and nothing added.
    QSignalSpy failedAgain(&engine.host(), &EngineHost::linkFailed);
    model::LinkRequest wrong = newItem();
    wrong.secret = QStringLiteral("not-the-secret");
    engine.host().beginLink(wrong);
    ASSERT_TRUE(test::waitFor([&] { return !failedAgain.isEmpty(); }));
    EXPECT_FALSE(failedAgain.first().at(1).toString().isEmpty());
    EXPECT_FALSE(failedAgain.first().at(1).toString().contains(QStringLiteral("not-the-secret")));
    EXPECT_TRUE(engine.addedIds.isEmpty());
}

TEST_F(PlaidLinkTest, ExchangeFailureIsShownAndNothingIsAdded)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    m_fake.failWith(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_PUBLIC_TOKEN"),
                    QStringLiteral("This link has expired; please connect your bank again."),
                    QStringLiteral("/item/public_token/exchange"));
    QUrl url;
    open(engine, newItem(), &url);
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("could not finish connecting"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("please connect your bank again"))) << problem.toStdString();
    EXPECT_TRUE(engine.addedIds.isEmpty());
    EXPECT_EQ(Inspector(engine.databasePath).number(QStringLiteral("SELECT COUNT(*) FROM connections")), 0);
}

TEST_F(PlaidLinkTest, LeavingLinkEndsTheWaitWithPlaidsMessage)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    QUrl url;
    open(engine, newItem(), &url);
    m_link.exitLink(PlaidFakeLink::linkTokenOf(url.toString()),
                    QStringLiteral("The credentials you provided were incorrect."));
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("closed before a bank was connected"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("credentials you provided were incorrect"))) << problem.toStdString();
    const int polls = int(calls(QStringLiteral("/link/token/get")).size());
    QTest::qWait(200);
    EXPECT_EQ(calls(QStringLiteral("/link/token/get")).size(), polls) << "no polling after the end";
    EXPECT_EQ(m_link.exchanges(), 0);
}

TEST_F(PlaidLinkTest, AnExpiredLinkTokenEndsTheWaitAndCancelStopsPolling)
{
    QTemporaryDir dir;
    auto clock = test::clockAtFixedNow();
    EngineUnderTest engine(dir.path(), clock, kOnDemand);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    QUrl url;
    open(engine, newItem(), &url);
    const QString token = PlaidFakeLink::linkTokenOf(url.toString());
    clock->set(m_link.expirationOf(token).addSecs(1)); // the user went away for longer than it lives
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("expired"))) << problem.toStdString();

    // Cancelling: the engine stops asking and reports nothing, even once the user finishes.
    clock->set(test::fixedNow());
    QSignalSpy anyAnswer(&engine.host(), &EngineHost::linkFailed);
    QSignalSpy anyDone(&engine.host(), &EngineHost::linkCompleted);
    const int request = open(engine, newItem(), &url);
    ASSERT_TRUE(test::waitFor([&] { return calls(QStringLiteral("/link/token/get")).size() >= 2; }));
    engine.host().cancelLink(request);
    QTest::qWait(100); // the cancel is queued to the engine thread
    const auto polls = calls(QStringLiteral("/link/token/get")).size();
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    QTest::qWait(300);
    EXPECT_EQ(calls(QStringLiteral("/link/token/get")).size(), polls);
    EXPECT_TRUE(anyAnswer.isEmpty());
    EXPECT_TRUE(anyDone.isEmpty());
    EXPECT_TRUE(engine.addedIds.isEmpty());
}

TEST_F(PlaidLinkTest, UpdateModeSignsInAgainKeepingTheItemAndItsAccounts)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), test::clockAtFixedNow(), kOnDemand);
    QSignalSpy completed(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy failed(&engine.host(), &EngineHost::linkFailed);
    model::LinkRequest add = newItem(true);
    add.options.insert(QStringLiteral("minIntervalSeconds"), 0);
    engine.host().beginLink(add);
    const auto [connectionId, problem] = outcome(engine, completed, failed);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    ASSERT_TRUE(engine.sync(connectionId).succeeded);
    Inspector db(engine.databasePath);
    const QStringList accountsBefore = db.rows(QStringLiteral("SELECT id, provider_id FROM accounts ORDER BY id"));
    const QString optionsBefore = db.rows(QStringLiteral("SELECT options FROM connections")).value(0);
    const QString accessToken = m_fake.accessToken();

    // The bank wants the user to sign in again.
    m_fake.failWith(400, QStringLiteral("ITEM_ERROR"), QStringLiteral("ITEM_LOGIN_REQUIRED"),
                    QStringLiteral("Your bank needs you to sign in again."));
    EXPECT_FALSE(engine.sync(connectionId).succeeded);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::ReauthRequired;
    }));

    QSignalSpy reauthenticated(&engine.host(), &EngineHost::reauthenticated);
    QSignalSpy updated(&engine.host(), &EngineHost::linkCompleted);
    QSignalSpy updateFailed(&engine.host(), &EngineHost::linkFailed);
    model::LinkRequest update;
    update.connectionId = connectionId;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    QUrl url;
    const int request = open(engine, update, &url);
    const QJsonObject body = calls(QStringLiteral("/link/token/create")).last().body;
    EXPECT_EQ(body.value(QStringLiteral("access_token")).toString(), accessToken) << "update mode names the item";
    EXPECT_FALSE(body.contains(QStringLiteral("products"))) << "the item keeps its products";
    const auto runsBefore = engine.summaries.size();
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    ASSERT_TRUE(test::waitFor([&] { return !updated.isEmpty() || !updateFailed.isEmpty(); }));
    ASSERT_TRUE(updateFailed.isEmpty()) << updateFailed.first().at(1).toString().toStdString();
    EXPECT_EQ(updated.first().at(0).toInt(), request);
    EXPECT_EQ(updated.first().at(1).toLongLong(), connectionId);
    EXPECT_EQ(reauthenticated.size(), 1);
    EXPECT_EQ(m_link.exchanges(), 1) << "update mode exchanges nothing: the access token stays";
    EXPECT_EQ(m_fake.accessToken(), accessToken);

    // Signing in again asks for a sync; it succeeds on the same item, accounts untouched.
    ASSERT_TRUE(test::waitFor([&] { return engine.summaries.size() > runsBefore; }, 60000));
    EXPECT_TRUE(engine.summaries.last().succeeded)
        << (engine.summaries.last().error ? engine.summaries.last().error->userMessage.toStdString() : "");
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::Idle &&
               engine.statuses[0].lastError.isEmpty();
    }));
    EXPECT_EQ(db.rows(QStringLiteral("SELECT id, provider_id FROM accounts ORDER BY id")), accountsBefore);
    EXPECT_TRUE(db.rows(QStringLiteral("SELECT options FROM connections")).value(0).contains(m_fake.itemId()));
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM connections")), 1);
    Q_UNUSED(optionsBefore);
}

} // namespace
