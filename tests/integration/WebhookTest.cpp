// The webhook receiver through the real engine: Plaid webhooks signed like Plaid's, delivered over
// loopback HTTP to the port the user configured, verified with keys fetched from the Plaid fake,
// and what they change in the queue and in the connections' statuses.

#include "../fakes/PlaidFake.h"
#include "../fakes/PlaidFakeLink.h"
#include "../fakes/PlaidFakeWebhooks.h"
#include "../fakes/PlaidWebhookSigner.h"
#include "EngineHarness.h"
#include "store/UserSettings.h"
#include "webhooks/PlaidKeyCache.h"

#include "log/Log.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUuid>

#include <gtest/gtest.h>

using namespace coffer;
using test::exchangeRaw;
using test::PlaidFake;
using test::PlaidFakeLink;
using test::PlaidFakeWebhooks;
using test::PlaidWebhookSigner;
using test::statusOf;
using test::waitFor;
using webhooks::PlaidKeyCache;

namespace {

const QByteArray kPath = QByteArrayLiteral("/plaid");
const QString kOtherItem = QStringLiteral("item-plaid-fake-2");

// A port nothing listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    EXPECT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

class WebhookTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_fake.listen());
        m_keys.publish(m_signer);
        m_engine = std::make_unique<test::EngineUnderTest>(m_dir.path(), m_clock);
        m_port = freePort();
    }

    // A Plaid connection whose Item is itemId (as Link leaves it: the option itemId).
    qint64 addPlaid(const QString& itemId)
    {
        const QVariantMap options{{QStringLiteral("baseUrl"), m_fake.baseUrl()}, {QStringLiteral("itemId"), itemId}};
        return m_engine->add(model::ConnectionSpec{QStringLiteral("plaid"), itemId, options, m_fake.credentialsJson()});
    }

    // Turns the receiver on at m_port and waits until it answers.
    void enable()
    {
        m_engine->host().setSetting(store::settingKey::kWebhookPort, QString::number(m_port));
        m_engine->host().setSetting(store::settingKey::kWebhookEnabled, QStringLiteral("1"));
        ASSERT_TRUE(waitFor([&] { return statusOf(exchangeRaw(m_port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")) != 0; }))
            << "the receiver never answered on 127.0.0.1:" << m_port;
    }

    int deliver(const QByteArray& body, const QByteArray& token)
    {
        return statusOf(exchangeRaw(m_port, test::webhookRequest(kPath, body, token)));
    }
    int deliverSigned(const QByteArray& body, qint64 ageSeconds = 0)
    {
        return deliver(body, m_signer.sign(body, m_clock->now().addSecs(-ageSeconds)));
    }

    // Waits until no sync job is open (every sync asked for has run).
    bool settled()
    {
        return waitFor(
                   [&] {
                       const auto jobs = m_engine->jobs();
                       return std::none_of(jobs.cbegin(), jobs.cend(), [](const jobs::Job& j) {
                           return j.kind == jobs::JobKind::SyncConnection && j.isOpen();
                       });
                   },
                   60000) ||
               dumpJobs();
    }
    bool dumpJobs()
    {
        for (const jobs::Job& j : m_engine->jobs())
            ADD_FAILURE() << "job " << j.id << " " << jobs::jobKindName(j.kind).toStdString() << " "
                          << jobs::jobStateName(j.state).toStdString() << " " << j.lastError.toStdString() << " runAt "
                          << j.runAtMs;
        for (const auto& s : m_engine->summaries)
            ADD_FAILURE() << "sync " << s.connectionId << " " << s.succeeded;
        return false;
    }

    // Sync jobs the webhook asked for, per connection.
    int webhookSyncs(qint64 connectionId)
    {
        int n = 0;
        for (const jobs::Job& j : m_engine->jobs()) {
            if (j.kind == jobs::JobKind::SyncConnection && j.priority == jobs::Priority::Webhook &&
                j.connectionId == connectionId)
                ++n;
        }
        return n;
    }

    std::optional<model::ConnectionStatus> connection(qint64 connectionId) const
    {
        for (const auto& s : m_engine->statuses) {
            if (s.connectionId == connectionId)
                return s;
        }
        return std::nullopt;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = test::clockAtFixedNow();
    PlaidFake m_fake{test::fixedNow().date()};
    PlaidFakeWebhooks m_keys{m_fake};
    PlaidWebhookSigner m_signer;
    std::unique_ptr<test::EngineUnderTest> m_engine;
    quint16 m_port = 0;
};

TEST_F(WebhookTest, IsOffByDefaultAndFollowsItsSetting)
{
    m_engine->host().setSetting(store::settingKey::kWebhookPort, QString::number(m_port));
    ASSERT_TRUE(waitFor([&] { return !m_engine->doneMessages.isEmpty(); }));
    EXPECT_EQ(statusOf(exchangeRaw(m_port, test::webhookRequest(kPath, "{}", {}), 3000)), 0)
        << "nothing listens until the user enables webhooks";
    enable();
    m_engine->host().setSetting(store::settingKey::kWebhookEnabled, QStringLiteral("0"));
    EXPECT_TRUE(waitFor([&] {
        return statusOf(exchangeRaw(m_port, test::webhookRequest(kPath, "{}", {}), 3000)) == 0;
    })) << "switching webhooks off stops the listener";
}

TEST_F(WebhookTest, AVerifiedSyncWebhookQueuesAWebhookPrioritySyncForItsConnectionOnly)
{
    const qint64 first = addPlaid(m_fake.itemId());
    const qint64 second = addPlaid(kOtherItem);
    enable();
    EXPECT_EQ(deliverSigned(m_keys.syncUpdatesAvailable(m_fake.itemId())), 200);
    EXPECT_TRUE(waitFor([&] { return webhookSyncs(first) == 1; }));
    EXPECT_EQ(webhookSyncs(second), 0);
    EXPECT_EQ(m_keys.keyRequests(), 1);
    // Another delivery: the key is kept, not fetched again.
    m_clock->advanceSeconds(30);
    EXPECT_EQ(deliverSigned(m_keys.syncUpdatesAvailable(kOtherItem)), 200);
    EXPECT_TRUE(waitFor([&] { return webhookSyncs(second) == 1; }));
    EXPECT_EQ(m_keys.keyRequests(), 1);
}

TEST_F(WebhookTest, AReplayedDeliveryIsAcknowledgedButSyncsNothingMore)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    ASSERT_TRUE(settled()) << "a first sync after adding";
    m_clock->advanceSeconds(6 * 60); // past any minimum interval: a webhook sync may run at once
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    const QByteArray token = m_signer.sign(body, m_clock->now());
    EXPECT_EQ(deliver(body, token), 200);
    ASSERT_TRUE(waitFor([&] { return webhookSyncs(id) == 1; }));
    // That sync runs to its end, so only recognising the replay can stop a second one.
    ASSERT_TRUE(settled());
    m_clock->advanceSeconds(60);
    EXPECT_EQ(deliver(body, token), 200);
    EXPECT_EQ(deliver(body, token), 200);
    // The same signature re-encoded as (r, n-s) is another token that verifies: still a replay.
    const QByteArray mirrored = PlaidWebhookSigner::withMirroredSignature(token);
    ASSERT_NE(mirrored, token);
    EXPECT_EQ(deliver(body, mirrored), 200);
    EXPECT_EQ(webhookSyncs(id), 1);
}

TEST_F(WebhookTest, ForgedTamperedAndStaleWebhooksAreRejectedAndChangeNothing)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    PlaidWebhookSigner forger(m_signer.kid());
    EXPECT_EQ(deliver(body, forger.sign(body, m_clock->now())), 401) << "signed with another key";
    QByteArray tampered = body;
    tampered.replace("\"initial_update_complete\":true", "\"initial_update_complete\":false");
    EXPECT_EQ(deliver(tampered, m_signer.sign(body, m_clock->now())), 401) << "body changed after signing";
    EXPECT_EQ(deliverSigned(body, 5 * 60 + 1), 401) << "issued more than five minutes ago";
    EXPECT_EQ(deliver(body, {}), 400) << "no Plaid-Verification header";
    EXPECT_EQ(webhookSyncs(id), 0);
}

TEST_F(WebhookTest, RejectionsAreLoggedByKindKidAndSizeButNeverWithTheBody)
{
    QTemporaryDir logs;
    ASSERT_TRUE(log::init(logs.path(), QStringLiteral("debug"), false).ok());
    addPlaid(m_fake.itemId());
    enable();
    const QString marker = QStringLiteral("Payee-Marker-7731");
    QByteArray body = m_keys.itemError(m_fake.itemId(), QStringLiteral("ITEM_LOGIN_REQUIRED"), marker);
    const QByteArray token = m_signer.sign(body, m_clock->now());
    body.replace("ITEM_LOGIN_REQUIRED", "INSTITUTION_DOWN_");
    EXPECT_EQ(deliver(body, token), 401);
    const QByteArray notJson = "not json " + marker.toUtf8();
    EXPECT_EQ(deliver(notJson, m_signer.sign(notJson, m_clock->now())), 400);
    log::get("engine.webhook")->flush();
    QFile file(QDir(log::logDirectory(logs.path())).filePath(QStringLiteral("coffer.log")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(written.contains(QStringLiteral("BODY_MISMATCH"))) << written.toStdString();
    EXPECT_TRUE(written.contains(QStringLiteral("MALFORMED_BODY")));
    EXPECT_TRUE(written.contains(m_signer.kid()));
    EXPECT_TRUE(written.contains(QStringLiteral("%1 bytes").arg(body.size())));
    EXPECT_FALSE(written.contains(marker)) << "the body reached the log";
    EXPECT_FALSE(written.contains(QString::fromLatin1(token))) << "the token reached the log";
}

TEST_F(WebhookTest, AKidFromTheSenderReachesTheLogOnlyAsAPlainId)
{
    QTemporaryDir logs;
    ASSERT_TRUE(log::init(logs.path(), QStringLiteral("debug"), false).ok());
    addPlaid(m_fake.itemId());
    enable();
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    QJsonObject header = m_signer.standardHeader();
    header[u"kid"] = QStringLiteral("Kid-Marker-5521 rejected with HTTP 200: forged line");
    EXPECT_EQ(deliver(body, m_signer.signToken(header, m_signer.standardClaims(body, m_clock->now()))), 401);
    log::get("engine.webhook")->flush();
    QFile file(QDir(log::logDirectory(logs.path())).filePath(QStringLiteral("coffer.log")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(written.contains(QStringLiteral("(not a plain id)"))) << written.toStdString();
    EXPECT_FALSE(written.contains(QStringLiteral("Kid-Marker-5521"))) << "the sender's kid reached the log as is";
}

TEST_F(WebhookTest, TokensNotSignedWithES256AreRejectedWithoutAskingPlaidForAKey)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    for (const char* alg : {"none", "HS256", "RS256"}) {
        QJsonObject header = m_signer.standardHeader();
        header[u"alg"] = QString::fromLatin1(alg);
        const QByteArray token =
            PlaidWebhookSigner::unsignedToken(header, m_signer.standardClaims(body, m_clock->now()), "sig");
        EXPECT_EQ(deliver(body, token), 401) << alg;
    }
    EXPECT_EQ(m_keys.keyRequests(), 0);
    EXPECT_EQ(webhookSyncs(id), 0);
}

TEST_F(WebhookTest, AKeyPlaidDoesNotKnowIsRejected)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    PlaidWebhookSigner unpublished(QStringLiteral("kid-plaid-never-issued"));
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    EXPECT_EQ(deliver(body, unpublished.sign(body, m_clock->now())), 401);
    EXPECT_EQ(m_keys.keyRequests(), 1);
    EXPECT_EQ(webhookSyncs(id), 0);
}

TEST_F(WebhookTest, AKeyEndpointThatIsDownRejectsForNowAndIsAskedAgainOnTheNextDelivery)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    PlaidFake::Fault down;
    down.kind = PlaidFake::Fault::Kind::PlaidError;
    down.endpoint = PlaidFakeWebhooks::kKeyEndpoint;
    down.status = 500;
    down.error = QJsonObject{{QStringLiteral("error_type"), QStringLiteral("API_ERROR")},
                             {QStringLiteral("error_code"), QStringLiteral("INTERNAL_SERVER_ERROR")}};
    m_fake.inject(down);
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    EXPECT_EQ(deliverSigned(body), 503) << "Plaid is told to deliver again later";
    EXPECT_EQ(webhookSyncs(id), 0);
    m_clock->advanceSeconds(20);
    EXPECT_EQ(deliverSigned(body), 503) << "a kid not yet kept is asked for at most once a minute";
    EXPECT_EQ(m_keys.keyRequests(), 1);
    m_clock->advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds);
    EXPECT_EQ(deliverSigned(body), 200);
    EXPECT_EQ(m_keys.keyRequests(), 2);
    EXPECT_TRUE(waitFor([&] { return webhookSyncs(id) == 1; }));
}

TEST_F(WebhookTest, DeliveriesNamingMadeUpKidsCostAtMostOneKeyRequestAMinute)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    for (int i = 0; i < 50; ++i) {
        QJsonObject header = m_signer.standardHeader();
        header[u"kid"] = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const int status = deliver(body, m_signer.signToken(header, m_signer.standardClaims(body, m_clock->now())));
        EXPECT_TRUE(status == 401 || status == 503) << "delivery " << i << ": HTTP " << status;
    }
    EXPECT_LE(m_keys.keyRequests(), 2) << "each made-up kid had Coffer ask Plaid with the user's API keys";
    EXPECT_EQ(webhookSyncs(id), 0);
    m_clock->advanceSeconds(PlaidKeyCache::kNewKidIntervalSeconds + 1);
    EXPECT_EQ(deliverSigned(body), 200) << "a genuine delivery still verifies";
    EXPECT_TRUE(waitFor([&] { return webhookSyncs(id) == 1; }));
}

TEST_F(WebhookTest, ARequestFromAWebPageIsRefusedBeforeAnythingElse)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    const QByteArray body = m_keys.syncUpdatesAvailable(m_fake.itemId());
    QByteArray request = test::webhookRequest(kPath, body, m_signer.sign(body, m_clock->now()));
    request.replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nOrigin: http://rebound.example\r\n");
    EXPECT_EQ(statusOf(exchangeRaw(m_port, request)), 403);
    EXPECT_EQ(m_keys.keyRequests(), 0);
    EXPECT_EQ(webhookSyncs(id), 0);
}

TEST_F(WebhookTest, OversizeAndMalformedRequestsAreRefused)
{
    addPlaid(m_fake.itemId());
    enable();
    const QByteArray big = "{\"item_id\":\"" + QByteArray(70 * 1024, 'a') + "\"}";
    EXPECT_EQ(deliver(big, m_signer.sign(big, m_clock->now())), 413);
    EXPECT_EQ(statusOf(exchangeRaw(m_port, "POST /plaid HTTP/1.1\r\nHost: x\r\n\r\n")), 411);
    EXPECT_EQ(statusOf(exchangeRaw(
                  m_port, "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")),
              400);
    const QByteArray notJson = "this is not json";
    EXPECT_EQ(deliver(notJson, m_signer.sign(notJson, m_clock->now())), 400);
    EXPECT_EQ(m_keys.keyRequests(), 0);
}

TEST_F(WebhookTest, APortInUseIsReportedAndTheEngineCarriesOn)
{
    QTcpServer squatter;
    ASSERT_TRUE(squatter.listen(QHostAddress::LocalHost, 0));
    m_port = squatter.serverPort();
    m_engine->host().setSetting(store::settingKey::kWebhookPort, QString::number(m_port));
    m_engine->host().setSetting(store::settingKey::kWebhookEnabled, QStringLiteral("1"));
    ASSERT_TRUE(waitFor([&] { return !m_engine->failures.isEmpty(); }));
    EXPECT_TRUE(m_engine->failures.last().contains(QString::number(m_port)));
    EXPECT_TRUE(m_engine->failures.last().contains(QStringLiteral("already used")));
    // The engine still works: another port is taken up at once.
    squatter.close();
    m_port = freePort();
    enable();
    EXPECT_EQ(statusOf(exchangeRaw(m_port, test::webhookRequest(kPath, "{}", {}))), 400);
}

TEST_F(WebhookTest, AnItemErrorThatNeedsTheUserMarksTheConnectionForSigningInAgain)
{
    const qint64 id = addPlaid(m_fake.itemId());
    const qint64 other = addPlaid(kOtherItem);
    enable();
    const auto before = m_engine->notifications.size();
    EXPECT_EQ(deliverSigned(m_keys.itemError(m_fake.itemId(), QStringLiteral("ITEM_LOGIN_REQUIRED"),
                                             QStringLiteral("Sign in to First Platypus Bank again."))),
              200);
    ASSERT_TRUE(waitFor([&] {
        const auto s = connection(id);
        return s && s->state == model::ConnectionState::ReauthRequired;
    })) << "the connection shows that it needs the user";
    EXPECT_EQ(connection(id)->lastError, QStringLiteral("Sign in to First Platypus Bank again."));
    EXPECT_NE(connection(other)->state, model::ConnectionState::ReauthRequired);
    ASSERT_TRUE(waitFor([&] { return m_engine->notifications.size() > before; }));
    const auto& told = m_engine->notifications.last();
    EXPECT_EQ(told.kind, model::Notification::Kind::ReauthRequired);
    EXPECT_EQ(told.connectionId, id);
}

TEST_F(WebhookTest, LoginRepairedSyncsAndTheConnectionIsFineAgain)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    EXPECT_EQ(deliverSigned(m_keys.itemError(m_fake.itemId(), QStringLiteral("ITEM_LOGIN_REQUIRED"), {})), 200);
    ASSERT_TRUE(waitFor([&] {
        const auto s = connection(id);
        return s && s->state == model::ConnectionState::ReauthRequired;
    }));
    m_clock->advanceSeconds(10);
    const QByteArray repaired = R"({"webhook_type":"ITEM","webhook_code":"LOGIN_REPAIRED","item_id":")" +
                                m_fake.itemId().toLatin1() + R"(","environment":"sandbox"})";
    EXPECT_EQ(deliverSigned(repaired), 200);
    EXPECT_TRUE(waitFor([&] { return webhookSyncs(id) == 1; }));
    EXPECT_TRUE(waitFor(
        [&] {
            const auto s = connection(id);
            return s && s->state == model::ConnectionState::Idle && s->transactionCount > 0;
        },
        60000))
        << "the sync it asked for succeeded and cleared the sign-in request";
}

