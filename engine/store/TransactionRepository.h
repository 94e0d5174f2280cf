#pragma once

#include "model/Result.h"
#include "model/Transaction.h"

#include <QSqlQuery>

#include <optional>

namespace coffer::store {

class Database;

enum class EventKind { Added, Modified, Removed, Matched, Unmatched };

// Writes transactions and their audit events. Statements are prepared once and reused: this is
// the hot path of every sync. Thread affinity: the Database's thread.
class TransactionRepository {
public:
    explicit TransactionRepository(Database& db);

    model::Result<std::optional<model::Transaction>> find(qint64 accountId, const QString& source,
                                                          const QString& providerId);
    model::Result<qint64> insert(const model::Transaction& t, const QString& source, const QByteArray& raw,
                                 qint64 runId);
    model::Status update(const model::Transaction& t, const QByteArray& raw, qint64 runId);
    model::Status setStatus(qint64 id, model::TransactionStatus status, qint64 runId);
    model::Status addEvent(qint64 transactionId, qint64 runId, EventKind kind, const QString& changes = {});

private:
    Database& m_db;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_setStatus;
    QSqlQuery m_event;
};

} // namespace coffer::store
