#include "SyncBench.h"

#include "EngineHost.h"
#include "PlaidFake.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <functional>
#include <optional>

namespace coffer::bench {

using model::Error;
using model::Result;

namespace {

constexpr int kTimeoutMs = 30 * 60 * 1000;

bool waitUntil(const std::function<bool()>& done)
{
    QDeadlineTimer deadline(kTimeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

} // namespace

Result<QJsonObject> runSyncBench(const QString& provider, qint64 transactions)
{
    if (provider != u"plaid")
        return Error::permanent(QStringLiteral("sync: only --provider plaid is measured"));
    if (transactions < 1 || transactions > 10'000'000)
        return Error::permanent(QStringLiteral("--transactions must be from 1 to 10000000"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error::storage(QStringLiteral("cannot create a temporary folder"));
    // The fake answers on this thread while the engine works on its own.
    test::PlaidFake fake(QDate::currentDate(), int(transactions));
    if (!fake.listen())
        return Error::permanent(QStringLiteral("the Plaid fake cannot listen on loopback"));

    EngineOptions options;
    options.dataDir = dir.path();
    options.automatic = false;
    options.keychainService = QStringLiteral("coffer-bench-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    EngineHost host(options);
    QObject context;
    bool started = false;
    qint64 connectionId = 0;
    bool removed = false;
    QString failure;
    std::optional<model::SyncSummary> summary;
    QObject::connect(&host, &EngineHost::started, &context, [&] { started = true; });
    QObject::connect(&host, &EngineHost::startFailed, &context, [&](const QString& m) { failure = m; });
    QObject::connect(&host, &EngineHost::connectionAdded, &context, [&](qint64 id) { connectionId = id; });
    QObject::connect(&host, &EngineHost::connectionAddFailed, &context, [&](const QString& m) { failure = m; });
    QObject::connect(&host, &EngineHost::connectionRemoved, &context, [&] { removed = true; });
    QObject::connect(&host, &EngineHost::syncFinished, &context, [&](const model::SyncSummary& s) { summary = s; });

    host.start();
    if (!waitUntil([&] { return started || !failure.isEmpty(); }) || !failure.isEmpty())
        return Error::storage(QStringLiteral("the engine did not start: ") + failure);
    host.addConnection(
        model::ConnectionSpec{QStringLiteral("plaid"),
                              QStringLiteral("Bench Plaid"),
                              {{QStringLiteral("baseUrl"), fake.baseUrl()}, {QStringLiteral("minIntervalSeconds"), 0}},
                              fake.credentialsJson()});
    if (!waitUntil([&] { return connectionId != 0 || !failure.isEmpty(); }) || connectionId == 0)
        return Error::permanent(QStringLiteral("the Plaid connection was not added (a keychain is needed): ") +
                                failure);

    QElapsedTimer timer;
    timer.start();
    host.syncNow(connectionId);
    const bool finished = waitUntil([&] { return summary.has_value(); });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    host.removeConnection(connectionId, false); // its keychain entry goes with it
    waitUntil([&] { return removed; });
    host.shutdown();

    if (!finished)
        return Error::permanent(QStringLiteral("the sync did not finish in time"));
    if (!summary->succeeded)
        return Error::permanent(QStringLiteral("the sync failed: ") +
                                (summary->error ? summary->error->userMessage : QString()));
    const qint64 expectedPages = (transactions + 499) / 500;
    if (summary->changes.added != transactions || summary->pages != expectedPages)
        return Error::permanent(QStringLiteral("the sync stored %1 of %2 transactions in %3 pages (expected %4)")
                                    .arg(summary->changes.added)
                                    .arg(transactions)
                                    .arg(summary->pages)
                                    .arg(expectedPages));
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("sync")},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("transactions"), transactions},
                       {QStringLiteral("tx_per_s"), double(transactions) / seconds}};
}

} // namespace coffer::bench
