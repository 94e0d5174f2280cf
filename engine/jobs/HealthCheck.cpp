#include "jobs/HealthCheck.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::jobs {

model::Result<HealthReport> checkHealth(store::Database& db, const QueueStats& queue, const QList<qint64>& activeSinceMs,
                                        qint64 nowMs, const HealthThresholds& t)
{
    HealthReport report;
    report.queue = queue;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    QSqlQuery q(db.handle());
    q.prepare(QStringLiteral(R"(
        SELECT c.id, c.name, c.last_success_at,
               (SELECT COUNT(*) FROM sync_runs r WHERE r.connection_id = c.id AND r.started_at > ?
                    AND r.status IN ('succeeded', 'failed')),
               (SELECT COUNT(*) FROM sync_runs r WHERE r.connection_id = c.id AND r.started_at > ?
                    AND r.status = 'succeeded'),
               (SELECT r.started_at || '|' || r.finished_at FROM sync_runs r
                    WHERE r.connection_id = c.id AND r.finished_at IS NOT NULL ORDER BY r.id DESC LIMIT 1),
               (SELECT COALESCE(SUM(matched), 0) || '|' || COALESCE(SUM(pending_expired), 0) || '|' ||
                       COALESCE(SUM(invalid), 0) FROM sync_runs r WHERE r.connection_id = c.id),
               (SELECT COUNT(*) FROM accounts a WHERE a.connection_id = c.id AND (SELECT flagged FROM reconciliations x
                    WHERE x.account_id = a.id ORDER BY x.id DESC LIMIT 1) = 1)
        FROM connections c WHERE c.paused = 0 ORDER BY c.id)"));
    const QString since = store::toIsoUtc(now.addDays(-30));
    q.addBindValue(since);
    q.addBindValue(since);
    if (!q.exec())
        return model::Error::storage(QStringLiteral("The database could not read the sync history: %1").arg(q.lastError().text()));
    while (q.next()) {
        ConnectionHealth h;
        h.connectionId = q.value(0).toLongLong();
        h.name = q.value(1).toString();
        const QDateTime lastSuccess = store::fromIsoUtc(q.value(2).toString());
        h.runs = q.value(3).toInt();
        h.succeeded = q.value(4).toInt();
        const QStringList lastRun = q.value(5).toString().split(u'|');
        if (lastRun.size() == 2) {
            h.lastDurationMs = store::fromIsoUtc(lastRun[0]).msecsTo(store::fromIsoUtc(lastRun[1]));
        }
        const QStringList quality = q.value(6).toString().split(u'|');
        if (quality.size() == 3) {
            h.duplicatesCaught = quality[0].toLongLong();
            h.pendingExpired = quality[1].toLongLong();
            h.invalidRecords = quality[2].toLongLong();
        }
        h.accountsDrifting = q.value(7).toInt();
        if (h.accountsDrifting > 0)
            report.warnings << QStringLiteral("%1: the balance of %2 account(s) no longer matches its transactions.")
                                   .arg(h.name)
                                   .arg(h.accountsDrifting);
        h.ageSeconds = lastSuccess.isValid() ? lastSuccess.secsTo(now) : -1;
        h.stale = h.ageSeconds < 0 || h.ageSeconds >= t.staleAfterSeconds;
        if (h.runs >= 3 && h.successPercent() < 100 - t.failurePercent)
            report.warnings << QStringLiteral("%1 failed %2 of its last %3 syncs.").arg(h.name).arg(h.runs - h.succeeded).arg(h.runs);
        report.connections.append(h);
    }
    if (queue.waiting > t.manyWaiting)
        report.warnings << QStringLiteral("%1 syncs are waiting in the queue.").arg(queue.waiting);
    for (const qint64 startedMs : activeSinceMs) {
        if (nowMs - startedMs > t.stalledAfterMs) {
            report.warnings << QStringLiteral("A sync has been running for more than %1 minutes.").arg(t.stalledAfterMs / 60000);
            break;
        }
    }
    if (queue.paused)
        report.warnings << QStringLiteral("The sync queue is paused.");
    return report;
}

} // namespace coffer::jobs
