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
    void SetUp() override
    {
        ASSERT_TRUE(m_fake.listen());
        m_engine = std::make_unique<EngineUnderTest>(m_dir.path(), m_clock, kOnDemand);
        EngineHost& host = m_engine->host();
        QObject::connect(&host, &EngineHost::linkOpened, &m_context,
                         [this](int request, const QUrl& url) { m_opened.insert(request, url); });
        QObject::connect(&host, &EngineHost::linkCompleted, &m_context,
                         [this](int request, qint64 connectionId) { m_completed.insert(request, connectionId); });
        QObject::connect(&host, &EngineHost::linkFailed, &m_context,
                         [this](int request, const QString& message) { m_failed.insert(request, message); });
    }

    EngineUnderTest& engine() { return *m_engine; }

    // Changes a setting as the user does and waits for the engine's answer; its message.
    QString set(const QString& key, const QString& value)
    {
        const auto failed = engine().failures.size();
        const auto done = engine().doneMessages.size();
        engine().host().setSetting(key, value);
        EXPECT_TRUE(
            test::waitFor([&] { return engine().doneMessages.size() > done || engine().failures.size() > failed; }));
        return engine().failures.size() > failed ? engine().failures.value(failed) : engine().doneMessages.value(done);
    }

    model::LinkRequest newItem(bool testItem = false) const
    {
        model::LinkRequest r;
        r.clientId = PlaidFake::clientId();
        r.secret = PlaidFake::secret();
        r.options = {{QStringLiteral("environment"), QStringLiteral("sandbox")},
                     {QStringLiteral("baseUrl"), m_fake.baseUrl()},
                     {QStringLiteral("minIntervalSeconds"), 0},
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
    int open(const model::LinkRequest& request, QUrl* url)
    {
        const int id = engine().host().beginLink(request);
        EXPECT_TRUE(test::waitFor([&] { return m_opened.contains(id) || m_failed.contains(id); }));
        EXPECT_FALSE(m_failed.contains(id)) << m_failed.value(id).toStdString();
        *url = m_opened.value(id);
        return id;
    }

    // The engine's answer to a link request: the new or signed-in connection's id, or the message.
    std::pair<qint64, QString> outcome(int request)
    {
        EXPECT_TRUE(test::waitFor([&] { return m_completed.contains(request) || m_failed.contains(request); }));
        if (m_completed.contains(request))
            return {m_completed.value(request), QString()};
        return {0, m_failed.value(request, QStringLiteral("no answer"))};
    }

    PlaidFake m_fake{test::fixedNow().date()};
    PlaidFakeLink m_link{m_fake, test::fixedNow()};
    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = test::clockAtFixedNow();
    std::unique_ptr<EngineUnderTest> m_engine;
    QObject m_context;
    QHash<int, QUrl> m_opened;
    QHash<int, qint64> m_completed;
    QHash<int, QString> m_failed;
};

TEST_F(PlaidLinkTest, HostedLinkAddsTheBankWithoutCopyPasteAndItSyncs)
{
    QUrl url;
    const int request = open(newItem(), &url);
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
    EXPECT_FALSE(body.contains(QStringLiteral("webhook"))) << "no public webhook address is set";
    EXPECT_FALSE(
        body.value(QStringLiteral("user")).toObject().value(QStringLiteral("client_user_id")).toString().isEmpty());

    // The user is still in the browser: the engine keeps polling and adds nothing.
    ASSERT_TRUE(test::waitFor([&] { return calls(QStringLiteral("/link/token/get")).size() >= 3; }));
    EXPECT_FALSE(m_completed.contains(request));
    EXPECT_TRUE(engine().addedIds.isEmpty());

    m_link.completeLink(linkToken); // the user picked the bank and signed in
    const auto [connectionId, problem] = outcome(request);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_EQ(engine().addedIds, QList<qint64>{connectionId});
    EXPECT_EQ(m_link.exchanges(), 1);
    for (const auto& call : calls(QStringLiteral("/link/token/get")))
        EXPECT_EQ(call.body.value(QStringLiteral("link_token")).toString(), linkToken);

    Inspector db(engine().databasePath);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT provider, name FROM connections")),
              QStringList{QStringLiteral("plaid|First Platypus Bank")});
    const QString options = db.rows(QStringLiteral("SELECT options FROM connections")).value(0);
    EXPECT_TRUE(options.contains(m_fake.itemId())) << "the webhook receiver finds the connection by item id";
    EXPECT_TRUE(options.contains(QStringLiteral("sandbox")));
    // Secrets only in the keychain: not in the database file, whatever the table.
    QByteArray bytes;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(engine().databasePath + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    ASSERT_FALSE(bytes.isEmpty());
    EXPECT_FALSE(bytes.contains(m_fake.accessToken().toUtf8()));
    EXPECT_FALSE(bytes.contains(PlaidFake::secret().toUtf8()));

    // The fake now requires the exchanged access token: a sync proves the keychain holds it.
    const auto sync = engine().sync(connectionId);
    ASSERT_TRUE(sync.succeeded) << (sync.error ? sync.error->userMessage.toStdString() : "");
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM accounts")), m_fake.accounts().size());
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), m_fake.transactions().size());
}

