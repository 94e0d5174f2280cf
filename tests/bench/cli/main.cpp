// coffer-bench: Coffer's engine benchmarks. Each subcommand prints one JSON object per line.
//   coffer-bench jobs [--jobs N] [--concurrency C]
//   coffer-bench schedule [--connections N] [--hours H]
//   coffer-bench ingest [--transactions N] [--accounts A]     full history through PageWriter, then a resync
//   coffer-bench match [--transactions N] [--accounts A] [--explain]   matching precision and recall
//   coffer-bench ui [--transactions N]        the window over N transactions (offscreen; GUI builds)
//   coffer-bench sync --provider plaid [--transactions N]   from the provider's fake over loopback into the store
//   coffer-bench parse FILE [--format F] [--currency C]     a bank file through its parser alone
//   coffer-bench import FILE [--currency C]   a bank file imported end to end into a new on-disk store
//   coffer-bench make-file --format F [--transactions N] OUT   a bank file of N records, for parse and import

#include "ImportBench.h"
#include "IngestBench.h"
#include "JobsBench.h"
#include "MatchBench.h"
#include "ParseBench.h"
#include "StatementFiles.h"
#include "SyncBench.h"
#include "importers/FormatDetector.h"
#include "log/Log.h"

#include <QCommandLineParser>
#ifdef COFFER_BENCH_UI
#include "UiBench.h"
#include <QApplication>
#endif

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// parse and make-file: a file and its format (parse: detected from the file's content when not given).
coffer::model::Result<QJsonObject> runFileBench(const QString& which, const QString& path, const QString& formatId,
                                                const QString& currency, qint64 transactions)
{
    using coffer::model::Error;
    if (path.isEmpty())
        return Error::permanent(QStringLiteral("%1 needs a file").arg(which));
    coffer::importers::Format format{};
    if (formatId.isEmpty() && which == u"parse") {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
        const auto detected = coffer::importers::detectFormat(file.read(coffer::importers::kFormatSniffBytes),
                                                              QFileInfo(path).fileName());
        if (!detected)
            return Error::invalidData(QStringLiteral("%1 is not a bank file Coffer reads").arg(path));
        format = *detected;
    } else if (!coffer::bench::formatFromId(formatId, &format)) {
        return Error::permanent(QStringLiteral("--format: use ofx, qif, csv, camt053 or mt940"));
    }
    if (which == u"parse")
        return coffer::bench::runParseBench(path, format, currency);
    if (auto written = coffer::bench::writeStatementFile(format, transactions, path); !written.ok())
        return written.error();
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("make-file")},
                       {QStringLiteral("file"), path},
                       {QStringLiteral("format"), coffer::importers::formatId(format)},
                       {QStringLiteral("transactions"), transactions}};
}

} // namespace

int main(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> application;
#ifdef COFFER_BENCH_UI
    if (argc > 1 && std::strcmp(argv[1], "ui") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    }
#endif
    if (!application)
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QTemporaryDir logs;
    (void)coffer::log::init(logs.path(), QStringLiteral("warn"), false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Coffer engine benchmarks: jobs, schedule, ingest, match."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("bench"), QStringLiteral("jobs, schedule, ingest or match"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Jobs to run."), QStringLiteral("N"),
                                  QStringLiteral("20000"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Jobs at once."),
                                         QStringLiteral("C"), QStringLiteral("50"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("Connections."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption hours(QStringLiteral("hours"), QStringLiteral("Simulated hours."), QStringLiteral("H"),
                                   QStringLiteral("24"));
    const QCommandLineOption transactions(QStringLiteral("transactions"),
                                          QStringLiteral("Records delivered (ingest: 1000000, match: 200000)."),
                                          QStringLiteral("N"));
    const QCommandLineOption accounts(QStringLiteral("accounts"), QStringLiteral("Accounts of the connection."),
                                      QStringLiteral("A"), QStringLiteral("20"));
    const QCommandLineOption explain(QStringLiteral("explain"),
                                     QStringLiteral("match: per-case counts and example mistakes on stderr."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("ui: the data folder to measure over (built there first when empty)."), QStringLiteral("DIR"));
    const QCommandLineOption provider(QStringLiteral("provider"), QStringLiteral("sync: the provider (plaid)."),
                                      QStringLiteral("P"), QStringLiteral("plaid"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("parse, make-file: ofx, qif, csv, camt053 or mt940."),
                                    QStringLiteral("F"));
    const QCommandLineOption currency(
        QStringLiteral("currency"), QStringLiteral("parse, import: the currency of amounts the file states none for."),
        QStringLiteral("C"), QStringLiteral("USD"));
    parser.addOptions(
        {jobs, concurrency, connections, hours, transactions, accounts, explain, dataDir, provider, format, currency});
    parser.process(app);

    const QString which = parser.positionalArguments().value(0);
    const auto transactionsOr = [&](qint64 fallback) {
        return parser.isSet(transactions) ? parser.value(transactions).toLongLong() : fallback;
    };
    // Returned rather than exited on, so a failed run still removes its temporary database.
    coffer::model::Result<QJsonObject> result = QJsonObject();
    if (which == u"jobs")
        result = coffer::bench::runJobsBench(parser.value(jobs).toInt(), parser.value(concurrency).toInt());
    else if (which == u"schedule")
        result = coffer::bench::runScheduleBench(parser.value(connections).toInt(), parser.value(hours).toInt());
    else if (which == u"ingest")
        result = coffer::bench::runIngestBench(transactionsOr(1000000), parser.value(accounts).toInt());
    else if (which == u"match")
        result =
            coffer::bench::runMatchBench(transactionsOr(200000), parser.value(accounts).toInt(), parser.isSet(explain));
    else if (which == u"import")
        result = coffer::bench::runImportBench(parser.positionalArguments().value(1), parser.value(currency));
    else if (which == u"parse" || which == u"make-file")
        result = runFileBench(which, parser.positionalArguments().value(1), parser.value(format),
                              parser.value(currency), transactionsOr(100000));
    else if (which == u"sync")
        result = coffer::bench::runSyncBench(parser.value(provider), transactionsOr(100000));
#ifdef COFFER_BENCH_UI
    else if (which == u"ui")
        result = coffer::bench::runUiBench(transactionsOr(1000000), parser.value(dataDir));
#endif
    else {
        std::fprintf(stderr,
                     "coffer-bench: unknown benchmark \"%s\"; use jobs, schedule, ingest, match, sync, ui, parse, "
                     "import or make-file\n",
                     qPrintable(which));
        return 2;
    }
    if (!result.ok()) {
        std::fprintf(stderr, "coffer-bench: %s\n", qPrintable(result.error().userMessage));
        return 1;
    }
    std::printf("%s\n", QJsonDocument(result.value()).toJson(QJsonDocument::Compact).constData());
    return 0;
}
