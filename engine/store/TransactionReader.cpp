#include "store/TransactionReader.h"

#include "store/Database.h"
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
        // A row value, so SQLite seeks the (booked_on, id) index to where the page starts; the
        // equivalent OR made it walk the index from the top past every row already shown.
        sql += QStringLiteral(" AND (t.booked_on, t.id) < (?, ?)");
    sql += QStringLiteral(" ORDER BY t.booked_on DESC, t.id DESC LIMIT ?");
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!after.isStart()) {
        q.addBindValue(after.bookedOn.toString(Qt::ISODate));
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

Result<TransactionDetail> TransactionReader::detail(qint64 id) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + kTransactionColumns +
              QStringLiteral(", a.name, COALESCE(c.name, ''), t.raw FROM transactions t JOIN accounts a ON a.id = "
                             "t.account_id LEFT JOIN connections c ON c.id = a.connection_id WHERE t.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(QStringLiteral("The database could not read transaction %1: %2").arg(id).arg(q.lastError().text()));
    if (!q.next())
        return Error::permanent(QStringLiteral("There is no transaction %1.").arg(id));
    TransactionDetail d;
    d.row.transaction = transactionFromRow(q);
    d.row.accountName = q.value(kTransactionColumnCount).toString();
    d.row.connectionName = q.value(kTransactionColumnCount + 1).toString();
    d.raw = q.value(kTransactionColumnCount + 2).toString();

    q.prepare(QStringLiteral("SELECT kind, at, COALESCE(sync_run_id, 0), changes FROM transaction_events "
                             "WHERE transaction_id = ? ORDER BY id"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(QStringLiteral("The database could not read the audit trail: %1").arg(q.lastError().text()));
    while (q.next())
        d.events.append(TransactionEvent{q.value(0).toString(), fromIsoUtc(q.value(1).toString()),
                                         q.value(2).toLongLong(), q.value(3).toString()});

    q.prepare(QStringLiteral("SELECT ") + kTransactionColumns +
              QStringLiteral(" FROM transactions t WHERE t.matched_to = ? ORDER BY t.id"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(QStringLiteral("The database could not read matched transactions: %1").arg(q.lastError().text()));
    while (q.next())
        d.folded.append(transactionFromRow(q));
    return d;
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
