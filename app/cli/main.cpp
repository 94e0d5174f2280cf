// cofferctl: the command-line front end to the Coffer engine.

#include "cli/CliCommand.h"
#include "cli/CliPrinter.h"
#include "cli/StopSignals.h"
#include "common/Startup.h"

#include <QCoreApplication>

#include <optional>

using namespace coffer;

namespace {

constexpr int kUsageError = 2;

const char* const kCommands = R"(Commands:
  connections add demo [--name N] [--seed S]   add a demo bank connection
  connections list                             list connections and their state
  connections schedule ID SPEC                 "every 4h", "every 30m", "daily 06:30 [Zone/City]", "cron M H DOM MON DOW"
  connections pause|resume ID                  stop or restart scheduled syncs of a connection
  connections remove ID [--delete-data]        remove a connection (keeps its transactions unless --delete-data)
  sync [--connection ID | --all]               sync now; prints added/modified/removed per connection
  transactions list [--limit N]                newest transactions first
  status                                       database, connections, last sync and errors
  jobs list [--limit N]                        recent jobs with their state and last error
  jobs show|retry|cancel ID                    one job's error history; run a failed job again; cancel one
  queue pause|resume|stats                     hold or release the sync queue; its counts
  daemon                                       keep every connection synced on its schedule until stopped)";

struct CliOptions {
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("Name for a new connection."), QStringLiteral("N")};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Demo bank seed (same seed, same bank)."),
                            QStringLiteral("S")};
    QCommandLineOption fail{QStringLiteral("inject-failure"), QStringLiteral("Demo bank only: transient or reauth."),
                            QStringLiteral("KIND")};
    QCommandLineOption connection{QStringLiteral("connection"), QStringLiteral("Connection id to sync."),
                                  QStringLiteral("ID")};
    QCommandLineOption all{QStringLiteral("all"), QStringLiteral("Sync every connection (the default).")};
    QCommandLineOption limit{QStringLiteral("limit"), QStringLiteral("How many transactions to list (default 50)."),
                             QStringLiteral("N"), QStringLiteral("50")};
    QCommandLineOption deleteData{QStringLiteral("delete-data"),
                                  QStringLiteral("Also delete the connection's accounts and transactions.")};
};

std::optional<qint64> positiveNumber(const QString& text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? std::optional(n) : std::nullopt;
}

