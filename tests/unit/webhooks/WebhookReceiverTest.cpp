// The webhook receiver over real loopback TCP: bound to 127.0.0.1 only, one bounded request per
// connection, answers that close the connection.

#include "webhooks/WebhookReceiver.h"

#include "../../fakes/WebhookDelivery.h"
#include "TestSupport.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

namespace coffer::webhooks {
namespace {

using test::exchangeRaw;
using test::statusOf;
using test::waitFor;

class WebhookReceiverTest : public ::testing::Test {
protected:
    void start(WebhookReceiver::Options options = {})
    {
        receiver = std::make_unique<WebhookReceiver>(options);
        receiver->addPostRoute("/plaid", [this](const HttpRequest& request, WebhookReceiver::Respond respond) {
            received << request.body;
            if (answerLater)
                pending = std::move(respond);
            else
                respond({200, "ok\n"});
        });
        const auto listening = receiver->listen(0);
        ASSERT_TRUE(listening.ok()) << listening.error().userMessage.toStdString();
    }

    std::unique_ptr<WebhookReceiver> receiver;
    QList<QByteArray> received;
    bool answerLater = false;
    WebhookReceiver::Respond pending;
};

TEST_F(WebhookReceiverTest, AnswersAPostToItsRouteAndClosesTheConnection)
{
    start();
    const QByteArray response = exchangeRaw(receiver->port(), test::webhookRequest("/plaid", "{\"x\":1}", {}));
    EXPECT_EQ(statusOf(response), 200);
    EXPECT_TRUE(response.contains("\r\nConnection: close\r\n"));
    EXPECT_TRUE(response.endsWith("\r\n\r\nok\n")); // the whole answer came, then the server closed
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0], "{\"x\":1}");
}

TEST_F(WebhookReceiverTest, ListensOnLoopbackOnly)
{
    start();
    EXPECT_NE(receiver->port(), 0);
    QTcpServer probe; // what the receiver bound, seen from outside: 127.0.0.1 and nothing else
    EXPECT_FALSE(probe.listen(QHostAddress::LocalHost, receiver->port())) << "the loopback port is not taken";
    int outsideTried = 0;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        ++outsideTried;
        QTcpSocket socket;
        bool connected = false;
        bool refused = false;
        QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { connected = true; });
        QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [&] { refused = true; });
        socket.connectToHost(address, receiver->port());
        waitFor([&] { return connected || refused; }, 5000);
        EXPECT_FALSE(connected) << "reachable on " << address.toString().toStdString();
    }
    if (outsideTried == 0)
        GTEST_LOG_(INFO) << "this machine has no non-loopback IPv4 address to try";
}

TEST_F(WebhookReceiverTest, APortInUseIsReportedInWordsAUserCanActOn)
{
    QTcpServer other;
    ASSERT_TRUE(other.listen(QHostAddress::LocalHost, 0));
    WebhookReceiver receiverOnTakenPort;
    const auto listening = receiverOnTakenPort.listen(other.serverPort());
    ASSERT_FALSE(listening.ok());
    EXPECT_EQ(listening.error().providerCode, QStringLiteral("PORT_IN_USE"));
    EXPECT_TRUE(listening.error().userMessage.contains(QString::number(other.serverPort())));
    EXPECT_TRUE(listening.error().userMessage.contains(QStringLiteral("already used")));
    EXPECT_FALSE(receiverOnTakenPort.isListening());
}

TEST_F(WebhookReceiverTest, UnknownPathsAndOtherMethodsAreRefused)
{
    start();
    EXPECT_EQ(statusOf(exchangeRaw(receiver->port(), test::webhookRequest("/other", "{}", {}))), 404);
    const QByteArray get = exchangeRaw(receiver->port(), "GET /plaid HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(statusOf(get), 405);
    EXPECT_TRUE(get.contains("\r\nAllow: POST\r\n"));
    EXPECT_TRUE(received.isEmpty());
}

TEST_F(WebhookReceiverTest, AnOversizeBodyIsRefusedWithoutBeingRead)
{
    start();
    const QByteArray head = "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n";
    const QByteArray response = exchangeRaw(receiver->port(), head + QByteArray(64 * 1024, 'x'));
    EXPECT_EQ(statusOf(response), 413);
    EXPECT_TRUE(received.isEmpty());
}

TEST_F(WebhookReceiverTest, AMalformedRequestGets400AndReachesNoRoute)
{
    start();
    EXPECT_EQ(statusOf(exchangeRaw(receiver->port(), "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")),
              400);
    EXPECT_EQ(statusOf(exchangeRaw(receiver->port(), "\x16\x03\x01\x02\xfc\x03\x03\r\n\r\n")), 400);
    EXPECT_TRUE(received.isEmpty());
}

TEST_F(WebhookReceiverTest, AClientTooSlowToSendItsRequestGets408)
{
    WebhookReceiver::Options options;
    options.readTimeoutMs = 300;
    start(options);
    // Half a request, then nothing: the receiver must not wait forever.
    const QByteArray response = exchangeRaw(receiver->port(), "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Le");
    EXPECT_EQ(statusOf(response), 408);
    EXPECT_TRUE(received.isEmpty());
}

TEST_F(WebhookReceiverTest, ARouteThatNeverAnswersGives503)
{
    WebhookReceiver::Options options;
    options.answerTimeoutMs = 300;
    start(options);
    answerLater = true;
    EXPECT_EQ(statusOf(exchangeRaw(receiver->port(), test::webhookRequest("/plaid", "{}", {}))), 503);
    ASSERT_TRUE(pending);
    pending({200, "late\n"}); // the connection is gone: answering late changes nothing, crashes nothing
}

TEST_F(WebhookReceiverTest, ConnectionsBeyondTheLimitAreTurnedAway)
{
    WebhookReceiver::Options options;
    options.maxConnections = 1;
    start(options);
    QTcpSocket holder; // occupies the only place, sending nothing
    holder.connectToHost(QStringLiteral("127.0.0.1"), receiver->port());
    ASSERT_TRUE(waitFor([&] { return holder.state() == QAbstractSocket::ConnectedState; }));
    EXPECT_EQ(statusOf(exchangeRaw(receiver->port(), test::webhookRequest("/plaid", "{}", {}))), 503);
    holder.abort();
    ASSERT_TRUE(waitFor(
        [&] { return statusOf(exchangeRaw(receiver->port(), test::webhookRequest("/plaid", "{}", {}))) == 200; }));
}

TEST_F(WebhookReceiverTest, StopsListeningWhenClosed)
{
    start();
    const quint16 port = receiver->port();
    receiver->close();
    EXPECT_FALSE(receiver->isListening());
    EXPECT_EQ(statusOf(exchangeRaw(port, test::webhookRequest("/plaid", "{}", {}), 3000)), 0);
}

} // namespace
} // namespace coffer::webhooks
