#include "store/UserSettings.h"

#include "log/Log.h"
#include "providers/http/ProviderHttp.h"
#include "schedule/Schedule.h"
#include "store/SettingsRepository.h"

#include <QUrl>

#include <algorithm>

namespace coffer::store {

namespace {

UserSetting number(const QString& key, const QString& meaning, int defaultValue, int min, int max)
{
    return UserSetting{key, meaning, defaultValue, min, max, {}, {}};
}

UserSetting text(const QString& key, const QString& meaning, const QString& defaultText,
                 std::function<model::Result<QString>(const QString&)> check)
{
    return UserSetting{key, meaning, 0, 0, 0, defaultText, std::move(check)};
}

model::Result<QString> checkSchedule(const QString& value)
{
    const auto parsed = schedule::Schedule::parse(value.trimmed());
    if (!parsed.ok())
        return parsed.error();
    return parsed->toString();
}

model::Result<QString> checkLogLevel(const QString& value)
{
    const QString level = value.trimmed().toLower();
    if (!log::isValidLevel(level))
        return model::Error::permanent(
            QStringLiteral("log_level takes trace, debug, info, warn, error or off, not \"%1\".").arg(value.left(64)));
    return level;
}

// The public address providers post webhooks to: a tunnel of the user's that forwards to the
// loopback receiver. https only (plain http for this computer, as for tests); empty: none.
model::Result<QString> checkWebhookPublicUrl(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return QString();
    const QUrl url(trimmed, QUrl::StrictMode);
    const auto refuse = [&](const QString& why) {
        return model::Error::permanent(
            QStringLiteral("webhook_public_url takes the https address of your tunnel to the webhook receiver "
                           "(such as https://example.com/plaid), or nothing; \"%1\" %2.")
                .arg(trimmed.left(64), why));
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(QStringLiteral("is not a complete address"));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && !(scheme == u"http" && providers::http::isLoopbackHost(url.host())))
        return refuse(QStringLiteral("does not use https"));
    if (!url.userInfo().isEmpty())
        return refuse(QStringLiteral("must not hold a user name or password"));
    return url.toString(QUrl::FullyEncoded);
}

std::optional<int> wholeNumberIn(const UserSetting& s, const QString& value)
{
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < s.min || n > s.max)
        return std::nullopt;
    return n;
}

} // namespace

const QList<UserSetting>& userSettings()
{
    using namespace settingKey;
    static const QList<UserSetting> all{
        number(QStringLiteral("pending_expiry_days"),
               QStringLiteral("days a pending transaction may go unreported before it expires"), 10, 1, 90),
        number(QStringLiteral("full_refetch_days"),
               QStringLiteral(
                   "re-fetch each connection's whole history this often, to check what syncs stored (0: never)"),
               7, 0, 365),
        number(kRetentionArchiveYears,
               QStringLiteral("move transactions older than this many years to an archive file (0: never)"), 0, 0, 100),
        number(kRetentionRawDays, QStringLiteral("delete kept provider payloads older than this many days (0: never)"),
               180, 0, 36500),
        number(kStaleAfterHours,
               QStringLiteral("hours without a successful sync before a connection's data counts as stale"), 24, 1,
               720),
        number(kFailuresBeforeNotifying,
               QStringLiteral("failed syncs in a row before the desktop tells you about them"), 3, 1, 50),
        number(kConsentWarningDays, QStringLiteral("days before a bank's consent runs out that the desktop warns you"),
               7, 1, 90),
        text(kDefaultSchedule,
             QStringLiteral("schedule of new connections (\"every 4h\", \"daily 06:30\", \"cron ...\")"),
             QStringLiteral("every 4h"), checkSchedule),
        text(kLogLevel, QStringLiteral("log detail: trace, debug, info, warn, error or off (--log-level overrides it)"),
             QStringLiteral("info"), checkLogLevel),
        number(kWebhookEnabled,
               QStringLiteral("1: receive provider webhooks on the loopback port (for providers that use them)"), 0, 0,
               1),
        number(kWebhookPort, QStringLiteral("loopback port of the webhook receiver"), 8787, 1024, 65535),
        text(kWebhookPublicUrl,
             QStringLiteral("https address of your tunnel to http://127.0.0.1:<webhook_port>/plaid, given to "
                            "Plaid for webhooks (empty: none)"),
             QString(), checkWebhookPublicUrl),
    };
    return all;
}

const UserSetting* findUserSetting(const QString& key)
{
    const auto& all = userSettings();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const UserSetting& s) { return s.key == key; });
    return it == all.cend() ? nullptr : &*it;
}

QString userSettingShown(const UserSetting& setting, const QString& stored)
{
    if (stored.isEmpty())
        return setting.defaultShown();
    if (setting.isText()) {
        const auto checked = setting.check(stored);
        return checked.ok() ? checked.value() : setting.defaultText;
    }
    const auto n = wholeNumberIn(setting, stored);
    return QString::number(n ? *n : setting.defaultValue);
}

QString userSettingText(Database& db, const QString& key)
{
    const UserSetting* known = findUserSetting(key);
    if (!known)
        return {};
    const auto stored = SettingsRepository(db).value(key);
    return userSettingShown(*known, stored.ok() ? stored.value() : QString());
}

int userSetting(Database& db, const QString& key)
{
    const UserSetting* known = findUserSetting(key);
    return known && !known->isText() ? userSettingText(db, key).toInt() : 0;
}

model::Result<QString> checkUserSetting(const QString& key, const QString& value)
{
    const UserSetting* known = findUserSetting(key);
    if (!known)
        return model::Error::permanent(QStringLiteral("There is no setting \"%1\".").arg(key.left(64)));
    if (known->isText())
        return known->check(value);
    if (const auto n = wholeNumberIn(*known, value))
        return QString::number(*n);
    return model::Error::permanent(QStringLiteral("%1 takes a whole number from %2 to %3, not \"%4\".")
                                       .arg(key)
                                       .arg(known->min)
                                       .arg(known->max)
                                       .arg(value.left(64)));
}

model::Status setUserSetting(Database& db, const QString& key, const QString& value)
{
    const auto canonical = checkUserSetting(key, value);
    if (!canonical.ok())
        return canonical.error();
    return SettingsRepository(db).setValue(key, canonical.value());
}

} // namespace coffer::store
