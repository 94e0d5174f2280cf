#include "store/TransactionRepository.h"

#include "store/Database.h"
#include "store/TransactionColumns.h"

#include <QDateTime>
#include <QSqlError>

namespace coffer::store {

using model::Error;
using model::Result;
using model::Status;
using model::Transaction;

namespace {

QString eventName(EventKind kind)
{
    switch (kind) {
    case EventKind::Added: return QStringLiteral("added");
    case EventKind::Modified: return QStringLiteral("modified");
    case EventKind::Removed: return QStringLiteral("removed");
    case EventKind::Matched: return QStringLiteral("matched");
    case EventKind::Unmatched: return QStringLiteral("unmatched");
    }
    return QStringLiteral("modified");
}

QVariant optionalDate(const std::optional<QDate>& d)
{
    return d ? QVariant(d->toString(Qt::ISODate)) : QVariant();
}

void bindFields(QSqlQuery& q, const Transaction& t)
{
    q.addBindValue(t.pendingProviderId);
    q.addBindValue(t.bookedOn.toString(Qt::ISODate));
    q.addBindValue(optionalDate(t.authorizedOn));
    q.addBindValue(t.amount.minorUnits());
    q.addBindValue(t.amount.currency());
    q.addBindValue(t.descriptionRaw);
    q.addBindValue(t.description);
    q.addBindValue(t.counterparty);
    q.addBindValue(t.category);
    q.addBindValue(t.checkNumber);
    q.addBindValue(t.reference);
    q.addBindValue(model::transactionStatusName(t.status));
}

} // namespace

TransactionRepository::TransactionRepository(Database& db)
    : m_db(db)
    , m_find(db.handle())
    , m_insert(db.handle())
    , m_update(db.handle())
    , m_setStatus(db.handle())
    , m_event(db.handle())
{
    m_find.prepare(QStringLiteral("SELECT ") + kTransactionColumns
                   + QStringLiteral(" FROM transactions t WHERE account_id = ? AND source = ? AND provider_id = ?"));
    m_insert.prepare(QStringLiteral(
        "INSERT INTO transactions (account_id, source, provider_id, pending_provider_id, booked_on, authorized_on, "
        "amount_minor, currency, description_raw, description, counterparty, category, check_number, reference, status, "
        "raw, first_seen_run, last_changed_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_update.prepare(QStringLiteral(
        "UPDATE transactions SET pending_provider_id = ?, booked_on = ?, authorized_on = ?, amount_minor = ?, currency = ?, "
        "description_raw = ?, description = ?, counterparty = ?, category = ?, check_number = ?, reference = ?, status = ?, "
        "raw = ?, last_changed_run = ? WHERE id = ?"));
    m_setStatus.prepare(QStringLiteral("UPDATE transactions SET status = ?, last_changed_run = ? WHERE id = ?"));
    m_event.prepare(QStringLiteral(
        "INSERT INTO transaction_events (transaction_id, sync_run_id, kind, changes, at) VALUES (?, ?, ?, ?, ?)"));
}

Result<std::optional<Transaction>> TransactionRepository::find(qint64 accountId, const QString& source,
                                                               const QString& providerId)
{
    m_find.addBindValue(accountId);
    m_find.addBindValue(source);
    m_find.addBindValue(providerId);
    if (!m_find.exec())
        return Error::storage(QStringLiteral("The database could not look up a transaction: %1").arg(m_find.lastError().text()));
    std::optional<Transaction> found;
    if (m_find.next())
        found = transactionFromRow(m_find);
    m_find.finish();
    return found;
}

Result<qint64> TransactionRepository::insert(const Transaction& t, const QString& source, const QByteArray& raw, qint64 runId)
{
    m_insert.addBindValue(t.accountId);
    m_insert.addBindValue(source);
    m_insert.addBindValue(t.providerId);
    bindFields(m_insert, t);
    m_insert.addBindValue(QString::fromUtf8(raw));
    m_insert.addBindValue(runId);
    m_insert.addBindValue(runId);
    if (auto done = m_db.exec(m_insert, "save a new transaction"); !done.ok())
        return done.error();
    return m_insert.lastInsertId().toLongLong();
}

Status TransactionRepository::update(const Transaction& t, const QByteArray& raw, qint64 runId)
{
    bindFields(m_update, t);
    m_update.addBindValue(QString::fromUtf8(raw));
    m_update.addBindValue(runId);
    m_update.addBindValue(t.id);
    return m_db.exec(m_update, "save a changed transaction");
}

Status TransactionRepository::setStatus(qint64 id, model::TransactionStatus status, qint64 runId)
{
    m_setStatus.addBindValue(model::transactionStatusName(status));
    m_setStatus.addBindValue(runId);
    m_setStatus.addBindValue(id);
    return m_db.exec(m_setStatus, "change a transaction's status");
}

Status TransactionRepository::addEvent(qint64 transactionId, qint64 runId, EventKind kind, const QString& changes)
{
    m_event.addBindValue(transactionId);
    m_event.addBindValue(runId);
    m_event.addBindValue(eventName(kind));
    m_event.addBindValue(changes);
    m_event.addBindValue(toIsoUtc(QDateTime::currentDateTimeUtc()));
    return m_db.exec(m_event, "record a transaction event");
}

} // namespace coffer::store
