#include "store/UserSettings.h"

#include "store/SettingsRepository.h"

#include <algorithm>

namespace coffer::store {

const QList<UserSetting>& userSettings()
{
    static const QList<UserSetting> all{
        {QStringLiteral("pending_expiry_days"),
         QStringLiteral("days a pending transaction may go unreported before it expires"), 10, 1, 90},
        {QStringLiteral("full_refetch_days"),
         QStringLiteral("re-fetch each connection's whole history this often, to check what syncs stored (0: never)"),
         7, 0, 365},
        {QStringLiteral("retention_archive_years"),
         QStringLiteral("move transactions older than this many years to an archive file (0: never)"), 0, 0, 100},
        {QStringLiteral("retention_raw_days"),
         QStringLiteral("delete kept provider payloads older than this many days (0: never)"), 180, 0, 36500},
    };
    return all;
}

namespace {
const UserSetting* find(const QString& key)
{
    const auto& all = userSettings();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const UserSetting& s) { return s.key == key; });
    return it == all.cend() ? nullptr : &*it;
}
} // namespace

int userSetting(Database& db, const QString& key)
{
    const UserSetting* known = find(key);
    const int fallback = known ? known->defaultValue : 0;
    const auto stored = SettingsRepository(db).value(key);
    bool ok = false;
    const int value = stored.ok() ? stored.value().toInt(&ok) : 0;
    return ok && known && value >= known->min && value <= known->max ? value : fallback;
}

model::Status setUserSetting(Database& db, const QString& key, const QString& value)
{
    const UserSetting* known = find(key);
    if (!known)
        return model::Error::permanent(QStringLiteral("There is no setting \"%1\".").arg(key.left(64)));
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < known->min || n > known->max)
        return model::Error::permanent(QStringLiteral("%1 takes a whole number from %2 to %3, not \"%4\".")
                                           .arg(key)
                                           .arg(known->min)
                                           .arg(known->max)
                                           .arg(value.left(64)));
    return SettingsRepository(db).setValue(key, QString::number(n));
}

} // namespace coffer::store
