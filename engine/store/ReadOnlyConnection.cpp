#include "store/ReadOnlyConnection.h"

#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace coffer::store {

ReadOnlyConnection::ReadOnlyConnection(QString name)
    : m_name(std::move(name))
{
}

ReadOnlyConnection::~ReadOnlyConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

model::Result<std::unique_ptr<ReadOnlyConnection>> ReadOnlyConnection::open(const QString& databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return model::Error::storage(QStringLiteral("The database %1 does not exist.").arg(databasePath));
    const QString name = QStringLiteral("coffer-ro-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<ReadOnlyConnection> connection(new ReadOnlyConnection(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open())
        return model::Error::storage(
            QStringLiteral("Cannot open the database %1 for reading: %2").arg(databasePath, db.lastError().text()));
    return connection;
}

} // namespace coffer::store
