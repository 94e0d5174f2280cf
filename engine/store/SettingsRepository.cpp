#include "store/SettingsRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

model::Result<QString> SettingsRepository::value(const QString& key) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return model::Error::storage(
            QStringLiteral("The database could not read a setting: %1").arg(q.lastError().text()));
    return q.next() ? q.value(0).toString() : QString();
}

model::Status SettingsRepository::setValue(const QString& key, const QString& value)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    return m_db.exec(q, "save a setting");
}

model::Status SettingsRepository::remove(const QString& key)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
    q.addBindValue(key);
    return m_db.exec(q, "remove a setting");
}

model::Result<QStringList> SettingsRepository::keysStartingWith(const QString& prefix) const
{
    QSqlQuery q(m_db.handle());
    // substr, not LIKE: a prefix may hold '%' or '_'.
    q.prepare(QStringLiteral("SELECT key FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key"));
    q.addBindValue(prefix.size());
    q.addBindValue(prefix);
    if (!q.exec())
        return model::Error::storage(
            QStringLiteral("The database could not read the settings: %1").arg(q.lastError().text()));
    QStringList keys;
    while (q.next())
        keys.append(q.value(0).toString());
    return keys;
}

} // namespace coffer::store
