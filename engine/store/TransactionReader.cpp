#include "store/TransactionReader.h"

#include "store/TransactionColumns.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace coffer::store {

using model::Error;
using model::Result;

TransactionReader::TransactionReader(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

TransactionReader::~TransactionReader()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::shared_ptr<TransactionReader>> TransactionReader::open(const QString& databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return Error::storage(QStringLiteral("The database %1 does not exist.").arg(databasePath));
    const QString name = QStringLiteral("coffer-ro-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::shared_ptr<TransactionReader> reader(new TransactionReader(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open())
        return Error::storage(
            QStringLiteral("Cannot open the database %1 for reading: %2").arg(databasePath, db.lastError().text()));
    return reader;
}

Result<QList<TransactionRow>> TransactionReader::page(const ListPosition& after, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    QString sql =
        QStringLiteral("SELECT ") + kTransactionColumns +
        QStringLiteral(", a.name, COALESCE(c.name, '') FROM transactions t JOIN accounts a ON a.id = t.account_id "
                       "LEFT JOIN connections c ON c.id = a.connection_id WHERE t.status != 'removed' AND t.matched_to IS NULL");
    if (!after.isStart())
        sql += QStringLiteral(" AND (t.booked_on < ? OR (t.booked_on = ? AND t.id < ?))");
    sql += QStringLiteral(" ORDER BY t.booked_on DESC, t.id DESC LIMIT ?");
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!after.isStart()) {
        const QString day = after.bookedOn.toString(Qt::ISODate);
        q.addBindValue(day);
        q.addBindValue(day);
        q.addBindValue(after.id);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return Error::storage(QStringLiteral("The database could not list transactions: %1").arg(q.lastError().text()));
    QList<TransactionRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        TransactionRow row;
        row.transaction = transactionFromRow(q);
        row.accountName = q.value(kTransactionColumnCount).toString();
        row.connectionName = q.value(kTransactionColumnCount + 1).toString();
        rows.append(std::move(row));
    }
    return rows;
}

Result<qint64> TransactionReader::count() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND matched_to IS NULL")) || !q.next())
        return Error::storage(
            QStringLiteral("The database could not count transactions: %1").arg(q.lastError().text()));
    return q.value(0).toLongLong();
}

} // namespace coffer::store