TEST_F(PlaidLinkTest, SandboxTestItemNeedsNoBrowser)
{
    model::LinkRequest request = newItem(true);
    request.name = QStringLiteral("Try-out");
    const int id = engine().host().beginLink(request);
    const auto [connectionId, problem] = outcome(id);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_TRUE(m_opened.isEmpty());
    const auto created = calls(QStringLiteral("/sandbox/public_token/create"));
    ASSERT_EQ(created.size(), 1);
    EXPECT_EQ(created.first().body.value(QStringLiteral("institution_id")).toString(), QStringLiteral("ins_109508"));
    EXPECT_EQ(created.first().body.value(QStringLiteral("initial_products")).toArray(),
              QJsonArray{QStringLiteral("transactions")});
    EXPECT_EQ(Inspector(engine().databasePath).rows(QStringLiteral("SELECT name FROM connections")),
              QStringList{QStringLiteral("Try-out")});
    const auto sync = engine().sync(connectionId);
    EXPECT_TRUE(sync.succeeded) << (sync.error ? sync.error->userMessage.toStdString() : "");
    EXPECT_GT(sync.changes.added, 0);

    // Production has no test items: refused before any call.
    request.options.insert(QStringLiteral("environment"), QStringLiteral("production"));
    const auto [none, refusal] = outcome(engine().host().beginLink(request));
    EXPECT_EQ(none, 0);
    EXPECT_TRUE(refusal.contains(QStringLiteral("sandbox"))) << refusal.toStdString();
    EXPECT_EQ(calls(QStringLiteral("/sandbox/public_token/create")).size(), 1);
}

TEST_F(PlaidLinkTest, BadKeysAndAddressesAreRefusedBeforeAnyCall)
{
    model::LinkRequest noSecret = newItem();
    noSecret.secret.clear();
    const QString missing = outcome(engine().host().beginLink(noSecret)).second;
    EXPECT_TRUE(missing.contains(QStringLiteral("secret"))) << missing.toStdString();
    model::LinkRequest plainHttp = newItem();
    plainHttp.options.insert(QStringLiteral("baseUrl"), QStringLiteral("http://plaid.example.com"));
    const QString insecure = outcome(engine().host().beginLink(plainHttp)).second;
    EXPECT_TRUE(insecure.contains(QStringLiteral("http"))) << insecure.toStdString();
    EXPECT_TRUE(m_fake.requests().isEmpty());

    // Keys Plaid does not know: its own error, in words, and nothing added.
    model::LinkRequest wrong = newItem();
    wrong.secret = QStringLiteral("not-the-secret");
    const QString refused = outcome(engine().host().beginLink(wrong)).second;
    EXPECT_FALSE(refused.isEmpty());
    EXPECT_FALSE(refused.contains(QStringLiteral("not-the-secret")));
    EXPECT_TRUE(engine().addedIds.isEmpty());
}

