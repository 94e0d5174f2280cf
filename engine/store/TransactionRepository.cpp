#include "store/TransactionRepository.h"

#include "store/Database.h"
#include "store/TransactionColumns.h"

#include <QDateTime>

namespace coffer::store {

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

QByteArray select(const char* rest)
{
    return QByteArray("SELECT ") + kTransactionColumnsSql + " FROM transactions t " + rest;
}

QString isoDate(const QDate& d)
{
    return formatIsoDate(d);
}

// The fields both insert and update write, bound from index `first` on; returns the next index.
int bindFields(SqliteStatement& s, int first, const Transaction& t)
{
    int i = first;
    const auto text = [&](const QString& value) { s.bind(i++, value); };
    const auto null = [&] { s.bindNull(i++); };
    text(t.pendingProviderId);
    text(isoDate(t.bookedOn));
    t.authorizedOn ? text(isoDate(*t.authorizedOn)) : null();
    s.bind(i++, t.amount.minorUnits());
    text(t.amount.currency());
    if (t.originalAmount) {
        s.bind(i++, t.originalAmount->minorUnits());
        text(t.originalAmount->currency());
    } else {
        null();
        null();
    }
    for (const QString* field : {&t.descriptionRaw, &t.description, &t.counterparty, &t.category, &t.checkNumber,
                                 &t.reference})
        text(*field);
    text(model::transactionStatusName(t.status));
    return i;
}

} // namespace

TransactionRepository::TransactionRepository(Database& db)
    : m_db(db)
    , m_find(db, select("WHERE account_id = ?1 AND source = ?2 AND provider_id = ?3").constData())
    , m_indexNew(db, "INSERT INTO transactions_fts (rowid, description, counterparty, description_raw) "
                     "SELECT id, description, counterparty, description_raw FROM transactions "
                     "WHERE id > (SELECT indexed_through FROM search_index_state)")
    , m_indexedThrough(db, "UPDATE search_index_state SET indexed_through = "
                           "(SELECT COALESCE(MAX(id), 0) FROM transactions)")
    , m_byId(db, select("WHERE id = ?1").constData())
    , m_stored(db, "SELECT id, raw, status FROM transactions WHERE account_id = ?1 AND source = ?2 AND provider_id = ?3")
    , m_insert(db, "INSERT INTO transactions (account_id, source, provider_id, pending_provider_id, booked_on, "
                   "authorized_on, amount_minor, currency, original_amount_minor, original_currency, description_raw, "
                   "description, counterparty, category, check_number, reference, status, raw, first_seen_run, "
                   "last_changed_run, last_seen_on) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19, "
                   "?20)")
    , m_update(db, "UPDATE transactions SET pending_provider_id = ?1, booked_on = ?2, authorized_on = ?3, "
                   "amount_minor = ?4, currency = ?5, original_amount_minor = ?6, original_currency = ?7, "
                   "description_raw = ?8, description = ?9, counterparty = ?10, category = ?11, check_number = ?12, "
                   "reference = ?13, status = ?14, raw = ?15, last_changed_run = ?16, last_seen_on = ?17 "
                   "WHERE id = ?18")
    , m_markSeen(db, "UPDATE transactions SET last_seen_on = ?1 WHERE id = ?2")
    , m_setStatus(db, "UPDATE transactions SET status = ?1, last_changed_run = ?2 WHERE id = ?3")
    , m_event(db, "INSERT INTO transaction_events (transaction_id, sync_run_id, kind, changes, at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)")
    , m_setMatch(db, "UPDATE transactions SET matched_to = ?1, match_reason = ?2, match_score = ?3, "
                     "last_changed_run = ?4 WHERE id = ?5")
    , m_foldedInto(db, select("WHERE matched_to = ?1 ORDER BY id").constData())
    , m_block(db, "INSERT OR IGNORE INTO match_blocks (first_id, second_id) VALUES (min(?1, ?2), max(?1, ?2))")
    , m_isBlocked(db, "SELECT 1 FROM match_blocks WHERE first_id = min(?1, ?2) AND second_id = max(?1, ?2)")
    , m_openPending(db, select("WHERE account_id = ?1 AND amount_minor BETWEEN ?2 AND ?3 AND booked_on BETWEEN ?4 AND "
                               "?5 AND status = 'pending' AND matched_to IS NULL ORDER BY booked_on, id")
                            .constData())
    , m_openPostedOther(
          db, select("WHERE account_id = ?1 AND amount_minor = ?2 AND booked_on BETWEEN ?3 AND ?4 AND source != ?5 "
                     "AND status = 'posted' AND matched_to IS NULL AND NOT EXISTS (SELECT 1 FROM transactions d "
                     "WHERE d.matched_to = t.id AND d.source = ?5 AND d.status = 'posted') ORDER BY booked_on, id")
                  .constData())
    // Two range reads on the (account, source, id) index; "source != ?" would walk the account's rows.
    , m_hasOtherSource(db, "SELECT EXISTS (SELECT 1 FROM transactions WHERE account_id = ?1 AND source < ?2) "
                           "OR EXISTS (SELECT 1 FROM transactions WHERE account_id = ?1 AND source > ?2)")
    , m_hasOpenPending(db, "SELECT 1 FROM transactions WHERE account_id = ?1 AND status = 'pending' "
                           "AND matched_to IS NULL LIMIT 1")
    , m_inWindow(db, select("WHERE account_id = ?1 AND source = ?2 AND booked_on BETWEEN ?3 AND ?4 AND "
                            "t.status != 'removed'")
                         .constData())
{
}

