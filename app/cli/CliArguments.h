#pragma once

#include "cli/CliCommand.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <initializer_list>
#include <optional>
#include <variant>

namespace coffer::cli {

// cofferctl's commands, as printed by --help.
extern const char* const kCommands;

// The options cofferctl understands besides the common ones (data folder, log level).
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
    QCommandLineOption from{
        QStringLiteral("from"),
        QStringLiteral("First day (YYYY-MM-DD): of history to fetch, or of transactions to export."),
        QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("Last day of transactions to export (YYYY-MM-DD)."),
                          QStringLiteral("DATE")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("Export format: csv, ofx, ledger or beancount."),
                              QStringLiteral("F")};
    QCommandLineOption output{QStringLiteral("output"), QStringLiteral("File to export to (replaced atomically)."),
                              QStringLiteral("FILE")};
    QCommandLineOption account{QStringLiteral("account"),
                               QStringLiteral("Export only this account id; import a file into this account."),
                               QStringLiteral("ID")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               QStringLiteral("Import: the saved CSV column profile to use."), QStringLiteral("NAME")};
    QCommandLineOption currency{
        QStringLiteral("currency"),
        QStringLiteral("Import: the currency of amounts the file gives none for (EUR, USD...)."),
        QStringLiteral("CODE")};
    QCommandLineOption dateOrder{QStringLiteral("date-order"),
                                 QStringLiteral("Import: how the file writes 03/04: day-month or month-day."),
                                 QStringLiteral("ORDER")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"),
                              QStringLiteral("Import: show what importing the file would do, write nothing.")};

    QList<QCommandLineOption> list() const
    {
        return {name, seed,   fail,   connection, all,     limit,    deleteData, from,
                to,   format, output, account,    profile, currency, dateOrder,  dryRun};
    }
};

// Turns the words and options into a Request, or returns the usage error to print.
std::variant<Request, QString> interpret(const QCommandLineParser& parser, const CliOptions& options);

// The usage error for an option set that `command` does not take; empty when all are allowed.
QString optionsNotFor(const QCommandLineParser& parser, const CliOptions& options, const QString& command,
                      std::initializer_list<const QCommandLineOption*> allowed);

// import FILE, imports, undo-import RUN (CliImportArguments.cpp); nullopt for other commands.
std::optional<std::variant<Request, QString>> interpretImportCommands(const QCommandLineParser& parser,
                                                                      const CliOptions& options);

} // namespace coffer::cli
