#pragma once

#include "model/Result.h"
#include "model/Transaction.h"
#include "store/SqliteStatement.h"

#include <QDate>
#include <QList>

#include <optional>

namespace coffer::store {

class Database;

enum class EventKind { Added, Modified, Removed, Matched, Unmatched };

// Just enough of a stored row to tell whether a re-delivery changes anything.
struct StoredRecord {
    qint64 id = 0;
    QByteArray raw;
    model::TransactionStatus status = model::TransactionStatus::Posted;
};

// Reads and writes transactions, their audit events and match links. Statements are prepared
// once on the native handle and reused: this is the hot path of every sync and import.
// "Open" rows are the ones a user sees: not removed and not folded into another transaction.
// Thread affinity: the Database's thread.
class TransactionRepository {
public:
    explicit TransactionRepository(Database& db);

    model::Result<std::optional<model::Transaction>> find(qint64 accountId, const QString& source,
                                                          const QString& providerId);
    model::Result<std::optional<model::Transaction>> byId(qint64 id);
    // The cheap look-up re-delivery needs: a record whose raw bytes are the same is unchanged.
    model::Result<std::optional<StoredRecord>> stored(qint64 accountId, const QString& source,
                                                      const QString& providerId);
    // seenOn: the day the source delivered it (pending rows not delivered for a while expire).
    model::Result<qint64> insert(const model::Transaction& t, const QByteArray& raw, qint64 runId, const QDate& seenOn);
    model::Status update(const model::Transaction& t, const QByteArray& raw, qint64 runId, const QDate& seenOn);
    model::Status markSeen(qint64 id, const QDate& seenOn);
    model::Status setStatus(qint64 id, model::TransactionStatus status, qint64 runId);
    model::Status addEvent(qint64 transactionId, qint64 runId, EventKind kind, const QString& changes = {});
    // Adds the rows written since the last call to the search index. Last in a transaction that
    // inserted rows (see migration 4 for why it is not a trigger).
    model::Status indexForSearch();

    // Folds id into survivorId (0 unfolds it) with the reason and score shown to the user.
    model::Status setMatch(qint64 id, qint64 survivorId, const QString& reason, double score, qint64 runId);
    // Rows folded into id.
    model::Result<QList<model::Transaction>> foldedInto(qint64 id);
    model::Status block(qint64 a, qint64 b);
    model::Result<bool> isBlocked(qint64 a, qint64 b);

    // Candidate lookups for matching, each one indexed range read on (account, amount, date):
    // open pending rows of an account with an amount in [minMinor, maxMinor] booked in [from, to].
    model::Result<QList<model::Transaction>> openPending(qint64 accountId, qint64 minMinor, qint64 maxMinor,
                                                         const QDate& from, const QDate& to);
    // Open posted rows of an account from any source but `source` with exactly this amount, booked in
    // [from, to], that have not already absorbed a row from `source`.
    model::Result<QList<model::Transaction>> openPostedFromOtherSources(qint64 accountId, const QString& source,
                                                                        qint64 amountMinor, const QDate& from,
                                                                        const QDate& to);
    // Cheap checks that let a page skip whole matching steps for an account.
    model::Result<bool> hasOtherSource(qint64 accountId, const QString& source);
    model::Result<bool> hasOpenPending(qint64 accountId);

    // Provider ids of one source's rows in an account booked in [from, to] that are not removed.
    model::Result<QList<model::Transaction>> inWindow(qint64 accountId, const QString& source, const QDate& from,
                                                      const QDate& to);

private:
    model::Result<QList<model::Transaction>> readAll(SqliteStatement& statement, const char* what);
    const QString& eventTime();

    Database& m_db;
    SqliteStatement m_find;
    SqliteStatement m_indexNew;
    SqliteStatement m_indexedThrough;
    SqliteStatement m_byId;
    SqliteStatement m_stored;
    SqliteStatement m_insert;
    SqliteStatement m_update;
    SqliteStatement m_markSeen;
    SqliteStatement m_setStatus;
    SqliteStatement m_event;
    SqliteStatement m_setMatch;
    SqliteStatement m_foldedInto;
    SqliteStatement m_block;
    SqliteStatement m_isBlocked;
    SqliteStatement m_openPending;
    SqliteStatement m_openPostedOther;
    SqliteStatement m_hasOtherSource;
    SqliteStatement m_hasOpenPending;
    SqliteStatement m_inWindow;
    qint64 m_eventTimeMs = 0;
    QString m_eventTimeText;
};

} // namespace coffer::store
