#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>

namespace coffer::store {

class Database;

// A setting the user may change (cofferctl settings, the settings dialog): whole numbers only.
struct UserSetting {
    QString key;
    QString meaning;
    int defaultValue = 0;
    int min = 0;
    int max = 0;
};

const QList<UserSetting>& userSettings();

// The stored value of a known setting, or its default when unset or unreadable.
int userSetting(Database& db, const QString& key);

// Checks and stores a value; the error names the setting and the allowed range.
model::Status setUserSetting(Database& db, const QString& key, const QString& value);

} // namespace coffer::store
