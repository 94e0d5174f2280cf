#include "store/AccountRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

using model::Error;
using model::Result;
using model::Status;

namespace {
Error readError(const QSqlQuery& q)
{
    return Error::storage(QStringLiteral("The database could not read accounts: %1").arg(q.lastError().text()));
}
} // namespace

Result<qint64> AccountRepository::upsert(qint64 connectionId, const model::Account& a)
{
    QSqlQuery q(m_db.handle());
    q.prepare(
        QStringLiteral(R"(INSERT INTO accounts (connection_id, provider_id, name, institution, kind, currency, mask)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id, provider_id) DO UPDATE SET
            name = excluded.name, institution = excluded.institution, kind = excluded.kind,
            currency = excluded.currency, mask = excluded.mask
        RETURNING id)"));
    q.addBindValue(connectionId);
    q.addBindValue(a.providerId);
    q.addBindValue(a.name);
    q.addBindValue(a.institution);
    q.addBindValue(model::accountKindName(a.kind));
    q.addBindValue(a.currency);
    q.addBindValue(a.mask);
    if (auto done = m_db.exec(q, "save an account"); !done.ok())
        return done.error();
    if (!q.next())
        return readError(q);
    return q.value(0).toLongLong();
}

Status AccountRepository::recordBalance(qint64 accountId, qint64 syncRunId, const model::Money& balance,
                                        const QDateTime& asOf)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "INSERT INTO balances (account_id, sync_run_id, amount_minor, currency, as_of) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(syncRunId);
    q.addBindValue(balance.minorUnits());
    q.addBindValue(balance.currency());
    q.addBindValue(toIsoUtc(asOf));
    return m_db.exec(q, "save an account balance");
}

Result<QHash<QString, qint64>> AccountRepository::idsByProviderId(qint64 connectionId) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT provider_id, id FROM accounts WHERE connection_id = ?"));
    q.addBindValue(connectionId);
    if (!q.exec())
        return readError(q);
    QHash<QString, qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toString(), q.value(1).toLongLong());
    return ids;
}

Result<QList<model::Account>> AccountRepository::forConnection(qint64 connectionId) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT id, provider_id, name, institution, kind, currency, mask FROM accounts "
                             "WHERE connection_id = ? ORDER BY id"));
    q.addBindValue(connectionId);
    if (!q.exec())
        return readError(q);
    QList<model::Account> out;
    while (q.next()) {
        model::Account a;
        a.id = q.value(0).toLongLong();
        a.connectionId = connectionId;
        a.providerId = q.value(1).toString();
        a.name = q.value(2).toString();
        a.institution = q.value(3).toString();
        a.kind = model::accountKindFromName(q.value(4).toString());
        a.currency = q.value(5).toString();
        a.mask = q.value(6).toString();
        out.append(a);
    }
    return out;
}

} // namespace coffer::store
