#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>

namespace coffer::store {

class Database;

// Key/value rows of the settings table. Never holds a secret. Thread affinity: the Database's thread.
class SettingsRepository {
public:
    explicit SettingsRepository(Database& db)
        : m_db(db)
    {
    }

    // The stored value, or an empty string when the key is not set.
    model::Result<QString> value(const QString& key) const;
    model::Status setValue(const QString& key, const QString& value);
    // Forgets a key (nothing to do when it is not set).
    model::Status remove(const QString& key);
    // The keys that start with `prefix`, sorted.
    model::Result<QStringList> keysStartingWith(const QString& prefix) const;

private:
    Database& m_db;
};

} // namespace coffer::store
