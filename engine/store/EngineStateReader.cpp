#include "store/EngineStateReader.h"

#include "store/UserSettings.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

using model::Error;
using model::Result;

EngineStateReader::EngineStateReader(std::unique_ptr<ReadOnlyConnection> connection)
    : m_connection(std::move(connection))
{
}

EngineStateReader::~EngineStateReader() = default;

Result<std::shared_ptr<EngineStateReader>> EngineStateReader::open(const QString& databasePath)
{
    auto connection = ReadOnlyConnection::open(databasePath);
    if (!connection)
        return connection.error();
    return std::shared_ptr<EngineStateReader>(new EngineStateReader(std::move(connection).value()));
}

Result<QMap<QString, QString>> EngineStateReader::readUserSettings(const QString& databasePath)
{
    const auto reader = open(databasePath);
    if (!reader.ok())
        return reader.error();
    return reader.value()->userSettings();
}

Result<QMap<QString, QString>> EngineStateReader::userSettings() const
{
    QSqlQuery q(m_connection->database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings")))
        return Error::storage(QStringLiteral("The database could not read the settings: %1").arg(q.lastError().text()));
    QMap<QString, QString> stored;
    while (q.next())
        stored.insert(q.value(0).toString(), q.value(1).toString());
    QMap<QString, QString> values;
    for (const UserSetting& s : store::userSettings())
        values.insert(s.key, userSettingShown(s, stored.value(s.key)));
    return values;
}

Result<QString> EngineStateReader::runTrigger(qint64 syncRunId) const
{
    QSqlQuery q(m_connection->database());
    q.prepare(QStringLiteral("SELECT trigger FROM sync_runs WHERE id = ?"));
    q.addBindValue(syncRunId);
    if (!q.exec())
        return Error::storage(
            QStringLiteral("The database could not read sync run %1: %2").arg(syncRunId).arg(q.lastError().text()));
    if (!q.next())
        return Error::permanent(QStringLiteral("There is no sync run %1.").arg(syncRunId));
    return q.value(0).toString();
}

} // namespace coffer::store
