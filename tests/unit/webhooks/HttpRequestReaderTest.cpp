// The webhook receiver's request reader: one bounded, unambiguous HTTP/1.1 request.

#include "webhooks/HttpRequestReader.h"

#include <gtest/gtest.h>

namespace coffer::webhooks {
namespace {

using State = HttpRequestReader::State;

const QByteArray kValid = "POST /plaid?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8787\r\nContent-Type: application/json\r\n"
                          "Plaid-Verification: a.b.c\r\nContent-Length: 11\r\n\r\n{\"a\":\"bcd\"}";

HttpRequestReader readAll(const QByteArray& bytes, HttpLimits limits = {})
{
    HttpRequestReader reader(limits);
    reader.feed(bytes);
    return reader;
}

TEST(HttpRequestReader, ReadsARequestThatArrivesOneByteAtATime)
{
    HttpRequestReader reader;
    for (qsizetype i = 0; i + 1 < kValid.size(); ++i)
        ASSERT_EQ(reader.feed(kValid.mid(i, 1)), State::Incomplete) << "complete too early at byte " << i;
    ASSERT_EQ(reader.feed(kValid.right(1)), State::Complete);
    EXPECT_EQ(reader.request().method, "POST");
    EXPECT_EQ(reader.request().path, "/plaid");
    EXPECT_EQ(reader.request().header("plaid-verification"), "a.b.c");
    EXPECT_EQ(reader.request().header("PLAID-VERIFICATION"), "a.b.c");
    EXPECT_EQ(reader.request().body, "{\"a\":\"bcd\"}");
}

TEST(HttpRequestReader, KeepsTheBodyExactlyAsSentAndIgnoresWhatFollowsIt)
{
    const auto reader = readAll(kValid + "GET / HTTP/1.1\r\n\r\n");
    ASSERT_EQ(reader.state(), State::Complete);
    EXPECT_EQ(reader.request().body, "{\"a\":\"bcd\"}");
}

TEST(HttpRequestReader, APostWithoutContentLengthIsRefusedWith411)
{
    const auto reader = readAll("POST /plaid HTTP/1.1\r\nHost: x\r\n\r\n{}");
    ASSERT_EQ(reader.state(), State::Failed);
    EXPECT_EQ(reader.errorStatus(), 411);
}

TEST(HttpRequestReader, ABodyOverTheLimitIsRefusedBeforeItArrives)
{
    HttpLimits limits;
    limits.maxBodyBytes = 1024;
    const auto reader = readAll("POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n", limits);
    ASSERT_EQ(reader.state(), State::Failed);
    EXPECT_EQ(reader.errorStatus(), 413);
    EXPECT_TRUE(readAll("POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n", limits).state() ==
                State::Incomplete);
}

TEST(HttpRequestReader, AHeadOverTheLimitIsRefusedWith431EvenWithoutItsEnd)
{
    HttpLimits limits;
    limits.maxHeadBytes = 256;
    const auto reader = readAll("POST /plaid HTTP/1.1\r\nX-Filler: " + QByteArray(300, 'a'), limits);
    ASSERT_EQ(reader.state(), State::Failed);
    EXPECT_EQ(reader.errorStatus(), 431);
}

TEST(HttpRequestReader, TooManyHeadersAreRefusedWith431)
{
    HttpLimits limits;
    limits.maxHeaders = 4;
    QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 4; ++i)
        head += "X-" + QByteArray::number(i) + ": v\r\n";
    const auto reader = readAll(head + "\r\n", limits);
    ASSERT_EQ(reader.state(), State::Failed);
    EXPECT_EQ(reader.errorStatus(), 431);
}

TEST(HttpRequestReader, ChunkedBodiesAreNotSupported)
{
    const auto reader =
        readAll("POST /plaid HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    ASSERT_EQ(reader.state(), State::Failed);
    EXPECT_EQ(reader.errorStatus(), 501);
}

struct Malformed {
    const char* what;
    QByteArray request;
    int status;
};

class HttpRequestReaderMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(HttpRequestReaderMalformed, IsRefusedWithTheStatusThatSaysWhy)
{
    const auto reader = readAll(GetParam().request);
    ASSERT_EQ(reader.state(), State::Failed) << GetParam().what;
    EXPECT_EQ(reader.errorStatus(), GetParam().status) << GetParam().what;
    EXPECT_FALSE(reader.errorReason().isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Requests, HttpRequestReaderMalformed,
    ::testing::Values(
        Malformed{"no version", "POST /plaid\r\nHost: x\r\n\r\n", 400},
        Malformed{"absolute target", "POST http://x/plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"HTTP/2", "POST /plaid HTTP/2.0\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 505},
        Malformed{"no Host", "POST /plaid HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"folded header", "POST /plaid HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"bare LF", "POST /plaid HTTP/1.1\nHost: x\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"no colon", "POST /plaid HTTP/1.1\r\nHost x\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"space before colon", "POST /plaid HTTP/1.1\r\nHost : x\r\nContent-Length: 0\r\n\r\n", 400},
        Malformed{"two lengths", "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
                  400},
        Malformed{"negative length", "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400},
        Malformed{"length with sign", "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n", 400},
        Malformed{"huge length", "POST /plaid HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
                  400},
        Malformed{"NUL in a value", QByteArray("POST /plaid HTTP/1.1\r\nHost: x\0y\r\nContent-Length: 0\r\n\r\n", 54),
                  400}));

} // namespace
} // namespace coffer::webhooks
