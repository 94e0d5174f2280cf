#include "cli/CliArguments.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace coffer::cli {

namespace {

std::optional<qint64> positiveId(const QString& text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? std::optional(n) : std::nullopt;
}

std::variant<Request, QString> interpretImport(const QCommandLineParser& parser, const CliOptions& o,
                                               const QString& file)
{
    Request r;
    r.kind = Request::Kind::ImportFile;
    r.path = QFileInfo(file).absoluteFilePath();
    if (parser.isSet(o.account)) {
        const auto id = positiveId(parser.value(o.account));
        if (!id)
            return QStringLiteral("--account needs an account id, not \"%1\".").arg(parser.value(o.account));
        r.accountId = *id;
    }
    r.name = parser.value(o.profile);
    if (parser.isSet(o.currency)) {
        r.currency = parser.value(o.currency).toUpper();
        static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
        if (!code.match(r.currency).hasMatch())
            return QStringLiteral("--currency needs a currency code such as EUR or USD, not \"%1\".")
                .arg(parser.value(o.currency));
    }
    if (parser.isSet(o.dateOrder)) {
        r.dateOrder = parser.value(o.dateOrder).toLower();
        if (r.dateOrder != u"day-month" && r.dateOrder != u"month-day")
            return QStringLiteral("--date-order takes day-month (31/01/2025) or month-day (01/31/2025), not \"%1\".")
                .arg(parser.value(o.dateOrder));
    }
    r.dryRun = parser.isSet(o.dryRun);
    if (auto bad = optionsNotFor(parser, o, QStringLiteral("import"),
                                 {&o.account, &o.profile, &o.currency, &o.dateOrder, &o.dryRun});
        !bad.isEmpty())
        return bad;
    return r;
}

} // namespace

std::optional<std::variant<Request, QString>> interpretImportCommands(const QCommandLineParser& parser,
                                                                      const CliOptions& o)
{
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (command == u"import") {
        if (args.size() != 2)
            return QStringLiteral("import needs one file: cofferctl import FILE.");
        return interpretImport(parser, o, args[1]);
    }
    if (command == u"imports") {
        if (args.size() != 1)
            return QStringLiteral("imports takes no arguments (only --limit N).");
        Request r;
        r.kind = Request::Kind::ListImports;
        const auto limit = positiveId(parser.value(o.limit));
        if (!limit || *limit > 10000)
            return QStringLiteral("--limit needs a number from 1 to 10000, not \"%1\".").arg(parser.value(o.limit));
        r.limit = int(*limit);
        if (auto bad = optionsNotFor(parser, o, command, {&o.limit}); !bad.isEmpty())
            return bad;
        return r;
    }
    if (command == u"undo-import") {
        const auto run = positiveId(args.value(1));
        if (args.size() != 2 || !run)
            return QStringLiteral("undo-import needs the run id of an import (see cofferctl imports).");
        Request r;
        r.kind = Request::Kind::UndoImport;
        r.runId = *run;
        if (auto bad = optionsNotFor(parser, o, command, {}); !bad.isEmpty())
            return bad;
        return r;
    }
    return std::nullopt;
}

} // namespace coffer::cli
