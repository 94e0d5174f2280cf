#include "store/SyncRunRepository.h"

#include "store/Database.h"

#include <QSqlQuery>

namespace coffer::store {

using model::Result;
using model::Status;

Result<qint64> SyncRunRepository::begin(qint64 connectionId, const QString& trigger, const QDateTime& at)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "INSERT INTO sync_runs (connection_id, trigger, started_at, status) VALUES (?, ?, ?, 'running')"));
    q.addBindValue(connectionId);
    q.addBindValue(trigger);
    q.addBindValue(toIsoUtc(at));
    if (auto done = m_db.exec(q, "start a sync run"); !done.ok())
        return done.error();
    return q.lastInsertId().toLongLong();
}

Status SyncRunRepository::addPage(qint64 runId, const model::ChangeCounts& c)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE sync_runs SET pages = pages + 1, added = added + ?, modified = modified + ?, "
                             "removed = removed + ?, matched = matched + ?, invalid = invalid + ?, "
                             "pending_expired = pending_expired + ? WHERE id = ?"));
    q.addBindValue(c.added);
    q.addBindValue(c.modified);
    q.addBindValue(c.removed);
    q.addBindValue(c.matched);
    q.addBindValue(c.invalid);
    q.addBindValue(c.pendingExpired);
    q.addBindValue(runId);
    return m_db.exec(q, "count a sync page");
}

Status SyncRunRepository::addExpired(qint64 runId, int pendingExpired)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE sync_runs SET pending_expired = pending_expired + ? WHERE id = ?"));
    q.addBindValue(pendingExpired);
    q.addBindValue(runId);
    return m_db.exec(q, "count expired pending transactions");
}

Status SyncRunRepository::finish(qint64 runId, const QString& status, const QDateTime& at, const model::Error* error)
{
    QSqlQuery q(m_db.handle());
    q.prepare(
        QStringLiteral("UPDATE sync_runs SET status = ?, finished_at = ?, error_kind = ?, error = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(toIsoUtc(at));
    q.addBindValue(error ? model::errorKindName(error->kind) : QString());
    q.addBindValue(error ? error->userMessage : QString());
    q.addBindValue(runId);
    return m_db.exec(q, "finish a sync run");
}

Status SyncRunRepository::closeAbandoned(const QDateTime& at)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'"));
    q.addBindValue(toIsoUtc(at));
    return m_db.exec(q, "close interrupted sync runs");
}

} // namespace coffer::store
