// The sync hot path: committing pages of provider changes into SQLite, and listing them back.

#include "model/Connection.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SyncRunRepository.h"
#include "store/TransactionReader.h"
#include "sync/PageWriter.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace coffer;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    sync::PageWriter::Target target;

    Fixture()
    {
        db = std::move(store::Database::open(dir.path())).value();
        const qint64 conn = store::ConnectionRepository(*db)
                                .insert(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Bench"), {}, {}},
                                        QStringLiteral("Demo Bank"), QDateTime::currentDateTimeUtc())
                                .value();
        model::Account a;
        a.providerId = QStringLiteral("acc");
        a.name = QStringLiteral("Checking");
        a.currency = QStringLiteral("USD");
        target.connectionId = conn;
        target.runId =
            store::SyncRunRepository(*db).begin(conn, QStringLiteral("bench"), QDateTime::currentDateTimeUtc()).value();
        target.source = QStringLiteral("connection:%1").arg(conn);
        target.accountIds.insert(a.providerId, store::AccountRepository(*db).upsert(conn, a).value());
    }
};

providers::Page makePage(qint64 first, int size)
{
    providers::Page page;
    for (qint64 i = first; i < first + size; ++i) {
        providers::ProviderTransaction t;
        t.accountProviderId = QStringLiteral("acc");
        t.providerId = QStringLiteral("t-%1").arg(i);
        t.bookedOn = QDate(2026, 1, 1).addDays(i % 365);
        t.amount = model::Money(-(i % 10000) - 1, QStringLiteral("USD"));
        t.description = QStringLiteral("WHOLEFDS MKT #%1 SAN FRANCISCO").arg(i % 500);
        t.category = QStringLiteral("groceries");
        t.raw = QByteArrayLiteral("{\"transaction_id\":\"t\",\"amount\":\"1.00\"}");
        page.added.append(t);
    }
    page.nextCursor = QString::number(first + size);
    return page;
}

} // namespace

// New transactions: page of N committed in one SQLite transaction (insert + audit event each).
static void BM_CommitNewPage(benchmark::State& state)
{
    Fixture f;
    sync::PageWriter writer(*f.db);
    const int size = int(state.range(0));
    qint64 next = 0;
    for (auto _ : state) {
        const auto page = makePage(next, size);
        next += size;
        auto counts = writer.commit(f.target, page);
        if (!counts.ok())
            state.SkipWithError("commit failed");
    }
    state.SetItemsProcessed(state.iterations() * size);
}
BENCHMARK(BM_CommitNewPage)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

// Re-delivery of an already stored page: every transaction looked up, nothing written.
static void BM_CommitRedeliveredPage(benchmark::State& state)
{
    Fixture f;
    sync::PageWriter writer(*f.db);
    const auto page = makePage(0, int(state.range(0)));
    (void)writer.commit(f.target, page);
    for (auto _ : state) {
        auto counts = writer.commit(f.target, page);
        benchmark::DoNotOptimize(counts);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CommitRedeliveredPage)->Arg(500)->Unit(benchmark::kMillisecond);

// Listing: one page of 500 rows deep inside a ledger of N transactions (keyset paging).
static void BM_ListPageDeep(benchmark::State& state)
{
    Fixture f;
    sync::PageWriter writer(*f.db);
    const qint64 total = state.range(0);
    for (qint64 i = 0; i < total; i += 1000)
        (void)writer.commit(f.target, makePage(i, 1000));
    auto reader = std::move(store::TransactionReader::open(f.db->path())).value();
    // Walk to the middle once to find a deep position.
    store::ListPosition middle;
    for (qint64 seen = 0; seen < total / 2; seen += 500) {
        const auto rows = reader->page(middle, 500).value();
        middle = store::ListPosition{rows.last().transaction.bookedOn, rows.last().transaction.id};
    }
    for (auto _ : state) {
        auto rows = reader->page(middle, 500);
        benchmark::DoNotOptimize(rows);
    }
    state.SetItemsProcessed(state.iterations() * 500);
}
BENCHMARK(BM_ListPageDeep)->Arg(100000)->Unit(benchmark::kMillisecond);
