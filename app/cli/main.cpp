// cofferctl: the command-line front end to the Coffer engine.

#include "cli/CliArguments.h"
#include "cli/CliCommand.h"
#include "cli/CliPrinter.h"
#include "cli/StopSignals.h"
#include "common/Startup.h"

#include <QCoreApplication>

#include <optional>

using namespace coffer;

namespace {
constexpr int kUsageError = 2;
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    app::setApplicationIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Coffer command line: manage connections, sync and list transactions.\n\n") +
        QString::fromLatin1(cli::kCommands));
    app::CommonOptions common;
    common.addTo(parser);
    cli::CliOptions cliOptions;
    parser.addOptions(cliOptions.list());
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands above)."));

    if (!parser.parse(QCoreApplication::arguments())) {
        QString why = parser.errorText();
        if (!why.endsWith(u'.'))
            why += u'.';
        cli::printError(why + QStringLiteral(" Run cofferctl --help for usage."));
        return kUsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        cli::printLine(parser.helpText());
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        cli::printLine(QStringLiteral("cofferctl ") + QCoreApplication::applicationVersion());
        return 0;
    }
    auto request = cli::interpret(parser, cliOptions);
    if (auto* usage = std::get_if<QString>(&request)) {
        cli::printError(*usage + QStringLiteral(" Run cofferctl --help for usage."));
        return kUsageError;
    }
    auto options = app::prepare(parser, common, false);
    if (!options.ok()) {
        cli::printError(options.error().userMessage);
        return 1;
    }
    const cli::Request req = std::get<cli::Request>(request);
    EngineOptions engineOptions = options.value();
    // One-shot commands run what they ask for; only the daemon follows the schedules.
    engineOptions.automatic = req.kind == cli::Request::Kind::Daemon;
    if (req.kind == cli::Request::Kind::Daemon)
        cli::quitOnStopSignals();
    cli::CliCommand command(engineOptions, req);
    command.start();
    return application.exec();
}
