#include "../fakes/PlaidWebhookSigner.h"
#include "webhooks/HttpRequestReader.h"
#include "webhooks/PlaidWebhookVerifier.h"

#include <benchmark/benchmark.h>

using namespace coffer::webhooks;

namespace {

QByteArray syncBody()
{
    return QByteArrayLiteral(R"({"webhook_type":"TRANSACTIONS","webhook_code":"SYNC_UPDATES_AVAILABLE",)"
                             R"("item_id":"wz666MBjYWTp2PDzzggYhM6oWWmBb","initial_update_complete":true,)"
                             R"("historical_update_complete":true,"environment":"production"})");
}

} // namespace

// One Plaid webhook checked end to end with its key at hand: the header read, the ES256 signature
// verified by OpenSSL, iat checked, the body hashed and compared.
static void BM_PlaidWebhookVerify(benchmark::State& state)
{
    const coffer::test::PlaidWebhookSigner signer;
    const QByteArray body = syncBody();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray token = signer.sign(body, now);
    const auto key = PlaidVerificationKey::fromJwk(signer.jwk(), signer.kid());
    if (!key.ok())
        return state.SkipWithError("the key did not load");
    for (auto _ : state) {
        const auto signature = PlaidSignature::read(token);
        auto claims = verifyPlaidWebhook(signature.value(), key.value(), body, now);
        if (!claims.ok())
            return state.SkipWithError("the webhook did not verify");
        benchmark::DoNotOptimize(claims);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PlaidWebhookVerify);

// Reading one webhook request (head and a small JSON body) as it arrives from a socket.
static void BM_WebhookRequestRead(benchmark::State& state)
{
    const QByteArray body = syncBody();
    const QByteArray request = "POST /plaid HTTP/1.1\r\nHost: 127.0.0.1:8787\r\nUser-Agent: Plaid Verifier\r\n"
                               "Content-Type: application/json\r\nPlaid-Verification: " +
                               QByteArray(420, 'a') + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                               "\r\n\r\n" + body;
    for (auto _ : state) {
        HttpRequestReader reader;
        benchmark::DoNotOptimize(reader.feed(request));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WebhookRequestRead);