TEST_F(PlaidLinkTest, AHostedLinkAddressThatIsNotHttpsIsNeverOpened)
{
    QString address;
    m_fake.route(QStringLiteral("/link/token/create"), [&](const PlaidFake::Received&) {
        return PlaidFake::Answer::json(
            200, QJsonObject{{QStringLiteral("link_token"), QStringLiteral("link-sandbox-hostile")},
                             {QStringLiteral("expiration"), QStringLiteral("2030-01-01T00:00:00Z")},
                             {QStringLiteral("hosted_link_url"), address},
                             {QStringLiteral("request_id"), PlaidFake::requestId()}});
    });
    for (const char* hostile : {"http://hosted.plaid.example/link/t", "httpx://127.0.0.1/link/t", "javascript:alert(1)",
                                "file:///etc/passwd"}) {
        address = QString::fromLatin1(hostile);
        const int request = engine().host().beginLink(newItem());
        const auto [connectionId, problem] = outcome(request);
        EXPECT_EQ(connectionId, 0) << hostile;
        EXPECT_TRUE(problem.contains(QStringLiteral("https"))) << hostile << ": " << problem.toStdString();
        EXPECT_FALSE(m_opened.contains(request)) << hostile << " was handed to the browser";
    }
    EXPECT_TRUE(calls(QStringLiteral("/link/token/get")).isEmpty()) << "no waiting on a link never opened";
    EXPECT_TRUE(engine().addedIds.isEmpty());
}

TEST_F(PlaidLinkTest, ExchangeFailureIsShownAndNothingIsAdded)
{
    m_fake.failWith(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_PUBLIC_TOKEN"),
                    QStringLiteral("This link has expired; please connect your bank again."),
                    QStringLiteral("/item/public_token/exchange"));
    QUrl url;
    const int request = open(newItem(), &url);
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    const auto [connectionId, problem] = outcome(request);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("could not finish connecting"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("please connect your bank again"))) << problem.toStdString();
    EXPECT_TRUE(engine().addedIds.isEmpty());
    EXPECT_EQ(Inspector(engine().databasePath).number(QStringLiteral("SELECT COUNT(*) FROM connections")), 0);
}

TEST_F(PlaidLinkTest, LeavingLinkEndsTheWaitWithPlaidsMessage)
{
    QUrl url;
    const int request = open(newItem(), &url);
    m_link.exitLink(PlaidFakeLink::linkTokenOf(url.toString()),
                    QStringLiteral("The credentials you provided were incorrect."));
    const auto [connectionId, problem] = outcome(request);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("closed before a bank was connected"))) << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("credentials you provided were incorrect"))) << problem.toStdString();
    const auto polls = calls(QStringLiteral("/link/token/get")).size();
    QTest::qWait(200);
    EXPECT_EQ(calls(QStringLiteral("/link/token/get")).size(), polls) << "no polling after the end";
    EXPECT_EQ(m_link.exchanges(), 0);
}

TEST_F(PlaidLinkTest, AnExpiredLinkTokenEndsTheWaitAndCancelStopsPolling)
{
    QUrl url;
    const int expiring = open(newItem(), &url);
    // The user went away for longer than the link token lives.
    m_clock->set(m_link.expirationOf(PlaidFakeLink::linkTokenOf(url.toString())).addSecs(1));
    const auto [connectionId, problem] = outcome(expiring);
    EXPECT_EQ(connectionId, 0);
    EXPECT_TRUE(problem.contains(QStringLiteral("expired"))) << problem.toStdString();

    // Cancelling: the engine stops asking and reports nothing, even once the user finishes.
    m_clock->set(test::fixedNow());
    const int cancelled = open(newItem(), &url);
    const auto before = calls(QStringLiteral("/link/token/get")).size();
    ASSERT_TRUE(test::waitFor([&] { return calls(QStringLiteral("/link/token/get")).size() >= before + 2; }));
    engine().host().cancelLink(cancelled);
    engine().jobs(); // a round trip to the engine thread, which handles requests in order: the cancel is in
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    // Another Link, finished after the cancelled one: once its outcome is here the engine has polled
    // since the cancelled one was finished too.
    QUrl laterUrl;
    const int later = open(newItem(), &laterUrl);
    m_link.completeLink(PlaidFakeLink::linkTokenOf(laterUrl.toString()));
    const auto [laterId, laterProblem] = outcome(later);
    ASSERT_NE(laterId, 0) << laterProblem.toStdString();
    engine().jobs(); // and anything the cancelled one reported would have arrived by now
    EXPECT_FALSE(m_failed.contains(cancelled));
    EXPECT_FALSE(m_completed.contains(cancelled));
    EXPECT_EQ(m_link.exchanges(), 1) << "the cancelled Link's public token was exchanged";
    EXPECT_EQ(engine().addedIds, (QList<qint64>{laterId})) << "only the later Link added a bank";
}

