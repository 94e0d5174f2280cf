#include "cli/CliPrinter.h"

#include <QLocale>
#include <QTextStream>

#include <cstdio>

namespace coffer::cli {

namespace {

QString when(const QDateTime& t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("never");
}

QString pad(const QString& s, int width)
{
    return s.leftJustified(width, u' ', true);
}

} // namespace

void printLine(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

void printError(const QString& line)
{
    QTextStream(stderr) << QStringLiteral("cofferctl: ") << line << Qt::endl;
}

QString connectionsTable(const QList<model::ConnectionStatus>& connections)
{
    if (connections.isEmpty())
        return QStringLiteral("No connections yet. Add one with: cofferctl connections add demo");
    QString out = pad(QStringLiteral("ID"), 5) + pad(QStringLiteral("NAME"), 24) + pad(QStringLiteral("PROVIDER"), 10) +
                  pad(QStringLiteral("STATE"), 28) + pad(QStringLiteral("ACCOUNTS"), 10) +
                  pad(QStringLiteral("TRANSACTIONS"), 14) + QStringLiteral("LAST SUCCESS");
    for (const auto& c : connections) {
        out += u'\n' + pad(QString::number(c.connectionId), 5) + pad(c.name, 24) + pad(c.provider, 10) +
               pad(model::connectionStateName(c.state), 28) + pad(QString::number(c.accountCount), 10) +
               pad(QString::number(c.transactionCount), 14) + when(c.lastSuccessAt);
    }
    return out;
}

QString statusReport(const QList<model::ConnectionStatus>& connections, const QString& databasePath,
                     qint64 transactions)
{
    QString out = QStringLiteral("Database: %1\nConnections: %2\nTransactions: %3")
                      .arg(databasePath)
                      .arg(connections.size())
                      .arg(transactions);
    for (const auto& c : connections) {
        out += QStringLiteral("\n  #%1 %2: %3, last success %4")
                   .arg(c.connectionId)
                   .arg(c.name, model::connectionStateName(c.state), when(c.lastSuccessAt));
        if (!c.lastError.isEmpty())
            out += QStringLiteral("\n      last error: ") + c.lastError;
    }
    return out;
}

QString transactionsTable(const QList<store::TransactionRow>& rows)
{
    if (rows.isEmpty())
        return QStringLiteral("No transactions yet. Run: cofferctl sync --all");
    const QLocale c = QLocale::c();
    QString out = pad(QStringLiteral("DATE"), 12) + pad(QStringLiteral("ACCOUNT"), 22) +
                  QStringLiteral("AMOUNT").rightJustified(14) + QStringLiteral("     ") +
                  pad(QStringLiteral("STATUS"), 9) + QStringLiteral("DESCRIPTION");
    for (const auto& r : rows) {
        const auto& t = r.transaction;
        out += u'\n' + pad(t.bookedOn.toString(Qt::ISODate), 12) + pad(r.accountName, 22) +
               t.amount.format(c).rightJustified(14) + u' ' + t.amount.currency() + u' ' +
               pad(model::transactionStatusName(t.status), 9) + t.description;
    }
    return out;
}

QString syncLine(const model::SyncSummary& s)
{
    const QString who = QStringLiteral("%1 (#%2)").arg(s.connectionName).arg(s.connectionId);
    if (!s.succeeded)
        return QStringLiteral("%1: failed: %2")
            .arg(who, s.error ? s.error->userMessage : QStringLiteral("unknown error"));
    return QStringLiteral("%1: %2 added, %3 modified, %4 removed")
        .arg(who)
        .arg(s.changes.added)
        .arg(s.changes.modified)
        .arg(s.changes.removed);
}

} // namespace coffer::cli
