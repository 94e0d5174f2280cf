#include "cli/CliPrinter.h"

#include <QDir>
#include <QJsonObject>
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
    QString out = pad(QStringLiteral("ID"), 8) + pad(QStringLiteral("DATE"), 12) + pad(QStringLiteral("ACCOUNT"), 22) +
                  QStringLiteral("AMOUNT").rightJustified(14) + QStringLiteral("     ") +
                  pad(QStringLiteral("STATUS"), 9) + QStringLiteral("DESCRIPTION");
    for (const auto& r : rows) {
        const auto& t = r.transaction;
        out += u'\n' + pad(QString::number(t.id), 8) + pad(t.bookedOn.toString(Qt::ISODate), 12) + pad(r.accountName, 22) +
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
    QString line = QStringLiteral("%1: %2 added, %3 modified, %4 removed")
                       .arg(who)
                       .arg(s.changes.added)
                       .arg(s.changes.modified)
                       .arg(s.changes.removed);
    if (s.changes.matched > 0)
        line += QStringLiteral(", %1 duplicates caught").arg(s.changes.matched);
    if (s.changes.pendingExpired > 0)
        line += QStringLiteral(", %1 pending expired").arg(s.changes.pendingExpired);
    if (s.changes.invalid > 0)
        line += QStringLiteral(", %1 invalid records quarantined").arg(s.changes.invalid);
    for (const QString& w : s.warnings)
        line += QStringLiteral("\n  warning: ") + w;
    return line;
}

QString transactionReport(const store::TransactionDetail& d)
{
    const model::Transaction& t = d.row.transaction;
    const QLocale c = QLocale::c();
    QString out = QStringLiteral("Transaction #%1 (%2)\n").arg(t.id).arg(model::transactionStatusName(t.status));
    const auto field = [&out](const char* name, const QString& value) {
        if (!value.isEmpty())
            out += pad(QString::fromLatin1(name), 16) + value + u'\n';
    };
    field("account", d.row.accountName);
    field("connection", d.row.connectionName);
    field("source", t.source);
    field("provider id", t.providerId);
    field("booked", t.bookedOn.toString(Qt::ISODate));
    field("authorized", t.authorizedOn ? t.authorizedOn->toString(Qt::ISODate) : QString());
    field("amount", t.amount.format(c) + u' ' + t.amount.currency());
    field("original", t.originalAmount ? t.originalAmount->format(c) + u' ' + t.originalAmount->currency() : QString());
    field("description", t.description);
    field("as delivered", t.descriptionRaw);
    field("counterparty", t.counterparty);
    field("category", t.category);
    field("check number", t.checkNumber);
    field("reference", t.reference);
    if (t.matchedTo != 0)
        out += QStringLiteral("matched into #%1 (score %2): %3\n  undo with: cofferctl transactions undo-match %4\n")
                   .arg(t.matchedTo)
                   .arg(t.matchScore, 0, 'f', 2)
                   .arg(t.matchReason)
                   .arg(t.id);
    for (const model::Transaction& f : d.folded)
        out += QStringLiteral("absorbed #%1 from %2 (score %3): %4\n  undo with: cofferctl transactions undo-match %1\n")
                   .arg(f.id)
                   .arg(f.source)
                   .arg(f.matchScore, 0, 'f', 2)
                   .arg(f.matchReason);
    out += QStringLiteral("audit trail:\n");
    for (const store::TransactionEvent& e : d.events)
        out += QStringLiteral("  %1  %2%3%4\n")
                   .arg(when(e.at), pad(e.kind, 10))
                   .arg(e.syncRunId > 0 ? QStringLiteral("run %1 ").arg(e.syncRunId) : QString())
                   .arg(e.changes);
    out += QStringLiteral("raw record: ") + (d.raw.isEmpty() ? QStringLiteral("(none)") : d.raw);
    return out;
}