TEST_F(PlaidLinkTest, UpdateModeSignsInAgainKeepingTheItemAndItsAccounts)
{
    const auto [connectionId, problem] = outcome(engine().host().beginLink(newItem(true)));
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    ASSERT_TRUE(engine().sync(connectionId).succeeded);
    Inspector db(engine().databasePath);
    const QStringList accountsBefore = db.rows(QStringLiteral("SELECT id, provider_id FROM accounts ORDER BY id"));
    const QString accessToken = m_fake.accessToken();

    // The bank wants the user to sign in again.
    m_fake.failWith(400, QStringLiteral("ITEM_ERROR"), QStringLiteral("ITEM_LOGIN_REQUIRED"),
                    QStringLiteral("Your bank needs you to sign in again."));
    EXPECT_FALSE(engine().sync(connectionId).succeeded);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine().statuses.isEmpty() && engine().statuses[0].state == model::ConnectionState::ReauthRequired;
    }));

    QSignalSpy reauthenticated(&engine().host(), &EngineHost::reauthenticated);
    model::LinkRequest update;
    update.connectionId = connectionId;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    QUrl url;
    const int request = open(update, &url);
    const QJsonObject body = calls(QStringLiteral("/link/token/create")).last().body;
    EXPECT_EQ(body.value(QStringLiteral("access_token")).toString(), accessToken) << "update mode names the item";
    EXPECT_FALSE(body.contains(QStringLiteral("products"))) << "the item keeps its products";
    const auto runsBefore = engine().summaries.size();
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    const auto [signedIn, refusal] = outcome(request);
    ASSERT_TRUE(refusal.isEmpty()) << refusal.toStdString();
    EXPECT_EQ(signedIn, connectionId);
    EXPECT_EQ(reauthenticated.size(), 1);
    EXPECT_EQ(m_link.exchanges(), 1) << "update mode exchanges nothing: the access token stays";
    EXPECT_EQ(m_fake.accessToken(), accessToken);

    // Signing in again asks for a sync; it succeeds on the same item, accounts untouched.
    ASSERT_TRUE(test::waitFor([&] { return engine().summaries.size() > runsBefore; }, 60000));
    EXPECT_TRUE(engine().summaries.last().succeeded)
        << (engine().summaries.last().error ? engine().summaries.last().error->userMessage.toStdString() : "");
    ASSERT_TRUE(test::waitFor([&] {
        return !engine().statuses.isEmpty() && engine().statuses[0].state == model::ConnectionState::Idle &&
               engine().statuses[0].lastError.isEmpty();
    }));
    EXPECT_EQ(db.rows(QStringLiteral("SELECT id, provider_id FROM accounts ORDER BY id")), accountsBefore);
    EXPECT_TRUE(db.rows(QStringLiteral("SELECT options FROM connections")).value(0).contains(m_fake.itemId()));
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM connections")), 1);
}

const QString kTunnel = QStringLiteral("https://coffer-tunnel.example.com/plaid");

TEST_F(PlaidLinkTest, LinkTellsPlaidThePublicWebhookAddressWhileTheReceiverIsOn)
{
    set(QStringLiteral("webhook_public_url"), kTunnel);
    QUrl url;
    open(newItem(), &url);
    EXPECT_TRUE(m_link.webhookSentWith(PlaidFakeLink::linkTokenOf(url.toString())).isUndefined())
        << "the receiver is off: Plaid is given no address";

    set(QStringLiteral("webhook_enabled"), QStringLiteral("1"));
    const int request = open(newItem(), &url);
    const QString linkToken = PlaidFakeLink::linkTokenOf(url.toString());
    EXPECT_EQ(m_link.webhookSentWith(linkToken).toString(), kTunnel);
    m_link.completeLink(linkToken);
    const auto [connectionId, problem] = outcome(request);
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_EQ(m_link.itemWebhook(m_fake.itemId()).toString(), kTunnel) << "the new item posts to the tunnel";
    EXPECT_EQ(m_fake.callsTo(QStringLiteral("/item/webhook/update")), 0) << "nothing to update: nothing changed";

    // Update mode sends it as well.
    model::LinkRequest update;
    update.connectionId = connectionId;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    open(update, &url);
    EXPECT_EQ(calls(QStringLiteral("/link/token/create")).last().body.value(QStringLiteral("webhook")).toString(),
              kTunnel);
    EXPECT_TRUE(engine().failures.isEmpty()) << engine().failures.value(0).toStdString();
}

