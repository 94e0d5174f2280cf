#include "ImportBench.h"

#include "BenchFixture.h"
#include "importers/FileImports.h"
#include "importers/ImportCancellation.h"
#include "schedule/Clock.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace coffer::bench {

using model::Error;

model::Result<QJsonObject> runImportBench(const QString& path, const QString& currency)
{
    QTemporaryDir dir;
    auto opened = store::Database::open(dir.path());
    if (!opened.ok())
        return opened.error();
    const std::unique_ptr<store::Database> db = std::move(opened).value();
    const schedule::SystemClock clock;
    importers::FileImports imports(*db, clock, std::make_shared<importers::ImportCancellation>());

    model::ImportRequest request;
    request.requestId = 1;
    request.path = QFileInfo(path).absoluteFilePath();
    request.currency = currency;
    request.dryRun = false;
    QElapsedTimer timer;
    timer.start();
    const auto report = imports.run(request, {});
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report.ok())
        return report.error();
    const model::ImportCounts& counts = report.value().counts;
    QSqlQuery stored(db->handle());
    if (!stored.exec(QStringLiteral("SELECT COUNT(*) FROM transactions")) || !stored.next())
        return Error::storage(QStringLiteral("the store cannot be counted"));
    if (stored.value(0).toLongLong() != counts.added)
        return Error::permanent(QStringLiteral("the import reported %1 added, the store holds %2")
                                    .arg(counts.added)
                                    .arg(stored.value(0).toLongLong()));
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("import")},
                       {QStringLiteral("file"), path},
                       {QStringLiteral("format"), report.value().format},
                       {QStringLiteral("transactions"), counts.added},
                       {QStringLiteral("invalid"), counts.invalid},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("tx_per_s"), seconds > 0 ? double(counts.added) / seconds : 0.0},
                       {QStringLiteral("peak_rss_mb"), peakRssMegabytes()}};
}

} // namespace coffer::bench
