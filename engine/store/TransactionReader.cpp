#include "store/TransactionReader.h"

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/TransactionColumns.h"
#include "store/TransactionQuerySql.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

using model::Error;
using model::Result;

TransactionReader::TransactionReader(std::unique_ptr<ReadOnlyConnection> connection)
    : m_connection(std::move(connection))
{
}

TransactionReader::~TransactionReader() = default;

Result<std::shared_ptr<TransactionReader>> TransactionReader::open(const QString& databasePath)
{
    auto connection = ReadOnlyConnection::open(databasePath);
    if (!connection)
        return connection.error();
    return std::shared_ptr<TransactionReader>(new TransactionReader(std::move(connection).value()));
}

bool TransactionReader::hasCurrentSchema(const QString& databasePath)
{
    if (!QFileInfo::exists(databasePath))
        return false;
    auto reader = open(databasePath);
    if (!reader)
        return false;
    QSqlQuery q(reader.value()->m_connection->database());
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() && q.value(0).toInt() == latestSchemaVersion();
}

Result<QList<TransactionRow>> TransactionReader::page(const ListPosition& after, int limit) const
{
    return page(TransactionQuery{}, after, limit);
}

Result<QList<TransactionRow>> TransactionReader::page(const TransactionQuery& query, const ListPosition& after,
                                                      int limit) const
{
    const SqlConditions conditions = filterConditions(query.filter);
    const QStringList keys = sortExpressions(query.sortColumn) << QStringLiteral("t.id");
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    auto dense = searchIsDense(query);
    if (!dense)
        return dense.error();
    // A search matching many rows is listed newest first fastest by walking the date index and
    // keeping the matches (a few thousand rows for 500 matches); SQLite's own choice looks every
    // match up and sorts them, which takes half a second for 100,000 matches. Few matches are
    // best found that way, so it is left to choose then.
    const QString table = dense.value() && query.sortColumn == SortColumn::Date
                              ? QStringLiteral("transactions t INDEXED BY transactions_date")
                              : QStringLiteral("transactions t");
    QString sql = QStringLiteral("SELECT ") + kTransactionColumns +
                  QStringLiteral(", a.name, COALESCE(c.name, ''), "
                                 "EXISTS (SELECT 1 FROM transactions f WHERE f.matched_to = t.id) FROM ") +
                  table +
                  QStringLiteral(" JOIN accounts a ON a.id = t.account_id "
                                 "LEFT JOIN connections c ON c.id = a.connection_id WHERE 1") +
                  conditions.sql;
    const QVariantList position =
        after.sortKey.isValid() ? after.sortKey.toList() : QVariantList{formatIsoDate(after.bookedOn)};
    const bool seek = !after.isStart() && position.size() + 1 == keys.size();
    if (!seek && !after.isStart())
        return Error::permanent(QStringLiteral("A listing cannot continue from a position of another order."));
    if (seek) {
        // A row value, so SQLite seeks the index to where the page starts; the equivalent OR
        // made it walk the index from the top past every row already shown.
        QStringList marks;
        for (qsizetype i = 0; i < keys.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND (") + keys.join(QStringLiteral(", ")) +
               (query.descending ? QStringLiteral(") < (") : QStringLiteral(") > (")) +
               marks.join(QStringLiteral(", ")) + u')';
    }
    sql += QStringLiteral(" ORDER BY ") + keys.join(direction + QStringLiteral(", ")) + direction +
           QStringLiteral(" LIMIT ?");
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& bind : conditions.binds)
        q.addBindValue(bind);
    if (seek) {
        for (const QVariant& key : position)
            q.addBindValue(key);
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
        row.hasFolded = q.value(kTransactionColumnCount + 2).toBool();
        rows.append(std::move(row));
    }
    return rows;
}

Result<bool> TransactionReader::searchIsDense(const TransactionQuery& query) const
{
    const QString fts = ftsQueryFor(query.filter.search);
    if (fts.isEmpty())
        return false;
    if (fts == m_countedSearch)
        return m_searchMatches >= kDenseSearchMatches;
    // Counting stops at the threshold: reading every match of "co" only to learn that there are
    // many costs more than the listing itself.
    QSqlQuery q(m_connection->database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ? "
                             "LIMIT ?)"));
    q.addBindValue(fts);
    q.addBindValue(kDenseSearchMatches);
    if (!q.exec() || !q.next())
        return Error::storage(
            QStringLiteral("The database could not search transactions: %1").arg(q.lastError().text()));
    m_countedSearch = fts;
    m_searchMatches = q.value(0).toLongLong();
    return m_searchMatches >= kDenseSearchMatches;
}