TEST_F(PlaidLinkTest, ChangingTheWebhookAddressTellsPlaidForExistingItems)
{
    const auto [connectionId, problem] = outcome(engine().host().beginLink(newItem(true)));
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    EXPECT_TRUE(m_link.itemWebhook(m_fake.itemId()).isUndefined());

    set(QStringLiteral("webhook_enabled"), QStringLiteral("1")); // no address yet: nothing to tell
    set(QStringLiteral("webhook_public_url"), kTunnel);
    ASSERT_TRUE(test::waitFor([&] { return m_link.itemWebhook(m_fake.itemId()).toString() == kTunnel; }));
    const auto updates = calls(QStringLiteral("/item/webhook/update"));
    ASSERT_EQ(updates.size(), 1);
    EXPECT_EQ(updates.first().body.value(QStringLiteral("access_token")).toString(), m_fake.accessToken());

    const QString moved = QStringLiteral("https://other-tunnel.example.org/plaid");
    set(QStringLiteral("webhook_public_url"), moved);
    ASSERT_TRUE(test::waitFor([&] { return m_link.itemWebhook(m_fake.itemId()).toString() == moved; }));

    // Turning the receiver off takes the address away, so Plaid stops posting to a dead tunnel.
    set(QStringLiteral("webhook_enabled"), QStringLiteral("0"));
    ASSERT_TRUE(test::waitFor([&] { return m_link.itemWebhook(m_fake.itemId()).isNull(); }));
    EXPECT_EQ(m_fake.callsTo(QStringLiteral("/item/webhook/update")), 3);
    EXPECT_TRUE(engine().failures.isEmpty()) << engine().failures.value(0).toStdString();

    // A refusal is told, naming the connection and no secret; the connection's state is left alone.
    m_fake.setLoginRequired(true);
    set(QStringLiteral("webhook_enabled"), QStringLiteral("1"));
    ASSERT_TRUE(test::waitFor([&] { return !engine().failures.isEmpty(); }));
    const QString failure = engine().failures.last();
    EXPECT_TRUE(failure.contains(QStringLiteral("webhooks"))) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("First Platypus Bank"))) << failure.toStdString();
    EXPECT_FALSE(failure.contains(m_fake.accessToken())) << failure.toStdString();
    EXPECT_FALSE(failure.contains(PlaidFake::secret())) << failure.toStdString();
    EXPECT_TRUE(m_link.itemWebhook(m_fake.itemId()).isNull());
    Inspector db(engine().databasePath);
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM connections")), 1);
    for (const auto& status : engine().statuses)
        EXPECT_NE(status.state, model::ConnectionState::ReauthRequired) << "only a sync decides that";
}

TEST_F(PlaidLinkTest, AWebhookAddressThatIsNotHttpsIsRefused)
{
    set(QStringLiteral("webhook_public_url"), kTunnel);
    for (const QString& bad : {QStringLiteral("http://coffer-tunnel.example.com/plaid"),
                               QStringLiteral("ftp://coffer-tunnel.example.com/plaid"),
                               QStringLiteral("coffer-tunnel.example.com/plaid"), QStringLiteral("https://")}) {
        const auto before = engine().failures.size();
        engine().host().setSetting(QStringLiteral("webhook_public_url"), bad);
        ASSERT_TRUE(test::waitFor([&] { return engine().failures.size() > before; })) << bad.toStdString();
        const QString message = engine().failures.last();
        EXPECT_TRUE(message.contains(QStringLiteral("webhook_public_url"))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("https"))) << message.toStdString();
    }
    Inspector db(engine().databasePath);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT value FROM settings WHERE key = 'webhook_public_url'")),
              QStringList{kTunnel})
        << "a refused address keeps the one before";
    // This computer may be named over plain http (as tests do); empty means no address.
    EXPECT_TRUE(set(QStringLiteral("webhook_public_url"), QStringLiteral("http://127.0.0.1:9/plaid"))
                    .contains(QStringLiteral("is now")));
    EXPECT_TRUE(set(QStringLiteral("webhook_public_url"), QString()).contains(QStringLiteral("is now")));
}

