#include "store/RunHistoryReader.h"

#include "store/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace coffer::store {

using model::Error;
using model::Result;

namespace {

// Runs whose start falls in the range's local days, compared as the stored ISO UTC text (it sorts
// like the instants it names).
QString runsInRange(const HistoryRange& range)
{
    QString where = QStringLiteral(" WHERE started_at >= ? AND started_at < ? AND status IN ('succeeded', 'failed')");
    if (range.connectionId != 0)
        where += QStringLiteral(" AND connection_id = ?");
    return where;
}

void bindRunRange(QSqlQuery& q, const HistoryRange& range)
{
    q.addBindValue(toIsoUtc(range.from.startOfDay()));
    q.addBindValue(toIsoUtc(range.to.addDays(1).startOfDay()));
    if (range.connectionId != 0)
        q.addBindValue(range.connectionId);
}

Error readError(const QSqlQuery& q, const char* what)
{
    return Error::storage(
        QStringLiteral("The database could not read %1: %2").arg(QString::fromLatin1(what), q.lastError().text()));
}

} // namespace

RunHistoryReader::RunHistoryReader(std::unique_ptr<ReadOnlyConnection> connection)
    : m_connection(std::move(connection))
{
}

RunHistoryReader::~RunHistoryReader() = default;

Result<std::shared_ptr<RunHistoryReader>> RunHistoryReader::open(const QString& databasePath)
{
    auto connection = ReadOnlyConnection::open(databasePath);
    if (!connection)
        return connection.error();
    return std::shared_ptr<RunHistoryReader>(new RunHistoryReader(std::move(connection).value()));
}

Result<QList<RunDuration>> RunHistoryReader::durations(const HistoryRange& range, int limit) const
{
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, COALESCE(connection_id, 0), started_at, "
                             "CAST(ROUND((julianday(finished_at) - julianday(started_at)) * 86400000.0) AS INTEGER), "
                             "status = 'succeeded' FROM sync_runs") +
              runsInRange(range) +
              QStringLiteral(" AND finished_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT ?"));
    bindRunRange(q, range);
    q.addBindValue(limit);
    if (!q.exec())
        return readError(q, "the sync durations");
    QList<RunDuration> runs;
    while (q.next()) {
        RunDuration run;
        run.runId = q.value(0).toLongLong();
        run.connectionId = q.value(1).toLongLong();
        run.startedAt = fromIsoUtc(q.value(2).toString());
        run.durationMs = qMax<qint64>(0, q.value(3).toLongLong());
        run.succeeded = q.value(4).toBool();
        runs.append(run);
    }
    std::reverse(runs.begin(), runs.end());
    return runs;
}

Result<QList<DailyRuns>> RunHistoryReader::runsPerDay(const HistoryRange& range) const
{
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT date(started_at, 'localtime') AS day, SUM(status = 'succeeded'), "
                             "SUM(status = 'failed') FROM sync_runs") +
              runsInRange(range) + QStringLiteral(" GROUP BY day ORDER BY day"));
    bindRunRange(q, range);
    if (!q.exec())
        return readError(q, "the sync history");
    QList<DailyRuns> days;
    while (q.next()) {
        DailyRuns day;
        day.day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        day.succeeded = q.value(1).toInt();
        day.failed = q.value(2).toInt();
        days.append(day);
    }
    return days;
}

Result<QList<DailyCount>> RunHistoryReader::transactionsPerDay(const HistoryRange& range) const
{
    QString sql = QStringLiteral("SELECT booked_on, COUNT(*) FROM transactions WHERE booked_on BETWEEN ? AND ? "
                                 "AND status != 'removed' AND matched_to IS NULL");
    if (range.connectionId != 0)
        sql += QStringLiteral(" AND account_id IN (SELECT id FROM accounts WHERE connection_id = ?)");
    sql += QStringLiteral(" GROUP BY booked_on ORDER BY booked_on");
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(range.from.toString(Qt::ISODate));
    q.addBindValue(range.to.toString(Qt::ISODate));
    if (range.connectionId != 0)
        q.addBindValue(range.connectionId);
    if (!q.exec())
        return readError(q, "transactions per day");
    QList<DailyCount> days;
    while (q.next())
        days.append(DailyCount{QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toLongLong()});
    return days;
}

} // namespace coffer::store
