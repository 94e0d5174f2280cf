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
    case EventKind::Added:
        return QStringLiteral("added");
    case EventKind::Modified:
        return QStringLiteral("modified");
    case EventKind::Removed:
        return QStringLiteral("removed");
    case EventKind::Matched:
        return QStringLiteral("matched");
    case EventKind::Unmatched:
        return QStringLiteral("unmatched");
    }
    return QStringLiteral("modified");
}

// Binds by position from 0 on every use. Cached statements must not rely on addBindValue(),
// whose position only resets when exec() actually runs.
class Binder {
public:
    explicit Binder(QSqlQuery& query)
        : m_query(query)
    {
    }
    Binder& operator<<(const QVariant& value)
    {
        m_query.bindValue(m_next++, value);
        return *this;
    }

private:
    QSqlQuery& m_query;
    int m_next = 0;
};

QVariant optionalDate(const std::optional<QDate>& d)
{
    return d ? QVariant(d->toString(Qt::ISODate)) : QVariant();
}

void bindFields(Binder& b, const Transaction& t)
{
    b << t.pendingProviderId << t.bookedOn.toString(Qt::ISODate) << optionalDate(t.authorizedOn)
      << t.amount.minorUnits() << t.amount.currency() << t.descriptionRaw << t.description << t.counterparty
      << t.category << t.checkNumber << t.reference << model::transactionStatusName(t.status);
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
    m_find.prepare(QStringLiteral("SELECT ") + kTransactionColumns +
                   QStringLiteral(" FROM transactions t WHERE account_id = ? AND source = ? AND provider_id = ?"));
    m_insert.prepare(QStringLiteral(
        "INSERT INTO transactions (account_id, source, provider_id, pending_provider_id, booked_on, authorized_on, "
        "amount_minor, currency, description_raw, description, counterparty, category, check_number, reference, "
        "status, "
        "raw, first_seen_run, last_changed_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_update.prepare(QStringLiteral("UPDATE transactions SET pending_provider_id = ?, booked_on = ?, authorized_on = "
                                    "?, amount_minor = ?, currency = ?, "
                                    "description_raw = ?, description = ?, counterparty = ?, category = ?, "
                                    "check_number = ?, reference = ?, status = ?, "
                                    "raw = ?, last_changed_run = ? WHERE id = ?"));
    m_setStatus.prepare(QStringLiteral("UPDATE transactions SET status = ?, last_changed_run = ? WHERE id = ?"));
    m_event.prepare(QStringLiteral(
        "INSERT INTO transaction_events (transaction_id, sync_run_id, kind, changes, at) VALUES (?, ?, ?, ?, ?)"));
}

Result<std::optional<Transaction>> TransactionRepository::find(qint64 accountId, const QString& source,
                                                               const QString& providerId)
{
    Binder(m_find) << accountId << source << providerId;
    if (!m_find.exec())
        return Error::storage(
            QStringLiteral("The database could not look up a transaction: %1").arg(m_find.lastError().text()));
    std::optional<Transaction> found;
    if (m_find.next())
        found = transactionFromRow(m_find);
    m_find.finish();
    return found;
}

Result<qint64> TransactionRepository::insert(const Transaction& t, const QString& source, const QByteArray& raw,
                                             qint64 runId)
{
    Binder b(m_insert);
    b << t.accountId << source << t.providerId;
    bindFields(b, t);
    b << QString::fromUtf8(raw) << runId << runId;
    if (auto done = m_db.exec(m_insert, "save a new transaction"); !done.ok())
        return done.error();
    return m_insert.lastInsertId().toLongLong();
}

Status TransactionRepository::update(const Transaction& t, const QByteArray& raw, qint64 runId)
{
    Binder b(m_update);
    bindFields(b, t);
    b << QString::fromUtf8(raw) << runId << t.id;
    return m_db.exec(m_update, "save a changed transaction");
}

Status TransactionRepository::setStatus(qint64 id, model::TransactionStatus status, qint64 runId)
{
    Binder(m_setStatus) << model::transactionStatusName(status) << runId << id;
    return m_db.exec(m_setStatus, "change a transaction's status");
}

Status TransactionRepository::addEvent(qint64 transactionId, qint64 runId, EventKind kind, const QString& changes)
{
    Binder(m_event) << transactionId << runId << eventName(kind) << changes
                    << toIsoUtc(QDateTime::currentDateTimeUtc());
    return m_db.exec(m_event, "record a transaction event");
}

} // namespace coffer::store