const QString& TransactionRepository::eventTime()
{
    // Formatting a timestamp for every event of a page costs more than the insert; refresh it
    // when the clock has moved on by a second.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_eventTimeText.isEmpty() || now - m_eventTimeMs >= 1000 || now < m_eventTimeMs) {
        m_eventTimeMs = now;
        m_eventTimeText = toIsoUtc(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
    }
    return m_eventTimeText;
}

Result<QList<Transaction>> TransactionRepository::readAll(SqliteStatement& statement, const char* what)
{
    QList<Transaction> out;
    for (;;) {
        auto row = statement.next(what);
        if (!row.ok())
            return row.error();
        if (!row.value())
            return out;
        out.append(transactionFromRow(statement));
    }
}

Result<std::optional<Transaction>> TransactionRepository::find(qint64 accountId, const QString& source,
                                                               const QString& providerId)
{
    m_find.bind(1, accountId).bind(2, source).bind(3, providerId);
    auto row = m_find.next("look up a transaction");
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Transaction>();
    std::optional<Transaction> found = transactionFromRow(m_find);
    m_find.reset();
    return found;
}

Result<std::optional<StoredRecord>> TransactionRepository::stored(qint64 accountId, const QString& source,
                                                                  const QString& providerId)
{
    m_stored.bind(1, accountId).bind(2, source).bind(3, providerId);
    auto row = m_stored.next("look up a transaction");
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<StoredRecord>();
    StoredRecord r{m_stored.int64(0), m_stored.rawBytes(1), model::transactionStatusFromName(m_stored.text(2))};
    m_stored.reset();
    return std::optional<StoredRecord>(std::move(r));
}

Result<std::optional<Transaction>> TransactionRepository::byId(qint64 id)
{
    m_byId.bind(1, id);
    auto rows = readAll(m_byId, "read a transaction");
    if (!rows.ok())
        return rows.error();
    return rows->isEmpty() ? std::optional<Transaction>() : std::optional<Transaction>(rows->first());
}

Result<qint64> TransactionRepository::insert(const Transaction& t, const QByteArray& raw, qint64 runId,
                                             const QDate& seenOn)
{
    m_insert.bind(1, t.accountId).bind(2, t.source).bind(3, t.providerId);
    const int next = bindFields(m_insert, 4, t);
    m_insert.bindUtf8(next, raw).bind(next + 1, runId).bind(next + 2, isoDate(seenOn));
    if (auto done = m_insert.run("save a new transaction"); !done.ok())
        return done.error();
    return m_insert.lastInsertId();
}

Status TransactionRepository::update(const Transaction& t, const QByteArray& raw, qint64 runId, const QDate& seenOn)
{
    const int next = bindFields(m_update, 1, t);
    m_update.bindUtf8(next, raw).bind(next + 1, runId).bind(next + 2, isoDate(seenOn));
    m_update.bind(next + 3, t.id);
    return m_update.run("save a changed transaction");
}

