#include "export/LedgerSource.h"

#include "store/Database.h"
#include "store/TransactionColumns.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::exporting {

using model::Error;
using model::Result;

namespace {

constexpr char kVisible[] = "t.status != 'removed' AND t.matched_to IS NULL";

// The filter's conditions on the transactions aliased t, and their values in order.
struct Conditions {
    QString sql;
    QVariantList values;
};

Conditions conditionsFor(const ExportFilter& filter)
{
    Conditions c{QString::fromLatin1(kVisible), {}};
    if (filter.accountId != 0) {
        c.sql += QStringLiteral(" AND t.account_id = ?");
        c.values << filter.accountId;
    }
    if (filter.from.isValid()) {
        c.sql += QStringLiteral(" AND t.booked_on >= ?");
        c.values << store::formatIsoDate(filter.from);
    }
    if (filter.to.isValid()) {
        c.sql += QStringLiteral(" AND t.booked_on <= ?");
        c.values << store::formatIsoDate(filter.to);
    }
    return c;
}

Error readError(const QSqlQuery& q, const char* what)
{
    return Error::storage(QStringLiteral("The database could not be read for the export (%1): %2")
                              .arg(QString::fromLatin1(what), q.lastError().text()));
}

} // namespace

Error LedgerSource::noSuchAccount(qint64 accountId) const
{
    QSqlQuery q(m_connection->database());
    QStringList known;
    if (q.exec(QStringLiteral("SELECT id, name, currency FROM accounts ORDER BY id"))) {
        while (q.next())
            known << QStringLiteral("%1 %2 (%3)")
                         .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    }
    return Error::permanent(known.isEmpty()
                                ? QStringLiteral("There is no account %1: there are no accounts yet.").arg(accountId)
                                : QStringLiteral("There is no account %1. The accounts are: %2.")
                                      .arg(QString::number(accountId), known.join(QStringLiteral(", "))));
}

LedgerSource::LedgerSource(std::unique_ptr<store::ReadOnlyConnection> connection)
    : m_connection(std::move(connection))
{
}

LedgerSource::~LedgerSource() = default;

Result<std::shared_ptr<LedgerSource>> LedgerSource::open(const QString& databasePath)
{
    auto connection = store::ReadOnlyConnection::open(databasePath);
    if (!connection)
        return connection.error();
    return std::shared_ptr<LedgerSource>(new LedgerSource(std::move(connection).value()));
}

