#include "store/EngineStateReader.h"

#include "store/UserSettings.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace coffer::store {

using model::Error;
using model::Result;

EngineStateReader::EngineStateReader(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

EngineStateReader::~EngineStateReader()
{
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::shared_ptr<EngineStateReader>> EngineStateReader::open(const QString& databasePath)
{
    if (databasePath.isEmpty() || !QFileInfo::exists(databasePath))
        return Error::storage(QStringLiteral("The database %1 does not exist.").arg(databasePath));
    const QString name = QStringLiteral("coffer-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::shared_ptr<EngineStateReader> reader(new EngineStateReader(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open())
        return Error::storage(
            QStringLiteral("Cannot read the settings in %1: %2").arg(databasePath, db.lastError().text()));
    return reader;
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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
