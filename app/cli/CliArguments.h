#pragma once

#include "cli/CliCommand.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

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
    QCommandLineOption account{QStringLiteral("account"), QStringLiteral("Export only this account id."),
                               QStringLiteral("ID")};

    QList<QCommandLineOption> list() const
    {
        return {name, seed, fail, connection, all, limit, deleteData, from, to, format, output, account};
    }
};

// Turns the words and options into a Request, or returns the usage error to print.
std::variant<Request, QString> interpret(const QCommandLineParser& parser, const CliOptions& options);

} // namespace coffer::cli