// Turns the words and options into a Request, or returns the usage error to print.
std::variant<cli::Request, QString> interpret(const QCommandLineParser& parser, const CliOptions& o)
{
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0) + u' ' + args.value(1);
    cli::Request r;
    auto allowOnly = [&](std::initializer_list<const QCommandLineOption*> allowed) -> QString {
        for (const QCommandLineOption* opt :
             {&o.name, &o.seed, &o.fail, &o.connection, &o.all, &o.limit, &o.deleteData}) {
            if (parser.isSet(*opt) && std::find(allowed.begin(), allowed.end(), opt) == allowed.end())
                return QStringLiteral("--%1 does not apply to \"%2\".")
                    .arg(opt->names().constLast(), command.trimmed());
        }
        return {};
    };
    if (args.size() == 3 && command == u"connections add") {
        r.kind = cli::Request::Kind::AddConnection;
        r.provider = args[2];
        r.name = parser.value(o.name);
        if (parser.isSet(o.seed)) {
            bool ok = false;
            r.seed = parser.value(o.seed).toLongLong(&ok);
            if (!ok)
                return QStringLiteral("--seed needs a whole number, not \"%1\".").arg(parser.value(o.seed));
        }
        r.injectFailure = parser.value(o.fail);
        if (!r.injectFailure.isEmpty() && r.injectFailure != u"transient" && r.injectFailure != u"reauth" && r.injectFailure != u"invalid")
            return QStringLiteral("--inject-failure takes transient, reauth or invalid.");
        if (auto bad = allowOnly({&o.name, &o.seed, &o.fail}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 2 && command == u"connections list") {
        r.kind = cli::Request::Kind::ListConnections;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 3 && command == u"connections remove") {
        r.kind = cli::Request::Kind::RemoveConnection;
        const auto id = positiveNumber(args[2]);
        if (!id)
            return QStringLiteral("\"%1\" is not a connection id (see cofferctl connections list).").arg(args[2]);
        r.connectionId = *id;
        r.deleteData = parser.isSet(o.deleteData);
        if (auto bad = allowOnly({&o.deleteData}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"sync") {
        r.kind = cli::Request::Kind::Sync;
        if (parser.isSet(o.connection) && parser.isSet(o.all))
            return QStringLiteral("Use either --connection ID or --all, not both.");
        if (parser.isSet(o.connection)) {
            const auto id = positiveNumber(parser.value(o.connection));
            if (!id)
                return QStringLiteral("--connection needs a connection id, not \"%1\".")
                    .arg(parser.value(o.connection));
            r.connectionId = *id;
        }
        if (auto bad = allowOnly({&o.connection, &o.all}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 2 && command == u"transactions list") {
        r.kind = cli::Request::Kind::ListTransactions;
        const auto limit = positiveNumber(parser.value(o.limit));
        if (!limit || *limit > 1000000)
            return QStringLiteral("--limit needs a number from 1 to 1000000, not \"%1\".").arg(parser.value(o.limit));
        r.limit = int(*limit);
        if (auto bad = allowOnly({&o.limit}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"status") {
        r.kind = cli::Request::Kind::Status;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() >= 4 && command == u"connections schedule") {
        r.kind = cli::Request::Kind::SetSchedule;
        const auto id = positiveNumber(args[2]);
        if (!id)
            return QStringLiteral("\"%1\" is not a connection id (see cofferctl connections list).").arg(args[2]);
        r.connectionId = *id;
        r.schedule = args.mid(3).join(u' ');
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 3 && (command == u"connections pause" || command == u"connections resume")) {
        r.kind = args[1] == u"pause" ? cli::Request::Kind::PauseConnection : cli::Request::Kind::ResumeConnection;
        const auto id = positiveNumber(args[2]);
        if (!id)
            return QStringLiteral("\"%1\" is not a connection id (see cofferctl connections list).").arg(args[2]);
        r.connectionId = *id;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 2 && args[0] == u"queue") {
        if (args[1] == u"pause")
            r.kind = cli::Request::Kind::QueuePause;
        else if (args[1] == u"resume")
            r.kind = cli::Request::Kind::QueueResume;
        else if (args[1] == u"stats")
            r.kind = cli::Request::Kind::QueueStats;
        else
            return QStringLiteral("Unknown queue command \"%1\": use pause, resume or stats.").arg(args[1]);
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 2 && command == u"jobs list") {
        r.kind = cli::Request::Kind::JobsList;
        const auto limit = positiveNumber(parser.value(o.limit));
        if (!limit || *limit > 10000)
            return QStringLiteral("--limit needs a number from 1 to 10000, not \"%1\".").arg(parser.value(o.limit));
        r.limit = int(*limit);
        if (auto bad = allowOnly({&o.limit}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 3 && args[0] == u"jobs") {
        if (args[1] == u"show")
            r.kind = cli::Request::Kind::JobShow;
        else if (args[1] == u"retry")
            r.kind = cli::Request::Kind::JobRetry;
        else if (args[1] == u"cancel")
            r.kind = cli::Request::Kind::JobCancel;
        else
            return QStringLiteral("Unknown jobs command \"%1\": use list, show, retry or cancel.").arg(args[1]);
        const auto id = positiveNumber(args[2]);
        if (!id)
            return QStringLiteral("\"%1\" is not a job id (see cofferctl jobs list).").arg(args[2]);
        r.jobId = *id;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"daemon") {
        r.kind = cli::Request::Kind::Daemon;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.isEmpty())
        return QStringLiteral("No command given.");
    return QStringLiteral("Unknown command \"%1\".").arg(args.join(u' '));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    app::setApplicationIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Coffer command line: manage connections, sync and list transactions.\n\n") +
        QString::fromLatin1(kCommands));
    app::CommonOptions common;
    common.addTo(parser);
    CliOptions cliOptions;
    parser.addOptions({cliOptions.name, cliOptions.seed, cliOptions.fail, cliOptions.connection, cliOptions.all,
                       cliOptions.limit, cliOptions.deleteData});
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
    auto request = interpret(parser, cliOptions);
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
