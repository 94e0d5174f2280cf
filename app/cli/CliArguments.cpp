#include "cli/CliArguments.h"

#include <algorithm>
#include <optional>

namespace coffer::cli {

const char* const kCommands = R"(Commands:
  connections add demo [--name N] [--seed S]   add a demo bank connection
  connections list                             list connections and their state
  connections schedule ID SPEC                 "every 4h", "every 30m", "daily 06:30 [Zone/City]", "cron M H DOM MON DOW"
  connections pause|resume ID                  stop or restart scheduled syncs of a connection
  connections remove ID [--delete-data]        remove a connection (keeps its transactions unless --delete-data)
  sync [--connection ID | --all]               sync now; prints added/modified/removed per connection
  transactions list [--limit N]                newest transactions first
  transactions show ID                         every field, the raw record, the audit trail and any match
  transactions undo-match ID                   split a matched transaction; the pair is never matched again
  backfill --connection ID --from YYYY-MM-DD   fetch older history, newest first (resumable)
  export --format csv|ofx|ledger|beancount --output FILE [--account ID] [--from DATE] [--to DATE]
                                               write the transactions to a file for a spreadsheet or accounting tool
  import FILE [--account ID] [--profile NAME] [--currency CODE] [--date-order day-month|month-day] [--dry-run]
                                               import a bank file (OFX/QFX, QIF, CSV, CAMT.053, MT940) as one run;
                                               prints added, matched, skipped and invalid records
  imports [--limit N]                          past imports: run, file, when, counts, undone
  undo-import RUN                              take back everything an import added or changed
  archive run                                  apply the retention policy now (see settings)
  archive restore FILE                         bring an archive's transactions back
  settings [set KEY VALUE]                     show the settings, or change one
  status                                       database, connections, last sync and errors
  jobs list [--limit N]                        recent jobs with their state and last error
  jobs show|retry|cancel ID                    one job's error history; run a failed job again; cancel one
  queue pause|resume|stats                     hold or release the sync queue; its counts
  daemon                                       keep every connection synced on its schedule until stopped)";

namespace {

std::optional<qint64> positiveNumber(const QString& text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? std::optional(n) : std::nullopt;
}

std::variant<Request, QString> interpretExport(const QCommandLineParser& parser, const CliOptions& o, Request r,
                                               const QString& misplaced)
{
    if (!misplaced.isEmpty())
        return misplaced;
    r.kind = Request::Kind::Export;
    r.format = parser.value(o.format).toLower();
    if (r.format != u"csv" && r.format != u"ofx" && r.format != u"ledger" && r.format != u"beancount")
        return parser.isSet(o.format) ? QStringLiteral("--format takes csv, ofx, ledger or beancount, not \"%1\".")
                                            .arg(parser.value(o.format))
                                      : QStringLiteral("export needs --format csv, ofx, ledger or beancount.");
    r.path = parser.value(o.output);
    if (r.path.isEmpty())
        return QStringLiteral("export needs --output FILE.");
    if (parser.isSet(o.account)) {
        const auto id = positiveNumber(parser.value(o.account));
        if (!id)
            return QStringLiteral("--account needs an account id, not \"%1\".").arg(parser.value(o.account));
        r.accountId = *id;
    }
    for (auto [option, date] : {std::pair{&o.from, &r.from}, std::pair{&o.to, &r.to}}) {
        if (!parser.isSet(*option))
            continue;
        *date = QDate::fromString(parser.value(*option), Qt::ISODate);
        if (!date->isValid())
            return QStringLiteral("--%1 needs a date such as 2025-01-31, not \"%2\".")
                .arg(option->names().constFirst(), parser.value(*option));
    }
    if (r.from.isValid() && r.to.isValid() && r.from > r.to)
        return QStringLiteral("--from must not be after --to.");
    return r;
}

} // namespace

QString optionsNotFor(const QCommandLineParser& parser, const CliOptions& o, const QString& command,
                      std::initializer_list<const QCommandLineOption*> allowed)
{
    for (const QCommandLineOption& opt : o.list()) {
        const bool isAllowed = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const QCommandLineOption* a) { return a->names() == opt.names(); });
        if (parser.isSet(opt) && !isAllowed)
            return QStringLiteral("--%1 does not apply to \"%2\".").arg(opt.names().constLast(), command);
    }
    return {};
}

