// coffer-bench: Coffer's engine benchmarks. Each subcommand prints one JSON object per line.
//   coffer-bench jobs [--jobs N] [--concurrency C]
//   coffer-bench schedule [--connections N] [--hours H]

#include "JobsBench.h"
#include "log/Log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir logs;
    (void)coffer::log::init(logs.path(), QStringLiteral("warn"), false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Coffer engine benchmarks: jobs, schedule."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("bench"), QStringLiteral("jobs or schedule"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Jobs to run."), QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("Jobs at once."), QStringLiteral("C"), QStringLiteral("50"));
    const QCommandLineOption connections(QStringLiteral("connections"), QStringLiteral("Connections."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption hours(QStringLiteral("hours"), QStringLiteral("Simulated hours."), QStringLiteral("H"), QStringLiteral("24"));
    parser.addOptions({jobs, concurrency, connections, hours});
    parser.process(app);

    const QString which = parser.positionalArguments().value(0);
    QJsonObject result;
    if (which == u"jobs")
        result = coffer::bench::runJobsBench(parser.value(jobs).toInt(), parser.value(concurrency).toInt());
    else if (which == u"schedule")
        result = coffer::bench::runScheduleBench(parser.value(connections).toInt(), parser.value(hours).toInt());
    else {
        std::fprintf(stderr, "coffer-bench: unknown benchmark \"%s\"; use jobs or schedule\n", qPrintable(which));
        return 2;
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
