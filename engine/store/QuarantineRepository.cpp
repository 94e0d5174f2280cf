#include "store/QuarantineRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

model::Result<qint64> QuarantineRepository::keep(qint64 connectionId, qint64 syncRunId, const QString& reason,
                                                 const QByteArray& payload, const QDateTime& receivedAt)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO raw_payloads (connection_id, sync_run_id, reason, payload, received_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(connectionId == 0 ? QVariant() : QVariant(connectionId));
    q.addBindValue(syncRunId == 0 ? QVariant() : QVariant(syncRunId));
    q.addBindValue(reason);
    q.addBindValue(payload);
    q.addBindValue(toIsoUtc(receivedAt));
    if (auto done = m_db.exec(q, "keep an unusable payload"); !done.ok())
        return done.error();
    return q.lastInsertId().toLongLong();
}

model::Result<qint64> QuarantineRepository::count(qint64 connectionId) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM raw_payloads WHERE connection_id = ?"));
    q.addBindValue(connectionId);
    if (!q.exec() || !q.next())
        return model::Error::storage(QStringLiteral("The database could not count kept payloads: %1").arg(q.lastError().text()));
    return q.value(0).toLongLong();
}

} // namespace coffer::store
