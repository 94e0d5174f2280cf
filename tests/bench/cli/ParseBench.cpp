#include "ParseBench.h"

#include "BenchFixture.h"

#include <QElapsedTimer>
#include <QFile>

namespace coffer::bench {

using model::Error;

namespace {

class CountingSink final : public importers::StatementSink {
public:
    qint64 transactions = 0;
    qint64 invalid = 0;

    void account(const importers::StatementAccount&) override {}
    void transaction(providers::ProviderTransaction transaction) override
    {
        ++transactions;
        if (!transaction.problem.isEmpty())
            ++invalid;
    }
    void removed(const providers::RemovedTransaction&) override {}
    void notice(const QString&) override {}
};

} // namespace

model::Result<QJsonObject> runParseBench(const QString& path, importers::Format format, const QString& currency)
{
    const auto parser = importers::makeParser(format);
    if (!parser)
        return Error::permanent(QStringLiteral("no %1 parser in this build").arg(importers::formatDisplayName(format)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
    importers::ParseOptions options;
    options.defaultCurrency = currency;
    CountingSink sink;
    QElapsedTimer timer;
    timer.start();
    const model::Status parsed = parser->parse(file, options, sink);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!parsed.ok())
        return Error::invalidData(QStringLiteral("%1: %2").arg(path, parsed.error().userMessage));
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("parse")},
                       {QStringLiteral("file"), path},
                       {QStringLiteral("format"), importers::formatId(format)},
                       {QStringLiteral("transactions"), sink.transactions},
                       {QStringLiteral("invalid"), sink.invalid},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("tx_per_s"), seconds > 0 ? double(sink.transactions) / seconds : 0.0},
                       {QStringLiteral("peak_rss_mb"), peakRssMegabytes()}};
}

} // namespace coffer::bench
