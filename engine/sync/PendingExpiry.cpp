#include "sync/PendingExpiry.h"

#include "store/Database.h"
#include "store/UserSettings.h"
#include "store/TransactionRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::sync {

int pendingExpiryDays(store::Database& db)
{
    return store::userSetting(db, QStringLiteral("pending_expiry_days"));
}

model::Result<int> expirePending(store::Database& db, const QString& source, const QDate& today, int days,
                                 qint64 runId)
{
    QSqlQuery q(db.handle());
    q.prepare(QStringLiteral("SELECT id FROM transactions WHERE status = 'pending' AND matched_to IS NULL "
                             "AND last_seen_on < ? AND (? = '' OR source = ?)"));
    q.addBindValue(today.addDays(-days).toString(Qt::ISODate));
    q.addBindValue(source);
    q.addBindValue(source);
    if (!q.exec())
        return model::Error::storage(
            QStringLiteral("The database could not look for stale pending transactions: %1").arg(q.lastError().text()));
    QList<qint64> stale;
    while (q.next())
        stale.append(q.value(0).toLongLong());
    q.finish();
    if (stale.isEmpty())
        return 0; // the usual case after a sync: no statements to prepare

    const QString why = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("reason"),
                                   QStringLiteral("pending expired: not reported for more than %1 days").arg(days)}})
            .toJson(QJsonDocument::Compact));
    store::TransactionRepository transactions(db);
    for (const qint64 id : stale) {
        if (auto s = transactions.setStatus(id, model::TransactionStatus::Removed, runId); !s.ok())
            return s.error();
        if (auto s = transactions.addEvent(id, runId, store::EventKind::Removed, why); !s.ok())
            return s.error();
    }
    return int(stale.size());
}

} // namespace coffer::sync
