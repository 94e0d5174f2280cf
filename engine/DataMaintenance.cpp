#include "DataMaintenance.h"

#include "log/Log.h"
#include "schedule/Clock.h"
#include "store/Database.h"
#include "store/Retention.h"
#include "store/TransactionArchive.h"
#include "store/TransactionRepository.h"
#include "store/UserSettings.h"
#include "sync/TransactionMatcher.h"

namespace coffer {

using model::Result;

Result<QString> DataMaintenance::undoMatch(qint64 transactionId)
{
    store::TransactionRepository transactions(m_db);
    sync::TransactionMatcher matcher(transactions);
    int split = 0;
    const auto done = m_db.inTransaction([&]() -> model::Status {
        const auto n = matcher.undo(transactionId, 0);
        if (!n.ok())
            return n.error();
        split = n.value();
        return model::Ok{};
    });
    if (!done.ok())
        return done.error();
    if (split == 0)
        return model::Error::permanent(QStringLiteral("Transaction %1 is not matched with another one.").arg(transactionId));
    return QStringLiteral("Transaction %1 was split from its match; the two will not be matched again.").arg(transactionId);
}

Result<QString> DataMaintenance::applyRetention()
{
    const auto outcome = store::applyRetention(m_db, m_clock.now());
    if (!outcome.ok())
        return outcome.error();
    QString message = outcome->archive.transactions > 0
                          ? QStringLiteral("Archived %1 transactions to %2.")
                                .arg(outcome->archive.transactions)
                                .arg(outcome->archive.file)
                          : QStringLiteral("No transaction is old enough to archive.");
    if (outcome->rawPayloadsRemoved > 0)
        message += QStringLiteral(" Removed %1 old kept payloads.").arg(outcome->rawPayloadsRemoved);
    return message;
}

Result<QString> DataMaintenance::restoreArchive(const QString& file)
{
    const auto outcome = store::TransactionArchive(m_db).restore(file);
    if (!outcome.ok())
        return outcome.error();
    QString message = QStringLiteral("Restored %1 transactions from %2.").arg(outcome->restored).arg(file);
    if (outcome->alreadyThere > 0)
        message += QStringLiteral(" %1 were already stored.").arg(outcome->alreadyThere);
    if (outcome->accountGone > 0)
        message += QStringLiteral(" %1 belong to accounts that were deleted and were left out.").arg(outcome->accountGone);
    return message;
}

Result<QString> DataMaintenance::setSetting(const QString& key, const QString& value)
{
    if (auto s = store::setUserSetting(m_db, key, value); !s.ok())
        return s.error();
    const QString now = store::userSettingText(m_db, key);
    if (key == store::settingKey::kLogLevel)
        log::setLevel(now); // this process at once; the others when they next start
    return QStringLiteral("%1 is now %2.").arg(key, now);
}

QString DataMaintenance::describeSettings()
{
    QStringList lines;
    for (const store::UserSetting& s : store::userSettings())
        lines << QStringLiteral("%1 = %2   (%3; default %4)")
                     .arg(s.key)
                     .arg(store::userSettingText(m_db, s.key), s.meaning, s.defaultShown());
    return lines.join(u'\n');
}

} // namespace coffer
