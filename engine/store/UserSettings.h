#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace coffer::store {

class Database;

// A setting the user may change (cofferctl settings, the settings dialog). Most are whole numbers
// within [min, max]; a text setting (a schedule, a log level) has a default text and a check that
// returns its canonical form or says what is wrong.
struct UserSetting {
    QString key;
    QString meaning;
    int defaultValue = 0;
    int min = 0;
    int max = 0;
    QString defaultText;
    std::function<model::Result<QString>(const QString&)> check; // null for whole numbers

    bool isText() const { return static_cast<bool>(check); }
    QString defaultShown() const { return isText() ? defaultText : QString::number(defaultValue); }
};

const QList<UserSetting>& userSettings();
const UserSetting* findUserSetting(const QString& key);

// Keys the engine and the desktop read by name.
namespace settingKey {
inline const QString kStaleAfterHours = QStringLiteral("stale_after_hours");
inline const QString kFailuresBeforeNotifying = QStringLiteral("failures_before_notifying");
inline const QString kConsentWarningDays = QStringLiteral("consent_warning_days");
inline const QString kDefaultSchedule = QStringLiteral("default_schedule");
inline const QString kLogLevel = QStringLiteral("log_level");
inline const QString kWebhookEnabled = QStringLiteral("webhook_enabled");
inline const QString kWebhookPort = QStringLiteral("webhook_port");
inline const QString kWebhookPublicUrl = QStringLiteral("webhook_public_url");
inline const QString kRetentionArchiveYears = QStringLiteral("retention_archive_years");
inline const QString kRetentionRawDays = QStringLiteral("retention_raw_days");
} // namespace settingKey

// The stored value of a known whole-number setting, or its default when unset or unreadable.
int userSetting(Database& db, const QString& key);
// Any known setting as text: the stored value when valid, else the default.
QString userSettingText(Database& db, const QString& key);
// What a stored raw value means for `setting` (its default when empty or invalid). For readers
// that hold no Database (the desktop's read-only connection).
QString userSettingShown(const UserSetting& setting, const QString& stored);

// The canonical form of a value for a known setting; the error names the setting and what it takes.
model::Result<QString> checkUserSetting(const QString& key, const QString& value);
// Checks and stores a value.
model::Status setUserSetting(Database& db, const QString& key, const QString& value);

} // namespace coffer::store