TEST_F(PlaidLinkTest, AnUpdateThatFailedIsTriedAgainWhenCofferStarts)
{
    const auto [connectionId, problem] = outcome(engine().host().beginLink(newItem(true)));
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    m_fake.setLoginRequired(true);
    set(QStringLiteral("webhook_enabled"), QStringLiteral("1"));
    set(QStringLiteral("webhook_public_url"), kTunnel);
    ASSERT_TRUE(test::waitFor([&] { return !engine().failures.isEmpty(); }));
    EXPECT_TRUE(m_link.itemWebhook(m_fake.itemId()).isUndefined());

    // The bank is fine again; Coffer, started as the app starts, tells Plaid by itself.
    m_fake.setLoginRequired(false);
    m_engine.reset();
    m_engine = std::make_unique<EngineUnderTest>(m_dir.path(), m_clock, true);
    ASSERT_TRUE(test::waitFor([&] { return m_link.itemWebhook(m_fake.itemId()).toString() == kTunnel; }));
    {
        Inspector db(engine().databasePath);
        ASSERT_TRUE(test::waitFor([&] {
            return db.rows(QStringLiteral("SELECT options FROM connections")).value(0).contains(kTunnel);
        })) << "the connection keeps what Plaid was told (not a secret)";
    }
    const int updates = m_fake.callsTo(QStringLiteral("/item/webhook/update"));

    // Once told, it is not told again at the next start (a sync's keychain read and round trip
    // give a wrong update time to be sent first).
    m_engine.reset();
    m_engine = std::make_unique<EngineUnderTest>(m_dir.path(), m_clock, true);
    ASSERT_TRUE(engine().sync(connectionId).succeeded);
    EXPECT_EQ(m_fake.callsTo(QStringLiteral("/item/webhook/update")), updates);
}

} // namespace

TEST_F(PlaidLinkTest, StoppingASignInBeforeTheKeychainAnswersOpensNothing)
{
    const auto [connectionId, problem] = outcome(engine().host().beginLink(newItem(true)));
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    model::LinkRequest update;
    update.connectionId = connectionId;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    const int stopped = engine().host().beginLink(update);
    engine().host().cancelLink(stopped); // while the engine reads the item's keys from the keychain
    // A second sign-in reads the keychain after the first: once it opens, the first has had its answer.
    QUrl url;
    const int second = open(update, &url);
    EXPECT_NE(second, stopped);
    EXPECT_FALSE(m_opened.contains(stopped)) << "a stopped sign-in opened the browser";
    EXPECT_FALSE(m_failed.contains(stopped));
    EXPECT_EQ(calls(QStringLiteral("/link/token/create")).size(), 1) << "only the second sign-in asked Plaid";
    engine().host().cancelLink(second);
}

TEST_F(PlaidLinkTest, ASignInFinishedAfterItsConnectionWasRemovedKeepsNoSecret)
{
    const auto [connectionId, problem] = outcome(engine().host().beginLink(newItem(true)));
    ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
    model::LinkRequest update;
    update.connectionId = connectionId;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    QUrl url;
    const int request = open(update, &url);
    QSignalSpy removed(&engine().host(), &EngineHost::connectionRemoved);
    engine().host().removeConnection(connectionId, false);
    ASSERT_TRUE(test::waitFor([&] { return !removed.isEmpty(); }));

    // The user finishes in the browser anyway.
    m_link.completeLink(PlaidFakeLink::linkTokenOf(url.toString()));
    const auto [signedIn, refusal] = outcome(request);
    EXPECT_EQ(signedIn, 0);
    EXPECT_FALSE(refusal.isEmpty()) << "the sign-in of a removed connection was reported as done";
    EXPECT_TRUE(test::keychainSecret(engine(), connectionId).isEmpty())
        << "the removed connection's Plaid keys were written back to the keychain";
}