Status TransactionRepository::markSeen(qint64 id, const QDate& seenOn)
{
    m_markSeen.bind(1, isoDate(seenOn)).bind(2, id);
    return m_markSeen.run("note that a pending transaction is still there");
}

Status TransactionRepository::indexForSearch()
{
    if (auto s = m_indexNew.run("add new transactions to the search index"); !s.ok())
        return s;
    return m_indexedThrough.run("note how far the search index goes");
}

Status TransactionRepository::setStatus(qint64 id, model::TransactionStatus status, qint64 runId)
{
    m_setStatus.bind(1, model::transactionStatusName(status)).bind(2, runId).bind(3, id);
    return m_setStatus.run("change a transaction's status");
}

Status TransactionRepository::addEvent(qint64 transactionId, qint64 runId, EventKind kind, const QString& changes)
{
    m_event.bind(1, transactionId).bind(3, eventName(kind)).bind(4, changes);
    if (runId > 0)
        m_event.bind(2, runId);
    else
        m_event.bindNull(2);
    m_event.bind(5, eventTime());
    return m_event.run("record a transaction event");
}

Status TransactionRepository::setMatch(qint64 id, qint64 survivorId, const QString& reason, double score, qint64 runId)
{
    if (survivorId > 0)
        m_setMatch.bind(1, survivorId).bind(2, reason).bind(3, score);
    else
        m_setMatch.bindNull(1).bind(2, QString()).bindNull(3);
    if (runId > 0)
        m_setMatch.bind(4, runId);
    else
        m_setMatch.bindNull(4);
    m_setMatch.bind(5, id);
    return m_setMatch.run("record a match");
}

Result<QList<Transaction>> TransactionRepository::foldedInto(qint64 id)
{
    m_foldedInto.bind(1, id);
    return readAll(m_foldedInto, "read matched transactions");
}

Status TransactionRepository::block(qint64 a, qint64 b)
{
    m_block.bind(1, a).bind(2, b);
    return m_block.run("remember a split match");
}

Result<bool> TransactionRepository::isBlocked(qint64 a, qint64 b)
{
    m_isBlocked.bind(1, a).bind(2, b);
    auto row = m_isBlocked.next("check a split match");
    if (row.ok() && row.value())
        m_isBlocked.reset();
    return row;
}

Result<QList<Transaction>> TransactionRepository::openPending(qint64 accountId, qint64 minMinor, qint64 maxMinor,
                                                              const QDate& from, const QDate& to)
{
    m_openPending.bind(1, accountId).bind(2, minMinor).bind(3, maxMinor).bind(4, isoDate(from)).bind(5, isoDate(to));
    return readAll(m_openPending, "look for a pending transaction");
}

Result<QList<Transaction>> TransactionRepository::openPostedFromOtherSources(qint64 accountId, const QString& source,
                                                                             qint64 amountMinor, const QDate& from,
                                                                             const QDate& to)
{
    m_openPostedOther.bind(1, accountId).bind(2, amountMinor).bind(3, isoDate(from)).bind(4, isoDate(to));
    m_openPostedOther.bind(5, source);
    return readAll(m_openPostedOther, "look for the same transaction from another source");
}

Result<bool> TransactionRepository::hasOtherSource(qint64 accountId, const QString& source)
{
    m_hasOtherSource.bind(1, accountId).bind(2, source);
    auto row = m_hasOtherSource.next("check an account's sources");
    if (!row.ok())
        return row;
    const bool other = row.value() && m_hasOtherSource.int64(0) != 0;
    m_hasOtherSource.reset();
    return other;
}

Result<bool> TransactionRepository::hasOpenPending(qint64 accountId)
{
    m_hasOpenPending.bind(1, accountId);
    auto row = m_hasOpenPending.next("check for pending transactions");
    if (row.ok() && row.value())
        m_hasOpenPending.reset();
    return row;
}

Result<QList<Transaction>> TransactionRepository::inWindow(qint64 accountId, const QString& source, const QDate& from,
                                                           const QDate& to)
{
    m_inWindow.bind(1, accountId).bind(2, source).bind(3, isoDate(from)).bind(4, isoDate(to));
    return readAll(m_inWindow, "list a date range's transactions");
}

} // namespace coffer::store