TEST_F(WebhookTest, WebhooksForPausedConnectionsOrUnknownItemsAreAcknowledgedAndChangeNothing)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    m_engine->host().setConnectionPaused(id, true);
    ASSERT_TRUE(waitFor([&] {
        const auto s = connection(id);
        return s && s->state == model::ConnectionState::Paused;
    }));
    EXPECT_EQ(deliverSigned(m_keys.syncUpdatesAvailable(m_fake.itemId())), 200);
    m_clock->advanceSeconds(1);
    EXPECT_EQ(deliverSigned(m_keys.syncUpdatesAvailable(QStringLiteral("item-nobody-holds"))), 200)
        << "verified with the keys of the Plaid connection there is, then ignored";
    EXPECT_EQ(m_keys.keyRequests(), 1);
    EXPECT_EQ(webhookSyncs(id), 0);
}

TEST_F(WebhookTest, PendingExpirationShowsWhenConsentEnds)
{
    const qint64 id = addPlaid(m_fake.itemId());
    enable();
    const QDateTime ends = m_clock->now().addDays(5);
    EXPECT_EQ(deliverSigned(m_keys.pendingExpiration(m_fake.itemId(), ends)), 200);
    ASSERT_TRUE(waitFor([&] {
        const auto s = connection(id);
        return s && s->consentExpiresAt.isValid();
    }));
    EXPECT_EQ(connection(id)->consentExpiresAt.toSecsSinceEpoch(), ends.toSecsSinceEpoch());
    EXPECT_TRUE(waitFor([&] { return connection(id)->state == model::ConnectionState::ReauthSoon; }, 60000))
        << "the connection says to re-authenticate soon";
    const auto& n = m_engine->notifications;
    EXPECT_TRUE(std::any_of(n.cbegin(), n.cend(), [&](const model::Notification& x) {
        return x.kind == model::Notification::Kind::ConsentExpiring && x.connectionId == id;
    })) << "five days is within the default seven-day warning";

    // Signing in again (Link in update mode) renews the consent: the announced end is forgotten.
    PlaidFakeLink link(m_fake, m_clock->now());
    QSignalSpy opened(&m_engine->host(), &EngineHost::linkOpened);
    QSignalSpy reauthenticated(&m_engine->host(), &EngineHost::reauthenticated);
    model::LinkRequest update;
    update.connectionId = id;
    update.options = {{QStringLiteral("pollIntervalMs"), 20}};
    m_engine->host().beginLink(update);
    ASSERT_TRUE(waitFor([&] { return !opened.isEmpty(); })) << "Link did not open in update mode";
    link.completeLink(PlaidFakeLink::linkTokenOf(opened.first().at(1).toUrl().toString()));
    ASSERT_TRUE(waitFor([&] { return !reauthenticated.isEmpty(); })) << "the update-mode sign-in did not finish";
    EXPECT_TRUE(waitFor([&] {
        const auto s = connection(id);
        return s && !s->consentExpiresAt.isValid() && s->state != model::ConnectionState::ReauthSoon;
    })) << "the card still says to re-authenticate soon after signing in again";
}

} // namespace