namespace {
QString msTime(qint64 ms)
{
    return ms == 0 ? QStringLiteral("-")
                   : QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
} // namespace

QString queueStatsReport(const jobs::QueueStats& s)
{
    return QStringLiteral("Queue: %1\nwaiting %2, active %3, delayed %4, completed %5, failed %6")
        .arg(s.paused ? QStringLiteral("paused") : QStringLiteral("running"))
        .arg(s.waiting)
        .arg(s.active)
        .arg(s.delayed)
        .arg(s.completed)
        .arg(s.failed);
}

QString jobsTable(const QList<jobs::Job>& list)
{
    if (list.isEmpty())
        return QStringLiteral("No jobs yet.");
    QString out = pad(QStringLiteral("ID"), 7) + pad(QStringLiteral("KIND"), 17) + pad(QStringLiteral("CONN"), 6) +
                  pad(QStringLiteral("PRIORITY"), 10) + pad(QStringLiteral("STATE"), 11) + pad(QStringLiteral("TRIES"), 7) +
                  pad(QStringLiteral("RUN AT"), 21) + QStringLiteral("LAST ERROR");
    for (const jobs::Job& j : list) {
        out += u'\n' + pad(QString::number(j.id), 7) + pad(jobs::jobKindName(j.kind), 17) +
               pad(j.connectionId ? QString::number(j.connectionId) : QStringLiteral("-"), 6) +
               pad(jobs::priorityName(j.priority), 10) + pad(jobs::jobStateName(j.state), 11) +
               pad(QStringLiteral("%1/%2").arg(j.attempts).arg(j.maxAttempts), 7) + pad(msTime(j.runAtMs), 21) +
               j.lastError;
    }
    return out;
}

QString jobReport(const jobs::Job& j)
{
    QString out = QStringLiteral("Job %1: %2 of connection %3\nstate %4, priority %5, attempts %6 of %7\n"
                                 "created %8, run at %9, finished %10")
                      .arg(j.id)
                      .arg(jobs::jobKindName(j.kind))
                      .arg(j.connectionId)
                      .arg(jobs::jobStateName(j.state), jobs::priorityName(j.priority))
                      .arg(j.attempts)
                      .arg(j.maxAttempts)
                      .arg(msTime(j.createdAtMs), msTime(j.runAtMs), msTime(j.finishedAtMs));
    if (!j.errors.isEmpty())
        out += QStringLiteral("\nError history:");
    for (const QJsonValue& e : j.errors) {
        const QJsonObject o = e.toObject();
        out += QStringLiteral("\n  %1  attempt %2  %3  %4")
                   .arg(msTime(qint64(o.value(QStringLiteral("at")).toDouble())))
                   .arg(o.value(QStringLiteral("attempt")).toInt())
                   .arg(o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("message")).toString());
    }
    return out;
}

QString healthReport(const jobs::HealthReport& r)
{
    QString out = queueStatsReport(r.queue);
    for (const jobs::ConnectionHealth& c : r.connections) {
        const QString age = c.ageSeconds < 0 ? QStringLiteral("never synced")
                                             : QStringLiteral("data %1 min old").arg(c.ageSeconds / 60);
        const QString duration =
            c.lastDurationMs < 0 ? QStringLiteral("-") : QStringLiteral("%1 s").arg(double(c.lastDurationMs) / 1000.0, 0, 'f', 1);
        out += QStringLiteral("\n  #%1 %2: %3%4; %5 of %6 syncs in 30 days succeeded; the last took %7")
                   .arg(c.connectionId)
                   .arg(c.name, age, c.stale ? QStringLiteral(" (stale)") : QString())
                   .arg(c.succeeded)
                   .arg(c.runs)
                   .arg(duration);
        out += QStringLiteral("\n      data quality: %1 duplicates caught, %2 pending expired, %3 invalid records "
                              "quarantined, %4 account(s) with a balance drift")
                   .arg(c.duplicatesCaught)
                   .arg(c.pendingExpired)
                   .arg(c.invalidRecords)
                   .arg(c.accountsDrifting);
    }
    for (const QString& w : r.warnings)
        out += QStringLiteral("\nWarning: ") + w;
    return out;
}

QString exportLine(const exporting::ExportSummary& s, const QString& formatName)
{
    QString out = QStringLiteral("Exported %1 transaction%2 from %3 account%4 to %5 (%6).")
                      .arg(s.transactions)
                      .arg(s.transactions == 1 ? QString() : QStringLiteral("s"))
                      .arg(s.accounts)
                      .arg(s.accounts == 1 ? QString() : QStringLiteral("s"))
                      .arg(QDir::toNativeSeparators(s.path), formatName);
    if (s.pendingLeftOut > 0)
        out += QStringLiteral("\n%1 pending transaction%2 left out: OFX statements carry posted transactions only.")
                   .arg(s.pendingLeftOut)
                   .arg(s.pendingLeftOut == 1 ? QStringLiteral(" was") : QStringLiteral("s were"));
    return out;
}

} // namespace coffer::cli
