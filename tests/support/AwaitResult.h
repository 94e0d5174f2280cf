#pragma once

// Waiting for an asynchronous call that reports a model::Result through a callback exactly once.

#include "TestSupport.h"
#include "model/Result.h"

#include <QTest>

#include <gtest/gtest.h>

#include <optional>

namespace coffer::test {

// Starts call(done) and runs the event loop until done was called; then waits a moment more so a
// second call would be caught. The Result, or a Permanent "no answer" error on timeout.
template <typename T, typename Call> model::Result<T> awaitResult(Call call, int timeoutMs = 15000)
{
    std::optional<model::Result<T>> out;
    int calls = 0;
    call([&](model::Result<T> r) {
        ++calls;
        out = std::move(r);
    });
    EXPECT_TRUE(waitFor([&] { return out.has_value(); }, timeoutMs));
    QTest::qWait(10);
    EXPECT_EQ(calls, 1) << "the callback runs exactly once";
    return out ? *out : model::Error::permanent(QStringLiteral("no answer"));
}

} // namespace coffer::test