Result<QList<ExportAccount>> LedgerSource::accounts(const ExportFilter& filter) const
{
    const QSqlDatabase db = m_connection->database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT a.id, COALESCE(a.connection_id, 0), a.provider_id, a.name, a.institution, a.kind, "
                             "a.currency, a.mask, COALESCE(c.name, '') FROM accounts a "
                             "LEFT JOIN connections c ON c.id = a.connection_id") +
              (filter.accountId != 0 ? QStringLiteral(" WHERE a.id = ?") : QString()) +
              QStringLiteral(" ORDER BY a.id"));
    if (filter.accountId != 0)
        q.addBindValue(filter.accountId);
    if (!q.exec())
        return readError(q, "accounts");
    QList<ExportAccount> out;
    QHash<qint64, qsizetype> indexOf;
    while (q.next()) {
        ExportAccount e;
        e.account.id = q.value(0).toLongLong();
        e.account.connectionId = q.value(1).toLongLong();
        e.account.providerId = q.value(2).toString();
        e.account.name = q.value(3).toString();
        e.account.institution = q.value(4).toString();
        e.account.kind = model::accountKindFromName(q.value(5).toString());
        e.account.currency = q.value(6).toString();
        e.account.mask = q.value(7).toString();
        e.connectionName = q.value(8).toString();
        indexOf.insert(e.account.id, out.size());
        out.append(std::move(e));
    }
    if (filter.accountId != 0 && out.isEmpty())
        return noSuchAccount(filter.accountId);

    // One pass over the filtered transactions for every account's figures.
    const Conditions c = conditionsFor(filter);
    q.prepare(QStringLiteral("SELECT t.account_id, t.currency, COUNT(*), SUM(t.status = 'posted'), MIN(t.booked_on), "
                             "MAX(t.booked_on) FROM transactions t WHERE ") +
              c.sql + QStringLiteral(" GROUP BY t.account_id, t.currency ORDER BY t.account_id, COUNT(*) DESC"));
    for (const QVariant& v : c.values)
        q.addBindValue(v);
    if (!q.exec())
        return readError(q, "account figures");
    while (q.next()) {
        const auto at = indexOf.find(q.value(0).toLongLong());
        if (at == indexOf.end())
            continue;
        ExportAccount& e = out[*at];
        e.currencies.append(q.value(1).toString());
        e.transactionCount += q.value(2).toLongLong();
        e.postedCount += q.value(3).toLongLong();
        const QDate first = store::parseIsoDate(q.value(4).toString());
        const QDate last = store::parseIsoDate(q.value(5).toString());
        if (!e.firstDate.isValid() || first < e.firstDate)
            e.firstDate = first;
        if (!e.lastDate.isValid() || last > e.lastDate)
            e.lastDate = last;
    }

    q.prepare(QStringLiteral("SELECT amount_minor, currency, as_of FROM balances WHERE account_id = ? "
                             "ORDER BY id DESC LIMIT 1"));
    for (ExportAccount& e : out) {
        if (e.currencies.isEmpty())
            e.currencies.append(e.account.currency);
        q.addBindValue(e.account.id);
        if (!q.exec())
            return readError(q, "balances");
        if (q.next()) {
            e.latestBalance = model::Money(q.value(0).toLongLong(), q.value(1).toString());
            e.balanceAsOf = store::fromIsoUtc(q.value(2).toString());
        }
    }
    return out;
}

Result<QList<store::TransactionRow>> LedgerSource::page(const ExportFilter& filter, const store::ListPosition& after,
                                                        int limit) const
{
    QSqlQuery q(m_connection->database());
    const Conditions c = conditionsFor(filter);
    QString sql = QStringLiteral("SELECT ") + store::kTransactionColumns +
                  QStringLiteral(", a.name, COALESCE(cn.name, '') FROM transactions t JOIN accounts a ON a.id = "
                                 "t.account_id LEFT JOIN connections cn ON cn.id = a.connection_id WHERE ") +
                  c.sql;
    if (!after.isStart())
        sql += QStringLiteral(" AND (t.booked_on, t.id) > (?, ?)"); // a row value: the index seeks to it
    sql += QStringLiteral(" ORDER BY t.booked_on, t.id LIMIT ?");
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : c.values)
        q.addBindValue(v);
    if (!after.isStart()) {
        q.addBindValue(store::formatIsoDate(after.bookedOn));
        q.addBindValue(after.id);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return readError(q, "transactions");
    QList<store::TransactionRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        store::TransactionRow row;
        row.transaction = store::transactionFromRow(q);
        row.accountName = q.value(store::kTransactionColumnCount).toString();
        row.connectionName = q.value(store::kTransactionColumnCount + 1).toString();
        rows.append(std::move(row));
    }
    return rows;
}

RowPageSource LedgerSource::rowSource(const ExportFilter& filter) const
{
    return [this, filter](const store::ListPosition& after, int limit) { return page(filter, after, limit); };
}

Result<QList<std::pair<QString, bool>>> LedgerSource::categorySides(const ExportFilter& filter) const
{
    QSqlQuery q(m_connection->database());
    const Conditions c = conditionsFor(filter);
    q.prepare(QStringLiteral("SELECT DISTINCT t.category, t.amount_minor < 0 FROM transactions t WHERE ") + c.sql +
              QStringLiteral(" ORDER BY 1, 2"));
    for (const QVariant& v : c.values)
        q.addBindValue(v);
    if (!q.exec())
        return readError(q, "categories");
    QList<std::pair<QString, bool>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toBool()});
    return out;
}

} // namespace coffer::exporting
