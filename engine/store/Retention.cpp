#include "store/Retention.h"

#include "store/Database.h"
#include "store/UserSettings.h"

#include <QSqlQuery>

namespace coffer::store {


RetentionPolicy retentionPolicy(Database& db)
{
    RetentionPolicy p;
    p.archiveAfterYears = userSetting(db, QStringLiteral("retention_archive_years"));
    p.rawPayloadDays = userSetting(db, QStringLiteral("retention_raw_days"));
    return p;
}

model::Result<RetentionOutcome> applyRetention(Database& db, const QDateTime& now)
{
    const RetentionPolicy policy = retentionPolicy(db);
    RetentionOutcome outcome;
    if (policy.archiveAfterYears > 0) {
        const QDate cutoff = now.toUTC().date().addYears(-policy.archiveAfterYears);
        auto archived = TransactionArchive(db).archiveBefore(cutoff, now);
        if (!archived.ok())
            return archived.error();
        outcome.archive = archived.value();
    }
    if (policy.rawPayloadDays > 0) {
        QSqlQuery q(db.handle());
        q.prepare(QStringLiteral("DELETE FROM raw_payloads WHERE received_at < ?"));
        q.addBindValue(toIsoUtc(now.addDays(-policy.rawPayloadDays)));
        if (auto s = db.exec(q, "remove old kept payloads"); !s.ok())
            return s.error();
        outcome.rawPayloadsRemoved = q.numRowsAffected();
    }
    return outcome;
}

} // namespace coffer::store