std::variant<Request, QString> interpret(const QCommandLineParser& parser, const CliOptions& o)
{
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0) + u' ' + args.value(1);
    Request r;
    auto allowOnly = [&](std::initializer_list<const QCommandLineOption*> allowed) {
        return optionsNotFor(parser, o, command.trimmed(), allowed);
    };
    if (auto imports = interpretImportCommands(parser, o))
        return *imports;
    if (args.size() == 3 && command == u"connections add") {
        r.kind = Request::Kind::AddConnection;
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
        r.kind = Request::Kind::ListConnections;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 3 && command == u"connections remove") {
        r.kind = Request::Kind::RemoveConnection;
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
        r.kind = Request::Kind::Sync;
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
        r.kind = Request::Kind::ListTransactions;
        const auto limit = positiveNumber(parser.value(o.limit));
        if (!limit || *limit > 1000000)
            return QStringLiteral("--limit needs a number from 1 to 1000000, not \"%1\".").arg(parser.value(o.limit));
        r.limit = int(*limit);
        if (auto bad = allowOnly({&o.limit}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 3 && (command == u"transactions show" || command == u"transactions undo-match")) {
        r.kind = args[1] == u"show" ? Request::Kind::ShowTransaction : Request::Kind::UndoMatch;
        const auto id = positiveNumber(args[2]);
        if (!id)
            return QStringLiteral("\"%1\" is not a transaction id (see cofferctl transactions list).").arg(args[2]);
        r.transactionId = *id;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"backfill") {
        r.kind = Request::Kind::Backfill;
        const auto id = positiveNumber(parser.value(o.connection));
        if (!id)
            return QStringLiteral("backfill needs --connection ID.");
        r.connectionId = *id;
        r.from = QDate::fromString(parser.value(o.from), Qt::ISODate);
        if (!r.from.isValid())
            return QStringLiteral("backfill needs --from with a date such as 2025-01-31, not \"%1\".")
                .arg(parser.value(o.from));
        if (auto bad = allowOnly({&o.connection, &o.from}); !bad.isEmpty())
            return bad;
        return r;
    }
    if ((args.size() == 2 && command == u"archive run") || (args.size() == 3 && command == u"archive restore")) {
        r.kind = args[1] == u"run" ? Request::Kind::ArchiveRun : Request::Kind::ArchiveRestore;
        r.path = args.value(2);
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.value(0) == u"settings" && (args.size() == 1 || (args.size() == 4 && args[1] == u"set"))) {
        r.kind = args.size() == 1 ? Request::Kind::ShowSettings : Request::Kind::SetSetting;
        r.key = args.value(2);
        r.value = args.value(3);
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"status") {
        r.kind = Request::Kind::Status;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() >= 4 && command == u"connections schedule") {
        r.kind = Request::Kind::SetSchedule;
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
        r.kind = args[1] == u"pause" ? Request::Kind::PauseConnection : Request::Kind::ResumeConnection;
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
            r.kind = Request::Kind::QueuePause;
        else if (args[1] == u"resume")
            r.kind = Request::Kind::QueueResume;
        else if (args[1] == u"stats")
            r.kind = Request::Kind::QueueStats;
        else
            return QStringLiteral("Unknown queue command \"%1\": use pause, resume or stats.").arg(args[1]);
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 2 && command == u"jobs list") {
        r.kind = Request::Kind::JobsList;
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
            r.kind = Request::Kind::JobShow;
        else if (args[1] == u"retry")
            r.kind = Request::Kind::JobRetry;
        else if (args[1] == u"cancel")
            r.kind = Request::Kind::JobCancel;
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
        r.kind = Request::Kind::Daemon;
        if (auto bad = allowOnly({}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (args.size() == 1 && args[0] == u"export")
        return interpretExport(parser, o, r, allowOnly({&o.format, &o.output, &o.account, &o.from, &o.to}));
    if (args.isEmpty())
        return QStringLiteral("No command given.");
    return QStringLiteral("Unknown command \"%1\".").arg(args.join(u' '));
}

} // namespace coffer::cli