ListPosition TransactionReader::positionAfter(const TransactionRow& row, SortColumn column)
{
    return ListPosition{row.transaction.bookedOn, row.transaction.id, sortKeyOf(row, column)};
}

Result<QList<CurrencyTotal>> TransactionReader::totals(const TransactionFilter& filter) const
{
    const SqlConditions conditions = filterConditions(filter);
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.currency, COUNT(*), "
                             "SUM(CASE WHEN t.amount_minor > 0 THEN t.amount_minor ELSE 0 END), "
                             "SUM(CASE WHEN t.amount_minor < 0 THEN t.amount_minor ELSE 0 END) "
                             "FROM transactions t WHERE 1") +
              conditions.sql + QStringLiteral(" GROUP BY t.currency ORDER BY t.currency"));
    for (const QVariant& bind : conditions.binds)
        q.addBindValue(bind);
    if (!q.exec())
        return Error::storage(
            QStringLiteral("The database could not add up transactions: %1").arg(q.lastError().text()));
    QList<CurrencyTotal> totals;
    while (q.next())
        totals.append(CurrencyTotal{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                                    q.value(3).toLongLong()});
    return totals;
}

Result<QList<AccountChoice>> TransactionReader::accounts() const
{
    QSqlQuery q(m_connection->database());
    if (!q.exec(QStringLiteral("SELECT a.id, a.name, COALESCE(a.connection_id, 0), COALESCE(c.name, ''), a.currency "
                               "FROM accounts a LEFT JOIN connections c ON c.id = a.connection_id "
                               "ORDER BY c.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id")))
        return Error::storage(QStringLiteral("The database could not list accounts: %1").arg(q.lastError().text()));
    QList<AccountChoice> accounts;
    while (q.next())
        accounts.append(AccountChoice{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                                      q.value(3).toString(), q.value(4).toString()});
    return accounts;
}

Result<QStringList> TransactionReader::categories() const
{
    QSqlQuery q(m_connection->database());
    if (!q.exec(QStringLiteral("SELECT DISTINCT category FROM transactions WHERE category != '' ORDER BY category")))
        return Error::storage(QStringLiteral("The database could not list categories: %1").arg(q.lastError().text()));
    QStringList categories;
    while (q.next())
        categories.append(q.value(0).toString());
    return categories;
}

Result<TransactionDetail> TransactionReader::detail(qint64 id) const
{
    const QSqlDatabase db = m_connection->database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + kTransactionColumns +
              QStringLiteral(", a.name, COALESCE(c.name, ''), t.raw FROM transactions t JOIN accounts a ON a.id = "
                             "t.account_id LEFT JOIN connections c ON c.id = a.connection_id WHERE t.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(
            QStringLiteral("The database could not read transaction %1: %2").arg(id).arg(q.lastError().text()));
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
        return Error::storage(
            QStringLiteral("The database could not read the audit trail: %1").arg(q.lastError().text()));
    while (q.next())
        d.events.append(TransactionEvent{q.value(0).toString(), fromIsoUtc(q.value(1).toString()),
                                         q.value(2).toLongLong(), q.value(3).toString()});

    q.prepare(QStringLiteral("SELECT ") + kTransactionColumns +
              QStringLiteral(" FROM transactions t WHERE t.matched_to = ? ORDER BY t.id"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(
            QStringLiteral("The database could not read matched transactions: %1").arg(q.lastError().text()));
    while (q.next())
        d.folded.append(transactionFromRow(q));
    return d;
}

Result<qint64> TransactionReader::count() const
{
    QSqlQuery q(m_connection->database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND matched_to IS NULL")) ||
        !q.next())
        return Error::storage(
            QStringLiteral("The database could not count transactions: %1").arg(q.lastError().text()));
    return q.value(0).toLongLong();
}

} // namespace coffer::store
