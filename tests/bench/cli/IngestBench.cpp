#include "IngestBench.h"

#include "BenchFixture.h"
#include "LedgerFixture.h"
#include "SyntheticFeed.h"

#include <QElapsedTimer>

#include <algorithm>

namespace coffer::bench {

using model::Error;
using model::Result;

Result<model::ChangeCounts> deliverFeed(const SyntheticFeed& feed, sync::PageWriter& writer,
                                        sync::PageWriter::Target target, qint64* pending)
{
    model::ChangeCounts total;
    for (int p = 0; p < feed.pageCount(); ++p) {
        const providers::Page page = feed.page(p);
        if (pending)
            *pending += std::count_if(page.added.cbegin(), page.added.cend(), [](const auto& t) { return t.pending; });
        target.pageNumber = p + 1;
        const auto counts = writer.commit(target, page);
        if (!counts.ok())
            return Error::storage(
                QStringLiteral("page %1 was not committed: %2").arg(p + 1).arg(counts.error().userMessage));
        total += counts.value();
    }
    return total;
}

namespace {

// Every pending row was folded into its linked posted one; nothing else is hidden or lost.
model::Status checkFirstRun(LedgerFixture& f, const model::ChangeCounts& first, qint64 transactions, qint64 pending)
{
    const auto stored = f.count(QStringLiteral("SELECT COUNT(*) FROM transactions"));
    const auto visible =
        f.count(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE matched_to IS NULL AND status != 'removed'"));
    if (!stored.ok())
        return stored.error();
    if (!visible.ok())
        return visible.error();
    if (first.added == transactions && first.invalid == 0 && stored.value() == transactions &&
        visible.value() == transactions - pending && first.matched == pending)
        return model::Ok{};
    return Error::permanent(QStringLiteral("the first run stored %1 rows (%2 added, %3 quarantined, %4 matched), "
                                           "%5 visible; expected %6 rows, %7 visible (%8 pending folded)")
                                .arg(stored.value())
                                .arg(first.added)
                                .arg(first.invalid)
                                .arg(first.matched)
                                .arg(visible.value())
                                .arg(transactions)
                                .arg(transactions - pending)
                                .arg(pending));
}

} // namespace

Result<QJsonObject> runIngestBench(qint64 transactions, int accounts)
{
    if (transactions < 1 || accounts < 1)
        return Error::permanent(QStringLiteral("--transactions and --accounts must be at least 1"));
    const QDate today(2026, 11, 1);
    LedgerFixture f(accounts, today);
    const SyntheticFeed feed(transactions, accounts, today.addDays(-7));
    sync::PageWriter writer(f.db());

    const sync::PageWriter::Target firstRun = f.connectionTarget();
    QElapsedTimer timer;
    timer.start();
    qint64 pending = 0;
    const auto first = deliverFeed(feed, writer, firstRun, &pending);
    const double firstSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!first.ok())
        return first.error();
    if (auto checked = checkFirstRun(f, first.value(), transactions, pending); !checked.ok())
        return checked.error();

    const sync::PageWriter::Target resync = f.connectionTarget();
    timer.restart();
    const auto again = deliverFeed(feed, writer, resync, nullptr);
    const double resyncSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!again.ok())
        return again.error();
    const model::ChangeCounts& a = again.value();
    if (a.added + a.modified + a.removed + a.matched + a.invalid != 0)
        return Error::permanent(
            QStringLiteral("re-delivering the same pages changed the store (%1 added, %2 modified, %3 matched)")
                .arg(a.added)
                .arg(a.modified)
                .arg(a.matched));

    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("ingest")},
                       {QStringLiteral("transactions"), transactions},
                       {QStringLiteral("tx_per_s"), double(transactions) / firstSeconds},
                       {QStringLiteral("resync_tx_per_s"), double(transactions) / resyncSeconds},
                       {QStringLiteral("peak_rss_mb"), peakRssMegabytes()}};
}

} // namespace coffer::bench
