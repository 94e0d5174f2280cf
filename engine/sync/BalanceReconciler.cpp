#include "sync/BalanceReconciler.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::sync {

using model::Error;
using model::Result;

Result<Reconciliation> BalanceReconciler::reconcile(qint64 accountId, const model::Money& reported, qint64 runId,
                                                    const QDateTime& at, bool driftMayChange)
{
    Reconciliation r;
    r.accountId = accountId;
    r.reported = reported;

    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(amount_minor), 0) FROM transactions WHERE account_id = ? "
                             "AND status = 'posted' AND matched_to IS NULL AND currency = ?"));
    q.addBindValue(accountId);
    q.addBindValue(reported.currency());
    if (!q.exec() || !q.next())
        return Error::storage(QStringLiteral("The database could not add up an account: %1").arg(q.lastError().text()));
    r.implied = model::Money(q.value(0).toLongLong(), reported.currency());
    r.driftMinor = reported.minorUnits() - r.implied.minorUnits();

    q.prepare(QStringLiteral("SELECT drift_minor FROM reconciliations WHERE account_id = ? AND currency = ? "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(accountId);
    q.addBindValue(reported.currency());
    if (!q.exec())
        return Error::storage(QStringLiteral("The database could not read the last balance check: %1")
                                  .arg(q.lastError().text()));
    if (q.next())
        r.previousDrift = q.value(0).toLongLong();
    r.flagged = !driftMayChange && r.previousDrift && *r.previousDrift != r.driftMinor;

    q.prepare(QStringLiteral("INSERT INTO reconciliations (account_id, sync_run_id, reported_minor, implied_minor, "
                             "drift_minor, currency, flagged, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(runId > 0 ? QVariant(runId) : QVariant());
    q.addBindValue(reported.minorUnits());
    q.addBindValue(r.implied.minorUnits());
    q.addBindValue(r.driftMinor);
    q.addBindValue(reported.currency());
    q.addBindValue(r.flagged ? 1 : 0);
    q.addBindValue(store::toIsoUtc(at));
    if (auto s = m_db.exec(q, "record a balance check"); !s.ok())
        return s.error();
    return r;
}

} // namespace coffer::sync
