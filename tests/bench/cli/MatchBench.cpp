#include "MatchBench.h"

#include "LedgerFixture.h"
#include "MatchDataSet.h"
#include "MatchTally.h"

#include <cstdio>

namespace coffer::bench {

using model::Error;

model::Result<QJsonObject> runMatchBench(qint64 transactions, int accounts, bool explain)
{
    if (transactions < 1 || accounts < 1)
        return Error::permanent(QStringLiteral("--transactions and --accounts must be at least 1"));
    const QDate today(2026, 11, 1);
    const MatchDataSet data(transactions, accounts, today.addDays(-7));
    LedgerFixture f(accounts, today);
    sync::PageWriter writer(f.db());
    const sync::PageWriter::Target connection = f.connectionTarget();
    const sync::PageWriter::Target file = f.importTarget(QStringLiteral("bank-file"));
    int pageNumber = 0;
    for (const MatchDataSet::Delivery& d : data.deliveries()) {
        sync::PageWriter::Target target = d.fromImport ? file : connection;
        target.pageNumber = ++pageNumber;
        const auto counts = writer.commit(target, d.page);
        if (!counts.ok())
            return Error::storage(
                QStringLiteral("page %1 was not committed: %2").arg(pageNumber).arg(counts.error().userMessage));
        if (counts.value().invalid != 0)
            return Error::permanent(
                QStringLiteral("page %1: %2 records quarantined").arg(pageNumber).arg(counts.value().invalid));
    }

    const auto tally = MatchTally::read(f.db(), data);
    if (!tally.ok())
        return tally.error();
    if (tally->storedRows() != data.recordCount() || tally->unlabelledRows() != 0)
        return Error::permanent(QStringLiteral("%1 records delivered but %2 rows stored (%3 unknown)")
                                    .arg(data.recordCount())
                                    .arg(tally->storedRows())
                                    .arg(tally->unlabelledRows()));
    if (explain)
        tally->explain(stderr);
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("match")},
                       {QStringLiteral("transactions"), data.recordCount()},
                       {QStringLiteral("precision"), tally->precision()},
                       {QStringLiteral("recall"), tally->recall()},
                       {QStringLiteral("linked_precision"), tally->linkedPrecision()}};
}

} // namespace coffer::bench
